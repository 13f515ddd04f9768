"""YAML loading: the fast path gives exactly what PyYAML's full construction gives."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_briefs.core.source import yamlsource
from mkdocs_briefs.core.source.yamlsource import Pos, PosDict, PosList, YamlError, load_yaml


def snapshot(value: Any) -> Any:
    """All a caller can see of a loaded value: types, order, positions."""
    if isinstance(value, dict):
        return (
            type(value).__name__,
            sorted(vars(value)),
            value.pos,
            [(snapshot(key), snapshot(item)) for key, item in value.items()],
            list(value.key_pos.items()),
            list(value.value_pos.items()),
            list(value.written.items()),
        )
    if isinstance(value, list):
        return (
            type(value).__name__,
            sorted(vars(value)) if isinstance(value, PosList) else None,
            getattr(value, "pos", None),
            [snapshot(item) for item in value],
            getattr(value, "item_pos", None),
            getattr(value, "written", None),
        )
    if isinstance(value, tuple):
        return ("tuple", [snapshot(item) for item in value])
    # repr: NaN equals NaN, and 0.0 differs from -0.0; the type tells 1 from True.
    return (type(value).__name__, repr(value))


def outcome(load: Any, text: str) -> Any:
    try:
        return ("value", snapshot(load(text)))
    except YamlError as exc:
        return ("error", exc.message, exc.pos)
    except Exception as exc:  # e.g. `!!int x`: PyYAML's own exception, kept as it is
        return ("raised", type(exc).__name__, str(exc))


def verdict(load: Any, text: str) -> Any:
    """Loaded or not, and why not: for values too deep to compare."""
    try:
        load(text)
    except YamlError as exc:
        return (exc.message, exc.pos)
    return "loaded"


def reference(text: str) -> Any:
    return outcome(yamlsource._load_full, text)


def assert_fast(text: str) -> None:
    """The fast path builds it by itself, exactly as the full loader does."""
    assert outcome(yamlsource._load_fast, text) == reference(text)
    assert outcome(load_yaml, text) == reference(text)


def assert_full(text: str) -> None:
    """The fast path hands it over, and the answer is the full loader's."""
    with pytest.raises(Exception):  # noqa: B017 - any refusal hands the text over
        yamlsource._load_fast(text)
    assert outcome(load_yaml, text) == reference(text)


FAST = {
    "nested": """
        title: A title
        sources:
          agency:
            name: The Agency
            kind: media
            tags: [a, b, [c, d], {e: f}]
          other: {name: Other, kind: document}
        events:
          - id: first
            participants:
              - One
              - Two
          - - nested
            - list
          -
          - ''
        """,
    "ints": "a: 0\nb: -5\nc: 0x1F\nd: 0o17\ne: 017\nf: 1_000\ng: +3\nh: 0b101\ni: 190:20:30\n",
    "floats": (
        "a: 1.5\nb: -2.0e+3\nc: .inf\nd: -.Inf\ne: .NaN\nf: 1_000.5\ng: 190:20:30.15\nh: 1e3\n"
    ),
    "bools": "a: yes\nb: No\nc: on\nd: OFF\ne: true\nf: False\ng: y\nh: n\n",
    "nulls": "a: ~\nb: null\nc:\nd: Null\ne: NULL\n~: tilde key\n",
    "dates": (
        "a: 2024-03-01\nb: 2024-03-01T10:00:00Z\nc: 2024-03-01 10:00:00.5 +02:00\nd: 2024-3-1\n"
    ),
    "quoted": "a: '123'\nb: \"true\"\nc: 'null'\nd: 'it''s'\ne: \"tab\\there \\u00e9\"\nf: ''\n",
    "multi-line": (
        "a: |\n  one\n  two\nb: >\n  folded\n  text\n\nc: |-\n  kept\nd: plain\n  over lines\n"
    ),
    "explicit tags": (
        "a: !!str 123\nb: !!int '7'\nc: !!float '1'\nd: !!bool 'yes'\ne: !!null ''\n"
        "f: !!binary aGVsbG8=\ng: !!timestamp 2024-01-01\nh: ! 123\ni: !!str\n"
        "j: !!map {k: v}\nk: !!seq [1]\n"
    ),
    "aliases": "base: &b {name: x, list: &l [1, 2]}\nagain: *b\nlist: *l\nword: &w hi\nsame: *w\n",
    "keys": "1: int\n2.5: float\nfalse: bool\nnull: none\n'3': string\n!!str 4: tagged\n",
    "flow": "{a: 1, b: [x, y, {c: d}], 'e': \"f\"}",
    "top-level list": "- a\n- 1\n- [b]\n",
    "top-level scalar": "just words",
    "top-level number": "42",
    "unicode": "titre: Élection à Kyiv\nemoji: 🗳️\ncjk: 選挙\n",
    "empty": "",
    "comments only": "# nothing\n",
    "document start": "---\na: 1\n",
    "document end": "a: 1\n...\n",
    "explicit key": "? a\n: 1\n? b\n",
    "spaces": "  a:   1   \n  b:    [ x ,  y ]\n",
}

