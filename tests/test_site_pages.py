"""The site around the briefs, as built: front page, archive, months, tags, feed, meta."""

from __future__ import annotations

import itertools
import json
import posixpath
import re
from datetime import date, timedelta
from html.parser import HTMLParser

import feedparser
import pytest
from support import FIRST_BRIEF_URL, TEST_SITE_URL, make_project, run_mkdocs_build

FIRST_TITLE = "Trump tells Zelensky he wants to help Ukraine with air defense, sources say"
SHIPPED_URL = "https://example.org/briefs/"


class Page(HTMLParser):
    """Links, head elements and JSON-LD of a built page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.head_links: list[dict[str, str]] = []
        self.meta: list[tuple[str, str]] = []
        self.json_ld: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and "href" in a:
            self.links.append(a)
        elif tag == "link":
            self.head_links.append(a)
        elif tag == "meta":
            self.meta.append((a.get("property") or a.get("name") or "", a.get("content", "")))
        self._script = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._script:
            self.json_ld.append(data)

    def handle_endtag(self, tag):
        self._script = False


def read(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def nav_links(html: str) -> list[str]:
    """The links of the site's sections row, at the top of every page."""
    nav = html[html.index('class="briefs-sections"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r'<a href="([^"]*)"', nav)


def section(html: str, css_class: str) -> str:
    start = html.index(f'class="{css_class}"')
    return html[start : html.index("</ul>", start)]


def target(site, page_url: str, href: str):
    """The file a relative link on the page at `page_url` leads to."""
    path = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
    assert not path.startswith(("..", "/")), f"{href} on /{page_url} leaves the site"
    file = site if path == "." else site / path
    return file if path.endswith(".xml") else file / "index.html"


# The shipped site


def test_the_front_page_keeps_the_intro_and_leads_with_the_first_brief(shipped_build):
    home = shipped_build.page("")
    intro = home.index("Short news briefs that show how each part of the story is known")
    latest = home.index('<h2 id="latest-briefs">Latest briefs</h2>')
    assert intro < latest
    item = home[latest:]
    item = item[: item.index("</article>")]
    assert f'<a href="{FIRST_BRIEF_URL}">{FIRST_TITLE}</a>' in item
    assert '<time datetime="2025-07-04">July 4, 2025</time>' in item
    assert "President Trump told Ukrainian President Zelensky in a call on Friday" in item
    # The sourcing bar, each kind leading to its first source on the brief's page.
    assert f'<a href="{FIRST_BRIEF_URL}#sourcing">5 sources</a>' in item
    assert (
        f'<a href="{FIRST_BRIEF_URL}#source-ua-official"><span class="brief-bar__count">2' in item
    )
    # The site's name is the masthead's; the page's heading is for screen readers only.
    assert re.search(r'<h1 class="brief-visually-hidden"[^>]*>Briefs', home)
    assert home.count(">Briefs<") == 4  # <title>, masthead, hidden heading, footer


def test_the_nav_has_home_and_archive_but_no_list_pages(shipped_build):
    links = nav_links(shipped_build.page(""))
    assert links == ["./", "timeline/", "stories/", "archive/", "glossary/", "sources/"]
    assert not [link for link in links if "tags" in link or re.search(r"\d{4}/|page/", link)]


