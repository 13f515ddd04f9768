"""Reading the briefs options from mkdocs.yml without MkDocs, and odd file names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import NEW_YORK

from mkdocs_briefs.core.brief.parse import SiteSettings
from mkdocs_briefs.core.check.siteconfig import SiteConfigError, read_site_config
from mkdocs_briefs.core.collection.briefs import load_brief_files


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_options_paths_and_zone_are_read_relative_to_the_file(tmp_path):
    config = write(
        tmp_path / "site" / "mkdocs.yml",
        "docs_dir: pages\nplugins:\n  search: {}\n  briefs:\n    briefs_dir: news\n"
        "    glossary: pages/terms.yml\n    timezone: Europe/Kyiv\n",
    )
    site = read_site_config(config)
    assert site.project_dir == config.parent.resolve()
    assert site.briefs_dir == config.parent.resolve() / "news"
    assert site.docs_dir == config.parent.resolve() / "pages"
    assert site.glossary == config.parent.resolve() / "pages" / "terms.yml"
    assert site.timezone.key == "Europe/Kyiv"


def test_defaults_and_inherit(tmp_path):
    write(tmp_path / "base.yml", "plugins:\n  - briefs:\n      timezone: Asia/Tokyo\n")
    config = write(tmp_path / "mkdocs.yml", "INHERIT: base.yml\nsite_name: x\n")
    site = read_site_config(config)
    assert (site.timezone.key, site.briefs_dir.name, site.docs_dir.name) == (
        "Asia/Tokyo",
        "briefs",
        "docs",
    )
    assert site.glossary is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("plugins: [search]\n", "does not use the briefs plugin: add `- briefs` under `plugins:`"),
        ("plugins:\n  - briefs:\n      colour: red\n", "unknown briefs option 'colour'"),
        ("plugins:\n  - briefs:\n      timezone: Mars\n", "unknown time zone 'Mars'"),
        # A folder of the zone database, not a zone.
        ("plugins:\n  - briefs:\n      timezone: America\n", "unknown time zone 'America'"),
        ("plugins:\n  - briefs:\n      timezone: ../zoneinfo\n", "unknown time zone '../"),
        ("plugins: [briefs\n", "invalid YAML"),
        ("- a\n", "the configuration must be a mapping"),
        ("INHERIT: mkdocs.yml\n", "INHERIT loops back"),
    ],
)
def test_a_configuration_that_cannot_be_used_says_why(tmp_path, text, message):
    with pytest.raises(SiteConfigError, match=re.escape(message)):
        read_site_config(write(tmp_path / "mkdocs.yml", text))


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("Zelensky Call!.md", "2025/07/04/zelensky-call/"),
        ("\u00dcber Stra\u00dfe.md", "2025/07/04/uber-strae/"),
        ("%2e%2e%2fetc.md", "2025/07/04/2e-2e-2fetc/"),
        ("a..b.md", "2025/07/04/a-b/"),
        ("-x-.md", "2025/07/04/x/"),
    ],
)
def test_odd_file_names_give_slugs_inside_the_site(tmp_path, name, url):
    file = write(tmp_path / "briefs" / name, "---\ntitle: T\ndate: 2025-07-04\n---\nText.\n")
    collection = load_brief_files([file], tmp_path, SiteSettings(NEW_YORK))
    [brief] = collection.briefs
    assert brief.url == url
    site = tmp_path / "site"
    assert (site / brief.url / "index.html").resolve().is_relative_to(site)


@pytest.mark.parametrize("name", ["....md", "\u0416\u0416.md", "!!!.md"])
def test_a_file_name_without_letters_or_digits_asks_for_a_slug(tmp_path, name):
    file = write(tmp_path / "briefs" / name, "---\ntitle: T\ndate: 2025-07-04\n---\nText.\n")
    collection = load_brief_files([file], tmp_path, SiteSettings(NEW_YORK))
    assert collection.briefs == []
    assert [str(p) for p in collection.problems] == [
        f"briefs/{name}: the file name gives no usable slug: rename the file "
        "or add `slug:` to the front matter"
    ]


@pytest.mark.parametrize("slug", ["a/b", "..", "../x", "/etc", "a\\b", "A-B", "x.y", "-x"])
def test_a_slug_that_could_leave_the_site_is_refused(parse, slug):
    result = parse(f"---\ntitle: T\ndate: 2025-07-04\nslug: '{slug}'\n---\nText.\n")
    assert result.brief is None
    assert any(f"the slug '{slug}' is not allowed" in m for m in result.messages)
