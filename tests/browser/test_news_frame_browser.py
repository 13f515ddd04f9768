"""The news frame and the brief page as readers meet them, at six widths and in both
palettes, on the shipped brief and on briefs with 1, 5 and 12 sources.

One page load per brief, width and palette, with many checks on it: the suite stays
within minutes on a small machine.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import statistics
import threading
from collections.abc import Iterator

import pytest
from browsing import _SiteHandler, axe_violations, screenshot
from pages import PAGES
from support import FIRST_BRIEF_URL, ROOT, published_url, run_mkdocs_build

WIDTHS = (320, 390, 768, 1024, 1280, 1920)
SCHEMES = ("light", "dark")
HEIGHT = 800
# Where axe runs (it is slow): a phone and a desktop, in both palettes.
AXE_WIDTHS = (390, 1280)
KINDS = ("anonymous", "named", "statement", "social", "document", "media", "no-response")
PARAGRAPH = (
    "Officials said the talks went on for hours and covered the supply of weapons, "
    "the state of the front line and what each side expects from the coming months"
)


def sized_brief(count: int) -> str:
    """A brief with `count` sources of every kind, each cited, some twice."""
    sources = "".join(
        f"  s{n}:\n    name: Source number {n}\n    kind: {KINDS[n % len(KINDS)]}\n"
        f"    detail: Spoke about the talks.\n"
        for n in range(1, count + 1)
    )
    paragraphs = [
        f"{PARAGRAPH}, according to source {n}. [@s{n}; @s{(n % count) + 1}]"
        for n in range(1, count + 1)
    ]
    paragraphs.append(f"- {PARAGRAPH}, in a list item. [@s1]")
    body = "\n\n".join(paragraphs)
    # The five-source brief was corrected: "Updated" leads to its corrections.
    corrected = (
        "updated: 2025-07-08\ncorrections:\n"
        "  - {date: 2025-07-08, text: An earlier version gave the wrong date of the talks.}\n"
        if count == 5
        else ""
    )
    return (
        f"---\ntitle: A brief with {count} sources\ndate: 2025-07-0{1 + count % 3}\n"
        f"{corrected}tags: [Test, Ukraine]\nsources:\n{sources}---\n\n{body}\n"
    )


SIZED = {count: f"2025/07/0{1 + count % 3}/sources-{count}/" for count in (1, 5, 12)}
BRIEFS = {"shipped": FIRST_BRIEF_URL} | {f"{n}-sources": url for n, url in SIZED.items()}


@pytest.fixture(scope="session")
def frame_site(tmp_path_factory) -> Iterator[str]:
    """The shipped site plus the test briefs, served on loopback."""
    project = tmp_path_factory.mktemp("frame") / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "briefs", project / "briefs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for count in SIZED:
        (project / "briefs" / f"sources-{count}.md").write_text(sized_brief(count))
    build = run_mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.output
    handler = type("Handler", (_SiteHandler,), {"published": published_url()})
    served = functools.partial(handler, directory=str(build.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), served)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def contexts(browser) -> Iterator[dict]:
    """One browser context per width and palette, reused by every test here."""
    made: dict = {}

    def get(width: int, scheme: str):
        key = (width, scheme)
        if key not in made:
            touch = width < 600
            made[key] = browser.new_context(
                viewport={"width": width, "height": HEIGHT},
                color_scheme=scheme,
                has_touch=touch,
                is_mobile=touch,
            )
        return made[key]

    yield get
    for context in made.values():
        context.close()


# JavaScript run in the page: what a reader sees, measured from the rendered page.
CLIPPING_ANCESTORS = """
() => [...document.querySelectorAll('.brief-source')].flatMap(source => {
  const clipped = [];
  for (let e = source.parentElement; e && e !== document.body; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (!['visible', 'clip'].includes(style.overflowY) && e.scrollHeight > e.clientHeight + 1)
      clipped.push(source.id + ' in ' + e.className);
  }
  return clipped;
})
"""

# Characters of each full line (the last line of a paragraph is left out) of the body.
CHARACTERS_PER_LINE = """
() => {
  const counts = [];
  for (const p of document.querySelectorAll('.brief-body p, .brief-body li')) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const lines = new Map();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.brief-cite')) continue;
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const top = Math.round(rect.top / 4);
        lines.set(top, (lines.get(top) || 0) + 1);
      }
    }
    const full = [...lines.entries()].sort((a, b) => a[0] - b[0]).slice(0, -1);
    counts.push(...full.map(entry => entry[1]));
  }
  return counts;
}
"""

LAYOUT_SHIFT = """
() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 150);
})
"""


def rgb(text: str) -> tuple[float, ...]:
    return tuple(float(v) for v in re.findall(r"[\d.]+", text)[:3])


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def luminance(color: tuple[float, ...]) -> float:
        linear = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in (v / 255 for v in color)
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_brief_pages_read_as_news_at_every_width(frame_site, contexts, width, scheme):
    page = contexts(width, scheme).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for name, url in BRIEFS.items():
            where = f"{name} at {width}px, {scheme}"
            page.goto(frame_site + url)
            page.wait_for_load_state("networkidle")
            if width in (390, 1024, 1280):
                screenshot_page(page, f"frame-{name}-{width}-{scheme}")

            # No docs navigation or contents column; the site's sections are there.
            assert not page.locator(".md-sidebar--primary").is_visible(), where
            assert not page.locator(".md-sidebar--secondary").is_visible(), where
            sections = page.locator("nav.briefs-sections a")
            assert sections.all_inner_texts()[:2] == ["Front page", "Timeline"], where
            assert all(box["width"] > 0 for box in map(lambda s: s.bounding_box(), sections.all()))

            # Every source within the page's own scroll: no clipped box hides any.
            assert page.evaluate(CLIPPING_ANCESTORS) == [], where
            # Reading width, measured from the rendered text.
            lines = page.evaluate(CHARACTERS_PER_LINE)
            typical = statistics.median(lines)
            if width >= 600:
                assert 55 <= typical <= 85, f"{where}: {typical} characters a line"
            else:
                assert typical >= 35, f"{where}: {typical} characters a line"
            # The sourcing bar is one row, its segments as long as their shares.
            strip = page.locator(".brief-bar__segment").evaluate_all(
                "es => es.map(e => Math.round(e.getBoundingClientRect().top))"
            )
            assert len(set(strip)) == 1, f"{where}: the bar breaks into rows"
            # Tags in a row.
            tops = page.locator(".brief-tags__list > li").evaluate_all(
                "es => es.map(e => Math.round(e.getBoundingClientRect().top))"
            )
            assert len(set(tops)) < len(tops), f"{where}: tags stacked"
            # Kind colours at least 3:1 against the page.
            background = rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))
            for colour in page.locator(".brief-bar__segment").evaluate_all(
                "es => es.map(e => getComputedStyle(e).backgroundColor)"
            ):
                assert contrast(rgb(colour), background) >= 3, f"{where}: {colour}"
            assert page.evaluate(LAYOUT_SHIFT) == 0, where
            if name == "5-sources":
                check_corrections(page, where)

            check_citations(page, where, touch=width < 600)
            assert page.evaluate(LAYOUT_SHIFT) == 0, f"{where}: the card moved the page"
            if width in AXE_WIDTHS:
                assert axe_violations(page) == [], where
                # From the top of the page: the first citation is in the first screen.
                # (A link half under the sticky masthead would count as obscured.)
                page.evaluate("window.scrollTo(0, 0)")
                cite = page.locator("a.brief-cite__link").first
                cite.evaluate("e => e.scrollIntoView({block: 'nearest'})")
                cite.tap() if width < 600 else cite.click()
                page.locator(".brief-card-popup").wait_for(state="visible")
                assert axe_violations(page) == [], f"{where}, card open"
                page.keyboard.press("Escape")
        assert errors == []
    finally:
        page.close()


def screenshot_page(page, name: str) -> None:
    class Shot:  # the screenshot helper takes a tab
        pass

    shot = Shot()
    shot.page = page
    screenshot(shot, name)


def check_corrections(page, where: str) -> None:
    """The corrections come right after the text, and "Updated" leads to them."""
    updated = page.locator(".brief-header__dateline a", has_text="Updated")
    assert updated.get_attribute("href").endswith("#brief-corrections"), where
    body = page.locator(".brief-body").bounding_box()
    corrections = page.locator("#brief-corrections").bounding_box()
    assert 0 <= corrections["y"] - (body["y"] + body["height"]) < 100, where
    assert corrections["x"] == body["x"], where


def check_citations(page, where: str, *, touch: bool) -> None:
    """Each citation opens a card naming its source without moving the page, and
    Escape puts focus back on the citation."""
    names = dict(
        page.locator(".brief-source").evaluate_all(
            "es => es.map(e => [e.id, e.querySelector('.brief-source__name').textContent])"
        )
    )
    numbers: list[list[int]] = []
    for cite in page.locator("a.brief-cite__link").all():
        cite.evaluate("e => e.scrollIntoView({block: 'center'})")
        box = cite.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, f"{where}: {box}"
        before = page.evaluate("window.scrollY")
        cite.tap() if touch else cite.click()
        card = page.locator(".brief-card-popup")
        card.wait_for(state="visible")
        assert page.evaluate("window.scrollY") == before, f"{where}: the page moved"
        target = cite.evaluate("e => e.hash.slice(1)")
        assert names[target] in card.locator("#brief-card-title").inner_text(), where
        page.keyboard.press("Escape")
        assert card.is_hidden(), where
        assert cite.evaluate("e => e === document.activeElement"), where
        assert page.evaluate("window.scrollY") == before, where
    for group in page.locator("sup.brief-cite").all():
        numbers.append([int(n) for n in group.locator("a").all_inner_texts()])
    assert all(group == sorted(group) for group in numbers), f"{where}: {numbers}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_kind_is_in_the_frame_and_lists_run_in_rows(frame_site, contexts, scheme):
    for width in (390, 1024, 1280):
        page = contexts(width, scheme).new_page()
        try:
            for name, url in PAGES.items():
                page.goto(frame_site + url)
                page.wait_for_load_state("networkidle")
                screenshot_page(page, f"frame-page-{name}-{width}-{scheme}")
                where = f"{name} at {width}px, {scheme}"
                links = page.locator("nav.briefs-sections a").all_inner_texts()
                assert {"Front page", "Timeline", "Glossary", "How we label sources"} <= set(
                    links
                ), where
                assert page.locator(".briefs-footer a.briefs-footer__feed").is_visible(), where
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 0, f"{where}: wider than the screen"
                for rows in (".brief-tags-index", ".brief-glossary__index ul"):
                    tops = page.locator(f"{rows} > li").evaluate_all(
                        "es => es.map(e => Math.round(e.getBoundingClientRect().top))"
                    )
                    if len(tops) > 1:
                        assert len(set(tops)) < len(tops), f"{where}: {rows} stacked"
        finally:
            page.close()


def test_the_skip_link_leads_to_the_story_and_focus_rings_are_thick(frame_site, contexts):
    page = contexts(1280, "light").new_page()
    try:
        page.goto(frame_site + FIRST_BRIEF_URL)
        page.wait_for_load_state("networkidle")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('md-skip')")
        ring = page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
        assert ring >= 2
        page.keyboard.press("Enter")
        page.wait_for_function("location.hash === '#brief-headline'")
        # The next stop is in the story, not in the masthead.
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('article.brief')")
        ring = page.evaluate("parseFloat(getComputedStyle(document.activeElement).outlineWidth)")
        assert ring >= 2
    finally:
        page.close()
