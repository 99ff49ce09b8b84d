"""related_resources, sources_section, pages_for and glossary: lists built from front matter and data."""

from __future__ import annotations

import pytest

from site_model.errors import AuthorError
from tests.macros.support import to_html


def test_related_resources_is_a_section_of_relative_links_for_mkdocs_to_check(macro):
    assert to_html(macro["related_resources"](["retention/standard-5-supervision"])) == (
        "<h2>Related resources</h2>\n"
        "<ul>\n"
        '<li><a href="../retention/standard-5-supervision.md">Standard 5: Supervision</a>: About standard 5: supervision.</li>\n'
        "</ul>"
    )


def test_related_resources_refuses_an_unknown_page_and_suggests_one(macro):
    with pytest.raises(
        AuthorError, match="there is no page with id 'workload/supervison'. Did you mean \"workload/supervision\"\\?"
    ):
        macro["related_resources"](["workload/supervison"])


def test_sources_section_lists_the_front_matter_sources(macro):
    assert to_html(macro["sources_section"]()) == (
        '<h2>Sources</h2>\n<ul>\n<li><a href="https://example.org/a">Agency rules</a>, DfE</li>\n</ul>'
    )


def test_sources_section_needs_sources_in_the_front_matter(macro, current):
    current.meta = {"sources": []}
    with pytest.raises(AuthorError, match="sources_section\\(\\): this page lists no sources in its front matter"):
        macro["sources_section"]()


def test_pages_for_groups_an_audience_s_pages_by_strand_and_skips_the_current_page(macro):
    assert to_html(macro["pages_for"]("team-managers")) == (
        "<h2>Agency social workers</h2>\n<ul>\n"
        '<li><a href="../agency/notice-periods.md">Notice periods</a>: About notice periods.</li>\n</ul>\n'
        "<h2>Reducing workload</h2>\n<ul>\n"
        '<li><a href="index.md">Reducing workload</a>: About reducing workload.</li>\n</ul>'
    )


def test_pages_for_an_unknown_audience_lists_the_allowed_ones(macro):
    with pytest.raises(AuthorError, match='audience "managers" is not allowed. Use "practitioners", "team-managers"'):
        macro["pages_for"]("managers")


def test_glossary_is_a_table_of_abbreviations(macro):
    html = to_html(macro["glossary"]())
    assert "<th>Abbreviation</th>" in html and "<td>PSW</td>\n<td>principal social worker</td>" in html
