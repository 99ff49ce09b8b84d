"""The facts the macros show: employer standards, agency rules, statistics and abbreviations.

Each is written once, in data/, and validated before any page is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from macros.errors import DataError
from macros.validation import load_yaml_file


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str


@dataclass(frozen=True)
class Statistic:
    id: str
    value: str
    measure: str
    as_at: date
    source: Source
    confidence: str
    caveat: str | None = None
    note: str | None = None


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


def _source(entry: dict[str, Any]) -> Source:
    return Source(**entry)


def _statistics(data_dir: Path, root: Path) -> dict[str, Statistic]:
    statistics: dict[str, Statistic] = {}
    where_defined: dict[str, str] = {}
    for path in sorted((data_dir / "statistics").glob("*.yml")):
        for entry in load_yaml_file(path, "statistics.schema.json", root) or []:
            where = path.relative_to(root).as_posix()
            if entry["id"] in statistics:
                raise DataError(f"{where}: statistic id '{entry['id']}' is already used in {where_defined[entry['id']]}.")
            where_defined[entry["id"]] = where
            statistics[entry["id"]] = Statistic(
                **{**entry, "as_at": date.fromisoformat(entry["as_at"]), "source": _source(entry["source"])}
            )
    return statistics


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
    )
