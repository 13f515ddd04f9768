"""Plugins that read a page's file in git: dates and authors of briefs."""

from __future__ import annotations

import re

import pytest
from ecosystem_sites import ORDERS, build_both_orders


@pytest.fixture(scope="module")
def dated_sites(tmp_path_factory):
    return build_both_orders(tmp_path_factory, "git-dates", "- git-revision-date-localized")


@pytest.mark.parametrize("order", ORDERS)
def test_brief_pages_show_the_date_of_their_last_commit(dated_sites, order):
    site = dated_sites[order]
    assert site.build.returncode == 0, site.build.output
    # Material's "last update" line, from the brief file's commit (July 7), not its `date`.
    facts = re.search(r'<aside class="md-source-file">.*?</aside>', site.brief, re.DOTALL)
    assert facts, "the brief page shows its source file's facts"
    assert "July 7, 2025" in facts.group(0)


@pytest.fixture(scope="module")
def authors_sites(tmp_path_factory):
    return build_both_orders(tmp_path_factory, "git-authors", "- git-authors")


@pytest.mark.parametrize("order", ORDERS)
def test_brief_pages_credit_the_authors_of_their_file(authors_sites, order):
    site = authors_sites[order]
    assert site.build.returncode == 0, site.build.output  # strict: no page without a source
    facts = re.search(r'<aside class="md-source-file">.*?</aside>', site.brief, re.DOTALL)
    assert facts and "Jane Doe" in facts.group(0)


def test_edit_links_lead_to_the_brief_file(tmp_path_factory):
    config = "repo_url: https://github.com/example/news\nedit_uri: edit/main/content/\n"
    sites = build_both_orders(
        tmp_path_factory,
        "edit",
        "- tags",
        extra_config=config,
        features=("content.action.edit",),
        orders=ORDERS[:1],
    )
    site = sites[ORDERS[0]]
    assert site.build.returncode == 0, site.build.output
    edit = "https://github.com/example/news/edit/main/briefs/talks-resume.md"
    assert f'href="{edit}"' in site.brief
