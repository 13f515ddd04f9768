"""PROBLEMS.md, row by row: each listed message is produced, word for word, by its input."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from problem_cases import CASES, check_case
from support import ROOT, make_project, run_mkdocs_build

from mkdocs_briefs.core.check.run import check_site
from mkdocs_briefs.core.check.siteconfig import read_site_config
from mkdocs_briefs.core.problems import Severity

SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "note": Severity.INFO}


@dataclass(frozen=True)
class Row:
    problem: str
    severity: Severity
    message: str


def table_rows() -> list[Row]:
    """Every row of every problems table in PROBLEMS.md."""
    rows = []
    for line in (ROOT / "PROBLEMS.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) != 3 or cells[0] in ("Problem", "---"):
            continue
        code = re.fullmatch(r"(`+) ?(.*?) ?\1", cells[2])
        assert code, f"the message of '{cells[0]}' must be in backticks: {cells[2]}"
        rows.append(Row(cells[0], SEVERITIES[cells[1]], code.group(2).replace("\\|", "|")))
    return rows


ROWS = table_rows()


def test_the_table_and_the_inputs_list_the_same_problems():
    names = [row.problem for row in ROWS]
    assert len(names) == len(set(names)), "a problem is listed twice"
    assert set(names) == set(CASES), (
        f"only in PROBLEMS.md: {sorted(set(names) - set(CASES))}; "
        f"only in problem_cases.py: {sorted(set(CASES) - set(names))}"
    )
    assert len(ROWS) >= 50


@pytest.mark.parametrize("row", ROWS, ids=[row.problem for row in ROWS])
def test_each_listed_message_is_produced_by_its_input(row, tmp_path):
    result = check_case(CASES[row.problem], tmp_path / "site")
    produced = {str(p): p.severity for p in result.problems}
    assert row.message in produced, "\n".join(produced)
    assert produced[row.message] is row.severity
    assert "Traceback" not in row.message


def test_the_build_prints_the_same_messages_as_the_check(tmp_path):
    # Briefs that break in different ways, built by MkDocs and checked by `briefs check`.
    names = ["Unknown source cited", "Mis-decoded characters", "Slug with / or .."]
    names += ["Broken relative link", "Unknown event link", "Invalid date"]
    briefs = {f"{index}.md": CASES[name].files["briefs/x.md"] for index, name in enumerate(names)}
    briefs["second.MD"] = CASES["File not ending in .md"].files["briefs/second.MD"]
    project = make_project(tmp_path, briefs)
    build = run_mkdocs_build(project, tmp_path / "out", strict=False)
    assert build.returncode == 0, build.output
    checked = check_site(read_site_config(project / "mkdocs.yml"))
    messages = [str(p) for p in checked.problems]
    assert len(messages) >= len(names) + 1
    for message in messages:
        assert message in build.output, message
