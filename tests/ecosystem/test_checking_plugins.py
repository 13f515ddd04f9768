"""Plugins and settings that check or change pages: htmlproofer, macros, anchors, i18n."""

from __future__ import annotations

import pytest
from ecosystem_sites import ORDERS, build_both_orders


@pytest.fixture(scope="module")
def proofed_sites(tmp_path_factory):
    # No network in tests: links to other sites are not checked.
    plugin = "- htmlproofer:\n    validate_external_urls: false\n"
    return build_both_orders(tmp_path_factory, "htmlproofer", plugin, strict=False)


@pytest.mark.parametrize("order", ORDERS)
def test_htmlproofer_finds_the_broken_anchor_in_a_brief_and_nothing_else(proofed_sites, order):
    site = proofed_sites[order]
    output = site.build.output.splitlines()
    warnings = [line for line in output if line.startswith("WARNING") and "htmlproofer:" in line]
    assert warnings, site.build.output
    assert all("#no-such-anchor" in line for line in warnings), warnings
    assert any("briefs/talks-resume.md" in line for line in warnings), warnings


MACRO_BRIEFS = {
    "briefs/macro.md": "---\ntitle: Macro\ndate: 2025-07-05\n---\n\nTwo is {{ 1 + 1 }}.\n",
    "briefs/literal.md": (
        "---\ntitle: Literal\ndate: 2025-07-05\nrender_macros: false\n---\n\n"
        "Templates write {{ name }} and {% raw %}.\n"
    ),
}


@pytest.fixture(scope="module")
def macro_sites(tmp_path_factory):
    return build_both_orders(tmp_path_factory, "macros", "- macros", extra_files=MACRO_BRIEFS)


@pytest.mark.parametrize("order", ORDERS)
def test_macros_in_a_brief_are_rendered_unless_it_opts_out(macro_sites, order):
    site = macro_sites[order]
    assert site.build.returncode == 0, site.build.output  # strict
    assert "Two is 2." in site.page("2025/07/05/macro/")
    literal = site.page("2025/07/05/literal/")
    assert "Templates write {{ name }} and {% raw %}." in literal


ANCHOR_LINKS = """\
# Links

- [Putin's call](briefs/trump-zelensky-air-defense.md#event-putin-call)
- [Its sources](briefs/trump-zelensky-air-defense.md#sourcing)
- [July 4 on the timeline](timeline/index.md#day-2025-07-04)
"""


def test_anchor_validation_knows_every_anchor_the_plugin_writes(tmp_path_factory):
    config = "validation:\n  anchors: warn\n"
    sites = build_both_orders(
        tmp_path_factory,
        "anchors",
        "- tags",
        extra_config=config,
        extra_files={"content/links.md": ANCHOR_LINKS},
        orders=ORDERS[:1],
    )
    site = sites[ORDERS[0]]
    assert site.build.returncode == 0, site.build.output  # strict: no anchor warning
    links = site.page("links/")
    assert 'href="../2025/07/04/trump-zelensky-air-defense/#event-putin-call"' in links


def test_anchor_validation_reports_an_anchor_no_page_has(tmp_path_factory):
    config = "validation:\n  anchors: warn\n"
    broken = ANCHOR_LINKS.replace("#event-putin-call", "#event-nothing")
    sites = build_both_orders(
        tmp_path_factory,
        "bad-anchor",
        "- tags",
        extra_config=config,
        extra_files={"content/links.md": broken},
        orders=ORDERS[:1],
    )
    site = sites[ORDERS[0]]
    assert site.build.returncode == 1
    assert "event-nothing" in site.build.output


def test_static_i18n_is_refused_with_a_clear_message(tmp_path_factory):
    plugin = """\
    - i18n:
        languages:
          - locale: en
            default: true
            name: English
    """
    sites = build_both_orders(tmp_path_factory, "i18n", plugin, orders=ORDERS[:1])
    site = sites[ORDERS[0]]
    assert site.build.returncode == 1
    assert "the briefs plugin does not work with 'i18n'" in site.build.output
    assert "Traceback" not in site.build.output
