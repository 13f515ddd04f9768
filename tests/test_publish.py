"""Publishing: gh-deploy to a Git remote, the Pages workflow, and the ProperDocs host."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import FIRST_BRIEF_URL, ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
CHECK_WORKFLOW = ROOT / ".github" / "workflows" / "check.yml"
SITE_SOURCES = ("mkdocs.yml", "content", "briefs")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,  # the developer's own Git settings stay out of it
    "GIT_CONFIG_NOSYSTEM": "1",
}


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **GIT_ENV, "NO_MKDOCS_2_WARNING": "1", **env},
    )


def git(cwd: Path, *args: str) -> str:
    result = run(["git", *args], cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_gh_deploy_publishes_the_site_to_the_gh_pages_branch(tmp_path):
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "--bare", "--initial-branch=main", str(origin))
    work = tmp_path / "work"
    work.mkdir()
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name)
        else:
            shutil.copy2(source, work / name)
    git(work, "init", "--initial-branch=main")
    git(work, "add", ".")
    git(work, "commit", "-q", "-m", "The site")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")

    deploy_flags = ["--strict", "--force", "--no-history", "--remote-name", "origin"]
    deploy = run([sys.executable, "-m", "mkdocs", "gh-deploy", *deploy_flags], work)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr

    published = git(origin, "ls-tree", "-r", "--name-only", "gh-pages").split()
    for expected in ("index.html", ".nojekyll", f"{FIRST_BRIEF_URL}index.html", "feed.xml"):
        assert expected in published, expected
    home = git(origin, "show", "gh-pages:index.html")
    assert f'href="{FIRST_BRIEF_URL}"' in home
    # The source branch is left as it was.
    assert git(origin, "log", "--format=%s", "main").split("\n")[0] == "The site"


def actionlint() -> str | None:
    beside_python = Path(sys.executable).parent / "actionlint"
    return shutil.which("actionlint") or (str(beside_python) if beside_python.exists() else None)


@pytest.mark.parametrize("workflow", [WORKFLOW, CHECK_WORKFLOW], ids=["publish", "check"])
def test_the_workflows_pass_actionlint(workflow):
    binary = actionlint()
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("actionlint is missing under CI=true: install the test extra")
        pytest.skip("actionlint is not installed (pip install -e '.[test]')")
    result = run([binary, "-no-color", str(workflow)], ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_builds_strictly_with_both_hosts_and_deploys_to_pages():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # Hourly too, so that a scheduled brief is published within the hour after its time.
    [schedule] = workflow[True]["schedule"]  # YAML 1.1 reads the key `on` as true
    assert schedule["cron"].split()[1:] == ["*", "*", "*", "*"]
    # Only the deploy job may write to Pages.
    assert workflow["permissions"] == {"contents": "read"}
    assert "permissions" not in workflow["jobs"]["build"]
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    build = workflow["jobs"]["build"]["steps"]
    runs = "\n".join(step.get("run", "") for step in build)
    assert "-c requirements.lock" in runs
    assert "mkdocs build --strict" in runs
    assert "properdocs build --strict" in runs
    uses = [step["uses"].split("@")[0] for step in build if "uses" in step]
    assert uses == [
        "actions/checkout",
        "actions/setup-python",
        "actions/cache",
        "actions/upload-pages-artifact",
    ]
    # The parsed briefs of the last run come back before the builds, and a run saves its own.
    cache = next(step for step in build if step.get("uses", "").startswith("actions/cache"))
    # With the key that signs the entries (core/cache/key.py): without it none is read.
    assert cache["with"]["path"].split() == [".briefs-cache", "~/.cache/mkdocs-briefs"]
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def example_address_guard() -> str:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    guard = next(step for step in steps if "example" in step.get("name", ""))
    assert steps.index(guard) < next(
        i for i, s in enumerate(steps) if "mkdocs build" in s.get("run", "")
    )
    return guard["run"]


@pytest.mark.parametrize(
    ("site_url", "refused"),
    [
        ("https://example.org/briefs/", True),  # as shipped
        ("'https://example.org/'", True),
        ("https://newsroom.github.io/briefs/", False),
    ],
)
def test_publishing_stops_with_a_clear_message_under_the_example_address(
    tmp_path, site_url, refused
):
    shipped = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: https://example.org/briefs/" in shipped
    (tmp_path / "mkdocs.yml").write_text(
        shipped.replace("site_url: https://example.org/briefs/", f"site_url: {site_url}")
    )
    result = run(["bash", "-e", "-c", example_address_guard()], tmp_path)
    assert (result.returncode != 0) is refused, result.stdout + result.stderr
    if refused:
        assert result.stdout.startswith(
            "::error file=mkdocs.yml::site_url is still the example address"
        )


def test_pull_requests_are_checked_with_annotations_and_a_strict_build():
    workflow = yaml.safe_load(CHECK_WORKFLOW.read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as true
    assert workflow["permissions"] == {"contents": "read"}
    [job] = workflow["jobs"].values()
    runs = [step.get("run", "") for step in job["steps"]]
    assert "briefs check --format github --no-cache" in runs
    build = next(step for step in job["steps"] if "mkdocs build --strict" in step.get("run", ""))
    assert build["if"] == "${{ !cancelled() }}"  # runs although the check found problems
    assert any("-c requirements.lock" in run for run in runs)


def test_properdocs_builds_the_shipped_site_strictly(tmp_path, shipped_build):
    pytest.importorskip("properdocs", reason="pip install -e '.[test]' installs ProperDocs")
    site = tmp_path / "site"
    flags = ["--strict", "-f", "mkdocs.yml", "--site-dir", str(site)]
    result = run([sys.executable, "-m", "properdocs", "build", *flags], ROOT)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output and "Traceback" not in output
    page = (site / FIRST_BRIEF_URL / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in page[: page.index("</head>")]  # really built by ProperDocs
    assert '<h1 class="brief-header__title" id="brief-headline">' in page
    assert 'id="sourcing"' in page
    assert (site / "feed.xml").is_file()
    # The same pages as with MkDocs.
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    mkdocs_files = sorted(
        p.relative_to(shipped_build.site).as_posix()
        for p in shipped_build.site.rglob("*")
        if p.is_file()
    )
    assert files == mkdocs_files
