"""Plain definitions skip Markdown: the result must be what markdown-it would give."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_briefs.core.glossary.terms import Glossary, GlossaryTerm
from mkdocs_briefs.core.problems import Location
from mkdocs_briefs.core.render.definition import (
    DefinitionLinks,
    _render_markdown,
    render_definition,
)

# Ordinary prose and every character that may start inline Markdown or need escaping.
TEXT = st.text(alphabet=st.sampled_from(list("ab Z.,;:'\"-()%$#=+/?é0\t\\`*_[]!<>&~\n")))


def term(definition: str) -> GlossaryTerm:
    return GlossaryTerm(
        id="t", term="T", aliases=(), definition=definition, see=(), location=Location("g.yml")
    )


# One construct each: a plain-text shortcut that let any of them through would differ.
CONSTRUCTS = [
    'Weapons that "stop" missiles: 10% of them.',
    "  padded  ",
    "*incoming* missiles",
    "__fast__ ones",
    "`code`",
    "a\\*b",
    "[our sources](sources/)",
    "![a map](map.png)",
    "A &amp; B",
    "<http://example.com>",
    "~~gone~~",
    "line  \nbreak",
]


def assert_renders_as_markdown(definition: str) -> None:
    glossary = Glossary("g.yml", {"t": term(definition)})
    links = DefinitionLinks(root="../", glossary_url="../glossary/")
    rendered = render_definition(term(definition), glossary, links)
    assert rendered == _render_markdown(definition, glossary, links)


@pytest.mark.parametrize("definition", CONSTRUCTS)
def test_each_markdown_construct_is_rendered(definition: str):
    assert_renders_as_markdown(definition)


@settings(max_examples=300)
@given(TEXT)
def test_any_definition_renders_as_markdown_it_renders_it(definition: str):
    assert_renders_as_markdown(definition)
