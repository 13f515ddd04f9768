"""YAML loading that remembers where each key and item was written.

Authors need `file:line:col` in every message, so mappings and sequences come
back as dict/list subclasses that carry the position of each key and item.
Timestamps stay strings: the project parses dates itself, with the site's
time zone, instead of PyYAML's guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml
from yaml import MappingNode, ScalarNode, SequenceNode

from mkdocs_briefs.core.collector import collector_paused


@dataclass(frozen=True, slots=True)
class Pos:
    """1-based line and column inside the YAML text."""

    line: int
    col: int


class PosDict(dict):
    """A mapping that knows where its keys and values start."""

    pos: Pos
    key_pos: dict[Any, Pos]
    value_pos: dict[Any, Pos]
    # The words of values that YAML 1.1 reads as true or false (`title: No`).
    written: dict[Any, str]

    def where(self, key: Any) -> Pos:
        """Where the value of `key` starts, else where the key is, else the mapping."""
        return self.value_pos.get(key) or self.key_pos.get(key) or self.pos


class PosList(list):
    """A sequence that knows where it and each of its items start."""

    pos: Pos
    item_pos: list[Pos]
    written: dict[int, str]  # as PosDict.written, by index

    def where(self, index: int) -> Pos:
        return self.item_pos[index] if index < len(self.item_pos) else self.pos


def _pos(node: yaml.Node) -> Pos:
    return Pos(node.start_mark.line + 1, node.start_mark.column + 1)


class _Loader(yaml.SafeLoader):
    """A safe loader without the timestamp resolver, building Pos containers.

    Its messages and positions are the ones authors read when YAML is broken.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> PosDict:
    result = PosDict()
    result.pos = _pos(node)
    result.key_pos = {}
    result.value_pos = {}
    result.written = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' is given twice", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        if type(result[key]) is bool and isinstance(value_node, ScalarNode):
            result.written[key] = value_node.value
        result.key_pos[key] = _pos(key_node)
        result.value_pos[key] = _pos(value_node)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> PosList:
    result = PosList(loader.construct_object(child, deep=True) for child in node.value)
    result.pos = _pos(node)
    result.item_pos = [_pos(child) for child in node.value]
    result.written = _bool_words(result, node)
    return result


def _bool_words(items: list[Any], node: yaml.SequenceNode) -> dict[int, str]:
    return {
        index: child.value
        for index, (item, child) in enumerate(zip(items, node.value, strict=True))
        if type(item) is bool and isinstance(child, ScalarNode)
    }


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

# libyaml parses an order of magnitude faster: it reads every file first; when it
# finds a problem, the pure-Python loader reads the file again for its clearer message.
if hasattr(yaml, "CSafeLoader"):

    class _FastLoader(yaml.CSafeLoader):
        """The same loader on libyaml's parser."""

    _FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _FastLoader.yaml_constructors = _Loader.yaml_constructors
else:  # pragma: no cover - PyYAML built without libyaml
    _FastLoader = _Loader


class YamlError(Exception):
    """A YAML syntax or structure error with its 1-based position."""

    def __init__(self, message: str, pos: Pos) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


def load_yaml(text: str, halves: list[HalfCharacter] | None = None) -> Any:
    """Parse one YAML document; raise YamlError with a readable message and position.

    No string of the result holds half a character (a surrogate, which no file can
    hold but an escape such as "\\ud800" writes): two halves of a pair are joined, a
    lone half becomes U+FFFD and is added to `halves`.
    """
    with collector_paused():
        try:
            data = _load_fast(text)
        except Exception:  # unusual or broken YAML: the full loader answers, or explains
            data = _load_full(text)
    if "\\u" in text or "\\U" in text:  # only these escapes write one
        found = halves if halves is not None else []
        data = _whole_characters(data, Pos(1, 1), found, set())
        found.sort(key=lambda half: (half.pos.line, half.pos.col))
    return data


