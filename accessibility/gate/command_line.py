"""The gate's command line, and one run from the options to the exit status."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import signal
import sys
from pathlib import Path

from accessibility.gate import GateError
from accessibility.gate.cache import look_up, prune_cache, store_results
from accessibility.gate.ignores import apply_ignores, ignores_label, load_ignores, review_date
from accessibility.gate.pages import find_html_files, load_source_map
from accessibility.gate.report import build_report, generated_for, write_reports
from accessibility.gate.results import PageResult, collect_pages, issue_line, judge
from accessibility.gate.runners import (
    BASE_TIMEOUT_MS,
    DEFAULT_CONCURRENCY,
    RUNNERS,
    STANDARD,
    check_tools,
    run_pages,
    runner_name,
    tool_versions,
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m accessibility.gate", description="Run the accessibility gate (pa11y-ci) over a built site."
    )
    parser.add_argument("--site", required=True, type=Path, help="the built site folder")
    parser.add_argument("--reports", required=True, type=Path, help="where to write accessibility.json and .html")
    parser.add_argument("--chrome", required=True, help="the Chromium or Chrome binary")
    parser.add_argument("--node", required=True, help="the Node binary (20 or newer) that runs pa11y-ci")
    parser.add_argument(
        "--node-modules",
        required=True,
        type=Path,
        help="node_modules holding pa11y-ci, axe-core and accessibility-checker-engine",
    )
    parser.add_argument(
        "--source-map", type=Path, help="build/pages.json, or a JSON object: site-relative HTML path -> Markdown source"
    )
    parser.add_argument("--ignores", type=Path, help="ignores file (default accessibility/ignores.yml)")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        help="date for ignore expiry (default: REVIEW_DATE from the environment, else today)",
    )
    parser.add_argument("--generated-for", help="label for the report (default: SOURCE_DATE_EPOCH as a UTC time)")
    parser.add_argument(
        "--concurrency",
        type=int,
        default=DEFAULT_CONCURRENCY,
        choices=(1, 2, 3, 4),
        help=f"pages tested at once, each in its own browser context (default {DEFAULT_CONCURRENCY}: "
        "2, or 1 on a one-core machine)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="reuse the results of unchanged pages from DIR and store new ones there (default: no cache)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="a clean run: test every page, neither reading nor writing --cache (for release bundles)",
    )
    parser.add_argument(
        "--timeout", type=int, default=BASE_TIMEOUT_MS, help="per-page timeout in ms, before size allowance"
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="test pages over http://127.0.0.1 instead of file:// (404.html and the print page "
        "use /-absolute asset URLs that file:// cannot resolve)",
    )
    parser.add_argument("--verbose", action="store_true", help="show pa11y-ci's own output")
    args = parser.parse_args(argv)
    # pa11y-ci runs in a temporary folder, so relative paths must be made absolute first.
    args.node_modules = args.node_modules.resolve()
    args.chrome = _absolute_command(args.chrome)
    args.node = _absolute_command(args.node)
    return args


def _absolute_command(command: str) -> str:
    # "node" alone is looked up on PATH; "bin/node" is relative to where the gate was started.
    # abspath, not resolve: a symlinked shim (nodeenv) must keep its own name.
    if os.sep in command:
        return os.path.abspath(command)
    return shutil.which(command) or command


def gate(args: argparse.Namespace) -> int:
    ignores_path = ignores_label(args.ignores)
    ignores = load_ignores(args.ignores)
    source_map = load_source_map(args.source_map)
    check_tools(args)
    site = args.site.resolve()
    pages = find_html_files(site)
    if not pages:
        raise GateError(f"no HTML files under {site}: build the site first")
    versions = tool_versions(args)
    cache_dir: Path | None = None if args.no_cache else args.cache
    fingerprint, keys, cached = look_up(cache_dir, site, pages, args, versions) if cache_dir else ({}, {}, {})
    to_test = [page for page in pages if page not in cached]
    from_cache = f"; {len(cached)} unchanged pages from the cache in {cache_dir}" if cache_dir else ""
    print(
        f"accessibility gate: testing {len(to_test)} pages with pa11y-ci ({STANDARD}; "
        f"{', '.join(runner_name(r) for r in RUNNERS)}){from_cache}",
        flush=True,
    )

    base, results, run_failures = run_pages(to_test, site, args)
    page_results, match_failures = collect_pages(pages, base, source_map, results, cached)
    if cache_dir:
        store_results(cache_dir, site, page_results, keys, fingerprint)
        prune_cache(cache_dir)
    apply_ignores(page_results, ignores)
    failures, warnings = judge(
        page_results, len(pages), ignores, args.today or review_date(), run_failures + match_failures, ignores_path
    )
    print_verdict(page_results, failures, warnings)

    report = build_report(page_results, failures, warnings, versions, generated_for(args.generated_for))
    write_reports(args.reports, report)
    summary = report["summary"]
    print(
        f"accessibility gate: {summary['pages_tested']} pages tested, {summary['issues']} issues, "
        f"{summary['ignored']} ignored" + (f"; {summary['pages_from_cache']} from the cache" if cache_dir else "")
    )
    return 0 if report["passed"] else 1


def print_verdict(pages: list[PageResult], failures: list[str], warnings: list[str]) -> None:
    """One line per issue an author can act on, then the failures and warnings."""
    for page in pages:
        for issue in page.issues:
            print(issue_line(page, issue))
    for line in failures:
        print(f"FAILED: {line}")
    for line in warnings:
        print(f"warning: {line}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # SIGTERM (a CI time limit, a killed make) becomes SystemExit, so pa11y-ci is stopped as on Ctrl-C.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        return gate(args)
    except GateError as error:
        print(f"accessibility gate: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("accessibility gate: interrupted", file=sys.stderr)
        return 130
