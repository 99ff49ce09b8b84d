"""The chart: figures of a statistics series drawn at build time, with the same figures as a table, each one cited.

No script runs in the reader's browser. The drawing is an inline SVG with role="img", named by its title and a
description that states the trend in words, worked out here from the figures ("fell from 20% in 2022 to 14.2% in
2025"). Directly below it, a table with a caption holds the same figures, each with the link to its numbered note,
made by facts.cite() as statistic() makes it: nothing depends on seeing the chart, and the page's notes give every
figure's period and source.

How the drawing meets WCAG 2.2 AA (tests/macros/test_charts.py checks each point):
- colours: bars, lines and markers at least 3:1 against the page (1.4.11); value labels, drawn in their series'
  colour, at least 4.5:1 (1.4.3);
- marks are told apart by more than colour: each series has its own marker shape and line pattern, and every
  point is labelled with its value;
- size: the SVG is as wide as the column, up to a width in em set so that its text is the size of body text.
  It grows with text zoom, shrinks to fit a 320 px screen, and prints at the size of the printed text.

Also a Python-Markdown extension (makeExtension, listed under markdown_extensions in mkdocs.yml): it makes
<caption> a block element, so md_in_html passes the table's caption through as it is while it renders the note
links inside the table's cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from markdown import Markdown
from markdown.extensions import Extension
from markupsafe import Markup

from macros.arguments import checked
from macros.chart_drawing import AXIS, SERIES_STYLES, Plotted, amount, draw
from macros.context import MacroContext, render_block
from macros.errors import macro_error, one_of
from macros.facts import cite, unknown
from site_model.data import Series, Statistic
from site_model.periods import period_end

KINDS = ("line", "bar")
CHARTED_UNITS = ("percent", "count", "number", "money")
MAX_SERIES = 2  # lines on one chart; a bar chart shows one series
MAX_PERIODS = 6  # more and the value labels no longer fit side by side on a 320 px screen


def sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items: list[str], word: str = "and") -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


# --- The trend in words ------------------------------------------------------------------------------------------


def trend(points: list[Statistic]) -> str:
    """How a series moved across its figures, in words: 'fell from 20% in 2022 to 14.2% in 2025'.

    A series that rose then fell (or fell then rose) names its turning point; one that moved both ways more than
    once names its highest and lowest figures.
    """
    values = [amount(figure) for figure in points]
    first, last = points[0], points[-1]
    start = f"{first.value} in {first.period}"
    end = f"{last.value} in {last.period}"
    steps = list(pairwise(values))
    if all(a == b for a, b in steps):
        return f"stayed at {first.value} from {first.period} to {last.period}"
    if all(a <= b for a, b in steps):
        return f"rose from {start} to {end}"
    if all(a >= b for a, b in steps):
        return f"fell from {start} to {end}"
    high = values.index(max(values))
    low = values.index(min(values))
    if _turns_once(values, high, rising_first=True):
        return f"rose from {start} to a peak of {points[high].value} in {points[high].period}, then fell to {end}"
    if _turns_once(values, low, rising_first=False):
        return f"fell from {start} to a low of {points[low].value} in {points[low].period}, then rose to {end}"
    return (
        f"went from {start} to {end}, with a high of {points[high].value} in {points[high].period} and a low of "
        f"{points[low].value} in {points[low].period}"
    )


def _turns_once(values: list[float], turn: int, rising_first: bool) -> bool:
    if turn in (0, len(values) - 1):
        return False
    before, after = values[: turn + 1], values[turn:]
    up = all(a <= b for a, b in pairwise(before))
    down = all(a >= b for a, b in pairwise(after))
    if rising_first:
        return up and down
    return all(a >= b for a, b in pairwise(before)) and all(a <= b for a, b in pairwise(after))


def description(plotted: list[Plotted]) -> str:
    """The chart's description: one sentence per series, stating its trend."""
    return " ".join(
        f"{sentence_case(line.series.measure)} {trend([figure for _, figure in line.present])}." for line in plotted
    )


# --- The macro ---------------------------------------------------------------------------------------------------


