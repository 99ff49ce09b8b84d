"""accessibility/ignores.yml: issues accepted for now, each with a reason and a date to look again."""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from accessibility.gate import GateError

if TYPE_CHECKING:
    from accessibility.gate.results import PageResult

DEFAULT_IGNORES = Path(__file__).resolve().parents[1] / "ignores.yml"
IGNORE_KEYS = {"rule", "selector", "pages", "reason", "review_by"}


@dataclass
class Ignore:
    """One entry of ignores.yml."""

    index: int
    rule: str
    reason: str
    review_by: dt.date
    selector: str | None = None
    pages: list[str] = field(default_factory=list)
    matched: int = 0

    def matches(self, page: str, issue: dict[str, Any]) -> bool:
        # HTML_CodeSniffer codes are long ("WCAG2AA.Principle1....H37"): allow the technique alone.
        code = issue.get("code", "")
        if code != self.rule and not code.endswith("." + self.rule):
            return False
        if self.selector is not None and not selector_matches(self.selector, str(issue.get("selector") or "")):
            return False
        return not self.pages or any(fnmatch.fnmatchcase(page, glob) for glob in self.pages)


def selector_matches(pattern: str, selector: str) -> bool:
    """An ignore's selector is exact, or a glob when it holds a "*" ("* > figure* > div > svg > *").

    Only "*" makes a glob: printed selectors can hold "[" and "?", which must still match themselves.
    """
    if "*" not in pattern:
        return selector == pattern
    return re.fullmatch(".*".join(map(re.escape, pattern.split("*"))), selector, flags=re.S) is not None


def _entry_error(path: Path, index: int, entry: Any, problem: str) -> GateError:
    rule = f' (rule "{entry["rule"]}")' if isinstance(entry, dict) and isinstance(entry.get("rule"), str) else ""
    return GateError(f"{path}: entry {index}{rule}: {problem}")


def _as_date(value: Any) -> dt.date | None:
    # YAML turns 2026-01-31 into a date already; accept a quoted ISO string too.
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _nonempty_str(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def parse_ignore(path: Path, index: int, entry: Any) -> Ignore:
    """Validate one entry; every ignore must say why and when to look again."""
    if not isinstance(entry, dict):
        raise _entry_error(path, index, entry, "must be a mapping with rule, reason and review_by")
    unknown = sorted(set(map(str, entry)) - IGNORE_KEYS)
    if unknown:
        raise _entry_error(
            path, index, entry, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(IGNORE_KEYS))}"
        )
    if not _nonempty_str(entry.get("rule")):
        raise _entry_error(path, index, entry, "'rule' is required: the issue code, e.g. color-contrast or H32.2")
    if not _nonempty_str(entry.get("reason")):
        raise _entry_error(path, index, entry, "'reason' is required: say why the issue cannot be fixed now")
    review_by = _as_date(entry.get("review_by"))
    if review_by is None:
        raise _entry_error(path, index, entry, "'review_by' is required and must be a date (YYYY-MM-DD)")
    selector = entry.get("selector")
    if selector is not None and not _nonempty_str(selector):
        raise _entry_error(path, index, entry, "'selector' must be a non-empty string when given")
    pages = entry.get("pages", [])
    if not isinstance(pages, list) or not all(_nonempty_str(glob) for glob in pages):
        raise _entry_error(path, index, entry, "'pages' must be a list of globs on site-relative paths")
    return Ignore(
        index=index,
        rule=entry["rule"].strip(),
        reason=entry["reason"].strip(),
        review_by=review_by,
        selector=selector,
        pages=list(pages),
    )


def load_ignores(path: Path | None) -> list[Ignore]:
    if path is None:
        # The default file is optional; a file named on the command line must exist.
        if not DEFAULT_IGNORES.exists():
            return []
        path = DEFAULT_IGNORES
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GateError(f"cannot read ignores file {path}: {error}") from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise GateError(f"{path}: must be a YAML list of ignores (use [] for none)")
    return [parse_ignore(path, index, entry) for index, entry in enumerate(data, start=1)]


def ignores_label(path: Path | None) -> str:
    """How failures and warnings name the ignores file: as given, or accessibility/ignores.yml."""
    return str(path or DEFAULT_IGNORES.relative_to(DEFAULT_IGNORES.parents[1]))


def review_date() -> dt.date:
    """Today, unless REVIEW_DATE says otherwise: the build's review dates and the ignores' share one clock."""
    fixed = os.environ.get("REVIEW_DATE")
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def apply_ignores(pages: list[PageResult], ignores: list[Ignore]) -> None:
    for page in pages:
        kept = []
        for issue in page.issues:
            ignore = next((entry for entry in ignores if entry.matches(page.path, issue)), None)
            if ignore is None:
                kept.append(issue)
            else:
                ignore.matched += 1
                page.ignored.append(dict(issue, reason=ignore.reason, review_by=ignore.review_by.isoformat()))
        page.issues = kept
