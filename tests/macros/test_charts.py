"""chart: a series drawn at build time as an SVG, with its figures as a table, each figure cited in the notes."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from macros import chart_drawing, charts
from site_model.data import Series, SiteData, Statistic
from site_model.errors import AuthorError
from tests.macros.support import DFE, REPO, make_site_data, to_html

RATE = Series("vacancy-rate", "vacancy rate", "percent", DFE, "at 30 September {period}", date(2027, 3, 31))
TURNOVER = Series("turnover-rate", "turnover rate", "percent", DFE, "the year to 30 September {period}")
POSTS = Series("posts", "social workers in post", "count", DFE, "at 30 September {period}")
SURVEY = Series("survey-responses", "responses to a survey", "count", DFE)
WORDS = Series("survey-finding", "what a survey found", "text", DFE)
FIGURES = (
    Statistic("vacancy-rate-2022", RATE, "2022", "20%"),
    Statistic("vacancy-rate-2023", RATE, "2023", "15%"),
    Statistic("vacancy-rate-2024", RATE, "2024", "10%"),
    Statistic("turnover-rate-2023", TURNOVER, "2023", "16%"),
    Statistic("turnover-rate-2024", TURNOVER, "2024", "5%"),
    Statistic("posts-2023", POSTS, "2023", "1,000"),
    Statistic("posts-2024", POSTS, "2024", "1,250"),
    Statistic("survey-responses-2023", SURVEY, "2023", "about 900"),
    Statistic("survey-responses-2024", SURVEY, "2024", "1,100"),
    Statistic("survey-finding-2023", WORDS, "2023", "most were satisfied"),
    Statistic("survey-finding-2024", WORDS, "2024", "fewer were satisfied"),
)


@pytest.fixture
def site_data() -> SiteData:
    """The macro tests' small site, with a few series to chart."""
    data = make_site_data()
    return replace(data, statistics={**data.statistics, **{figure.id: figure for figure in FIGURES}})


def svg_of(html: str) -> str:
    return html[
        html.index('<svg class="app-chart__svg"') : html.index("</svg>", html.index('<svg class="app-chart__svg"')) + 6
    ]


# --- Exact output ------------------------------------------------------------------------------------------------


def test_a_line_chart_is_an_svg_then_a_table_of_the_same_figures_each_with_its_note(macro):
    html = to_html(macro["chart"]("vacancy-rate") + macro["sources_section"]())
    assert html.startswith(
        '<figure class="app-chart app-chart--line">\n'
        '<figcaption class="app-chart__title">Chart: Vacancy rate, 2022 to 2024</figcaption>\n'
        '<div class="app-chart__image">\n'
        '<svg class="app-chart__svg" viewBox="0 0 264 224" style="max-width: 16.5em" role="img" '
        'aria-labelledby="workload-supervision-chart-1-title workload-supervision-chart-1-desc">\n'
        '<title id="workload-supervision-chart-1-title">Vacancy rate, 2022 to 2024</title>\n'
        '<desc id="workload-supervision-chart-1-desc">Vacancy rate fell from 20% in 2022 to 10% in 2024.</desc>\n'
        '<g font-size="16">\n'
        '<g class="app-chart__axis" fill="currentColor">\n'
        '<line x1="40" y1="192" x2="256" y2="192" stroke="#505a5f" stroke-width="2"/>\n'
        '<text x="34" y="197" text-anchor="end">0%</text>\n'
        '<text x="76" y="216" text-anchor="middle"><tspan x="76" dy="0">2022</tspan></text>\n'
        '<text x="148" y="216" text-anchor="middle"><tspan x="148" dy="0">2023</tspan></text>\n'
        '<text x="220" y="216" text-anchor="middle"><tspan x="220" dy="0">2024</tspan></text>\n'
        "</g>\n"
        '<g class="app-chart__series app-chart__series--1" fill="#12436d">\n'
        '<polyline class="app-chart__line" points="76,32 148,72 220,112" fill="none" stroke="#12436d" '
        'stroke-width="3"/>\n'
        '<circle cx="76" cy="32" r="6"/>\n'
        '<circle cx="148" cy="72" r="6"/>\n'
        '<circle cx="220" cy="112" r="6"/>\n'
        '<g class="app-chart__values" font-weight="700" text-anchor="middle">\n'
        '<text x="76" y="20">20%</text>\n'
        '<text x="148" y="60">15%</text>\n'
        '<text x="220" y="100">10%</text>\n'
        "</g>\n"
        "</g>\n"
        "</g>\n"
        "</svg>\n"
        "</div>\n"
        '<table class="app-chart__table">\n'
        "<caption>Table: Vacancy rate, 2022 to 2024</caption>\n"
        "<thead>\n"
        "<tr>\n"
        '<th scope="col">Year</th>\n'
        '<th class="app-chart__value" scope="col">Vacancy rate</th>\n'
        "</tr>\n"
        "</thead>\n"
        "<tbody>\n"
        "<tr>\n"
        '<th scope="row">2022</th>\n'
        '<td class="app-chart__value"><span class="app-statistic">20%</span><sup '
        'id="fnref:workload-supervision-vacancy-rate-2022"><a class="footnote-ref" '
        'href="#fn:workload-supervision-vacancy-rate-2022">[note 1]</a></sup></td>\n'
        "</tr>\n"
        "<tr>\n"
        '<th scope="row">2023</th>\n'
        '<td class="app-chart__value"><span class="app-statistic">15%</span><sup '
        'id="fnref:workload-supervision-vacancy-rate-2023"><a class="footnote-ref" '
        'href="#fn:workload-supervision-vacancy-rate-2023">[note 2]</a></sup></td>\n'
        "</tr>\n"
        "<tr>\n"
        '<th scope="row">2024</th>\n'
        '<td class="app-chart__value"><span class="app-statistic">10%</span><sup '
        'id="fnref:workload-supervision-vacancy-rate-2024"><a class="footnote-ref" '
        'href="#fn:workload-supervision-vacancy-rate-2024">[note 3]</a></sup></td>\n'
        "</tr>\n"
        "</tbody>\n"
        "</table>\n"
        "</figure>\n"
        "<h2>Notes</h2>\n"
    )
    assert (
        '<li id="fn:workload-supervision-vacancy-rate-2022">\n<p>At 30 September 2022: vacancy rate. Department for '
        'Education, <a href="https://example.org/agency-rules">Agency rules</a>.&#160;<a class="footnote-backref" '
        'href="#fnref:workload-supervision-vacancy-rate-2022" title="Back to where note 1 is cited">Back to text</a>'
        "</p>\n</li>"
    ) in html


