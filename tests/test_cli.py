"""The `briefs` command, driven as an editor or a pre-commit hook runs it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from problem_cases import CASES, GLOSSARY, brief
from support import ROOT, make_project


def briefs(*args: str, cwd: Path, script: Path | None = None, env: dict | None = None):
    command = [str(script)] if script else [sys.executable, "-m", "mkdocs_briefs.cli"]
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def broken_site(tmp_path: Path) -> Path:
    return make_project(
        tmp_path,
        {
            "b.md": CASES["Unknown source cited"].files["briefs/x.md"],
            "a.md": CASES["Unknown brief type"].files["briefs/x.md"],
            "c.md": CASES["Missing title"].files["briefs/x.md"],
            "good.md": brief(),
        },
    )


# --- briefs check ---------------------------------------------------------------------


def test_the_shipped_site_checks_clean():
    result = briefs("check", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "Checked 1 brief and the glossary: no problems.\n"


def test_problems_are_listed_by_file_and_line_with_a_summary(tmp_path):
    project = broken_site(tmp_path)
    result = briefs("check", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "briefs/a.md:4:7: unknown type 'opinon' (did you mean 'opinion'?): use one of "
        "reportage, analysis, background, opinion; 'reportage' was used",
        "briefs/b.md:10:9: unknown source 'ua-oficial' (did you mean 'ua-official'?): "
        "declare it under `sources:` in the front matter",
        "briefs/c.md:2:1: the title is missing: add `title: ...`",
        "Checked 4 briefs: 1 error, 2 warnings.",
    ]
    assert result.stderr == ""


def test_json_output_lists_each_problem_with_its_parts(tmp_path):
    project = broken_site(tmp_path)
    result = briefs("check", "--format", "json", cwd=project)
    assert result.returncode == 1
    problems = json.loads(result.stdout)
    assert problems[0] == {
        "path": "briefs/a.md",
        "line": 4,
        "col": 7,
        "severity": "warning",
        "message": "unknown type 'opinon' (did you mean 'opinion'?): use one of "
        "reportage, analysis, background, opinion; 'reportage' was used",
    }
    assert [(p["path"], p["severity"]) for p in problems] == [
        ("briefs/a.md", "warning"),
        ("briefs/b.md", "warning"),
        ("briefs/c.md", "error"),
    ]


def test_only_the_files_named_are_checked(tmp_path):
    project = broken_site(tmp_path)
    result = briefs("check", "briefs/a.md", "briefs/good.md", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "Checked 2 briefs: 1 warning."
    good = briefs("check", "briefs/good.md", cwd=project)
    assert (good.returncode, good.stdout) == (0, "Checked 1 brief: no problems.\n")


def test_notes_alone_do_not_fail_the_check(tmp_path):
    project = make_project(
        tmp_path, {"x.md": brief(body="Text.\n")}, extra_config="      glossary: glossary.yml\n"
    )
    (project / "glossary.yml").write_text(GLOSSARY)
    result = briefs("check", cwd=project)
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith("Checked 1 brief and the glossary: 1 note.\n")
    assert "glossary.yml:1:1: the glossary term 'air-defense' is used in no brief" in result.stdout


def test_two_briefs_with_the_same_page_are_both_named(tmp_path):
    project = make_project(
        tmp_path, {"a.md": brief("slug: same\n"), "sub/b.md": brief("slug: same\n")}
    )
    result = briefs("check", cwd=project)
    assert result.returncode == 1
    assert result.stdout.startswith(
        "briefs/sub/b.md:1:1: this brief and briefs/a.md both make the page /2025/07/04/same/"
    )


def test_a_linked_brief_file_is_named_where_the_link_is(tmp_path):
    project = make_project(tmp_path, {"a.md": brief(body="See [the other brief](b.md).\n")})
    elsewhere = project / "drafts" / "real.md"
    elsewhere.parent.mkdir()
    elsewhere.write_text(CASES["Unknown brief type"].files["briefs/x.md"])
    (project / "briefs" / "b.md").symlink_to(elsewhere)
    result = briefs("check", cwd=project)
    # As the build reports it: the brief's file is the link; the link to it is not broken.
    assert result.stdout.splitlines()[0].startswith("briefs/b.md:4:7: unknown type 'opinon'")
    assert "a.md" not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "missing.md"], "briefs: error: no such file or folder: missing.md"),
        (["check", "--config-file", "nope.yml"], "briefs: error: no such configuration file"),
        (["check", "--timezone", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
        (["check", "--timezone", "US"], "unknown time zone 'US'"),
        (["check", "--format", "xml"], "invalid choice: 'xml'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        ([], "the following arguments are required: COMMAND"),
    ],
)
def test_usage_errors_exit_with_2_and_say_why(tmp_path, args, message):
    project = make_project(tmp_path, {"good.md": brief()})
    result = briefs(*args, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_without_mkdocs_yml_the_check_needs_files(tmp_path):
    result = briefs("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "there is no mkdocs.yml here" in result.stderr
    (tmp_path / "x.md").write_text(brief())
    result = briefs("check", "x.md", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "Checked 1 brief: no problems.\n")


def test_mkdocs_tags_in_the_configuration_are_tolerated(tmp_path):
    project = make_project(tmp_path, {"x.md": "---\ntitle: T\ndate: 2025-07-04\n---\nText.\n"})
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("America/New_York", "!ENV [BRIEFS_TZ, UTC]")
        + "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "site_url: !ENV [SITE_URL, https://example.org/]\n"
    )
    # The zone comes from the environment: 23:30 UTC on July 3 is July 4 in Tokyo.
    (project / "briefs" / "x.md").write_text(
        "---\ntitle: T\ndate: 2025-07-03T23:30:00+00:00\nslug: x\n---\nText.\n"
    )
    (project / "briefs" / "y.md").write_text("---\ntitle: U\ndate: 2025-07-04\nslug: x\n---\n")
    clash = briefs("check", cwd=project, env={"BRIEFS_TZ": "Asia/Tokyo"})
    assert clash.returncode == 1, clash.stderr
    assert "both make the page /2025/07/04/x/" in clash.stdout
    apart = briefs("check", cwd=project)  # in UTC the first brief is dated July 3
    assert apart.returncode == 0, apart.stdout + apart.stderr


def test_the_check_runs_without_mkdocs():
    code = (
        "import sys; sys.modules['mkdocs'] = None\n"  # any `import mkdocs` now fails
        "from mkdocs_briefs.cli import main\n"
        "sys.exit(main(['check']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


def test_a_big_site_gives_the_same_result_in_several_processes(tmp_path):
    from mkdocs_briefs.core.check.run import check_site
    from mkdocs_briefs.core.check.siteconfig import read_site_config

    files = {f"b{i}.md": brief(f"slug: b{i % 150}\n", "Text [@nobody].\n") for i in range(300)}
    project = make_project(tmp_path, files)
    config = read_site_config(project / "mkdocs.yml")
    alone, together = check_site(config, workers=1), check_site(config, workers=2)
    assert alone.problems == together.problems
    assert sum("both make the page" in p.message for p in alone.problems) == 150


# --- briefs new -----------------------------------------------------------------------


def test_new_writes_a_skeleton_that_the_check_accepts(tmp_path):
    project = make_project(tmp_path, {})
    result = briefs(
        "new", "Trump: Zelensky call, “a good one”", "--date", "2025-07-04", cwd=project
    )
    assert result.returncode == 0, result.stderr
    path = project / "briefs" / "trump-zelensky-call-a-good-one.md"
    assert result.stdout == (
        "Wrote briefs/trump-zelensky-call-a-good-one.md (dated 2025-07-04, a draft): "
        "edit it, run `briefs check`, then remove `draft: true` to publish it.\n"
    )
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "Trump: Zelensky call, “a good one”"
    assert str(front["date"]) == "2025-07-04"
    assert front["type"] == "reportage"
    for example in ("# sources:", "#     kind: anonymous", "# events:", "#     when: Thursday"):
        assert example in text
    assert front["draft"] is True
    check = briefs("check", cwd=project)
    assert (check.returncode, check.stdout) == (0, "Checked 1 brief: no problems.\n")
    # Published untouched, the skeleton's placeholder text is an error at its line.
    path.write_text(text.replace("draft: true", "draft: false"), encoding="utf-8")
    check = briefs("check", cwd=project)
    assert check.returncode == 1
    placeholder = next(
        i for i, line in enumerate(text.splitlines(), 1) if line.startswith("Write the news")
    )
    assert check.stdout.startswith(
        f"briefs/trump-zelensky-call-a-good-one.md:{placeholder}:1: the brief still holds "
        "the placeholder 'Write the news in one or two sentences.' of `briefs new`"
    )


def test_the_commented_examples_are_valid_once_uncommented(tmp_path):
    project = make_project(tmp_path, {})
    assert briefs("new", "Example", "--date", "2025-07-04", cwd=project).returncode == 0
    path = project / "briefs" / "example.md"
    # Uncomment every YAML example line, then cite the example source and mention the event.
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.match(r"# (\w|  )", line) and not re.match(r"# [A-Z]", line):
            line = line[2:]
        lines.append(line)
    text = "\n".join(lines) + "\nCited. [@ua-official] It happened [on Thursday](#putin-call).\n"
    path.write_text(text, encoding="utf-8")
    result = briefs("check", cwd=project)
    assert (result.returncode, result.stdout) == (0, "Checked 1 brief: no problems.\n"), text


def test_new_is_dated_today_in_the_site_time_zone(tmp_path):
    project = make_project(tmp_path, {})
    before = datetime.now(ZoneInfo("America/New_York")).date()
    result = briefs("new", "Today's news", cwd=project)
    after = datetime.now(ZoneInfo("America/New_York")).date()
    assert result.returncode == 0, result.stderr
    text = (project / "briefs" / "today-s-news.md").read_text(encoding="utf-8")
    written = re.search(r"^date: (\S+)$", text, re.M).group(1)
    assert written in (before.isoformat(), after.isoformat())


def test_new_never_overwrites_a_brief(tmp_path):
    project = make_project(tmp_path, {"taken.md": "mine\n"})
    result = briefs("new", "Taken", cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        "briefs: error: briefs/taken.md already exists; nothing was written: "
        "choose another title, or pass --slug\n"
    )
    assert (project / "briefs" / "taken.md").read_text() == "mine\n"
    other = briefs("new", "Taken", "--slug", "taken-2", cwd=project)
    assert other.returncode == 0
    assert (project / "briefs" / "taken-2.md").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "!!!"], "the title gives no slug: pass --slug"),
        (["new", "T", "--slug", "../x"], "the slug '../x' is not usable"),
        (["new", "T", "--date", "July 4"], "--date must be YYYY-MM-DD, got 'July 4'"),
        (["new", "  "], "the title is empty"),
    ],
)
def test_new_refuses_what_it_cannot_use(tmp_path, args, message):
    project = make_project(tmp_path, {})
    result = briefs(*args, cwd=project)
    assert result.returncode == 2
    assert message in result.stderr
    assert list((project / "briefs").iterdir()) == []


# --- Installing -----------------------------------------------------------------------


def test_the_pre_commit_hook_runs_the_installed_command():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "briefs-check"
    assert hook["entry"] == "briefs check"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False  # the whole site: duplicate pages span files
    assert re.search(hook["files"], "briefs/2025/x.md")
    assert 'briefs = "mkdocs_briefs.cli:main"' in (ROOT / "pyproject.toml").read_text()


def test_a_fresh_install_provides_a_working_briefs_command(tmp_path):
    # A copy of the project: building in place would leave build/ in the working tree.
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(ROOT / "plugin", source / "plugin", ignore=ignore)
    target = tmp_path / "install"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    install = subprocess.run(
        [*pip, "--target", str(target), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if install.returncode != 0 and re.search(
        r"No matching distribution|connection", install.stderr
    ):
        pytest.skip(f"no package index to build the package: {install.stderr[-300:]}")
    assert install.returncode == 0, install.stderr
    script = target / "bin" / "briefs"
    # Dependencies come from this environment; the package only from the fresh install.
    env = {"PYTHONPATH": str(target)}
    result = briefs("check", cwd=ROOT, script=script, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Checked 1 brief and the glossary: no problems.\n"
    where = subprocess.run(
        [sys.executable, "-c", "import mkdocs_briefs; print(mkdocs_briefs.__file__)"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    assert Path(where.stdout.strip()).is_relative_to(target)
