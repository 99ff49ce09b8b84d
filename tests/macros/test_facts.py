"""standard_summary, agency_rule and statistic: facts shown from data, never retyped."""

from __future__ import annotations

import logging

import pytest

from site_model.errors import AuthorError
from tests.macros.support import to_html


def test_standard_summary_shows_the_standard_from_data_and_links_to_its_page(macro):
    assert to_html(macro["standard_summary"](5)) == (
        '<div aria-label="What the standard says: standard 5, Supervision" class="app-standard-summary" role="note">\n'
        '<h3 class="app-standard-summary__title"><span class="app-standard-summary__caption">'
        "What the standard says</span> Standard 5: Supervision</h3>\n"
        "<p>Employers give protected supervision.</p>\n"
        '<ul class="app-standard-summary__expectations">\n'
        "<li>Sessions last at least 90 minutes.</li>\n"
        "<li>A <strong>policy</strong> exists.</li>\n"
        "</ul>\n"
        '<p class="app-standard-summary__source">Source: <a href="https://example.org/standard-5">Standards for employers '
        "2020: standard 5</a>, Local Government Association. "
        '<a href="../retention/standard-5-supervision.md">Guidance on standard 5: Supervision</a></p>\n'
        "</div>"
    )


def test_standard_summary_on_its_own_page_does_not_link_to_itself(macro, current):
    current.src = "retention/standard-5-supervision.md"
    assert "Guidance on standard 5" not in macro["standard_summary"](5)


def test_unknown_standard_lists_the_known_ones(macro):
    with pytest.raises(AuthorError) as error:
        macro["standard_summary"](9)
    assert "standard_summary(): there is no employer standard 9 in data/standards.yml. Known: 5." in str(error.value)


def test_standard_number_in_quotes_is_a_type_error_for_the_author(macro):
    with pytest.raises(AuthorError) as error:
        macro["standard_summary"]("5")
    assert "standard_summary(): argument 'number' must be a whole number, but was '5'." in str(error.value)


def test_agency_rule_shows_status_details_and_source(macro):
    assert to_html(macro["agency_rule"]("notice-periods")) == (
        '<div aria-label="The rule: Notice periods" class="app-agency-rule" role="note">\n'
        '<h3 class="app-agency-rule__title"><span class="app-agency-rule__caption">The rule</span> '
        "Notice periods</h3>\n"
        '<p class="app-agency-rule__status app-agency-rule__status--should">Statutory guidance: follow this unless there '
        "are exceptional circumstances.</p>\n"
        '<dl class="app-agency-rule__details">\n'
        "<dt>What it requires</dt>\n"
        "<dd>Agency workers give 4 weeks&#39; notice.</dd>\n"
        "<dt>From when</dt>\n"
        "<dd>New assignments from 31 October 2024.</dd>\n"
        "<dt>What your council must do</dt>\n"
        "<dd>\n<ul>\n<li>Put the notice period in contracts.</li>\n</ul>\n</dd>\n"
        "<dt>Not yet confirmed</dt>\n"
        "<dd>Nothing is unconfirmed here.</dd>\n"
        "</dl>\n"
        '<p class="app-agency-rule__source">Source: <a href="https://example.org/agency-rules">Agency rules</a>, '
        'Department for Education. <a href="../agency/notice-periods.md">Guidance on this rule</a></p>\n'
        "</div>"
    )


def test_unknown_agency_rule_suggests_the_closest_id(macro):
    with pytest.raises(
        AuthorError,
        match="there is no agency rule 'notice-period' in data/agency_rules.yml. Did you mean \"notice-periods\"\\?",
    ):
        macro["agency_rule"]("notice-period")


def cite_and_close(macro, sentence_with: str) -> str:
    """A page: one sentence around a figure, then the page's notes and sources, rendered as the site does."""
    return to_html(sentence_with + macro["sources_section"]())


def test_statistic_reads_as_part_of_its_sentence_and_links_to_a_numbered_note(macro):
    html = cite_and_close(macro, "The caseload was " + macro["statistic"]("caseload") + ".")
    assert html.startswith(
        '<p>The caseload was <span class="app-statistic">15.4</span><sup id="fnref:workload-supervision-caseload">'
        '<a class="footnote-ref" href="#fn:workload-supervision-caseload">[note 1]</a></sup>.</p>\n'
    )
    assert (
        '<h2>Notes</h2>\n<div class="footnote">\n<hr />\n<ol>\n<li id="fn:workload-supervision-caseload">\n'
        "<p>At 30 September 2024: average caseload. Department for Education, "
        '<a href="https://example.org/agency-rules">Agency rules</a>.&#160;'
        '<a class="footnote-backref" href="#fnref:workload-supervision-caseload" title="Back to where note 1 is cited">Back to text</a></p>\n'
        "</li>\n</ol>\n</div>\n<h2>Sources</h2>"
    ) in html