def test_a_bar_chart_starts_each_bar_at_zero_and_labels_its_value(macro):
    assert svg_of(to_html(macro["chart"]("posts", kind="bar"))) == (
        '<svg class="app-chart__svg" viewBox="0 0 192 224" style="max-width: 12em" role="img" '
        'aria-labelledby="workload-supervision-chart-1-title workload-supervision-chart-1-desc">\n'
        '<title id="workload-supervision-chart-1-title">Social workers in post, 2023 to 2024</title>\n'
        '<desc id="workload-supervision-chart-1-desc">Social workers in post rose from 1,000 in 2023 to 1,250 in '
        "2024.</desc>\n"
        '<g font-size="16">\n'
        '<g class="app-chart__axis" fill="currentColor">\n'
        '<line x1="40" y1="192" x2="184" y2="192" stroke="#505a5f" stroke-width="2"/>\n'
        '<text x="34" y="197" text-anchor="end">0</text>\n'
        '<text x="76" y="216" text-anchor="middle"><tspan x="76" dy="0">2023</tspan></text>\n'
        '<text x="148" y="216" text-anchor="middle"><tspan x="148" dy="0">2024</tspan></text>\n'
        "</g>\n"
        '<g class="app-chart__series app-chart__series--1" fill="#12436d">\n'
        '<rect class="app-chart__bar" x="56" y="64" width="40" height="128"/>\n'
        '<rect class="app-chart__bar" x="128" y="32" width="40" height="160"/>\n'
        '<g class="app-chart__values" font-weight="700" text-anchor="middle">\n'
        '<text x="76" y="56">1,000</text>\n'
        '<text x="148" y="24">1,250</text>\n'
        "</g>\n"
        "</g>\n"
        "</g>\n"
        "</svg>"
    )


