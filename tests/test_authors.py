"""Authors: bylines link to /authors/<id>/, which lists the author's briefs, paged."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from support import TEST_SITE_URL, make_project, run_mkdocs_build

AUTHORS = """jane-doe:
  name: Jane Doe
  role: Kyiv correspondent
  bio: Covers Ukraine's air defense <and> its politics.
  url: https://example.org/jane
  avatar: media/jane.png
john-roe:
  name: John Roe
"""


def brief(title: str, day: str, authors: str) -> str:
    return f"---\ntitle: {title}\ndate: {day}\nauthors: {authors}\n---\n\nText of {title}.\n"


BRIEFS = {
    "first.md": brief("First news", "2025-07-01", "[jane-doe, Guest Writer]"),
    "second.md": brief("Second news", "2025-07-02", "[jane-doe]"),
    "third.md": brief("Third news", "2025-07-03", "[Guest Writer]"),
}


def project_with_authors(tmp_path, briefs=BRIEFS):
    project = make_project(
        tmp_path,
        briefs,
        extra_config="      authors: content/authors.yml\n      per_page: 1\n",
    )
    (project / "content" / "authors.yml").write_text(AUTHORS, encoding="utf-8")
    return project


def test_author_pages_list_their_briefs_and_bylines_link_to_them(tmp_path):
    project = project_with_authors(tmp_path)
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert not (build.site / "authors.yml").exists()  # read by the plugin, not published

    first = build.page("2025/07/01/first/")
    byline = re.search(r'<p class="brief-header__byline brief-byline">(.*?)</p>', first).group(1)
    assert byline == (
        'By <a class="brief-byline__author" rel="author" href="../../../../authors/jane-doe/">'
        "Jane Doe</a> and Guest Writer"
    )
    [data] = [
        json.loads(m)
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', first)
    ]
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Jane Doe",
            "url": TEST_SITE_URL + "authors/jane-doe/",
            "sameAs": "https://example.org/jane",
            "jobTitle": "Kyiv correspondent",
        },
        {"@type": "Person", "name": "Guest Writer"},
    ]

    # One brief a page (per_page: 1): newest first, then the older one on page 2.
    page_one = build.page("authors/jane-doe/")
    assert "<h1>Jane Doe</h1>" in page_one
    assert "Kyiv correspondent" in page_one
    assert "Covers Ukraine&#x27;s air defense &lt;and&gt; its politics." in page_one
    assert "Second news" in page_one and "First news" not in page_one
    assert 'href="../../authors/jane-doe/page/2/"' in page_one
    page_two = build.page("authors/jane-doe/page/2/")
    assert "First news" in page_two and "Second news" not in page_two
    assert 'src="../../../../media/jane.png"' in page_two
    assert "Third news" not in page_one + page_two

    john = build.page("authors/john-roe/")
    assert "0 briefs" in john
    index = build.page("authors/")
    assert 'href="../authors/jane-doe/">Jane Doe</a>, Kyiv correspondent' in index
    assert 'href="../authors/john-roe/">John Roe</a>' in index


def test_a_typo_of_an_id_gets_a_did_you_mean_and_plain_names_keep_working(tmp_path):
    briefs = {
        "typo.md": brief("Typo", "2025-07-01", "[jane-do, staff, Mary-Jane Smith]"),
    }
    project = project_with_authors(tmp_path, briefs)
    message = (
        "briefs/typo.md:4:11: unknown author 'jane-do' (did you mean 'jane-doe'?): "
        "use an id from the authors file, or write the name as readers should see it"
    )
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1
    assert message in build.output
    assert build.output.count("unknown author") == 1  # 'staff' and names are plain names
    check = subprocess.run(
        [sys.executable, "-m", "mkdocs_briefs.cli", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 1
    assert check.stdout.splitlines()[0] == message
    built = run_mkdocs_build(project, tmp_path / "lenient", strict=False)
    page = built.page("2025/07/01/typo/")
    assert (
        '<p class="brief-header__byline brief-byline">By jane-do, staff and Mary-Jane Smith</p>'
        in page
    )
