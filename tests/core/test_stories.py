"""Stories: the site's stories file, the briefs of each story, previous and next, and the
related briefs of "Go deeper"."""

from __future__ import annotations

from support import parse_text

from mkdocs_briefs.core.problems import Problems
from mkdocs_briefs.core.render.feed import FeedEntry, render_feed
from mkdocs_briefs.core.render.page import render_brief
from mkdocs_briefs.core.render.story_pages import story_pages
from mkdocs_briefs.core.site.links import link_site
from mkdocs_briefs.core.site.stories import SiteStories, load_site_stories, parse_stories
from mkdocs_briefs.core.siteinfo import SiteInfo

STORIES = """\
ukraine-air-defense:
  title: U.S. weapons for Ukraine's air defense
  summary: The pause in U.S. deliveries.
other:
  title: Another story
"""


def stories() -> SiteStories:
    problems = Problems()
    found = parse_stories(STORIES, "content/stories.yml", problems)
    assert problems.items == []
    return SiteStories(None, "content/stories.yml", found)


def brief(name: str, day: int, *, story: str = "", tags: str = "[]", events: str = ""):
    front = f"title: {name}\ndate: 2025-07-{day:02d}\ntags: {tags}\n"
    if story:
        front += f"story: {story}\n"
    if events:
        front += f"events:\n{events}"
    parsed = parse_text(f"---\n{front}---\nText.\n", f"briefs/{name}.md")
    assert parsed.brief is not None, parsed.messages
    return parsed.brief


def site(*briefs):
    ordered = sorted(briefs, key=lambda b: b.published, reverse=True)
    return link_site(ordered, stories())


def titles(items) -> list[str]:
    return [item.title for item in items]


def test_previous_and_next_follow_the_story_oldest_first():
    a, b, c = (brief(n, d, story="other") for n, d in (("a", 1), ("b", 3), ("c", 2)))
    links = site(a, b, c)
    assert (links.of(c).previous, links.of(c).next) == (a, b)
    assert links.of(a).previous is None and links.of(b).next is None
    assert [titles(group.briefs) for group in links.stories] == [["a", "c", "b"]]


def test_go_deeper_same_story_then_shared_events_then_tags_newest_first():
    call = "  - id: call\n    when: today\n    title: A call\n"
    shared = "  - id: call\n    same-as: me.md#call\n"
    me = brief("me", 10, story="other", tags="[ukraine]", events=call)
    mate = brief("mate", 2, story="other")
    reporter = brief("reporter", 11, events=shared)
    old_tag, new_tag = brief("old-tag", 1, tags="[Ukraine]"), brief("new-tag", 5, tags="[ukraine]")
    links = site(me, mate, reporter, old_tag, new_tag)
    assert titles(links.of(me).related) == ["mate", "reporter", "new-tag"]
    # Never the brief itself, and no more than three.
    assert all(other is not me for other in links.of(me).related)
    assert titles(links.of(old_tag).related) == ["me", "new-tag"]
    assert titles(links.of(reporter).related) == ["me"]


def test_a_brief_with_nothing_in_common_has_no_related_briefs():
    alone = brief("alone", 1, tags="[nothing]")
    links = site(alone, brief("other", 2, tags="[else]"))
    assert links.of(alone).related == ()


def test_the_stories_file_is_read_with_the_checks_of_any_file(tmp_path):
    path = tmp_path / "stories.yml"
    path.write_bytes(b"a: {title: T}\n" + b"# " + b"x" * 1_100_000 + b"\n")
    loaded = load_site_stories("stories.yml", tmp_path)
    assert loaded.stories == {}
    assert [str(p) for p in loaded.problems] == [
        "stories.yml: the file is 1.1 MB; a brief must be under 1 MB: split it or remove "
        "pasted material"
    ]
    path.write_text("")
    assert load_site_stories("stories.yml", tmp_path).stories == {}
    path.write_bytes(b"a:\n  title: Caf\xe9\n")
    assert [str(p) for p in load_site_stories("stories.yml", tmp_path).problems] == [
        "stories.yml:2:13: byte 0xe9 is not UTF-8: save the file as UTF-8 (it may have been "
        "written as Latin-1 or Windows-1252)"
    ]
    missing = load_site_stories("gone.yml", tmp_path)
    assert [p.message for p in missing.problems] == [
        "cannot read the stories file: No such file or directory"
    ]


def test_unknown_key_in_a_story_is_named():
    problems = Problems()
    found = parse_stories("a:\n  title: T\n  sumary: S\n", "s.yml", problems)
    assert list(found) == ["a"]
    assert [str(p) for p in problems] == [
        "s.yml:3:3: unknown key 'sumary' in story 'a' (did you mean 'summary'?): "
        "use one of title, summary"
    ]


def test_what_the_stories_file_says_is_escaped_everywhere_it_is_shown():
    problems = Problems()
    hostile = '<script>alert("x")</script> & co'
    found = parse_stories(f"other:\n  title: '{hostile}'\n  summary: '{hostile}'\n", "s", problems)
    a, b = brief("a", 1, story="other"), brief("b", 2, story="other")
    links = link_site([b, a], SiteStories(None, "s", found))
    site = SiteInfo.make("Site", "https://example.org/")
    rendered = render_brief(a, links=links.of(a), site=site, root="../../../../")
    pages = [page.render("../") for page in story_pages(links.stories, links.events)]
    feed = render_feed([FeedEntry(a, "", links.of(a).story)], site)
    for html in (rendered.story, rendered.story_nav, rendered.related, rendered.head, *pages, feed):
        assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in rendered.story
    assert "\\u003cscript\\u003e" in rendered.head  # inside JSON-LD