def test_two_series_differ_in_shape_and_pattern_and_a_missing_figure_is_a_gap(macro):
    html = to_html(macro["chart"](["vacancy-rate", "turnover-rate"], title="Vacancy and turnover"))
    first, second = re.findall(r'<g class="app-chart__series app-chart__series--\d".*?\n</g>\n</g>', svg_of(html), re.S)
    assert first.count("<circle") == 3 and "<rect" not in first and "stroke-dasharray" not in first
    assert second.count("<rect") == 2 and "<circle" not in second and 'stroke-dasharray="8 4"' in second
    assert '<polyline class="app-chart__line" points="148,64 220,152"' in second  # no line to the missing 2022
    # At each period the higher figure is labelled above its point, the lower one below it.
    assert '<text x="148" y="96">15%</text>' in first and '<text x="148" y="52">16%</text>' in second
    assert (
        '<desc id="workload-supervision-chart-1-desc">Vacancy rate fell from 20% in 2022 to 10% in 2024. '
        "Turnover rate fell from 16% in 2023 to 5% in 2024.</desc>"
    ) in html
    assert (
        '<ul aria-hidden="true" class="app-chart__key">\n'
        '<li class="app-chart__key-item"><svg class="app-chart__key-symbol" viewBox="0 0 40 16" fill="#12436d" aria-hidden="true"><line '
        'x1="2" y1="8" x2="38" y2="8" stroke="#12436d" stroke-width="3"/><circle cx="20" cy="8" r="6"/></svg> '
        "Vacancy rate</li>\n"
        '<li class="app-chart__key-item"><svg class="app-chart__key-symbol" viewBox="0 0 40 16" fill="#801650" aria-hidden="true"><line '
        'x1="2" y1="8" x2="38" y2="8" stroke="#801650" stroke-width="3" stroke-dasharray="8 4"/><rect x="14" y="2" '
        'width="12" height="12"/></svg> Turnover rate</li>\n'
        "</ul>"
    ) in html
    assert (
        '<tr>\n<th scope="row">2022</th>\n'
        '<td class="app-chart__value"><span class="app-statistic">20%</span>[^workload-supervision-vacancy-rate-2022]'
        '</td>\n<td class="app-chart__value">No figure</td>\n</tr>'
    ) in html


def test_periods_choose_the_figures_shown_oldest_first(macro):
    html = to_html(macro["chart"]("vacancy-rate", periods=["2024", "2022"]))
    assert "Vacancy rate fell from 20% in 2022 to 10% in 2024." in html
    assert "15%" not in html
    assert html.index('<th scope="row">2022</th>') < html.index('<th scope="row">2024</th>')


def test_each_chart_on_a_page_has_its_own_ids(macro):
    first, second = macro["chart"]("vacancy-rate"), macro["chart"]("posts", kind="bar")
    assert 'id="workload-supervision-chart-1-title"' in first and 'id="workload-supervision-chart-2-title"' in second


def test_the_chart_is_one_block_so_markdown_never_breaks_it(macro):
    html = macro["chart"]("vacancy-rate")
    assert html.startswith("\n\n<figure") and html.endswith("</figure>\n\n") and "\n\n" not in html.strip()


# --- The trend in words ------------------------------------------------------------------------------------------


def series_of(*values: str) -> list[Statistic]:
    return [Statistic(f"x-{n}", RATE, str(2020 + n), value) for n, value in enumerate(values)]


@pytest.mark.parametrize(
    ("values", "words"),
    [
        (("20%", "18.9%", "17.3%", "14.2%"), "fell from 20% in 2020 to 14.2% in 2023"),
        (("31,600", "33,119"), "rose from 31,600 in 2020 to 33,119 in 2021"),
        (("16.0", "16.0", "16.0"), "stayed at 16.0 from 2020 to 2022"),
        (("15%", "15%", "16%"), "rose from 15% in 2020 to 16% in 2022"),
        (
            ("17.6%", "17.9%", "16.2%", "13.0%"),
            "rose from 17.6% in 2020 to a peak of 17.9% in 2021, then fell to 13.0% in 2023",
        ),
        (("12%", "9%", "10%"), "fell from 12% in 2020 to a low of 9% in 2021, then rose to 10% in 2022"),
        (
            ("10%", "14%", "8%", "12%"),
            "went from 10% in 2020 to 12% in 2023, with a high of 14% in 2021 and a low of 8% in 2022",
        ),
    ],
)
def test_the_trend_is_stated_in_words_from_the_figures(values, words):
    assert charts.trend(series_of(*values)) == words


# --- Colours, marks and size -------------------------------------------------------------------------------------


