"""What a record read back from the cache must look like before a build uses it.

Entries are signed (cache/key.py), so a crafted one is not even read; this is
the second wall. Every field must have the type its class declares (so a wrong
type, or a list that contains itself, is refused instead of crashing a page),
every id and anchor the form the parser gives them, every URL one the parser
would keep. Nothing that decides a path is taken from an entry: a brief's URL
is made again from its validated date and slug, and what renderers derived
from a brief or a glossary is dropped. Any doubt and the brief is parsed again.
"""

from __future__ import annotations

import dataclasses
import operator
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any, Union

from mkdocs_briefs.core.brief import model
from mkdocs_briefs.core.brief.fields import is_web_url
from mkdocs_briefs.core.brief.markdown.links import link_kind
from mkdocs_briefs.core.brief.markdown.prerender import PrerenderedBody
from mkdocs_briefs.core.brief.parse import ParsedFile
from mkdocs_briefs.core.glossary.terms import Glossary, GlossaryTerm, LoadedGlossary
from mkdocs_briefs.core.ids import is_valid_id
from mkdocs_briefs.core.problems import Location

Check = Callable[[Any], bool]


def valid_parse(parsed: ParsedFile, shown: str) -> bool:
    """`parsed` is a whole, well-formed parse of the brief file shown as `shown`."""
    brief = parsed.brief
    if type(brief) is model.Brief:
        _forget_derived(brief)
    if not _checker(ParsedFile)(parsed):
        return False
    return brief is None or (brief.path == shown and _consistent(brief))


def valid_glossary(loaded: LoadedGlossary, shown: str) -> bool:
    """`loaded` is a whole, well-formed glossary loaded from the file shown as `shown`."""
    if not _checker(LoadedGlossary)(loaded):
        return False
    glossary = loaded.glossary
    terms = glossary.terms
    return (
        glossary.path == shown
        and all(term_id == term.id for term_id, term in terms.items())
        and all(see in terms for term in terms.values() for see in term.see)
    )


def _forget_derived(brief: model.Brief) -> None:
    """What renderers made from a brief is made again; its URL is made from its fields."""
    state = vars(brief)
    state.pop("url", None)  # a cached_property, kept in the object's own dictionary
    if type(state.get("_derived")) is dict:
        state["_derived"] = {}


def _consistent(brief: model.Brief) -> bool:
    """Ids that point inside the brief point at what it declares."""
    sources, body = brief.sources, brief.body
    events = {event.id for event in brief.events}
    return (
        all(source_id == source.id for source_id, source in sources.items())
        and all(cited in sources for claim in body.claims for cited in claim.source_ids)
        and all(cited in sources for event in brief.events for cited in event.sources)
        and all(mention.event_id in events for mention in body.mentions)
    )


def _is_id(value: str) -> bool:
    return is_valid_id(value)


def _all_ids(values: tuple[str, ...] | list[str]) -> bool:
    return all(is_valid_id(value) for value in values)


def _aware(moment: datetime | None) -> bool:
    return moment is None or moment.tzinfo is not None


def _is_location(value: object) -> bool:
    # Written out: most of a brief's records are locations, and the generic check is slower.
    return (
        type(value) is Location
        and type(value.path) is str
        and type(value.line) is int
        and type(value.col) is int
        and value.line >= 0
        and value.col >= 0
    )


def _relative_links(links: tuple[tuple[str, int], ...]) -> bool:
    return all(link_kind(href) == "relative" for href, _ in links)


# Beyond its type, the form a field must have: what the parser gives it.
_FORMS: dict[tuple[type, str], Check] = {
    (model.Brief, "slug"): _is_id,
    (model.Brief, "published"): _aware,
    (model.Brief, "updated"): _aware,
    (model.Source, "id"): _is_id,
    (model.Source, "url"): lambda url: url is None or is_web_url(url),
    (model.Event, "id"): _is_id,
    (model.Event, "sources"): _all_ids,
    (model.Section, "anchor"): _is_id,
    (model.Heading, "anchor"): _is_id,
    (model.Heading, "level"): lambda level: 1 <= level <= 6,
    (model.Claim, "source_ids"): _all_ids,
    (model.Mention, "event_id"): _is_id,
    (model.Mention, "anchor"): _is_id,
    (model.Body, "terms"): _all_ids,
    (PrerenderedBody, "terms"): _all_ids,
    (PrerenderedBody, "links"): _relative_links,
    (GlossaryTerm, "id"): _is_id,
    (GlossaryTerm, "see"): _all_ids,
}


def _empty_list(value: object) -> bool:
    return type(value) is list and not value


def _empty_dict(value: object) -> bool:
    return type(value) is dict and not value


