"""standard_summary, agency_rule and statistic: facts shown from data, never retyped."""

from __future__ import annotations

import pytest

from tests.macros.support import to_html
from macros.errors import AuthorError


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
    with pytest.raises(AuthorError, match='there is no agency rule \'notice-period\' in data/agency_rules.yml. Did you mean "notice-periods"\\?'):
        macro["agency_rule"]("notice-period")


def test_statistic_sits_inside_a_sentence_with_its_source_and_date(macro):
    assert to_html("The caseload was " + macro["statistic"]("caseload") + ".") == (
        '<p>The caseload was <span class="app-statistic"><strong class="app-statistic__value">15.4</strong> '
        '<span class="app-statistic__citation">(<a href="https://example.org/agency-rules">Department for Education</a>; '
        "as at 30 September 2024)</span></span>.</p>"
    )


def test_statistic_shows_its_caveat(macro):
    assert "; as at 30 September 2024. Note: One source only.)" in macro["statistic"]("turnover")


def test_statistic_is_one_line_so_it_never_breaks_a_paragraph(macro):
    assert "\n" not in macro["statistic"]("turnover")


def test_unknown_statistic_is_refused(macro):
    with pytest.raises(AuthorError, match="statistic\\(\\): there is no statistic 'caseloads'.*Did you mean \"caseload\""):
        macro["statistic"]("caseloads")
