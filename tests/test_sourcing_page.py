"""The first brief's sourcing, as a reader finds it on the built page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from support import FIRST_BRIEF

from mkdocs_briefs.core.brief.model import SourceKind

BRIEF_URL = "2025/07/04/trump-zelensky-air-defense/"


class Elements(HTMLParser):
    """Every element's attributes, and the links of each source entry."""

    def __init__(self) -> None:
        super().__init__()
        self.by_id: dict[str, dict[str, str]] = {}
        self.links: list[dict[str, str]] = []
        self.source_links: dict[str, list[str]] = {}
        self._source: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if "id" in attributes:
            self.by_id[attributes["id"]] = {"tag": tag, **attributes}
        if tag == "li" and "brief-source" in attributes.get("class", "").split():
            self._source = attributes["data-source"]
            self.source_links[self._source] = []
        if tag == "a":
            self.links.append(attributes)
            if self._source and attributes.get("data-claim"):
                self.source_links[self._source].append(attributes["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol":
            self._source = None


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def citations_in_file() -> dict[str, int]:
    """How many paragraphs or list items of the brief file cite each source."""
    body = FIRST_BRIEF.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    counts: dict[str, int] = {}
    for block in body.split("\n"):
        for source_id in set(
            re.findall(r"@([a-z0-9-]+)", " ".join(re.findall(r"\[@[^\]]*\]", block)))
        ):
            counts[source_id] = counts.get(source_id, 0) + 1
    return counts


def test_the_first_brief_shows_its_five_sources_with_their_kinds(shipped_build):
    html = shipped_build.page(BRIEF_URL)
    found = re.findall(
        r'<li class="brief-source brief-source--([a-z-]+)" id="source-([a-z-]+)"', html
    )
    assert found == [
        ("anonymous", "ua-official"),
        ("anonymous", "call-source"),
        ("social", "zelensky-x"),
        ("named", "trump-remarks"),
        ("no-response", "white-house"),
    ]
    bar = html[html.index('<div class="brief-bar">') :]
    bar = bar[: bar.index("</ul>")]
    assert '<a href="#sourcing">5 sources</a>' in bar
    labels = re.findall(
        r'<span class="brief-bar__count">(\d+)</span> <span class="brief-bar__label">([^<]+)<', bar
    )
    assert labels == [
        ("2", "Anonymous"),
        ("1", "On the record"),
        ("1", "Social post"),
        ("1", "No response"),
    ]
    # Said once: not again in the panel.
    assert html.count("5 sources") == 1


def test_each_source_count_equals_the_citations_in_the_file(shipped_build):
    page = elements(shipped_build.page(BRIEF_URL))
    expected = citations_in_file()
    assert set(expected) == set(page.source_links)
    html = shipped_build.page(BRIEF_URL)
    for source_id, count in expected.items():
        assert len(page.source_links[source_id]) == count, source_id
        entry = html[html.index(f'id="source-{source_id}"') :]
        noun = "claim" if count == 1 else "claims"
        assert f"Cited in {count} {noun}:" in entry[: entry.index("</li>\n")]


def test_every_citation_link_lands_on_its_source(shipped_build):
    page = elements(shipped_build.page(BRIEF_URL))
    citation_links = [a for a in page.links if "brief-cite__link" in a.get("class", "")]
    assert len(citation_links) == sum(
        len(re.findall(r"@", m)) for m in re.findall(r"\[@[^\]]*\]", FIRST_BRIEF.read_text())
    )
    for link in citation_links:
        target = page.by_id[link["href"].removeprefix("#")]
        assert target["data-source"] == link["data-source"]


def test_every_source_links_back_to_each_of_its_claims(shipped_build):
    page = elements(shipped_build.page(BRIEF_URL))
    for source_id, hrefs in page.source_links.items():
        for href in hrefs:
            claim = page.by_id[href.removeprefix("#")]
            assert claim["tag"] in ("p", "li")
            assert source_id in claim["data-sources"].split()


def test_kind_labels_lead_to_the_page_that_explains_them(shipped_build):
    html = shipped_build.page(BRIEF_URL)
    assert 'href="../../../../sources/#anonymous">Anonymous</a>' in html
    kinds_page = shipped_build.page("sources/")
    assert "<h1>How we label sources</h1>" in kinds_page
    for kind in SourceKind:
        assert f'<h2 id="{kind.key}">' in kinds_page
        assert f">{kind.label}</span></h2>" in kinds_page


def test_the_sourcing_script_and_styles_are_on_the_page(shipped_build):
    html = shipped_build.page(BRIEF_URL)
    assert 'src="../../../../assets/briefs/sourcing.js"' in html
    assert 'href="../../../../assets/briefs/sourcing.css"' in html
    assert (shipped_build.site / "assets/briefs/sourcing.js").is_file()
