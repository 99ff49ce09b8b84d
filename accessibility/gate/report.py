"""The gate's two reports: accessibility.json for machines and accessibility.html for people."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from accessibility.gate.results import PageResult
from accessibility.gate.runners import RUNNERS, STANDARD, runner_name
from toolchain.source_date import source_date


def generated_for(label: str | None) -> str | None:
    """The only time-like value in the reports, so that two runs of one build compare equal."""
    if label:
        return label
    try:
        date = source_date()
    except ValueError:
        return None  # A SOURCE_DATE_EPOCH that is not whole seconds labels nothing, as an unset one.
    return date.strftime("%Y-%m-%dT%H:%M:%SZ") if date else None


def build_report(
    pages: list[PageResult],
    failures: list[str],
    warnings: list[str],
    versions: dict[str, str | None],
    label: str | None,
) -> dict[str, Any]:
    return {
        "generated_for": label,
        "passed": not failures and not any(page.issues for page in pages),
        "tools": versions,
        "standard": STANDARD,
        "runners": [runner_name(runner) for runner in RUNNERS],
        "summary": {
            "pages_found": len(pages),
            "pages_tested": sum(page.tested for page in pages),
            # A release must come from a clean run: this is 0 then (no --cache, or --no-cache).
            "pages_from_cache": sum(page.from_cache for page in pages),
            "issues": sum(len(page.issues) for page in pages),
            "ignored": sum(len(page.ignored) for page in pages),
            "needs_review": sum(len(page.review) for page in pages),
        },
        "failures": failures,
        "warnings": warnings,
        "pages": [
            {
                "url": page.path,
                "source": page.source,
                "tested": page.tested,
                "from_cache": page.from_cache,
                "error": page.error,
                "issues": page.issues,
                "ignored": page.ignored,
                "review": page.review,
            }
            for page in pages
        ],
    }


HTML_STYLE = """
body { font-family: Arial, sans-serif; color: #0b0c0c; background: #fff; line-height: 1.5; margin: 0 auto;
       max-width: 60rem; padding: 1rem; }
