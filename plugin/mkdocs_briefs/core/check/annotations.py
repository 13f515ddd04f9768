"""Problems as GitHub Actions workflow commands, so a pull request shows them on its lines.

    ::error file=briefs/x.md,line=14,col=3::unknown source 'ua-oficial' ...

GitHub's escaping: in the message `%`, CR and LF are written `%25`, `%0D`,
`%0A`; in a property value `:` and `,` too (`%3A`, `%2C`), since they separate
the properties from each other and from the message.
"""

from __future__ import annotations

from mkdocs_briefs.core.problems import Problem, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    location = problem.location
    properties = [("file", location.path)]
    if location.line:
        properties.append(("line", str(location.line)))
        if location.col:
            properties.append(("col", str(location.col)))
    written = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[problem.severity]} {written}::{escape_data(problem.message)}"