def test_no_source_or_date_sits_inside_the_sentence(macro):
    sentence = to_html("The caseload was " + macro["statistic"]("caseload") + ".").split("</p>")[0]
    assert "Department for Education" not in sentence and "2024" not in sentence and "(" not in sentence


def test_a_caveat_goes_in_the_note(macro):
    html = cite_and_close(macro, "Turnover was " + macro["statistic"]("turnover") + ".")
    assert "The year to 30 September 2024: turnover. Department for Education, " in html
    assert '">Agency rules</a>. One source only.&#160;' in html


def test_notes_are_numbered_in_the_order_figures_are_first_cited(macro):
    html = cite_and_close(
        macro,
        f"A {macro['statistic']('turnover')}, B {macro['statistic']('caseload')}, "
        f"A again {macro['statistic']('turnover')}.",
    )
    assert html.index('<li id="fn:workload-supervision-turnover">') < html.index(
        '<li id="fn:workload-supervision-caseload">'
    )
    assert '<a class="footnote-ref" href="#fn:workload-supervision-turnover">[note 1]</a>' in html
    assert (
        '<sup id="fnref2:workload-supervision-turnover"><a class="footnote-ref" href="#fn:workload-supervision-turnover">[note 1]</a></sup>'
        in html
    )


def test_a_page_without_figures_has_no_notes_section(macro):
    assert "Notes" not in macro["sources_section"]()


def test_statistic_is_one_line_so_it_never_breaks_a_paragraph(macro):
    assert "\n" not in macro["statistic"]("turnover")


def test_unknown_statistic_is_refused(macro):
    with pytest.raises(
        AuthorError, match="statistic\\(\\): there is no statistic 'caseloads'.*Did you mean \"caseload\""
    ):
        macro["statistic"]("caseloads")


def test_an_older_figure_of_a_series_warns_naming_the_page_line_and_the_newer_figure(macro, current, caplog):
    current.text = '---\ntitle: x\n---\n\nIn 2023 it was {{ statistic("caseload-2023") }}.\n'
    with caplog.at_level(logging.WARNING, logger="workforce.notices"):
        macro["statistic"]("caseload-2023")
    assert caplog.messages == [
        "newer figure: docs/workload/supervision.md:5 cites caseload-2023 (2023) but caseload has caseload (15.4) "
        'for 2024. Cite "caseload", or write statistic("caseload-2023", comparison=True) if the page compares '
        "the two on purpose."
    ]


def test_a_deliberate_comparison_does_not_warn(macro, caplog):
    with caplog.at_level(logging.WARNING, logger="workforce.notices"):
        macro["statistic"]("caseload-2023", comparison=True)
        macro["statistic"]("caseload")
    assert caplog.messages == []


def test_comparison_must_be_true_or_false(macro):
    with pytest.raises(AuthorError, match="argument 'comparison' must be true or false, but was 'yes'"):
        macro["statistic"]("caseload", comparison="yes")


def test_a_figure_cited_after_the_notes_are_listed_is_refused(macro):
    macro["sources_section"]()
    with pytest.raises(AuthorError, match="statistic\\(\\): 'caseload' comes after sources_section\\(\\)"):
        macro["statistic"]("caseload")


def test_a_page_citing_figures_without_sources_section_is_refused(macro):
    from macros.facts import check_page_citations

    macro["statistic"]("caseload")
    with pytest.raises(
        AuthorError,
        match="docs/workload/supervision.md: the page cites figures with statistic\\(\\) or chart\\(\\) "
        "but has no sources_section\\(\\)",
    ):
        check_page_citations(_context_of(macro), "The caseload was 15.4[^caseload].")


def _context_of(macro) -> object:
    """The MacroContext the test macros share (each macro closes over it)."""
    for cell in macro["statistic"].__wrapped__.__closure__:
        if type(cell.cell_contents).__name__ == "MacroContext":
            return cell.cell_contents
    raise AssertionError("no MacroContext found")


def test_a_page_citing_a_series_must_be_due_for_review_by_its_next_release(macro, current):
    from macros.facts import NOTES_MARKER, check_page_citations

    current.meta["review_due"] = "2027-11-22"
    macro["statistic"]("turnover")
    with pytest.raises(
        AuthorError,
        match="docs/workload/supervision.md: review_due is 2027-11-22, but the page cites "
        "turnover, whose next release is expected by 2027-03-31",
    ):
        check_page_citations(_context_of(macro), NOTES_MARKER)
    current.meta["review_due"] = "2027-03-31"
    check_page_citations(_context_of(macro), NOTES_MARKER)
