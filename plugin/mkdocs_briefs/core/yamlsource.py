"""YAML loading that remembers where each key and item was written.

Authors need `file:line:col` in every message, so mappings and sequences come
back as dict/list subclasses that carry the position of each key and item.
Timestamps stay strings: the project parses dates itself, with the site's
time zone, instead of PyYAML's guesses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True)
class Pos:
    """1-based line and column inside the YAML text."""

    line: int
    col: int


class PosDict(dict):
    """A mapping that knows where its keys and values start."""

    pos: Pos
    key_pos: dict[Any, Pos]
    value_pos: dict[Any, Pos]

    def where(self, key: Any) -> Pos:
        """Where the value of `key` starts, else where the key is, else the mapping."""
        return self.value_pos.get(key) or self.key_pos.get(key) or self.pos


class PosList(list):
    """A sequence that knows where it and each of its items start."""

    pos: Pos
    item_pos: list[Pos]

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
        result.key_pos[key] = _pos(key_node)
        result.value_pos[key] = _pos(value_node)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> PosList:
    result = PosList(loader.construct_object(child, deep=True) for child in node.value)
    result.pos = _pos(node)
    result.item_pos = [_pos(child) for child in node.value]
    return result


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


def load_yaml(text: str) -> Any:
    """Parse one YAML document; raise YamlError with a readable message and position."""
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