def luminance(colour: str) -> float:
    """WCAG 2.2 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_sum_is_right():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#1d70b8", "#ffffff"), 2) == 5.17  # the site's link colour, as app.css notes (5.2:1)


def test_marks_have_3_to_1_and_value_labels_4_5_to_1_against_the_page():
    for colour, _, _ in chart_drawing.SERIES_STYLES:
        assert contrast(colour, chart_drawing.BACKGROUND) >= 4.5, (
            colour
        )  # drawn as bars, lines, markers and their labels
    assert contrast(chart_drawing.AXIS, chart_drawing.BACKGROUND) >= 3
    assert contrast(chart_drawing.TEXT, chart_drawing.BACKGROUND) >= 4.5


def test_the_chart_uses_only_the_colours_checked_and_the_page_text_colour(macro):
    css = (REPO / "overrides" / "assets" / "stylesheets" / "app.css").read_text(encoding="utf-8")
    assert f"--app-text: {chart_drawing.TEXT};" in css and f"--app-border: {chart_drawing.AXIS};" in css
    assert ".app-chart__svg { display: block; width: 100%; height: auto; color: var(--app-text); }" in css
    html = macro["chart"](["vacancy-rate", "turnover-rate"]) + macro["chart"]("posts", kind="bar")
    colours = set(re.findall(r'(?:fill|stroke)="([^"]+)"', html))
    series = {colour for colour, _, _ in chart_drawing.SERIES_STYLES}
    # Axis text is currentColor (the page's text colour, checked above); value labels take their series' colour.
    assert colours == series | {chart_drawing.AXIS, "currentColor", "none"}


def test_series_are_told_apart_by_shape_and_pattern_as_well_as_colour():
    colours, shapes, dashes = zip(*chart_drawing.SERIES_STYLES, strict=True)
    assert (
        len(set(colours))
        == len(set(shapes))
        == len(set(dashes))
        == len(chart_drawing.SERIES_STYLES)
        == charts.MAX_SERIES
    )


def test_every_plotted_figure_is_labelled_with_its_value(macro):
    svg = svg_of(macro["chart"](["vacancy-rate", "turnover-rate"]))
    assert re.findall(r'<text x="[\d.]+" y="[\d.]+">([^<]+)</text>', svg) == ["20%", "15%", "10%", "16%", "5%"]


def test_the_svg_scales_with_its_viewbox_and_text_size(macro):
    svg = svg_of(macro["chart"]("vacancy-rate"))
    width = float(re.search(r'viewBox="0 0 ([\d.]+) [\d.]+"', svg).group(1))
    # No fixed width or height: CSS sets width 100%; the max-width in em makes its 16-unit text one em of body text.
    assert not re.search(r"<svg[^>]* (width|height)=", svg)
    assert f'style="max-width: {chart_drawing._number(width / chart_drawing.FONT)}em"' in svg
    assert '<g font-size="16">' in svg and chart_drawing.FONT == 16


def test_long_period_names_wrap_within_their_column(macro, site_data):
    spring = Series("spring-rate", "rate in spring", "percent", DFE)
    site_data.statistics.update(
        {
            "spring-2023": Statistic("spring-2023", spring, "February to April 2023", "12%"),
            "spring-2024": Statistic("spring-2024", spring, "February to April 2024", "11%"),
        }
    )
    html = macro["chart"]("spring-rate")
    # "February" sets the width of each period (8 characters of 9.6 units, plus 8); the rest wraps to fit.
    assert (
        '<tspan x="82.4" dy="0">February</tspan><tspan x="82.4" dy="20">to April</tspan>'
        '<tspan x="82.4" dy="20">2023</tspan>'
    ) in html
    assert 'viewBox="0 0 217.6 264"' in html  # 2 more lines of labels: 40 units taller
    assert '<th scope="col">Period</th>' in html


# --- Notes -------------------------------------------------------------------------------------------------------


def test_a_figure_in_a_sentence_and_in_a_chart_has_one_note(macro):
    html = to_html(
        "It was "
        + macro["statistic"]("vacancy-rate-2024")
        + "."
        + macro["chart"]("vacancy-rate")
        + macro["sources_section"]()
    )
    assert html.count('<li id="fn:workload-supervision-vacancy-rate-2024">') == 1
    assert html.count('href="#fn:workload-supervision-vacancy-rate-2024">[note 1]</a>') == 2


def test_a_chart_after_the_notes_is_refused(macro):
    macro["sources_section"]()
    with pytest.raises(AuthorError, match=r"chart\(\): the chart of vacancy-rate comes after sources_section\(\)"):
        macro["chart"]("vacancy-rate")


# --- Bad input ---------------------------------------------------------------------------------------------------

BAD_CALLS = [
    (
        "unknown series",
        ("vacancy-rates",),
        {},
        "chart(): there is no series 'vacancy-rates' in data/statistics/. Did you mean \"vacancy-rate\"?",
    ),
    (
        "a period with no figure",
        ("vacancy-rate",),
        {"periods": ["2021", "2022"]},
        "chart(): argument 'periods': vacancy-rate has no figure for '2021'. Periods with figures in "
        "data/statistics/: 2022, 2023 and 2024.",
    ),
    (
        "a period listed twice",
        ("vacancy-rate",),
        {"periods": ["2022", "2022"]},
        "chart(): argument 'periods' lists '2022' twice.",
    ),
    (
        "mixed units",
        (["vacancy-rate", "posts"],),
        {},
        "chart(): argument 'series' mixes units: 'vacancy-rate' is percent and 'posts' is count. The series on one "
        "chart must share a unit: draw a chart of each.",
    ),
    (
        "one figure",
        ("caseload",),
        {"periods": ["2024"]},
        "chart(): series 'caseload' has figures for fewer than 2 periods in the periods chosen (only 2024); a chart "
        "needs at least 2.",
    ),
    (
        "one figure in the data",
        ("turnover",),
        {},
        "chart(): series 'turnover' has figures for fewer than 2 periods in data/statistics/ (only 2024)",
    ),
    (
        "text, not numbers",
        ("survey-finding",),
        {},
        "chart(): series 'survey-finding' has unit text: its figures are words, not numbers, so they cannot be drawn. "
        "Chart a series whose unit is percent, count, number or money",
    ),
    (
        "not an exact figure",
        ("survey-responses",),
        {},
        "chart(): figure 'survey-responses-2023' is 'about 900', not an exact figure",
    ),
    ("unknown kind", ("vacancy-rate",), {"kind": "pie"}, 'chart(): kind "pie" is not allowed. Use "line" or "bar".'),
    (
        "bar chart of 2 series",
        (["vacancy-rate", "turnover-rate"],),
        {"kind": "bar"},
        "chart(): argument 'series' lists 2 series, but a bar chart shows one.",
    ),
    (
        "3 series",
        (["vacancy-rate", "turnover-rate", "caseload"],),
        {},
        "chart(): argument 'series' lists 3 series, but a chart compares at most 2.",
    ),
    ("no series", ([],), {}, "chart(): argument 'series' must name a series"),
    (
        "a series named twice",
        (["turnover-rate", "turnover-rate"],),
        {},
        "chart(): argument 'series' names 'turnover-rate' twice.",
    ),
    ("empty title", ("vacancy-rate",), {"title": " "}, "chart(): argument 'title' must not be empty."),
    (
        "periods not a list",
        ("vacancy-rate",),
        {"periods": "2022"},
        "chart(): argument 'periods' must be a list of text in quotes in square brackets, but was '2022'.",
    ),
    (
        "a year as a number",
        ("vacancy-rate",),
        {"periods": [2022, 2023]},
        "chart(): argument 'periods' must be a list of text in quotes in square brackets, but was [2022, 2023].",
    ),
]


@pytest.mark.parametrize(
    ("args", "kwargs", "message"), [case[1:] for case in BAD_CALLS], ids=[case[0] for case in BAD_CALLS]
)
def test_bad_input_names_the_macro_the_argument_and_what_is_allowed(macro, args, kwargs, message):
    with pytest.raises(AuthorError) as error:
        macro["chart"](*args, **kwargs)
    assert message in str(error.value)
    assert str(error.value).endswith("See 'chart' in docs/authors/macros.md.")


def test_more_periods_than_fit_on_a_phone_are_refused(macro, site_data):
    for year in range(2015, 2022):
        site_data.statistics[f"vacancy-rate-{year}"] = Statistic(f"vacancy-rate-{year}", RATE, str(year), "21%")
    with pytest.raises(
        AuthorError,
        match=r"chart\(\): the chart would show 10 periods, but at most 6 stay readable "
        r"on a phone. Choose up to 6 with periods=\[\.\.\.\]\.",
    ):
        macro["chart"]("vacancy-rate")
    assert "Vacancy rate fell from 21% in 2019 to 10% in 2024." in macro["chart"](
        "vacancy-rate", periods=[str(y) for y in range(2019, 2025)]
    )


# --- The Markdown extension --------------------------------------------------------------------------------------


def test_the_site_loads_the_extension_that_keeps_the_table_caption():
    assert "  - macros.charts " in (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "<p><caption>" not in to_html(
        '<figure markdown="1">\n<table markdown="1">\n<caption>A</caption>\n'
        '<tbody markdown="1"><tr markdown="1"><td markdown="span">*1*</td></tr>'
        "</tbody>\n</table>\n</figure>"
    )
