"""Grouping briefs for readers: pages of a list, months and tags."""

from __future__ import annotations

from support import parse_text

from mkdocs_briefs.core.render.archive_pages import render_archive_page
from mkdocs_briefs.core.render.listing import render_brief_list, render_pagination
from mkdocs_briefs.core.render.tags import render_brief_tags
from mkdocs_briefs.core.site.archive import by_month, by_tag, paginate, tag_slug


def brief(day: str, tags: str = "[]", title: str = "T", name: str = "b"):
    text = f"---\ntitle: {title}\ndate: {day}\ntags: {tags}\n---\n\nText of {title}.\n"
    parsed = parse_text(text, f"briefs/{name}.md")
    assert parsed.brief is not None, parsed.messages
    return parsed.brief


def newest_first(briefs):
    return sorted(briefs, key=lambda b: b.published, reverse=True)


def test_45_briefs_make_three_pages_of_20_20_and_5():
    briefs = newest_first(brief(f"2025-06-{d:02d}", name=f"b{d}") for d in range(1, 31))
    briefs += newest_first(brief(f"2025-05-{d:02d}", name=f"m{d}") for d in range(1, 16))
    pages = paginate(briefs, "archive/", 20)
    assert [len(p.briefs) for p in pages] == [20, 20, 5]
    assert [p.path for p in pages] == ["archive/", "archive/page/2/", "archive/page/3/"]
    assert [(p.newer, p.older) for p in pages] == [
        (None, "archive/page/2/"),
        ("archive/", "archive/page/3/"),
        ("archive/page/2/", None),
    ]
    # Every brief is on exactly one page, in the same order.
    assert [b for p in pages for b in p.briefs] == briefs


def test_an_empty_list_still_has_its_first_page():
    pages = paginate([], "archive/", 20)
    assert [(p.path, p.briefs, p.count) for p in pages] == [("archive/", (), 1)]
    assert "No briefs yet." in render_brief_list([], "")
    assert render_pagination(pages[0], "", "Archive pages") == ""


def test_months_are_newest_first_with_their_briefs():
    briefs = newest_first(
        [
            brief("2025-07-04", name="a"),
            brief("2025-06-30", name="b"),
            brief("2024-12-31", name="c"),
        ]
    )
    months = by_month(briefs)
    assert [(m.title, m.path, len(m.briefs)) for m in months] == [
        ("July 2025", "archive/2025/07/", 1),
        ("June 2025", "archive/2025/06/", 1),
        ("December 2024", "archive/2024/12/", 1),
    ]


def test_a_brief_published_late_at_night_belongs_to_its_local_month():
    # 23:30 in New York on June 30 is already July 1 in UTC.
    late = brief("2025-06-30T23:30:00-04:00")
    assert [m.path for m in by_month([late])] == ["archive/2025/06/"]


def test_spellings_of_one_tag_share_its_page_and_the_most_used_names_it():
    briefs = newest_first(
        [
            brief("2025-07-04", "[Air defense, Ukraine]", name="a"),
            brief("2025-07-03", "[air defense]", name="b"),
            brief("2025-07-02", "[Air Defense, Air defense]", name="c"),
        ]
    )
    tags = {tag.slug: tag for tag in by_tag(briefs)}
    assert set(tags) == {"air-defense", "ukraine"}
    assert tags["air-defense"].name == "Air defense"
    # Brief c carries the tag twice and is still listed once.
    assert [b.path for b in tags["air-defense"].briefs] == [
        "briefs/a.md",
        "briefs/b.md",
        "briefs/c.md",
    ]
    assert tags["ukraine"].path == "tags/ukraine/"


def test_a_tag_without_latin_letters_gets_a_stable_address():
    assert tag_slug("Україна") == tag_slug("україна")
    assert tag_slug("Україна").startswith("tag-")
    assert tag_slug("Україна") != tag_slug("Росія")


def test_the_brief_links_its_tags_relative_to_its_page():
    html = render_brief_tags(brief("2025-07-04", "[Ukraine, Air defense]"), "../../../../")
    assert '<a class="brief-tag" href="../../../../tags/ukraine/">Ukraine</a>' in html
    assert '<a class="brief-tag" href="../../../../tags/air-defense/">Air defense</a>' in html
    assert render_brief_tags(brief("2025-07-04"), "") == ""


def test_list_items_show_title_date_summary_and_escape_them():
    item = brief("2025-07-04", title='"<b>Fish</b> & chips"')
    html = render_brief_list([item], "../")
    assert '<a href="../2025/07/04/b/">&lt;b&gt;Fish&lt;/b&gt; &amp; chips</a>' in html
    assert '<time datetime="2025-07-04">July 4, 2025</time>' in html
    assert '<p class="brief-card__summary">Text of &quot;&lt;b&gt;Fish' in html


def test_the_archive_page_links_months_and_other_pages_relatively():
    briefs = newest_first(brief(f"2025-06-{d:02d}", name=f"b{d}") for d in range(1, 4))
    pages = paginate(briefs, "archive/", 2)
    html = render_archive_page(pages[1], by_month(briefs), len(briefs), "../../../")
    assert "<h1>Archive, page 2</h1>" in html
    assert 'rel="prev" href="../../../archive/"' in html
    assert 'rel="next"' not in html
    assert "Page 2 of 2" in html
    assert '<a href="../../../archive/2025/06/">June 2025</a>' in html
