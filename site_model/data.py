"""The facts the macros show: employer standards, agency rules, statistics and abbreviations.

Each is written once, in data/, and validated before any page is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from site_model.errors import DataError
from site_model.periods import period_end
from site_model.tool_data import Tool, load_tools
from site_model.validation import load_yaml_file, parse_yaml


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str


# How a figure of each unit must be written, so a chart can read it as a number. "text" is anything.
VALUE_FORMS = {
    "percent": (r"^(about |over )?[0-9]+(\.[0-9]+)?%$", "a percentage such as 14.2%"),
    "count": (r"^(about |over )?[0-9]{1,3}(,[0-9]{3})*$", "a whole number with commas, such as 36,186"),
    "number": (r"^(about |over )?[0-9]+(\.[0-9]+)?$", "a number such as 15.2"),
    "money": (r"^(about |over )?£[0-9]{1,3}(,[0-9]{3})*$", "an amount in pounds such as £1,125"),
}


@dataclass(frozen=True)
class Series:
    """Figures of one measure from one source over time, such as the census vacancy rate."""

    id: str
    measure: str
    unit: str
    source: Source
    period_label: str = "{period}"
    review_by: date | None = None  # pages citing the series are due for review by then (its next release)


@dataclass(frozen=True)
class Statistic:
    id: str
    series: Series
    period: str
    value: str
    confidence: str = "high"
    caveat: str | None = None
    note: str | None = None  # for authors only: never shown

    @property
    def source(self) -> Source:
        return self.series.source

    @property
    def period_text(self) -> str:
        """The period as a reader sees it: 'reporting year 2025, at 30 September 2025'."""
        return self.series.period_label.format(period=self.period)

    @property
    def sort_key(self) -> tuple[int, int]:
        return period_end(self.period)


@dataclass(frozen=True)
class Standard:
    number: int
    name: str
    page: str
    summary: str
    expectations: tuple[str, ...]
    source: Source


@dataclass(frozen=True)
class AgencyRule:
    id: str
    title: str
    page: str
    status: str
    requires: str
    applies_from: str
    council_must: tuple[str, ...]
    source: Source
    uncertain: str | None = None


@dataclass(frozen=True)
class SiteData:
    standards: dict[int, Standard]
    agency_rules: dict[str, AgencyRule]
    statistics: dict[str, Statistic]
    glossary: dict[str, str]
    tools: dict[str, Tool] = field(default_factory=dict)  # data/tools/<id>.yml, by id (site_model/tool_data.py)


def _source(entry: dict[str, Any]) -> Source:
    return Source(**entry)


def _statistics(data_dir: Path, root: Path) -> dict[str, Statistic]:
    """Every figure in data/statistics/*.yml, each tied to its series; ids and periods checked across files."""
    statistics: dict[str, Statistic] = {}
    where_defined: dict[str, str] = {}
    series_defined: dict[str, str] = {}
    for path in sorted((data_dir / "statistics").glob("*.yml")):
        where = path.relative_to(root).as_posix()
        collection = load_yaml_file(path, "statistics.schema.json", root)
        _, node = parse_yaml(path.read_text(encoding="utf-8"), where)
        series: dict[str, Series] = {}
        for series_id, entry in collection["series"].items():
            if series_id in series_defined:
                raise DataError(f"{where}: series '{series_id}' is already defined in {series_defined[series_id]}.")
            series_defined[series_id] = where
            review_by = date.fromisoformat(entry["review_by"]) if "review_by" in entry else None
            series[series_id] = Series(
                id=series_id, **{**entry, "source": _source(entry["source"]), "review_by": review_by}
            )
        for number, entry in enumerate(collection["figures"]):
            at = f"{where}:{_figure_line(node, number)}: figures, entry {number + 1}"
            if entry["id"] in statistics:
                raise DataError(f"{at}: statistic id '{entry['id']}' is already used in {where_defined[entry['id']]}.")
            if entry["series"] not in series:
                known = ", ".join(sorted(series))
                raise DataError(
                    f"{at}: series '{entry['series']}' is not defined in this file's series. Known: {known}."
                )
            figure = Statistic(**{**entry, "series": series[entry["series"]]})
            _check_value(figure, at)
            where_defined[figure.id] = where
            statistics[figure.id] = figure
    _check_periods_unique(statistics.values(), where_defined)
    return statistics


def _figure_line(node: Any, number: int) -> int:
    """The 1-based line of figure `number` in a statistics file's YAML tree."""
    figures = next(value for key, value in node.value if key.value == "figures")
    return figures.value[number].start_mark.line + 1


def _check_value(figure: Statistic, at: str) -> None:
    form = VALUE_FORMS.get(figure.series.unit)
    if form and not re.match(form[0], figure.value):
        raise DataError(
            f"{at}, value: {figure.value!r} is not how a {figure.series.unit} is written here. "
            f"Write {form[1]}, or give the series unit: text."
        )


def _check_periods_unique(figures: Any, where_defined: dict[str, str]) -> None:
    seen: dict[tuple[str, tuple[int, int]], str] = {}
    for figure in figures:
        key = (figure.series.id, figure.sort_key)
        if key in seen:
            raise DataError(
                f"{where_defined[figure.id]}: statistics '{seen[key]}' and '{figure.id}' are both "
                f"{figure.series.id} for a period ending at the same time. Give each figure of a series its own period."
            )
        seen[key] = figure.id


def newest_in_series(statistics: dict[str, Statistic], figure: Statistic) -> Statistic:
    """The figure of the same series with the latest period (the figure itself if it is the newest)."""
    same = [other for other in statistics.values() if other.series.id == figure.series.id]
    return max(same, key=lambda other: other.sort_key)


def _unique(entries: list[dict[str, Any]], key: str, where: str) -> None:
    seen = [entry[key] for entry in entries]
    duplicates = sorted({str(value) for value in seen if seen.count(value) > 1})
    if duplicates:
        raise DataError(f"{where}: {key} {', '.join(duplicates)} appears more than once.")


def load_site_data(root: Path) -> SiteData:
    """Load and validate everything under root/data. Missing optional files give empty collections."""
    data_dir = root / "data"

    def read(name: str, schema: str, empty: Any) -> Any:
        path = data_dir / name
        return load_yaml_file(path, schema, root) if path.exists() else empty

    standards = read("standards.yml", "standards.schema.json", [])
    _unique(standards, "number", "data/standards.yml")
    rules = read("agency_rules.yml", "agency_rules.schema.json", [])
    _unique(rules, "id", "data/agency_rules.yml")
    return SiteData(
        standards={
            entry["number"]: Standard(
                **{**entry, "expectations": tuple(entry["expectations"]), "source": _source(entry["source"])}
            )
            for entry in standards
        },
        agency_rules={
            entry["id"]: AgencyRule(
                **{**entry, "council_must": tuple(entry["council_must"]), "source": _source(entry["source"])}
            )
            for entry in rules
        },
        statistics=_statistics(data_dir, root),
        glossary=read("glossary.yml", "glossary.schema.json", {}),
        tools=load_tools(data_dir, root),
    )