FULL = {
    "merge": "base: &b {a: 1, b: 2}\nmine:\n  <<: *b\n  b: 3\n",
    "merge list": "x: &x {a: 1}\ny: &y {b: 2}\nz:\n  <<: [*x, *y]\n  c: 3\n",
    "merge scalar": "a:\n  <<: 1\n",
    "value key": "=: 1\n",
    "value": "a: =\n",
    "recursive alias": "a: &a [1, *a]\n",
    "recursive map": "a: &a {b: *a}\n",
    "unknown tag": "a: !custom x\n",
    "set": "a: !!set {x, y}\n",
    "omap": "a: !!omap [x: 1, y: 2]\n",
    "pairs": "a: !!pairs [x: 1, x: 2]\n",
    "str tag on a map": "a: !!str {b: c}\n",
    "map tag on a scalar": "a: !!map x\n",
    "bad int": "a: !!int x\n",
    "bad bool": "a: !!bool maybe\n",
    "duplicate key": "title: a\ndate: 2024-01-01\ntitle: b\n",
    "duplicate in nested": "a:\n  b: 1\n  c: 2\n  b: 3\n",
    "duplicate int and float": "1: a\n1.0: b\n",
    "duplicate int and bool": "1: a\ntrue: b\n",
    "duplicate nan": ".nan: a\n.NaN: b\n",
    "list key": "? [a, b]\n: 1\n",
    "map key": "{a: 1}: 2\n",
    "alias map key": "x: &x {a: 1}\n? *x\n: 2\n",
    "binary key": "!!binary aGVsbG8=: 1\n",
    "timestamp key": "!!timestamp 2024-01-01: 1\n",
    "unclosed list": "title: [unclosed\ndate: 2025-07-04\n",
    "mapping in plain": "a: b: c\n",
    "tab": "a:\n\t- b\n",
    "bad indent": "a:\n  - 1\n - 2\n",
    "control character": "a: \x07\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "unknown alias": "a: *nothing\n",
    "unclosed quote": "a: 'open\n",
    "no key": ": 1\n",
}


@pytest.mark.parametrize("text", FAST.values(), ids=FAST.keys())
def test_the_fast_path_builds_what_the_full_loader_builds(text):
    assert_fast(textwrap.dedent(text))


@pytest.mark.parametrize("text", FULL.values(), ids=FULL.keys())
def test_unusual_and_broken_yaml_get_the_full_loaders_answer(text):
    assert_full(text)


def test_the_messages_authors_read_are_kept():
    with pytest.raises(YamlError) as duplicate:
        load_yaml("title: a\nlist:\n  - x\ntitle: b\n")
    assert (duplicate.value.message, duplicate.value.pos) == (
        "invalid YAML: the key 'title' is given twice",
        Pos(4, 1),
    )
    with pytest.raises(YamlError) as not_a_word:
        load_yaml("a: 1\n? [x]\n: 2\n")
    assert (not_a_word.value.message, not_a_word.value.pos) == (
        "invalid YAML: a key must be a plain word",
        Pos(2, 3),
    )
    with pytest.raises(YamlError) as unclosed:
        load_yaml("a: [1, 2\n")
    assert unclosed.value.message == (
        "invalid YAML: expected ',' or ']', but got the end of the YAML"
    )


def test_values_and_positions():
    data = load_yaml("title: Hi\ndate: 2024-05-01\nlist:\n  - 1\n  - {a: true}\n")
    assert data == {"title": "Hi", "date": "2024-05-01", "list": [1, {"a": True}]}
    assert isinstance(data, PosDict) and isinstance(data["list"], PosList)
    assert data.pos == Pos(1, 1)
    assert data.key_pos == {"title": Pos(1, 1), "date": Pos(2, 1), "list": Pos(3, 1)}
    assert data.value_pos == {"title": Pos(1, 8), "date": Pos(2, 7), "list": Pos(4, 3)}
    assert data["list"].item_pos == [Pos(4, 5), Pos(5, 5)]
    assert data["list"][1].value_pos == {"a": Pos(5, 9)}


