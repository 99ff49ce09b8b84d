"""pa11y-ci's results matched back to the pages, sorted into issues and results for a person to check,
and the verdict: what fails the gate and what only warns."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from accessibility.gate.runners import page_url, runner_name

if TYPE_CHECKING:
    from accessibility.gate.ignores import Ignore

# IBM Equal Access results that a person must judge: listed in the reports, never failing the gate.
REVIEW_LEVELS = {"needs-review", "recommendation"}


@dataclass
class PageResult:
    """One page's outcome: pa11y's issues sorted for the reports, or why it could not be tested."""

    path: str  # site-relative, e.g. "retention/standard-5-supervision/index.html"
    source: str
    issues: list[dict[str, Any]] = field(default_factory=list)
    ignored: list[dict[str, Any]] = field(default_factory=list)
    review: list[dict[str, Any]] = field(default_factory=list)  # for a person to check; never fails the gate
    error: str | None = None
    tested: bool = False
    from_cache: bool = False
    raw: list[dict[str, Any]] = field(default_factory=list, repr=False)  # pa11y's issues, as cached


def normalise_url(url: str) -> str:
    # pa11y-ci keys results by the page's own location.href: compare paths, without fragment,
    # query or percent-encoding.
    return urllib.parse.unquote(urllib.parse.urlsplit(url).path)


def clean_issue(issue: dict[str, Any]) -> dict[str, Any]:
    message = " ".join(str(issue.get("message", "")).split())
    extras = issue.get("runnerExtras") or {}
    if extras.get("needsFurtherReview"):
        # axe could not decide (pa11y still counts it as an error): tell the author to look.
        message = f"Needs review, axe could not decide: {message}"
    cleaned = {
        "runner": runner_name(str(issue.get("runner", ""))),
        "code": str(issue.get("code", "")),
        "type": str(issue.get("type", "")),
        "message": message,
        "selector": str(issue.get("selector") or ""),
        "context": str(issue.get("context") or ""),
    }
    if extras.get("level"):  # IBM Equal Access: violation, needs-review or recommendation
        cleaned["level"] = str(extras["level"])
    return cleaned


def record_result(result: PageResult, items: list) -> None:
    errors = [item for item in items if not isinstance(item, dict) or "code" not in item]
    if errors:
        # An error object instead of issues: the page could not be tested at all.
        result.error = "; ".join(
            str(item.get("message", item)) if isinstance(item, dict) else str(item) for item in errors
        )
        return
    result.tested = True
    result.raw = items
    order = lambda i: (i["runner"], i["code"], i["selector"], i["message"])  # noqa: E731
    cleaned = [clean_issue(item) for item in items if item.get("type") == "error"]
    result.issues = sorted((issue for issue in cleaned if issue.get("level") not in REVIEW_LEVELS), key=order)
    result.review = sorted((issue for issue in cleaned if issue.get("level") in REVIEW_LEVELS), key=order)


def collect_pages(
    pages: list[str], base: str, source_map: dict[str, str], results: dict[str, list], cached: dict[str, list]
) -> tuple[list[PageResult], list[str]]:
    """Match pa11y-ci's results back to the HTML files, and add the cached ones; anything unmatched
    is a failure."""
    by_url = {normalise_url(page_url(base, page)): page for page in pages}
    found = {page: PageResult(path=page, source=source_map.get(page, page)) for page in pages}
    failures: list[str] = []
    for url, items in sorted(results.items()):
        page = by_url.get(normalise_url(url))
        if page is None:
            failures.append(
                f"pa11y-ci returned results for {url}, which is not one of the pages asked for "
                "(did a page change its own address?)"
            )
        elif page not in cached:  # A cached page gets a fresh result only from a page redirecting to it.
            record_result(found[page], items)
    for page, items in cached.items():
        record_result(found[page], items)
        found[page].from_cache = True
    return [found[page] for page in pages], failures


def issue_line(page: PageResult, issue: dict[str, Any]) -> str:
    at = issue["selector"] or "the page as a whole"
    return f"{page.source} ({page.path}): [{issue['runner']} {issue['code']}] {issue['message']} — at {at}"


def judge(
    pages: list[PageResult],
    found: int,
    ignores: list[Ignore],
    today: dt.date,
    run_failures: list[str],
    ignores_path: str,
) -> tuple[list[str], list[str]]:
    """Failures (any one fails the gate) and warnings, as lines for the console and reports."""
    failures = list(run_failures)
    for page in pages:
        if page.error is not None:
            first_line = page.error.strip().splitlines()[0] if page.error.strip() else "unknown error"
            failures.append(f"{page.source} ({page.path}): page failed to run: {first_line}")
        elif not page.tested and not run_failures:
            # When pa11y-ci itself failed, its message explains the missing pages already.
            failures.append(
                f"{page.source} ({page.path}): no result from pa11y-ci for this page (did it redirect to another page?)"
            )
    tested = sum(page.tested for page in pages)
    if tested != found:
        failures.append(f"{found} HTML files found but {tested} pages tested: every page must be tested")
    for ignore in ignores:
        if ignore.review_by < today:
            failures.append(
                f"{ignores_path}: ignore for {ignore.rule} expired on {ignore.review_by.isoformat()}: review it"
            )
    warnings = [
        f"{ignores_path}: ignore for {ignore.rule} (entry {ignore.index}) matched nothing: remove it if the issue is fixed"
        for ignore in ignores
        if ignore.matched == 0
    ]
    return failures, warnings
