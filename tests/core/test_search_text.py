"""What the site search reads of a rendered page."""

from __future__ import annotations

from mkdocs_briefs.core.render.search_text import searchable_html

CLAIM = (
    '<p id="claim-1" class="brief-claim" data-sources="kremlin">'
    '<a href="#event-call" id="mention-1" class="brief-mention">'
    '<time datetime="2025-07-03">Thursday</time></a>, Putin spoke about '
    '<a class="brief-term" href="../glossary/#air-defense" data-term="air-defense">'
    "air defense</a>. "
    '<sup class="brief-cite"><a class="brief-cite__link" href="#source-kremlin">1</a>,'
    '<a class="brief-cite__link" href="#source-x">2</a></sup></p>'
)


def test_the_text_stays_and_the_citation_markers_go():
    assert searchable_html(CLAIM) == "<p>Thursday, Putin spoke about air defense. </p>"


def test_headings_keep_their_ids_so_results_link_to_the_section():
    html = '<h2 id="behind-the-scenes" class="x">Behind the <em>scenes</em></h2><p>Text</p>'
    assert searchable_html(html) == '<h2 id="behind-the-scenes">Behind the scenes</h2><p>Text</p>'


def test_lists_and_labels_keep_their_words():
    html = (
        '<section class="brief-section"><p><strong id="why" class="brief-section__label">'
        "Why it matters:</strong> Because.</p><ul>\n<li>One</li>\n</ul></section>"
    )
    assert searchable_html(html) == ("\n<p>Why it matters: Because.</p><ul>\n<li>One</li>\n</ul>\n")


def test_glossary_backlinks_are_left_to_the_briefs_own_entries():
    html = (
        '<dl><dt><dfn>Drone</dfn></dt><dd class="brief-glossary__definition">An aircraft.</dd>'
        '<dd class="brief-glossary__used"><span>Used in</span><ul><li><a href="x/">A brief'
        "</a></li></ul></dd></dl>"
    )
    assert searchable_html(html).split() == ["Drone", "An", "aircraft."]


def test_escaped_author_text_stays_escaped():
    html = "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>"
    assert searchable_html(html) == html
