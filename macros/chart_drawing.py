"""Where each mark and label of a chart goes: the drawing macros/charts.py renders as an inline SVG.

Pure geometry and colour, with no macro or page in it: the figures come in (Plotted), the positions go out
(Drawing) as short, stable text for the template. Colours and sizes are chosen for WCAG 2.2 AA; the reasons
are in macros/charts.py, and tests/macros/test_charts.py checks each one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_model.data import Series, Statistic

# Colours (WCAG 1.4.11 and 1.4.3 against BACKGROUND). Series colours are the Government Analysis Function's
# dark blue and dark pink; text and axis match --app-text and --app-border in app.css.
BACKGROUND = "#ffffff"
TEXT = "#0b0c0c"
AXIS = "#505a5f"
SERIES_STYLES = (  # colour, marker shape, line pattern (stroke-dasharray; "" is a solid line)
    ("#12436d", "circle", ""),
    ("#801650", "square", "8 4"),
)

# Geometry, in viewBox units. FONT units are one em of the page's text (the SVG's max-width is its width / FONT em).
FONT = 16
CHARACTER = 0.6 * FONT  # a generous width of one character, to leave room for labels
LEFT = 40  # room for the zero label left of the baseline
RIGHT = 8
TOP = 32  # room for the value label above the highest point
PLOT = 160  # height of the plotting area
LINE_HEIGHT = 20  # between lines of a period label
MIN_CATEGORY = 72  # width given to each period
BAR_WIDTH = 40
MARKER = 6  # half the size of a marker
ZERO = {"percent": "0%", "money": "£0"}


@dataclass(frozen=True)
class Plotted:
    """One series on a chart: its figure for each of the chart's periods (None where it has none), and its style."""

    series: Series
    figures: tuple[Statistic | None, ...]
    colour: str
    shape: str
    dash: str

    @property
    def present(self) -> list[tuple[int, Statistic]]:
        return [(index, figure) for index, figure in enumerate(self.figures) if figure is not None]


def amount(figure: Statistic) -> float:
    """The number a figure's value stands for: '14.2%' -> 14.2, '36,186' -> 36186.0, '£1,125' -> 1125.0."""
    return float(re.sub(r"[£%,]", "", figure.value))


def _number(value: float) -> str:
    """A coordinate as short, stable text: 12.0 -> '12', 93.33 -> '93.3'."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _text_width(text: str) -> float:
    return len(text) * CHARACTER


def _wrap(text: str, width: float) -> list[str]:
    """A period label in lines that fit the width of one period, breaking between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and _text_width(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


@dataclass(frozen=True)
class Label:
    x: str
    y: str
    text: str


@dataclass(frozen=True)
class PeriodLabel:
    x: str
    y: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class SeriesDrawing:
    colour: str
    shape: str
    dash: str
    lines: tuple[str, ...]  # polyline points, one per run of consecutive periods with figures
    markers: tuple[tuple[str, str], ...]  # top-left corner of a square, or centre of a circle
    bars: tuple[tuple[str, str, str, str], ...]  # x, y, width, height
    labels: tuple[Label, ...]


@dataclass(frozen=True)
class Drawing:
    width: str
    height: str
    max_width: str  # in em
    baseline: tuple[str, str, str]  # x1, x2, y
    zero: Label
    periods: tuple[PeriodLabel, ...]
    series: tuple[SeriesDrawing, ...]


def draw(kind: str, periods: list[str], plotted: list[Plotted]) -> Drawing:
    """Where every mark and label goes. Every chart starts at zero, so bars and lines are in proportion."""
    labels = [figure.value for line in plotted for _, figure in line.present]
    words = [word for period in periods for word in period.split()]
    category = max(MIN_CATEGORY, max(map(_text_width, labels)) + 16, max(map(_text_width, words)) + 8)
    wrapped = [_wrap(period, category - 8) for period in periods]
    width = LEFT + category * len(periods) + RIGHT
    base = TOP + PLOT
    height = base + 24 + LINE_HEIGHT * (max(map(len, wrapped)) - 1) + 8
    highest = max(amount(figure) for line in plotted for _, figure in line.present) or 1.0

    def x_of(index: int) -> float:
        return LEFT + category * (index + 0.5)

    def y_of(figure: Statistic) -> float:
        return base - amount(figure) / highest * PLOT

    drawings = []
    for number, line in enumerate(plotted):
        other = plotted[1 - number] if len(plotted) == 2 else None
        runs: list[list[str]] = []
        markers, bars, value_labels = [], [], []
        for index, figure in line.present:
            x, y = x_of(index), y_of(figure)
            if kind == "bar":
                bars.append((_number(x - BAR_WIDTH / 2), _number(y), _number(BAR_WIDTH), _number(base - y)))
                value_labels.append(Label(_number(x), _number(y - 8), figure.value))
                continue
            if runs and line.figures[index - 1] is not None:
                runs[-1].append(f"{_number(x)},{_number(y)}")
            else:
                runs.append([f"{_number(x)},{_number(y)}"])
            corner = (x - MARKER, y - MARKER) if line.shape == "square" else (x, y)
            markers.append((_number(corner[0]), _number(corner[1])))
            # With 2 series, the lower figure of a period is labelled below its point and the higher above it,
            # unless the label would then reach the baseline.
            partner = other.figures[index] if other else None
            lower = partner is not None and (
                amount(figure) < amount(partner) or (amount(figure) == amount(partner) and number == 1)
            )
            below = lower and y + 24 <= base - 4
            value_labels.append(Label(_number(x), _number(y + 24 if below else y - 12), figure.value))
        drawings.append(
            SeriesDrawing(
                colour=line.colour,
                shape=line.shape,
                dash=line.dash,
                lines=tuple(" ".join(run) for run in runs if len(run) > 1),
                markers=tuple(markers),
                bars=tuple(bars),
                labels=tuple(value_labels),
            )
        )
    return Drawing(
        width=_number(width),
        height=_number(height),
        max_width=_number(width / FONT),
        baseline=(_number(LEFT), _number(width - RIGHT), _number(base)),
        zero=Label(_number(LEFT - 6), _number(base + 5), ZERO.get(plotted[0].series.unit, "0")),
        periods=tuple(
            PeriodLabel(_number(x_of(index)), _number(base + 24), tuple(lines)) for index, lines in enumerate(wrapped)
        ),
        series=tuple(drawings),
    )