def _plain(value: object, depth: int = 0) -> bool:
    """A value as YAML gives it (text, number, date, list, mapping), not too deep."""
    if depth > 20:
        return False
    if value is None or type(value) in (str, int, float, bool, date, datetime):
        return True
    if type(value) is list:
        return all(_plain(item, depth + 1) for item in value)
    if type(value) is dict:
        return all(type(key) is str and _plain(item, depth + 1) for key, item in value.items())
    return False


# Fields typed `Any`, or filled in after parsing: what a kept record holds there.
_KEPT_AS: dict[tuple[type, str], Check] = {
    (model.Body, "tokens"): _empty_list,  # dropped once the body is rendered
    (model.Body, "prerendered"): lambda value: _checker(PrerenderedBody)(value),
    (model.Brief, "_derived"): _empty_dict,  # emptied on reading (_forget_derived)
    # Front matter for other plugins (parse.PAGE_META_KEYS), as YAML gave it.
    (model.Brief, "page_meta"): lambda value: type(value) is dict and _plain(value),
    # Resolved from other files for each build, never kept (Brief.__getstate__).
    (model.Brief, "lead"): lambda value: value is None,
    (model.Brief, "bylines"): lambda value: value is None,
    (model.Brief, "parsed_events"): lambda value: value is None,
    (Glossary, "rendered"): _empty_dict,  # definitions as pages show them: made per build
}


@cache
def _checker(hint: Any) -> Check:
    """A test of a value against a type as the records declare them."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        if len(args) == 2 and type(None) in args:  # `X | None`, the common case
            (other,) = [arg for arg in args if arg is not type(None)]
            check = _checker(other)
            return lambda value: value is None or check(value)
        options = [_checker(arg) for arg in args]
        return lambda value: any(check(value) for check in options)
    if hint is type(None):
        return lambda value: value is None
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence_of(tuple, args[0])
    if origin is tuple:
        parts = [_checker(arg) for arg in args]
        return lambda value: (
            type(value) is tuple
            and len(value) == len(parts)
            and all(check(item) for check, item in zip(parts, value, strict=True))
        )
    if origin is list:
        return _sequence_of(list, args[0])
    if origin is dict:
        key_check, value_check = _checker(args[0]), _checker(args[1])
        return lambda value: (
            type(value) is dict
            and all(key_check(key) and value_check(item) for key, item in value.items())
        )
    if hint is Location:
        return _is_location
    if dataclasses.is_dataclass(hint):
        return _record_checker(hint)
    if hint is Any:
        raise TypeError("a field typed Any needs its kept form in _KEPT_AS")
    if isinstance(hint, type):  # str, int, bytes, a date, a choice of the model
        return lambda value: type(value) is hint
    raise TypeError(f"no check for {hint!r}")


def _sequence_of(kind: type, item: Any) -> Check:
    if item is str:  # the common case, checked without a call per item
        return lambda value: type(value) is kind and all(type(x) is str for x in value)
    check = _checker(item)
    return lambda value: type(value) is kind and all(check(x) for x in value)


# How one field is checked: its exact type (for plain values, tested without a call) or a
# check, and the check of its form if it has one.
_FieldPlan = tuple[type | None, Check | None, Check | None]


def _record_checker(cls: type) -> Check:
    """The check of a record class, planned on first use: records refer to each other."""
    names = tuple(field.name for field in dataclasses.fields(cls))
    slotted = "__slots__" in vars(cls)
    name_set = set(names)
    # A field the parser never sets (init=False) reads its class default until a build does.
    required = {field.name for field in dataclasses.fields(cls) if field.init}
    values_of = operator.attrgetter(*names)
    plan: list[_FieldPlan] = []

    def check(value: object) -> bool:
        if type(value) is not cls:
            return False
        if not slotted and not required <= vars(value).keys() <= name_set:
            return False  # a field missing, or something else set on the object
        if not plan:
            plan.extend(_plan(cls, names))
        try:
            values = values_of(value)
        except AttributeError:  # a slot never filled
            return False
        for (exact, has_type, has_form), field_value in zip(plan, values, strict=True):
            if exact is not None:
                if type(field_value) is not exact:
                    return False
            elif has_type is not None and not has_type(field_value):
                return False
            if has_form is not None and not has_form(field_value):
                return False
        return True

    return check


def _plan(cls: type, names: tuple[str, ...]) -> list[_FieldPlan]:
    hints = typing.get_type_hints(cls)
    plan: list[_FieldPlan] = []
    for name in names:
        hint, form = hints[name], _FORMS.get((cls, name))
        kept = _KEPT_AS.get((cls, name))
        if kept is not None:
            plan.append((None, kept, form))
        elif isinstance(hint, type) and not dataclasses.is_dataclass(hint):
            plan.append((hint, None, form))
        else:
            plan.append((None, _checker(hint), form))
    return plan
