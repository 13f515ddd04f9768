"""Arbitrary briefs never crash the parser or renderer, and never inject markup.

Property-based: Hypothesis writes front matter and bodies from pieces an
author might paste (markup, odd links, citations, unicode, broken YAML) and
checks that parsing and rendering only ever report problems, and that every
rendered fragment is well-formed HTML with no element or attribute that the
author's text introduced.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mkdocs_briefs.core.brief.parse import (
    BRIEF_KEYS,
    EVENT_KEYS,
    SOURCE_KEYS,
    SiteSettings,
    parse_brief,
)
from mkdocs_briefs.core.glossary.terms import TermMatcher, load_glossary
from mkdocs_briefs.core.ids import slugify
from mkdocs_briefs.core.problems import Problems
from mkdocs_briefs.core.render.feed import FeedEntry, render_feed
from mkdocs_briefs.core.render.page import render_brief
from mkdocs_briefs.core.render.timeline_page import timeline_pages
from mkdocs_briefs.core.siteinfo import SiteInfo
from mkdocs_briefs.core.source.reader import decode_source

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GLOSSARY, _ = load_glossary(
    "air-defense:\n  term: air defense\n  definition: Weapons <b>that</b> stop missiles.\n"
    "nato:\n  term: NATO\n  definition: An alliance. See [air defense](glossary:air-defense).\n",
    "glossary.yml",
)
SETTINGS = SiteSettings(ZoneInfo("America/New_York"), glossary=TermMatcher(GLOSSARY))
PATH = "briefs/fuzz.md"

# Pieces an author (or an attacker) might write.
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "<a href='javascript:alert(1)'>x</a>",
    "</section></p><div>",
    "&lt;script&gt;",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "{{ config }}",
    "{% raw %}",
    "\u00e2\u20ac\u2122",
    "\u202e\u200b\ufeff",
    "\x00\x07\x1b",
]
IDS = ["ua-official", "a", "putin-call", "Bad_Id", "", "e", "air-defense", "../x"]
WORDS = st.sampled_from(
    ["air defense", "NATO", "Thursday", "Thursday night", "upcoming", "today", "July 3", "x"]
)
TEXT = st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE), WORDS)
BODY_PIECES = st.one_of(
    TEXT,
    st.sampled_from(HOSTILE),
    st.builds("[@{}]".format, st.sampled_from(IDS)),
    st.builds("[@{}; @{}]".format, st.sampled_from(IDS), st.sampled_from(IDS)),
    st.builds("[{}](#{})".format, TEXT, st.sampled_from(IDS)),
    st.builds("[{}](glossary:{})".format, TEXT, st.sampled_from(IDS)),
    st.builds(
        "[{}]({})".format,
        TEXT,
        st.sampled_from(
            ["https://example.org", "other.md", "//evil.example", "mailto:x@y", "JaVaScRiPt:x"]
        ),
    ),
    st.builds("![{}]({})".format, TEXT, st.sampled_from(["data:image/png,x", "a.png"])),
    st.builds("**{}:** ".format, TEXT),
    st.sampled_from(
        ["# ", "## ", "### ", "- ", "1. ", "> ", "```\n", "    ", "| a | b |\n|---|---|\n"]
    ),
    st.sampled_from(["\n", "\n\n", " ", "*", "_", "`", "[", "]", "(", ")", "\\", "<", "&"]),
)
BODIES = st.lists(BODY_PIECES, max_size=30).map("".join)

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    TEXT,
    st.sampled_from(["2025-07-04", "2025-07-04T14:10:00-04:00", "July 4", "2025-02-30"]),
)


def values(depth: int = 2):
    if depth == 0:
        return SCALARS
    inner = values(depth - 1)
    return st.one_of(
        SCALARS,
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from([*SOURCE_KEYS, *EVENT_KEYS, *IDS]), inner, max_size=4),
    )


KINDS = st.sampled_from(["named", "anonymous", "social", "no-response", "anonymus", ""])
URLS = st.sampled_from(["https://example.org/a", "javascript:alert(1)", "data:,x", "//x", ""])
SOURCES = st.dictionaries(
    st.sampled_from(IDS),
    st.fixed_dictionaries(
        {"name": TEXT, "kind": KINDS}, optional={"detail": TEXT, "via": TEXT, "url": URLS}
    ),
    max_size=3,
)
EVENTS = st.lists(
    st.fixed_dictionaries(
        {"id": st.sampled_from(IDS), "when": st.one_of(WORDS, TEXT), "title": TEXT},
        optional={
            "kind": st.sampled_from(["call", "strike", "phone"]),
            "participants": st.lists(TEXT, max_size=2),
            "duration": TEXT,
            "sources": st.lists(st.sampled_from(IDS), max_size=2),
        },
    ),
    max_size=3,
)
STRUCTURED = st.fixed_dictionaries(
    {"title": TEXT, "date": st.sampled_from(["2025-07-04", "2025-01-01T00:30:00+00:00"])},
    optional={
        "summary": TEXT,
        "type": st.sampled_from(["analysis", "opinon", ""]),
        "tags": st.lists(TEXT, max_size=3),
        "authors": st.lists(TEXT, max_size=2),
        "sources": SOURCES,
        "events": EVENTS,
        "corrections": st.lists(st.fixed_dictionaries({"date": SCALARS, "text": TEXT}), max_size=2),
        "slug": st.sampled_from(["ok-slug", "../x", "a/b", "UPPER"]),
    },
)
FRONT_MATTERS = st.one_of(
    STRUCTURED,  # the shape authors write, with hostile and broken values
    st.dictionaries(st.sampled_from(BRIEF_KEYS), values(), max_size=6),  # any shape at all
).map(lambda data: yaml.safe_dump(data, allow_unicode=True)) | st.text(max_size=200)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Elements the renderer itself makes; anything else would have come from the author.
ALLOWED = {
    "a", "abbr", "article", "aside", "blockquote", "br", "code", "dd", "details", "div", "dl",
    "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li", "nav", "ol",
    "p", "pre", "section", "small", "span", "strong", "summary", "sup", "table", "tbody", "td",
    "th", "thead", "time", "tr", "ul", "figure", "figcaption", "mark", "button", "meter",
    "progress", "s", "del", "ins", "cite", "q", "b", "i", "dfn", "data",
}  # fmt: skip


class WellFormed(HTMLParser):
    """Fails on an end tag that closes the wrong element, a script, or an on* attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self.errors.append(f"element <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.errors.append(f"attribute {name} on <{tag}>")
            if (
                name in ("href", "src")
                and value
                and value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
            ):
                self.errors.append(f"{name}={value!r}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()


def assert_safe_html(html: str) -> None:
    checker = WellFormed()
    checker.feed(html)
    checker.close()
    assert checker.errors == [], (checker.errors, html)
    assert checker.stack == [], (f"unclosed: {checker.stack}", html)


def check_brief_text(text: str) -> None:
    problems = Problems()
    brief = parse_brief(text, PATH, SETTINGS, problems)
    for problem in problems:
        assert str(problem).startswith(PATH), problem
    event("built" if brief else "dropped with an error")  # shown by --hypothesis-show-statistics
    if brief is None:
        assert problems.has_errors  # a brief is only dropped with an error that says why
        return
    rendered = render_brief(brief, resolve_link=lambda href: None, glossary=GLOSSARY)
    for fragment in (rendered.header, rendered.body, rendered.sourcing, rendered.glossary):
        assert_safe_html(fragment)


@FUZZ
@given(front=FRONT_MATTERS, body=BODIES)
def test_any_front_matter_and_body_parse_and_render_safely(front, body):
    check_brief_text(f"---\n{front}---\n{body}")


@FUZZ
@given(body=BODIES)
def test_any_body_of_a_valid_brief_renders_well_formed_html(body):
    front = (
        "title: T\ndate: 2025-07-04\nsources:\n  ua-official: {name: A, kind: anonymous}\n"
        "  a: {name: B, kind: named}\nevents:\n  - {id: putin-call, when: Thursday, title: C}\n"
        "  - {id: e, when: upcoming, title: D}\n"
    )
    check_brief_text(f"---\n{front}---\n{body}")


@FUZZ
@given(data=st.binary(max_size=300))
def test_any_bytes_are_read_or_refused_with_a_reason(data):
    problems = Problems()
    text = decode_source(b"---\ntitle: T\ndate: 2025-07-04\n---\n" + data, PATH, problems)
    if text is None:
        assert problems.has_errors
    else:
        check_brief_text(text)


@FUZZ
@given(name=st.text(max_size=40))
def test_no_file_name_makes_a_slug_that_leaves_the_site_folder(name):
    slug = slugify(name)
    assert all(c.islower() or c.isdigit() or c == "-" for c in slug) and slug.isascii()
    assert not slug.startswith("-") and not slug.endswith("-")
    assert "/" not in slug and ".." not in slug


# --- Dates at the ends of the calendar ------------------------------------------------

EDGE_DAYS = st.one_of(
    st.dates(date(1, 1, 1), date(1, 3, 31)),
    st.dates(date(2, 2, 20), date(2, 3, 5)),
    st.dates(date(9999, 10, 1), date(9999, 12, 31)),
)
OFFSETS = st.sampled_from(["", "Z", "-12:00", "+14:00", "-04:00", "+00:00"])
EDGE_MOMENTS = st.one_of(
    EDGE_DAYS.map(date.isoformat),
    st.builds(
        lambda day, hour, offset: f"{day.isoformat()}T{hour:02}:00:00{offset}",
        EDGE_DAYS,
        st.integers(0, 23),
        OFFSETS,
    ),
)
EDGE_PHRASES = st.one_of(
    EDGE_MOMENTS,
    st.sampled_from(
        ["yesterday", "last week", "earlier this week", "last Monday", "Sunday night",
         "February 29", "December 31", "January 1", "last night", "today", "upcoming"]
    ),
)  # fmt: skip


@FUZZ
@given(
    published=EDGE_MOMENTS,
    updated=st.none() | EDGE_MOMENTS,
    whens=st.lists(EDGE_PHRASES, min_size=1, max_size=4),
    corrected=st.none() | EDGE_MOMENTS,
)
def test_dates_at_the_ends_of_the_calendar_are_reported_never_raised(
    published, updated, whens, corrected
):
    front = {"title": "T", "date": published}
    if updated:
        front["updated"] = updated
    if corrected:
        front["corrections"] = [{"date": corrected, "text": "Fixed."}]
    front["events"] = [{"id": f"e{i}", "when": when, "title": "E"} for i, when in enumerate(whens)]
    text = f"---\n{yaml.safe_dump(front)}---\nText [then](#e0).\n"
    problems = Problems()
    brief = parse_brief(text, PATH, SETTINGS, problems)
    for problem in problems:
        assert str(problem).startswith(f"{PATH}:"), problem
    if brief is None:
        assert problems.has_errors
        return
    check_brief_text(text)
    timeline_pages([brief])
    feed = render_feed([FeedEntry(brief, "<p>Text</p>")], SiteInfo.make("S", "https://e.org/"))
    assert "<entry>" in feed


# --- Half characters (lone surrogates) --------------------------------------------------

HALVES = st.integers(0xD800, 0xDFFF).map(lambda code: f"\\u{code:04x}")
ESCAPED_TEXT = st.lists(st.one_of(HALVES, st.sampled_from(["a", " ", "é", "\\ud83d\\ude00"])),
                        min_size=1, max_size=6).map("".join)  # fmt: skip


def _has_lone_half(escaped: str) -> bool:
    """Whether the YAML escapes leave a half character once pairs are joined."""
    written = escaped.encode("ascii", "backslashreplace").decode("unicode_escape")
    joined = written.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return any(0xD800 <= ord(char) <= 0xDFFF for char in joined)


@FUZZ
@given(
    fields=st.dictionaries(
        st.sampled_from(["title", "summary", "tag", "source", "detail", "event", "text", "key"]),
        ESCAPED_TEXT,
        min_size=1,
    )
)
def test_half_characters_in_any_field_are_replaced_and_reported(fields):
    def quoted(name: str, default: str) -> str:
        return f'"{fields.get(name, default)}"'

    text = (
        f"---\ntitle: {quoted('title', 'T')}\ndate: 2025-07-04\n"
        f"summary: {quoted('summary', 'S')}\ntags: [{quoted('tag', 't')}]\n"
        f"sources:\n  src:\n    name: {quoted('source', 'N')}\n    kind: named\n"
        f"    detail: {quoted('detail', 'D')}\n"
        f"events:\n  - id: e\n    when: Thursday\n    title: {quoted('event', 'E')}\n"
        f"corrections:\n  - date: 2025-07-05\n    text: {quoted('text', 'C')}\n"
        f"{quoted('key', 'slug')}: x\n---\nText. [@src]\n"
    )
    problems = Problems()
    brief = parse_brief(text, PATH, SETTINGS, problems)
    for problem in problems:
        str(problem).encode("utf-8")  # no half character reaches a message
    lone = any(_has_lone_half(value) for value in fields.values())
    reported = [p for p in problems if "half of a character" in str(p)]
    assert bool(reported) == lone
    if brief is not None:
        rendered = render_brief(brief, resolve_link=lambda href: None, glossary=GLOSSARY)
        for fragment in (rendered.header, rendered.body, rendered.sourcing):
            fragment.encode("utf-8")
        feed = render_feed([FeedEntry(brief, rendered.body)], SiteInfo.make("S", "https://e.org/"))
        feed.encode("utf-8")
