"""One input for every row of the table in PROBLEMS.md, keyed by the row's name.

Each case is a small site: files by path (text or raw bytes), checked with
`briefs check`'s code, which is the build's. tests/test_problems.py checks that
each row's message is produced by its case, word for word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from images import png

from mkdocs_briefs.core.check.run import CheckResult, check_site
from mkdocs_briefs.core.check.siteconfig import read_site_config

CONFIG = """site_name: Test
docs_dir: content
theme: {name: material}
plugins:
  - briefs:
"""
SITE_URL = "site_url: https://example.org/\n"
TIMEZONE = "      timezone: America/New_York\n"
GLOSSARY = """air-defense:
  term: air defense
  definition: Weapons that destroy incoming aircraft and missiles.
"""


AUTHORS = "jane-doe:\n  name: Jane Doe\n"
WITH_AUTHORS = SITE_URL + CONFIG + TIMEZONE + "      authors: content/authors.yml\n"


@dataclass(frozen=True)
class Case:
    files: dict[str, str | bytes]
    glossary: str | None = GLOSSARY  # None: the site has no glossary
    config: str = SITE_URL + CONFIG + TIMEZONE  # mkdocs.yml, without the glossary option
    stories: str | None = None  # the site's stories file, if it has one
    links: tuple[tuple[str, str], ...] = ()  # (path, where it points) symbolic links


def brief(front: str = "", body: str = "Text about air defense.\n") -> str:
    """A valid brief with `front` added to its front matter and `body` as its text."""
    return f"---\ntitle: T\ndate: 2025-07-04\n{front}---\n\n{body}"


def one(text: str | bytes) -> Case:
    return Case({"briefs/x.md": text})


SOURCE = "sources:\n  ua-official:\n    name: A Ukrainian official\n    kind: anonymous\n"
CITED = "Text. [@ua-official]\n"
EVENT = "events:\n  - id: putin-call\n    when: Thursday\n    title: Trump and Putin speak\n"


def same_as(target: str, *, head: bool = True) -> str:
    """An event `call` that is the same as `target`."""
    return ("events:\n" if head else "") + f"  - id: call\n    same-as: {target}\n"


FIRST = {"briefs/first.md": brief(EVENT)}
STORIES = "ukraine-air-defense:\n  title: U.S. weapons for Ukraine's air defense\n"
SECOND = {"briefs/second.md": brief(same_as("first.md#putin-call"))}

CASES: dict[str, Case] = {
    # --- The file ------------------------------------------------------------------------
    "Empty file": one(b""),
    "Byte-order mark": one(b"\xef\xbb\xbf" + brief().encode()),
    "Bytes that are not UTF-8": one(b"---\ntitle: Caf\xe9\ndate: 2025-07-04\n---\nText.\n"),
    "Binary file": one(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "File too large": one(b"---\ntitle: T\ndate: 2025-07-04\n---\n" + b"a" * 5_000_000),
    "Unreadable file": Case({}, links=(("briefs/x.md", "x.md"),)),  # a link to itself
    "File name not UTF-8": Case({"briefs/x.md": brief(), "briefs/caf\udce9.md": brief()}),
    "File not ending in .md": Case({"briefs/x.md": brief(), "briefs/second.MD": brief()}),
    "No front matter": one("Just text.\n"),
    "Front matter not closed": one("---\ntitle: T\ndate: 2025-07-04\n\nText.\n"),
    "Malformed YAML": one("---\ntitle: [unclosed\ndate: 2025-07-04\n---\nText.\n"),
    "A key given twice": one(brief("sources:\n  a: {name: A, kind: named}\n  a: {name: B}\n")),
    "Front matter not a mapping": one("---\n- title\n- date\n---\nText.\n"),
    # --- Front matter -------------------------------------------------------------------
    "Missing title": one("---\ndate: 2025-07-04\n---\nText.\n"),
    "Empty title": one("---\ntitle: ''\ndate: 2025-07-04\n---\nText.\n"),
    "Title not text": one("---\ntitle: [a, b]\ndate: 2025-07-04\n---\nText.\n"),
    "Other field not text": one(brief("summary: [a, b]\n")),
    "Missing date": one("---\ntitle: T\n---\nText.\n"),
    "Invalid date": one("---\ntitle: T\ndate: July 4\n---\nText.\n"),
    "Date outside the calendar": one(
        "---\ntitle: T\ndate: 9999-12-31T23:00:00-12:00\n---\nText.\n"
    ),
    "Update before publication": one(brief("updated: 2025-07-01\n")),
    "Unknown key": one(brief("tittle: x\n")),
    "Unknown brief type": one(brief("type: opinon\n")),
    "Not a list": one(brief("tags: {a: b}\n")),
    "List item not text": one(brief("tags: [[a]]\n")),
    "Half a character (lone surrogate)": one(brief('summary: "A \\ud800 B"\n')),
    "Not a mapping of sources": one(brief("sources: [a, b]\n")),
    # --- Slugs and page addresses -------------------------------------------------------
    "Slug with / or ..": one(brief("slug: ../../etc\n")),
    "Slug too long": one(brief("slug: " + "a-" * 60 + "b\n")),
    "Tag too long": one(brief("tags: [" + " ".join(["word"] * 25) + "]\n")),
    "File name without a slug": Case({"briefs/....md": brief()}),
    "Brief and docs page with the same URL": Case(
        {"briefs/x.md": brief("slug: about\n"), "content/2025/07/04/about/index.md": "# About\n"}
    ),
    "Two briefs with the same URL": Case(
        {"briefs/a.md": brief("slug: same\n"), "briefs/b.md": brief("slug: same\n")}
    ),
    # --- Sources ------------------------------------------------------------------------
    "Source id of the wrong form": one(brief("sources:\n  UA_official: {name: A, kind: named}\n")),
    "Source not a mapping": one(brief("sources:\n  a: A Ukrainian official\n")),
    "Source without name": one(brief("sources:\n  a: {kind: named}\n")),
    "Source without kind": one(brief("sources:\n  a: {name: A}\n", "Text. [@a]\n")),
    "Unknown source kind": one(brief("sources:\n  a: {name: A, kind: anonymus}\n")),
    "Source URL not http(s)": one(brief(SOURCE + "    url: javascript:alert(1)\n", CITED)),
    "Source never cited": one(brief(SOURCE)),
    # --- Events -------------------------------------------------------------------------
    "Events not a list": one(brief("events: {id: e}\n")),
    "Event id of the wrong form": one(
        brief("events:\n  - id: Putin_Call\n    when: Thursday\n    title: E\n")
    ),
    "Event without id": one(brief("events:\n  - when: Thursday\n    title: E\n")),
    "Event id used twice": one(
        brief(EVENT + "  - id: putin-call\n    when: Friday\n    title: F\n")
    ),
    "Event without title": one(brief("events:\n  - id: e\n    when: Thursday\n")),
    "Event without date": one(brief("events:\n  - id: e\n    title: E\n")),
    "Unresolvable date phrase": one(
        brief("events:\n  - id: e\n    when: Thrusday\n    title: E\n")
    ),
    "Date phrase outside the calendar": one(
        "---\ntitle: T\ndate: 0001-01-01\nevents:\n  - id: e\n    title: E\n"
        "    when: yesterday\n---\nText.\n"
    ),
    "Unknown event kind": one(brief(EVENT + "    kind: phone\n")),
    "Event dated after publication": one(
        brief("events:\n  - id: talks\n    when: 2025-07-10\n    title: Talks\n")
    ),
    "Unknown source in an event": one(brief(SOURCE + EVENT + "    sources: [ua-oficial]\n", CITED)),
    # --- Drafts and scheduled briefs ----------------------------------------------------
    "Placeholder text of a new brief": one(brief("", "Write the news in one or two sentences.\n")),
    "Draft not true or false": one(brief("draft: maybe\n")),
    "Scheduled brief": one("---\ntitle: T\ndate: 2999-01-01T09:00:00-05:00\n---\n\nText.\n"),
    # --- The lead image -----------------------------------------------------------------
    "Image without alt text": Case(
        {"briefs/x.md": brief("image:\n  src: kyiv.png\n"), "briefs/kyiv.png": png(4, 3)}
    ),
    "Image file not found": one(brief("image:\n  src: images/kyiv.png\n  alt: Kyiv\n")),
    "Image of another format": Case(
        {
            "briefs/x.md": brief("image:\n  src: kyiv.bmp\n  alt: Kyiv\n"),
            "briefs/kyiv.bmp": b"BM" + b"\x00" * 60,
        }
    ),
    "Image given as an address": one(
        brief("image:\n  src: https://example.org/kyiv.png\n  alt: Kyiv\n")
    ),
    "Unknown key in the image": Case(
        {
            "briefs/x.md": brief("image:\n  src: kyiv.png\n  alt: Kyiv\n  cpation: Kyiv\n"),
            "briefs/kyiv.png": png(4, 3),
        }
    ),
    # --- Authors ------------------------------------------------------------------------
    "Unknown author id": Case(
        {
            "briefs/x.md": brief("authors: [jane-do, Guest Writer]\n"),
            "content/authors.yml": AUTHORS,
        },
        config=WITH_AUTHORS,
    ),
    "Author without a name": Case(
        {"briefs/x.md": brief(), "content/authors.yml": AUTHORS + "john-roe:\n  role: Editor\n"},
        config=WITH_AUTHORS,
    ),
    "Unknown key in the authors file": Case(
        {"briefs/x.md": brief(), "content/authors.yml": AUTHORS + "  rol: Editor\n"},
        config=WITH_AUTHORS,
    ),
    # --- Corrections --------------------------------------------------------------------
    "Correction without date": one(brief("corrections:\n  - text: Fixed.\n")),
    "Correction date invalid": one(brief("corrections:\n  - date: someday\n    text: Fixed.\n")),
    "Correction without text": one(brief("corrections:\n  - date: 2025-07-05\n")),
    # --- The text -----------------------------------------------------------------------
    "Unknown source cited": one(brief(SOURCE, "Text. [@ua-oficial]\n\n" + CITED)),
    "Citation that is not a source id": one(brief(SOURCE, "Text. [@ua-official; @UA official]\n")),
    "Citation outside a paragraph": one(brief(SOURCE, "## Heading [@ua-official]\n\n" + CITED)),
    "Unknown event link": one(brief(EVENT, "They spoke [on Thursday](#putin-cal).\n")),
    "javascript: link": one(brief("", "A [link](javascript:alert(1)).\n")),
    "Scheme-relative link": one(brief("", "A [link](///evil.example/phish).\n")),
    "data: image": one(brief("", "An ![image](data:image/png;base64,AAAA).\n")),
    "Broken relative link": one(brief("", "See [the other brief](other.md).\n")),
    "Missing image": one(brief("", "![A map](images/map.png)\n")),
    "Top-level heading in the text": one(brief("", "# Title again\n\nText.\n")),
    # --- Pasted text --------------------------------------------------------------------
    "Mis-decoded characters": one(brief("", "Zelensky\u00e2\u20ac\u2122s office said.\n")),
    "Lone Greek or Cyrillic letter": one(brief("", "Russia attacked Ukraine \u03b2 launching.\n")),
    "Control character": one(brief("", "A bell\u0007 rings.\n")),
    # --- The site's configuration ------------------------------------------------------
    "No site_url": Case({"briefs/x.md": brief()}, config=CONFIG + TIMEZONE),
    "No time zone": Case({"briefs/x.md": brief()}, config=SITE_URL + CONFIG),
    # --- The glossary -------------------------------------------------------------------
    "Unknown glossary term": one(brief("", "More [shields](glossary:air-defence).\n")),
    "Glossary with malformed YAML": Case({"briefs/x.md": brief()}, glossary="a: [b\n"),
    "Glossary term of too many words": Case(
        {"briefs/x.md": brief()},
        glossary="long:\n  term: " + " ".join(["arm"] * 13) + "\n  definition: D.\n",
    ),
    "Glossary too large": Case(
        {"briefs/x.md": brief()}, glossary="a:\n  term: a\n  definition: " + "x" * 10_000_000
    ),
    "Glossary term used in no brief": Case({"briefs/x.md": brief("", "Text.\n")}),
    "Glossary link without a glossary": Case(
        {"briefs/x.md": brief("", "More [shields](glossary:air-defense).\n")}, glossary=None
    ),
    # --- Events across briefs (same-as) ---------------------------------------------------
    "same-as without an event id": one(brief(same_as("first.md"))),
    "same-as to an unknown brief": Case(
        {"briefs/x.md": brief(same_as("frist.md#putin-call")), **FIRST}
    ),
    "same-as to an unknown event": Case(
        {"briefs/x.md": brief(same_as("first.md#putin-cal")), **FIRST}
    ),
    "same-as to its own brief": one(brief(EVENT + same_as("x.md#putin-call", head=False))),
    "same-as to a same-as": Case(
        {"briefs/x.md": brief(same_as("second.md#call")), **FIRST, **SECOND}
    ),
    "same-as in a circle": Case(
        {
            "briefs/x.md": brief(same_as("y.md#call")),
            "briefs/y.md": brief(same_as("x.md#call")),
        }
    ),
    # --- Stories ----------------------------------------------------------------------------
    "Unknown story": Case({"briefs/x.md": brief("story: ukraine-air-defence\n")}, stories=STORIES),
    "Brief's story id of the wrong form": one(brief("story: Ukraine_Air\n")),
    "Story without a stories file": one(brief("story: ukraine-air-defense\n")),
    "Story joined by no brief": Case({"briefs/x.md": brief()}, stories=STORIES),
    "Story id of the wrong form": Case(
        {"briefs/x.md": brief("story: ukraine-air-defense\n")},
        stories=STORIES + "Other_Story:\n  title: T\n",
    ),
    "Story without title": Case(
        {"briefs/x.md": brief("story: ukraine-air-defense\n")},
        stories=STORIES + "other:\n  summary: S\n",
    ),
    "Stories file with malformed YAML": Case(
        {"briefs/x.md": brief()}, stories="ukraine-air-defense:\n  title: [unclosed\n"
    ),
    "Dates that disagree": Case(
        {"briefs/x.md": brief(same_as("first.md#putin-call") + "    when: Wednesday\n"), **FIRST}
    ),
}


def write_case(case: Case, project: Path) -> Path:
    """The case as a site folder; returns its mkdocs.yml."""
    (project / "content").mkdir(parents=True)
    (project / "content" / "index.md").write_text("# Home\n")
    config = case.config
    if case.glossary is not None:
        (project / "content" / "glossary.yml").write_text(case.glossary)
        config += "      glossary: content/glossary.yml\n"
    if case.stories is not None:
        (project / "content" / "stories.yml").write_text(case.stories)
        config += "      stories: content/stories.yml\n"
    (project / "briefs").mkdir()
    for name, content in case.files.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for name, target in case.links:
        (project / name).symlink_to(target)
    (project / "mkdocs.yml").write_text(config)
    return project / "mkdocs.yml"


def check_case(case: Case, project: Path) -> CheckResult:
    return check_site(read_site_config(write_case(case, project)), workers=1)