def test_the_feed_parses_cleanly_and_holds_the_first_brief(shipped_build):
    feed = feedparser.parse((shipped_build.site / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title == "Briefs"
    assert len(feed.entries) == 1
    entry = feed.entries[0]
    assert entry.title == FIRST_TITLE
    assert entry.link == SHIPPED_URL + FIRST_BRIEF_URL
    assert entry.published == "2025-07-04T00:00:00-04:00"
    assert feed.feed.updated == entry.updated
    assert "a Ukrainian official and a source with knowledge of the call said" in (
        entry.content[0].value
    )


@pytest.mark.parametrize("url", ["", FIRST_BRIEF_URL, "archive/", "sources/", "tags/ukraine/"])
def test_every_page_announces_the_feed(shipped_build, url):
    alternates = [
        link for link in read(shipped_build.page(url)).head_links if link.get("rel") == "alternate"
    ]
    assert len(alternates) == 1
    assert alternates[0]["type"] == "application/atom+xml"
    assert target(shipped_build.site, url, alternates[0]["href"]).name == "feed.xml"
    assert target(shipped_build.site, url, alternates[0]["href"]).is_file()


def test_the_brief_page_has_its_json_ld_and_one_canonical_link(shipped_build):
    page = read(shipped_build.page(FIRST_BRIEF_URL))
    assert len(page.json_ld) == 1
    data = json.loads(page.json_ld[0])
    canonical = SHIPPED_URL + FIRST_BRIEF_URL
    assert data["@type"] == "ReportageNewsArticle"
    assert data["headline"] == FIRST_TITLE
    assert data["description"].startswith("President Trump told Ukrainian President Zelensky")
    assert data["datePublished"] == data["dateModified"] == "2025-07-04"
    assert data["publisher"] == {"@type": "Organization", "name": "Briefs", "url": SHIPPED_URL}
    assert data["author"] == data["publisher"]  # the brief names no author
    assert data["mainEntityOfPage"]["@id"] == data["url"] == canonical
    canonicals = [link["href"] for link in page.head_links if link.get("rel") == "canonical"]
    assert canonicals == [canonical]


def test_the_brief_page_has_open_graph_and_twitter_meta_once(shipped_build):
    meta = read(shipped_build.page(FIRST_BRIEF_URL)).meta
    keys = [key for key, _ in meta]
    for key in ("og:type", "og:title", "og:url", "og:site_name", "twitter:card", "twitter:title"):
        assert keys.count(key) == 1, key
    values = dict(meta)
    assert values["og:title"] == FIRST_TITLE
    assert values["og:url"] == SHIPPED_URL + FIRST_BRIEF_URL
    assert values["article:published_time"] == "2025-07-04"
    assert [v for k, v in meta if k == "article:tag"] == ["Ukraine", "Russia", "Air defense"]


def test_the_brief_tags_lead_to_tag_pages_that_list_it(shipped_build):
    html = shipped_build.page(FIRST_BRIEF_URL)
    tags = [a for a in read(section(html, "brief-tags__list")).links]
    assert [a["href"] for a in tags] == [
        "../../../../tags/ukraine/",
        "../../../../tags/russia/",
        "../../../../tags/air-defense/",
    ]
    for link in tags:
        tag_page = target(shipped_build.site, FIRST_BRIEF_URL, link["href"])
        text = tag_page.read_text(encoding="utf-8")
        assert f"Briefs tagged “{link_text(html, link['href'])}”" in text
        assert f'href="../../{FIRST_BRIEF_URL}">{FIRST_TITLE}</a>' in text
    index = shipped_build.page("tags/")
    assert '<a class="brief-tag" href="../tags/air-defense/">Air defense</a>' in index


def link_text(html: str, href: str) -> str:
    return re.search(rf'href="{re.escape(href)}">([^<]*)</a>', html).group(1)


def test_the_archive_and_its_month_list_the_first_brief(shipped_build):
    archive = shipped_build.page("archive/")
    assert "<h1>Archive</h1>" in archive
    assert f'href="../{FIRST_BRIEF_URL}">{FIRST_TITLE}</a>' in archive
    assert '<a href="../archive/2025/07/">July 2025</a>' in archive
    month = shipped_build.page("archive/2025/07/")
    assert "<h1>July 2025</h1>" in month
    assert f'href="../../../{FIRST_BRIEF_URL}">{FIRST_TITLE}</a>' in month


# A generated corpus of 45 briefs, from May to September 2025


def corpus() -> dict[str, str]:
    briefs = {}
    for n in range(45):
        day = date(2025, 5, 1) + timedelta(days=3 * n)
        tags = ["Even" if n % 2 == 0 else "Odd"] + (["Fives"] if n % 5 == 0 else [])
        briefs[f"b{n:02d}.md"] = (
            f"---\ntitle: Brief {n:02d}\ndate: {day.isoformat()}\ntags: {json.dumps(tags)}\n"
            f"---\n\nThe text of brief {n:02d}.\n"
        )
    return briefs


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("corpus")
    build = run_mkdocs_build(make_project(tmp, corpus()), tmp / "site")
    assert build.returncode == 0, build.output
    return build


def titles(html: str) -> list[str]:
    """The listed briefs' numbers, the front page's lead first."""
    return re.findall(r'class="brief-(?:card|lead)__title"><a href="[^"]*">Brief (\d\d)</a>', html)


def test_45_briefs_fill_three_archive_pages_newest_first(corpus_build):
    pages = [corpus_build.page(u) for u in ("archive/", "archive/page/2/", "archive/page/3/")]
    listed = [t for html in pages for t in titles(html)]
    assert [len(titles(html)) for html in pages] == [20, 20, 5]
    assert listed == [f"{n:02d}" for n in range(44, -1, -1)]
    assert not (corpus_build.site / "archive" / "page" / "4").exists()
    assert "Page 2 of 3" in pages[1]


def test_pagination_links_lead_to_the_neighbouring_pages(corpus_build):
    chain = ["archive/", "archive/page/2/", "archive/page/3/"]
    for url, older in itertools.pairwise(chain):
        html = corpus_build.page(url)
        href = re.search(r'__older" rel="next" href="([^"]+)"', html).group(1)
        assert target(corpus_build.site, url, href) == corpus_build.site / older / "index.html"
        back = re.search(r'__newer" rel="prev" href="([^"]+)"', corpus_build.page(older)).group(1)
        assert target(corpus_build.site, older, back) == corpus_build.site / url / "index.html"


def test_the_nav_stays_small_with_many_briefs(corpus_build):
    for url in ("", "archive/page/3/", "archive/2025/06/", "tags/even/"):
        links = nav_links(corpus_build.page(url))
        resolved = [target(corpus_build.site, url, link) for link in links]
        assert corpus_build.site / "archive" / "index.html" in resolved
        # Home, Timeline, Archive, "How we label sources", the test project's About page.
        assert len(links) == 5, links
        listed = [str(p.relative_to(corpus_build.site)) for p in resolved]
        assert not [p for p in listed if "tags" in p or re.search(r"\d{4}/|page/", p)]


def test_each_month_lists_its_own_briefs(corpus_build):
    expected: dict[str, list[str]] = {}
    for n in range(45):
        day = date(2025, 5, 1) + timedelta(days=3 * n)
        expected.setdefault(f"archive/{day:%Y/%m}/", []).insert(0, f"{n:02d}")
    assert list(expected) == [f"archive/2025/{m:02d}/" for m in (5, 6, 7, 8, 9)]
    for url, numbers in expected.items():
        assert titles(corpus_build.page(url)) == numbers
    archive = corpus_build.page("archive/")
    assert '<a href="../archive/2025/09/">September 2025</a>' in archive
    assert "(11)" in archive  # June: days 1, 4, ..., 28 hold briefs 10 to 20


def test_a_tag_with_more_briefs_than_a_page_is_paginated(corpus_build):
    even = titles(corpus_build.page("tags/even/")) + titles(corpus_build.page("tags/even/page/2/"))
    assert even == [f"{n:02d}" for n in range(44, -1, -2)]
    assert titles(corpus_build.page("tags/fives/")) == [f"{n:02d}" for n in range(40, -1, -5)]
    index = corpus_build.page("tags/")
    assert re.findall(r'class="brief-tag" href="[^"]*">([^<]+)</a>', index) == [
        "Even",
        "Fives",
        "Odd",
    ]


def test_the_front_page_shows_one_page_of_briefs_and_leads_to_the_archive(corpus_build):
    home = corpus_build.page("")
    assert titles(home) == [f"{n:02d}" for n in range(44, 24, -1)]
    # The newest as the lead, with its summary and its sourcing bar, then the others.
    lead = home[home.index('<article class="brief-lead">') :]
    lead = lead[: lead.index("</article>")]
    assert ">Brief 44</a>" in lead  # (these test briefs cite no sources: no bar)
    assert '<a href="archive/">All briefs in the archive →</a>' in home


def test_the_feed_holds_the_20_newest_briefs(corpus_build):
    feed = feedparser.parse((corpus_build.site / "feed.xml").read_bytes())
    assert feed.bozo == 0
    assert [e.title for e in feed.entries] == [f"Brief {n:02d}" for n in range(44, 24, -1)]
    # Each entry carries its brief's whole body, the oldest one in the feed too.
    assert all("<p" in entry.content[0].value for entry in feed.entries)
    newest = date(2025, 5, 1) + timedelta(days=3 * 44)
    assert feed.entries[0].link == f"{TEST_SITE_URL}{newest:%Y/%m/%d}/b44/"


# Corrections, updates and options


CORRECTED = """---
title: Corrected
date: 2025-07-04
updated: 2025-07-06T10:30:00-04:00
corrections:
  - {date: 2025-07-05, text: An earlier version misspelled a name.}
  - {date: 2025-07-06, text: "The call lasted 40 minutes, not 30."}
---

Text.
"""


def test_corrections_and_the_update_are_on_the_brief_page(tmp_path):
    build = run_mkdocs_build(make_project(tmp_path, {"corrected.md": CORRECTED}), tmp_path / "s")
    assert build.returncode == 0, build.output
    html = build.page("2025/07/04/corrected/")
    assert (
        'Updated <time datetime="2025-07-06T10:30:00-04:00">July 6, 2025, 10:30 a.m. EDT</time>'
        in html
    )
    box = html[html.index('<section class="brief-corrections"') :]
    box = box[: box.index("</section>")]
    assert ">Corrections</h2>" in box
    assert re.findall(r'<time datetime="([^"]+)">', box) == ["2025-07-06", "2025-07-05"]
    assert "not 30." in box
    data = json.loads(read(html).json_ld[0])
    assert [c["datePublished"] for c in data["correction"]] == ["2025-07-06", "2025-07-05"]
    assert data["dateModified"] == "2025-07-06T10:30:00-04:00"


def test_without_site_url_the_build_warns_once_and_makes_no_feed(tmp_path):
    project = make_project(tmp_path, {"corrected.md": CORRECTED}, site_url=None)
    strict = run_mkdocs_build(project, tmp_path / "strict")
    assert strict.returncode == 1
    assert strict.output.count("no site_url") == 1
    loose = run_mkdocs_build(project, tmp_path / "loose", strict=False)
    assert loose.returncode == 0, loose.output
    assert not (loose.site / "feed.xml").exists()
    assert "application/atom+xml" not in loose.page("")
    # The page itself is still complete.
    assert "Corrections</h2>" in loose.page("2025/07/04/corrected/")


def test_the_editor_places_the_list_with_a_marker(tmp_path):
    project = make_project(tmp_path, {"corrected.md": CORRECTED})
    (project / "content" / "index.md").write_text(
        "# Our newsroom\n\nFirst words.\n\n<!-- briefs:latest -->\n\n## About us\n\nLast words.\n"
    )
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    home = build.page("")
    assert home.index("First words.") < home.index("Latest briefs") < home.index("Last words.")
    assert "briefs:latest" not in home


def test_without_a_home_page_the_plugin_makes_one(tmp_path):
    project = make_project(tmp_path, {"corrected.md": CORRECTED})
    (project / "content" / "index.md").unlink()
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    home = build.page("")
    assert home.count("Latest briefs") == 1
    assert '<a href="2025/07/04/corrected/">Corrected</a>' in home


def test_per_page_must_be_a_positive_number(tmp_path):
    project = make_project(
        tmp_path, {"corrected.md": CORRECTED}, extra_config="      per_page: 0\n"
    )
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert "per_page" in build.output
    assert "expected a whole number of at least 1, got 0" in build.output


def test_site_search_reads_the_words_not_the_page_furniture(shipped_build):
    index = json.loads((shipped_build.site / "search" / "search_index.json").read_text())
    brief = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(FIRST_BRIEF_URL))
    glossary = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("glossary/"))
    # Citation markers would be indexed as stray numbers; backlinks repeat brief titles.
    assert "<sup>" not in brief and "Source 1" not in brief
    assert "air defense" in brief
    assert "Used in" not in glossary
    assert "interceptor" in glossary.lower()
    # The page itself still has all of it.
    page = shipped_build.page(FIRST_BRIEF_URL)
    assert 'class="brief-cite"' in page
    assert "Used in" in shipped_build.page("glossary/")


def test_site_search_finds_a_brief_on_its_own_page_not_on_every_list(shipped_build):
    index = json.loads((shipped_build.site / "search" / "search_index.json").read_text())
    summary = "President Trump told Ukrainian President Zelensky in a call"
    holding = [doc["location"] for doc in index["docs"] if summary in doc["text"]]
    assert holding == [FIRST_BRIEF_URL]
    # Archive, tag and timeline pages only repeat the briefs: they stay out of the
    # index (parsing them for search was a large share of a big site's build).
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {FIRST_BRIEF_URL, "glossary/", "sources/"} <= pages
    assert not [p for p in pages if p.startswith(("archive/", "tags/", "timeline/"))]
