"""What a brief tells search engines and link previews: JSON-LD, Open Graph, Twitter."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from mkdocs_briefs.core.render.meta import json_ld, render_head, script_json
from mkdocs_briefs.core.siteinfo import SiteInfo

SITE = SiteInfo.make("The Newsroom", "https://news.example.org/briefs")

BRIEF = """---
title: Trump & Zelensky speak </script><script>alert(1)</script>
date: 2025-07-04T14:10:00-04:00
updated: 2025-07-05T09:00:00-04:00
summary: The two leaders spoke for 40 minutes.
type: analysis
tags: [Ukraine, Air defense]
authors: [Jane Doe, John Roe]
sources:
  report: {name: The ministry's report, kind: document, url: "https://example.org/report"}
  official: {name: An official, kind: anonymous}
corrections:
  - {date: 2025-07-05, text: An earlier version misspelled a name.}
  - {date: 2025-07-06, text: "The call lasted 40 minutes, not 30 <really>."}
---

Text. [@report] More. [@official]
"""


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            self.meta.append((a.get("property") or a.get("name") or "", a.get("content") or ""))
        self._in_script = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in_script = False


def head_of(parse, text=BRIEF, site=SITE) -> Head:
    head = Head()
    head.feed(render_head(parse(text).brief, site))
    return head


def test_the_json_ld_is_the_news_article_type_of_the_brief_with_its_fields(parse):
    head = head_of(parse)
    assert len(head.scripts) == 1
    data = json.loads(head.scripts[0])
    canonical = "https://news.example.org/briefs/2025/07/04/test/"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "AnalysisNewsArticle"
    assert data["headline"] == "Trump & Zelensky speak </script><script>alert(1)</script>"
    assert data["description"] == "The two leaders spoke for 40 minutes."
    assert data["datePublished"] == "2025-07-04T14:10:00-04:00"
    assert data["dateModified"] == "2025-07-05T09:00:00-04:00"
    assert data["author"] == [
        {"@type": "Person", "name": "Jane Doe"},
        {"@type": "Person", "name": "John Roe"},
    ]
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "The Newsroom",
        "url": "https://news.example.org/briefs/",
    }
    assert data["url"] == canonical
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": canonical}
    # Only sources with an address are citations.
    assert data["citation"] == [
        {
            "@type": "CreativeWork",
            "name": "The ministry's report",
            "url": "https://example.org/report",
        }
    ]
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "The call lasted 40 minutes, not 30 <really>.",
            "datePublished": "2025-07-06",
        },
        {
            "@type": "CorrectionComment",
            "text": "An earlier version misspelled a name.",
            "datePublished": "2025-07-05",
        },
    ]


@pytest.mark.parametrize(
    ("written", "schema_type"),
    [
        ("reportage", "ReportageNewsArticle"),
        ("analysis", "AnalysisNewsArticle"),
        ("background", "BackgroundNewsArticle"),
        ("opinion", "OpinionNewsArticle"),
    ],
)
def test_each_brief_type_has_its_schema_org_type(parse, written, schema_type):
    text = f"---\ntitle: T\ndate: 2025-07-04\ntype: {written}\n---\n\nText.\n"
    assert json_ld(parse(text).brief, SITE)["@type"] == schema_type


def test_without_authors_the_newsroom_is_the_author_and_dates_stay_dates(parse):
    data = json_ld(parse("---\ntitle: T\ndate: 2025-07-04\n---\n\nText.\n").brief, SITE)
    assert data["author"] == data["publisher"]
    assert data["author"]["@type"] == "Organization"
    assert data["datePublished"] == data["dateModified"] == "2025-07-04"
    assert "citation" not in data and "correction" not in data


def test_the_script_cannot_be_closed_or_broken_by_a_value(parse):
    raw = render_head(parse(BRIEF).brief, SITE)
    script = raw[raw.index("<script") : raw.index("</script>") + len("</script>")]
    inner = script[script.index(">") + 1 : -len("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert "\\u003c/script\\u003e" in inner
    assert json.loads(script_json({"a": "</script>&\u2028"})) == {"a": "</script>&\u2028"}


def test_open_graph_and_twitter_meta_are_there_once_and_escaped(parse):
    head = head_of(parse)
    meta = head.meta
    names = [key for key, _ in meta]
    for key in (
        "og:type",
        "og:title",
        "og:description",
        "og:url",
        "og:site_name",
        "article:published_time",
        "article:modified_time",
        "twitter:card",
        "twitter:title",
        "twitter:description",
    ):
        assert names.count(key) == 1, key
    values = dict(meta)
    assert values["og:type"] == "article"
    assert values["og:title"] == "Trump & Zelensky speak </script><script>alert(1)</script>"
    assert values["og:url"] == "https://news.example.org/briefs/2025/07/04/test/"
    assert values["og:site_name"] == "The Newsroom"
    assert values["article:published_time"] == "2025-07-04T14:10:00-04:00"
    assert values["article:modified_time"] == "2025-07-05T09:00:00-04:00"
    assert values["twitter:card"] == "summary"
    assert [v for k, v in meta if k == "article:tag"] == ["Ukraine", "Air defense"]
    raw = render_head(parse(BRIEF).brief, SITE)
    # No raw markup from the brief outside the escaped script.
    assert not re.search(r'content="[^"]*<', raw)


def test_without_a_site_address_nothing_claims_a_url(parse):
    head = head_of(parse, site=SiteInfo.make("The Newsroom", None))
    data = json.loads(head.scripts[0])
    assert "url" not in data and "mainEntityOfPage" not in data
    assert "og:url" not in dict(head.meta)