a { color: #1d5aa0; }
a:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
.skip { position: absolute; left: -9999px; }
.skip:focus { position: static; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .25rem; }
th, td { border: 1px solid #505a5f; padding: .25rem .5rem; text-align: left; vertical-align: top; }
code { font-family: monospace; background: #f3f2f1; padding: 0 .2rem; overflow-wrap: anywhere; }
.fail { color: #a31d12; font-weight: bold; }
.pass { color: #005a30; font-weight: bold; }
"""


def _message_html(message: str) -> str:
    # axe messages end with "(https://...)": make that a link authors can follow.
    match = re.fullmatch(r"(.*) \((https://[^\s)]+)\)", message)
    if not match:
        return html.escape(message)
    text, url = match.groups()
    return f'{html.escape(text)} (<a href="{html.escape(url)}">rule help</a>)'


def _issue_items(issues: Iterable[dict[str, Any]], ignored: bool) -> list[str]:
    items = []
    for issue in issues:
        where = f"<code>{html.escape(issue['selector'])}</code>" if issue["selector"] else "the page as a whole"
        why = f"<br>Ignored until {html.escape(issue['review_by'])}: {html.escape(issue['reason'])}" if ignored else ""
        items.append(
            f"<li><strong>{html.escape(issue['runner'])} <code>{html.escape(issue['code'])}</code></strong>: "
            f"{_message_html(issue['message'])} — at {where}{why}</li>"
        )
    return items


def _review_items(issues: list[dict[str, Any]]) -> list[str]:
    """One line per rule and message, with every element it names: a page has dozens of these."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for issue in issues:
        groups.setdefault((issue["runner"], issue["code"], issue["message"]), []).append(issue["selector"])
    items = []
    for (runner, code, message), selectors in groups.items():
        where = ", ".join(f"<code>{html.escape(s)}</code>" if s else "the page as a whole" for s in selectors)
        items.append(
            f"<li><strong>{html.escape(runner)} <code>{html.escape(code)}</code></strong>: "
            f"{_message_html(message)} — at {where}</li>"
        )
    return items


def render_html(report: dict[str, Any]) -> str:
    """A small report that itself meets the standard: lang, title, one h1, ordered headings,
    a skip link, table headers with scope and visible focus."""
    summary = report["summary"]
    status = '<span class="pass">passed</span>' if report["passed"] else '<span class="fail">failed</span>'
    label = f" for {html.escape(report['generated_for'])}" if report["generated_for"] else ""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Accessibility gate report: {'passed' if report['passed'] else 'failed'}</title>",
        f"<style>{HTML_STYLE}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#main">Skip to main content</a>',
        '<main id="main">',
        f"<h1>Accessibility gate report{label}</h1>",
        f"<p>The gate {status}. Standard: {html.escape(report['standard'])} with the runners "
        f"{html.escape(', '.join(report['runners']))}.</p>",
        "<h2>Summary</h2>",
        "<table>",
        "<caption>Summary of this run</caption>",
        '<thead><tr><th scope="col">Measure</th><th scope="col">Count</th></tr></thead>',
        "<tbody>",
    ]
    for name, value in (
        ("HTML pages found", summary["pages_found"]),
        ("Pages tested", summary["pages_tested"]),
        ("Pages whose result came from the cache", summary["pages_from_cache"]),
        ("Issues", summary["issues"]),
        ("Issues ignored", summary["ignored"]),
        ("Results for a person to check", summary["needs_review"]),
        ("Failures", len(report["failures"])),
        ("Warnings", len(report["warnings"])),
    ):
        out.append(f'<tr><th scope="row">{name}</th><td>{value}</td></tr>')
    out += ["</tbody>", "</table>"]
    if report["failures"]:
        out += ["<h2>Failures</h2>", "<ul>", *(f"<li>{html.escape(line)}</li>" for line in report["failures"]), "</ul>"]
    if report["warnings"]:
        out += ["<h2>Warnings</h2>", "<ul>", *(f"<li>{html.escape(line)}</li>" for line in report["warnings"]), "</ul>"]
    out += [
        "<h2>Pages</h2>",
        "<table>",
        "<caption>Issues found on each page</caption>",
        '<thead><tr><th scope="col">Source</th><th scope="col">Page</th><th scope="col">Issues</th>'
        '<th scope="col">Ignored</th><th scope="col">From cache</th></tr></thead>',
        "<tbody>",
    ]
    for page in report["pages"]:
        issues = "not tested" if not page["tested"] else str(len(page["issues"]))
        out.append(
            f'<tr><th scope="row">{html.escape(page["source"])}</th><td>{html.escape(page["url"])}</td>'
            f"<td>{issues}</td><td>{len(page['ignored'])}</td><td>{'yes' if page['from_cache'] else 'no'}</td></tr>"
        )
    out += ["</tbody>", "</table>"]
    listed = [page for page in report["pages"] if page["issues"] or page["ignored"]]
    if listed:
        out.append("<h2>Issues by page</h2>")
    for page in listed:
        out.append(f"<h3>{html.escape(page['source'])} ({html.escape(page['url'])})</h3>")
        if page["issues"]:
            out += ["<ul>", *_issue_items(page["issues"], ignored=False), "</ul>"]
        if page["ignored"]:
            out += ["<p>Ignored:</p>", "<ul>", *_issue_items(page["ignored"], ignored=True), "</ul>"]
    reviewed = [page for page in report["pages"] if page["review"]]
    if reviewed:
        out += [
            "<h2>For a person to check</h2>",
            "<p>IBM Equal Access could not decide these (needs review), or suggests them (recommendation). "
            "They do not fail the gate. Check each one by hand.</p>",
        ]
    for page in reviewed:
        out += [
            f"<h3>Check: {html.escape(page['source'])} ({html.escape(page['url'])})</h3>",
            "<ul>",
            *_review_items(page["review"]),
            "</ul>",
        ]
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def write_reports(report_dir: Path, report: dict[str, Any]) -> None:
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "accessibility.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (report_dir / "accessibility.html").write_text(render_html(report), encoding="utf-8")