@dataclass(frozen=True, slots=True)
class HalfCharacter:
    """A lone surrogate written as an escape: where, and which."""

    pos: Pos
    code: int


def half_character_message(half: HalfCharacter) -> str:
    return (
        f"the text has half of a character ('\\u{half.code:x}', a lone surrogate escape); "
        "it was replaced by U+FFFD: write the character itself, or both halves of its pair"
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole_characters(value: Any, pos: Pos, found: list[HalfCharacter], seen: set[int]) -> Any:
    """`value` with every string made whole; containers are changed in place (with a
    stack, not recursion: the full loader builds documents hundreds of levels deep)."""
    if not isinstance(value, PosDict | PosList):
        return _whole_text(value, pos, found)
    stack: list[PosDict | PosList] = [value]
    while stack:
        container = stack.pop()
        if id(container) in seen:  # an alias: repaired where first seen
            continue
        seen.add(id(container))
        keys = range(len(container)) if isinstance(container, PosList) else list(container)
        for key in keys:
            item = container[key]
            if isinstance(item, PosDict | PosList):
                stack.append(item)
            else:
                container[key] = _whole_text(item, container.where(key), found)
        if isinstance(container, PosDict) and any(
            isinstance(key, str) and _SURROGATE.search(key) for key in container
        ):
            _repair_keys(container, found)
    return value


def _whole_text(value: Any, pos: Pos, found: list[HalfCharacter]) -> Any:
    if not isinstance(value, str) or not _SURROGATE.search(value):
        return value
    joined = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    if lone := _SURROGATE.search(joined):
        found.append(HalfCharacter(pos, ord(lone[0])))
        joined = _SURROGATE.sub("\ufffd", joined)
    return joined


def _repair_keys(mapping: PosDict, found: list[HalfCharacter]) -> None:
    items = list(mapping.items())
    key_pos, value_pos, written = mapping.key_pos, mapping.value_pos, mapping.written
    mapping.clear()
    mapping.key_pos, mapping.value_pos, mapping.written = {}, {}, {}
    for key, item in items:
        new_key = _whole_text(key, key_pos[key], found)
        mapping[new_key] = item
        mapping.key_pos[new_key] = key_pos[key]
        mapping.value_pos[new_key] = value_pos[key]
        if key in written:
            mapping.written[new_key] = written[key]


def _load_full(text: str) -> Any:
    """PyYAML's own construction: the reference for values and for every message."""
    try:
        return yaml.load(text, Loader=_FastLoader)
    except (yaml.YAMLError, RecursionError):
        pass
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        problem = (exc.problem or exc.context or "invalid YAML").replace(
            "'<stream end>'", "the end of the YAML"
        )
        return _raise(f"invalid YAML: {problem}", pos)
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        return _raise(f"invalid YAML: {exc}", Pos(1, 1))
    except RecursionError:
        return _raise("invalid YAML: nested too deeply", Pos(1, 1))


def _raise(message: str, pos: Pos) -> Any:
    raise YamlError(message, pos)


# The fast path. PyYAML's generic construction (caches, generators, constructor
# look-ups per node) costs more than libyaml's parsing, so plain documents are built
# straight from the node tree. Only what is common in front matter is handled here;
# anything else (merge keys, recursive aliases, other tags, any error) raises, and
# the full loader above gives the answer, so values and messages stay its own.

_STR = yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG
_SEQ = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
_MAP = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG

# Scalars are built by the safe loader's own constructors, for identical values.
_SCALAR_CONSTRUCTORS = {
    f"tag:yaml.org,2002:{name}": _Loader.yaml_constructors[f"tag:yaml.org,2002:{name}"]
    for name in ("str", "int", "float", "bool", "null", "binary", "timestamp")
}
_KEY_TYPES = (str, int, float, bool, type(None))

# The implicit resolvers by first character. The safe loader has no wildcard or path
# resolvers, so a plain scalar starting with any other character is a string.
_IMPLICIT_RESOLVERS = {
    first: tuple(resolvers) for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=1 << 12)
def _implicit_tag(value: str) -> str:
    # Keys and words such as `name` or `title` come back in every file.
    for tag, regexp in _IMPLICIT_RESOLVERS[value[:1]]:
        if regexp.match(value):
            return tag
    return _STR


class _Composer(_FastLoader):
    """The fast loader's parser and composer, with fewer steps per tag."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if implicit[0] and value[:1] in _IMPLICIT_RESOLVERS:
                return _implicit_tag(value)
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


_NEW = object()

# Deeper documents take the full loader: its recursion limit says when one is too deep.
_MAX_DEPTH = 100


class _Unusual(Exception):
    """The document needs the full loader."""


@lru_cache(maxsize=1 << 14)
def _pos_at(line: int, column: int) -> Pos:
    # Positions repeat from file to file; a Pos is immutable, so one can be shared.
    return Pos(line + 1, column + 1)


def _load_fast(text: str) -> Any:
    loader = _Composer(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    return None if node is None else _Builder(loader).build(node)


class _Builder:
    """Builds the values of one node tree as the loader above would."""

    def __init__(self, loader: _Composer) -> None:
        self.loader = loader
        # An alias gives the same object, as in PyYAML; None marks one being built.
        self.built: dict[int, PosDict | PosList | None] = {}
        self.depth = 0

    def build(self, node: yaml.Node) -> Any:
        if type(node) is ScalarNode:
            return node.value if node.tag == _STR else self.scalar(node)
        result = self.built.get(id(node), _NEW)
        if result is not _NEW:
            if result is None:  # an alias inside its own anchor
                raise _Unusual
            return result
        self.built[id(node)] = None
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise _Unusual
        if node.tag == _MAP and type(node) is MappingNode:
            result = self.mapping(node)
        elif node.tag == _SEQ and type(node) is SequenceNode:
            result = self.sequence(node)
        else:
            raise _Unusual
        self.depth -= 1
        self.built[id(node)] = result
        return result

    def scalar(self, node: ScalarNode) -> Any:
        construct = _SCALAR_CONSTRUCTORS.get(node.tag)
        if construct is None:
            raise _Unusual
        return construct(self.loader, node)

    def key(self, node: yaml.Node) -> Any:
        """A key other than a string, if it is one the loader accepts."""
        if type(node) is not ScalarNode:
            raise _Unusual
        key = self.scalar(node)
        if type(key) not in _KEY_TYPES:
            raise _Unusual
        return key

    def mapping(self, node: MappingNode) -> PosDict:
        mark = node.start_mark
        result = PosDict()
        result.pos = _pos_at(mark.line, mark.column)
        key_pos = result.key_pos = {}
        value_pos = result.value_pos = {}
        written = result.written = {}
        for key_node, value_node in node.value:
            # Strings, the common case, without a call.
            if type(key_node) is ScalarNode and key_node.tag == _STR:
                key = key_node.value
            else:
                key = self.key(key_node)
            if key in result:
                raise _Unusual
            if type(value_node) is ScalarNode and value_node.tag == _STR:
                result[key] = value_node.value
            else:
                value = result[key] = self.build(value_node)
                if type(value) is bool:
                    written[key] = value_node.value
            mark = key_node.start_mark
            key_pos[key] = _pos_at(mark.line, mark.column)
            mark = value_node.start_mark
            value_pos[key] = _pos_at(mark.line, mark.column)
        return result

    def sequence(self, node: SequenceNode) -> PosList:
        mark = node.start_mark
        result = PosList([self.build(child) for child in node.value])
        result.pos = _pos_at(mark.line, mark.column)
        result.item_pos = [
            _pos_at(child.start_mark.line, child.start_mark.column) for child in node.value
        ]
        result.written = _bool_words(result, node)
        return result