def test_an_alias_is_the_same_object_as_its_anchor():
    text = "a: &x {k: [1]}\nb: *x\nc: &y [2]\nd: *y\n"
    for data in (load_yaml(text), yamlsource._load_full(text)):
        assert data["a"] is data["b"]
        assert data["c"] is data["d"]


@pytest.mark.parametrize("depth", [*range(1, 400, 9), 99, 100, 101])
def test_deep_nesting_is_judged_by_the_full_loader(depth):
    # Past some depth the full loader finds the document too deep: the fast path
    # must never accept what it refuses.
    sequences = "a: " + "[" * depth + "]" * depth
    mappings = "".join("  " * level + "b:\n" for level in range(depth)) + "  " * depth + "c: 1\n"
    for text in (sequences, mappings):
        assert verdict(load_yaml, text) == verdict(yamlsource._load_full, text)


def test_the_resolver_shortcut_rests_on_the_safe_loaders_resolvers():
    # No wildcard and no path resolvers: the fast composer relies on both.
    assert None not in yamlsource._Loader.yaml_implicit_resolvers
    assert not yamlsource._Loader.yaml_path_resolvers
    assert "tag:yaml.org,2002:timestamp" not in {
        tag for resolvers in yamlsource._IMPLICIT_RESOLVERS.values() for tag, _ in resolvers
    }


# Words the resolvers treat specially, or nearly do.
TRICKY = st.sampled_from(
    [
        *["", "~", "null", "Null", "NULL", "nul", "yes", "Yes", "no", "NO", "on", "Off"],
        *["true", "False", "y", "n", "0", "-0", "+1", "0x1F", "0o17", "017", "0b101"],
        *["1_000", "1:30", "190:20:30.15", ".inf", "-.Inf", ".nan", "1.5", "1e3", "1.0e+3"],
        *["2024-01-01", "2024-01-01T10:00:00Z", "<<", "=", "!", "&", "*", "-", "?", ":"],
        *["a: b", "- x", "# c", "'q'", '"d"', "[x]", "{y}", "tab\there", "line\nbreak"],
    ]
)
SCALARS = st.one_of(
    TRICKY,
    st.text(max_size=20),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
)
KEYS = st.one_of(TRICKY, st.text(max_size=10), st.integers(), st.booleans(), st.none())
DATA = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(KEYS, children, max_size=4),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(
    data=DATA,
    flow=st.sampled_from([None, True, False]),
    indent=st.integers(2, 5),
    width=st.sampled_from([20, 80]),
)
def test_any_dumped_document_loads_the_same(data, flow, indent, width):
    text = yaml.safe_dump(
        data, default_flow_style=flow, indent=indent, width=width, sort_keys=False
    )
    assert_fast(text)


LINE_PARTS = st.lists(
    st.one_of(
        TRICKY,
        st.sampled_from(["  ", "    ", "- ", "key: ", "? ", ": ", "&a ", "*a", "!!str ", "!!int "]),
        st.sampled_from(["<<: *a", "[", "]", "{", "}", ", ", "|", ">", "'", '"', "\t"]),
        st.text(alphabet="ab1: -", max_size=6),
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(LINE_PARTS.map("".join), min_size=1, max_size=8))
def test_any_text_loads_or_fails_the_same(lines):
    text = "\n".join(lines) + "\n"
    assert outcome(load_yaml, text) == reference(text)


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(TRICKY, st.text(max_size=12)), implicit=st.booleans())
def test_the_fast_composer_resolves_the_same_tags(value, implicit):
    fast, full = yamlsource._Composer(""), yamlsource._FastLoader("")
    for kind in (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode):
        flags = (implicit, not implicit)
        assert fast.resolve(kind, value, flags) == full.resolve(kind, value, flags)


def test_the_words_yaml_reads_as_true_or_false_are_kept_as_written():
    data = load_yaml("title: No\nlist: [Yes, 'no', off]\nflag: true\n")
    assert data["title"] is False and data.written == {"title": "No", "flag": "true"}
    assert data["list"].written == {0: "Yes", 2: "off"}