def register(context: MacroContext) -> dict[str, Callable[..., str]]:
    charts_on_page: dict[str, int] = {}

    def figures_of(series_id: str) -> dict[str, Statistic]:
        return {figure.period: figure for figure in context.data.statistics.values() if figure.series.id == series_id}

    def series_named(series_id: str) -> Series:
        known = {figure.series.id: figure.series for figure in context.data.statistics.values()}
        if series_id not in known:
            raise unknown("chart", "series", series_id, sorted(known), "data/statistics/")
        return known[series_id]

    @checked("chart")
    def chart(
        series: str | list[str], periods: list[str] | None = None, kind: str = "line", title: str | None = None
    ) -> str:
        """A line or bar chart of one series (or a line chart of 2 with the same unit), with its figures as a table.

        periods: which of the series' periods to show, oldest first; all of them if not given.
        """
        ids = [series] if isinstance(series, str) else list(series)
        chosen = _checked_series(ids, [series_named(series_id) for series_id in ids], kind)
        by_series = {line.id: figures_of(line.id) for line in chosen}
        shown = _checked_periods(periods, by_series)
        plotted = [
            Plotted(line, tuple(by_series[line.id].get(period) for period in shown), *SERIES_STYLES[number])
            for number, line in enumerate(chosen)
        ]
        _check_points(plotted, shown, given=periods is not None)
        if title is not None and not title.strip():
            raise macro_error(
                "chart",
                "argument 'title' must not be empty. Leave it out to use the measure and the periods as the title.",
            )
        measures = [line.measure for line in chosen]
        heading = title or f"{sentence_case(_join(measures))}, {shown[0]} to {shown[-1]}"
        src = context.current_src()
        charts_on_page[src] = charts_on_page.get(src, 0) + 1
        rows = []
        for index, period in enumerate(shown):
            cells = []
            for line in plotted:
                figure = line.figures[index]
                cells.append(Markup(cite(context, figure, "chart", f"the chart of {_join(ids)}")) if figure else None)
            rows.append((period, cells))
        return render_block(
            "chart",
            kind=kind,
            id=f"{src[: -len('.md')].replace('/', '-')}-chart-{charts_on_page[src]}",
            title=heading,
            description=description(plotted),
            drawing=draw(kind, shown, plotted),
            key=[(line.colour, line.shape, line.dash, sentence_case(line.series.measure)) for line in plotted]
            if len(plotted) > 1
            else [],
            axis=AXIS,
            period_heading="Year" if all(re.fullmatch(r"[0-9]{4}", period) for period in shown) else "Period",
            columns=[sentence_case(measure) for measure in measures],
            rows=rows,
        )

    return {"chart": chart}


def _checked_series(ids: list[str], chosen: list[Series], kind: str) -> list[Series]:
    if kind not in KINDS:
        raise macro_error("chart", f'kind "{kind}" is not allowed. Use {one_of(KINDS)}.')
    if not ids:
        raise macro_error("chart", "argument 'series' must name a series, or list 2 series to compare.")
    twice = [series_id for series_id in ids if ids.count(series_id) > 1]
    if twice:
        raise macro_error("chart", f"argument 'series' names {twice[0]!r} twice. Name each series once.")
    if len(ids) > MAX_SERIES:
        raise macro_error(
            "chart",
            f"argument 'series' lists {len(ids)} series, but a chart compares at most "
            f"{MAX_SERIES}. Draw another chart for the rest.",
        )
    if kind == "bar" and len(ids) > 1:
        raise macro_error(
            "chart",
            f"argument 'series' lists {len(ids)} series, but a bar chart shows one. Use "
            f'kind="line" to compare them, or draw a bar chart of each.',
        )
    for line in chosen:
        if line.unit not in CHARTED_UNITS:
            raise macro_error(
                "chart",
                f"series {line.id!r} has unit {line.unit}: its figures are words, not numbers, "
                f"so they cannot be drawn. Chart a series whose unit is "
                f"{_join(list(CHARTED_UNITS), 'or')}, or cite the figure with statistic().",
            )
    units = {line.unit for line in chosen}
    if len(units) > 1:
        described = _join([f"{line.id!r} is {line.unit}" for line in chosen])
        raise macro_error(
            "chart",
            f"argument 'series' mixes units: {described}. The series on one chart must "
            "share a unit: draw a chart of each.",
        )
    return chosen


def _checked_periods(periods: list[str] | None, by_series: dict[str, dict[str, Statistic]]) -> list[str]:
    available = sorted(
        {period for figures in by_series.values() for period in figures},
        key=lambda period: (period_end(period), period),
    )
    if periods is None:
        return available
    names = _join(list(by_series))
    for period in periods:
        if periods.count(period) > 1:
            raise macro_error("chart", f"argument 'periods' lists {period!r} twice. List each period once.")
        if period not in available:
            have = "has" if len(by_series) == 1 else "have"
            raise macro_error(
                "chart",
                f"argument 'periods': {names} {have} no figure for {period!r}. Periods with "
                f"figures in data/statistics/: {_join(available)}.",
            )
    return sorted(periods, key=lambda period: (period_end(period), period))


def _check_points(plotted: list[Plotted], shown: list[str], given: bool) -> None:
    for line in plotted:
        present = line.present
        if len(present) < 2:
            which = "the periods chosen" if given else "data/statistics/"
            found = f"only {present[0][1].period}" if present else "none"
            raise macro_error(
                "chart",
                f"series {line.series.id!r} has figures for fewer than 2 periods in {which} "
                f"({found}); a chart needs at least 2. Cite a single figure with statistic().",
            )
        for _, figure in present:
            if not re.fullmatch(r"[£0-9.,%]+", figure.value):
                raise macro_error(
                    "chart",
                    f"figure {figure.id!r} is {figure.value!r}, not an exact figure, so it "
                    "cannot be drawn in proportion. Leave its period out with periods=[...], "
                    "or cite it in a sentence with statistic().",
                )
    if len(shown) > MAX_PERIODS:
        raise macro_error(
            "chart",
            f"the chart would show {len(shown)} periods, but at most {MAX_PERIODS} stay "
            f"readable on a phone. Choose up to {MAX_PERIODS} with periods=[...].",
        )


# --- The Markdown extension --------------------------------------------------------------------------------------


class ChartTables(Extension):
    """Lets md_in_html pass a <caption> through untouched (it wraps unknown inline tags in a paragraph)."""

    def extendMarkdown(self, md: Markdown) -> None:
        if "caption" not in md.block_level_elements:
            md.block_level_elements.append("caption")


def makeExtension(**kwargs: object) -> ChartTables:
    return ChartTables(**kwargs)
