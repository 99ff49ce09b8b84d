"""Tests for accessibility/gate/: run the real gate (pa11y-ci, Chromium) on small fixture sites.

Each fixture site is run once per module and shared between tests, so the suite needs about
ten full gate runs and a few short ones (one changed page, or everything from the cache). The
tests find Chromium, Node and pa11y where `make install` put them (tests/support.py), and skip
with what to do when they are missing (a skip fails the run under CI).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from accessibility.gate import cache as gate_cache
from accessibility.gate.ignores import selector_matches
from accessibility.gate.pages import load_source_map
from tests.support import GATE_MODULES, NODE, chrome, needs_browser

ROOT = Path(__file__).resolve().parents[2]
GATE = ROOT / "accessibility"  # the gate (accessibility/gate/) and its runners, ignores and npm manifest
FIXTURES = ROOT / "tests" / "fixtures" / "accessibility"


@dataclass
class GateRun:
    returncode: int
    output: str
    report: dict[str, Any] | None
    reports_dir: Path

    def lines_for(self, page: str) -> list[str]:
        return [line for line in self.output.splitlines() if f"({page}):" in line]


def run_gate(site: Path, reports: Path, *extra: str, env: dict[str, str] | None = None, root: Path = ROOT) -> GateRun:
    # Run from `root`, so its accessibility/ is the gate that runs; the rest of the project comes from ROOT.
    command = [
        sys.executable,
        "-m",
        "accessibility.gate",
        "--site",
        str(site),
        "--reports",
        str(reports),
        "--chrome",
        chrome(),
        "--node",
        str(NODE),
        "--node-modules",
        str(GATE_MODULES),
        *extra,
    ]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=root,
        env=dict(os.environ, PYTHONPATH=str(ROOT), **(env or {})),
    )
    report_file = reports / "accessibility.json"
    report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else None
    return GateRun(done.returncode, done.stdout + done.stderr, report, reports)


# ---- one gate run per fixture site, shared by the tests below -------------------------------------


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> GateRun:
    return run_gate(FIXTURES / "site-clean", tmp_path_factory.mktemp("clean"), env={"SOURCE_DATE_EPOCH": "1767225600"})


BROKEN_SOURCES = {"img-no-alt.html": "docs/img-no-alt.md", "low-contrast.html": "docs/low-contrast.md"}


@pytest.fixture(scope="module")
def broken_run(tmp_path_factory: pytest.TempPathFactory) -> GateRun:
    work = tmp_path_factory.mktemp("broken")
    source_map = work / "source-map.json"
    source_map.write_text(json.dumps(BROKEN_SOURCES), encoding="utf-8")
    return run_gate(FIXTURES / "site-broken", work / "reports", "--source-map", str(source_map), "--concurrency", "2")


@pytest.fixture(scope="module")
def failures_run(tmp_path_factory: pytest.TempPathFactory) -> GateRun:
    return run_gate(FIXTURES / "site-run-failures", tmp_path_factory.mktemp("failures"))


def ignorable_run(tmp_path: Path, today: str) -> GateRun:
    return run_gate(
        FIXTURES / "site-ignorable", tmp_path, "--ignores", str(FIXTURES / "ignores" / "valid.yml"), "--today", today
    )


# ---- a clean site passes --------------------------------------------------------------------------


@needs_browser
def test_clean_site_passes(clean_run: GateRun) -> None:
    assert clean_run.returncode == 0, clean_run.output
    assert "accessibility gate: 4 pages tested, 0 issues, 0 ignored" in clean_run.output


@needs_browser
def test_every_html_file_is_tested_including_404_and_print_page(clean_run: GateRun) -> None:
    assert clean_run.report is not None
    assert [page["url"] for page in clean_run.report["pages"]] == [
        "404.html",
        "guide/index.html",
        "index.html",
        "print_page/index.html",
    ]
    assert all(page["tested"] for page in clean_run.report["pages"])


@needs_browser
def test_json_report_is_machine_readable_and_deterministic(clean_run: GateRun) -> None:
    report = clean_run.report
    assert report is not None
    assert report["generated_for"] == "2026-01-01T00:00:00Z"  # From SOURCE_DATE_EPOCH, the only time in it.
    assert report["standard"] == "WCAG2AA"
    assert report["runners"] == ["axe", "htmlcs", "wcag22", "equal-access"]
    assert (
        report["tools"]["pa11y-ci"] and report["tools"]["axe-core"] and report["tools"]["accessibility-checker-engine"]
    )
    summary = dict(report["summary"])
    assert summary.pop("needs_review") == sum(len(page["review"]) for page in report["pages"])
    assert summary == {"pages_found": 4, "pages_tested": 4, "pages_from_cache": 0, "issues": 0, "ignored": 0}
    assert not any(page["from_cache"] for page in report["pages"]), "no --cache: a clean run"
    text = (clean_run.reports_dir / "accessibility.json").read_text(encoding="utf-8")
    assert not re.search(r"20\d\d-\d\d-\d\dT(?!00:00:00Z)", text), "no timestamps other than generated_for"


@needs_browser
def test_html_report_is_itself_accessible(broken_run: GateRun, tmp_path: Path) -> None:
    # The report of a failing run: it has the most markup (issue lists, links to rule help).
    html = (broken_run.reports_dir / "accessibility.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "<title>" in html and '<th scope="col">' in html
    site = tmp_path / "report-site"
    site.mkdir()
    shutil.copy(broken_run.reports_dir / "accessibility.html", site / "accessibility.html")
    result = run_gate(site, tmp_path / "reports")
    assert result.returncode == 0, result.output


# ---- each kind of barrier fails the gate, naming the page and the rule ----------------------------

# Every issue the gate may report for each page, by runner and code (HTML_CodeSniffer codes by
# their technique at the end). The first of each list must be reported.
EXPECTED = {
    "img-no-alt.html": [("axe", "image-alt"), ("htmlcs", "H37"), ("equal-access", "img_alt_valid")],
    "low-contrast.html": [
        ("axe", "color-contrast"),
        ("htmlcs", "G18.Fail"),
        ("equal-access", "text_contrast_sufficient"),
    ],
    "empty-link.html": [("axe", "link-name"), ("htmlcs", "H91.A.NoContent"), ("equal-access", "a_text_purpose")],
    "unlabelled-input.html": [
        ("axe", "label"),
        ("htmlcs", "H91.InputText.Name"),
        ("htmlcs", "F68"),
        ("equal-access", "input_label_exists"),
    ],
    "skipped-heading.html": [("wcag22", "app-heading-skip")],
    "two-h1.html": [("wcag22", "app-h1-count")],
    "no-focus-style.html": [("wcag22", "app-focus-not-visible")],
    "small-target.html": [("wcag22", "wcag22-target-size"), ("equal-access", "target_spacing_sufficient")],
    "no-lang-no-skip.html": [
        ("wcag22", "app-html-lang"),
        ("wcag22", "app-skip-link-missing"),
        ("axe", "html-has-lang"),
        ("htmlcs", "H57.2"),
        ("equal-access", "html_lang_exists"),
    ],
    "skip-target-missing.html": [("wcag22", "app-skip-link-target"), ("htmlcs", "G1,G123,G124.NoSuchID")],
    "empty-button.html": [
        ("axe", "button-name"),
        ("htmlcs", "H91.Button.Name"),
        ("equal-access", "input_label_exists"),
    ],
    "duplicate-id.html": [("htmlcs", "F77")],
    "table-without-headers.html": [("wcag22", "app-table-headers"), ("equal-access", "table_headers_exists")],
    "hidden-focusable.html": [("axe", "aria-hidden-focus"), ("equal-access", "aria_hidden_nontabbable")],
    # What only IBM Equal Access finds, one page per rule family: Material's theme had each of these.
    "label-for-hidden-control.html": [("equal-access", "label_ref_valid")],
    "empty-label.html": [("equal-access", "label_content_exists")],
    "two-labels.html": [("equal-access", "form_label_unique")],
    "duplicate-navigation.html": [("equal-access", "aria_navigation_label_unique")],
    "unlabelled-aside.html": [("equal-access", "aria_complementary_labelled")],
    "unnamed-svg.html": [("equal-access", "svg_graphics_labelled")],
}

ISSUE_LINE = re.compile(r"^(?P<source>\S+) \((?P<page>[^)]+)\): \[(?P<runner>\S+) (?P<code>\S+)\] .+ — at .+$")


def issue_codes(run: GateRun, page: str) -> list[tuple[str, str]]:
    found = []
    for line in run.lines_for(page):
        match = ISSUE_LINE.match(line)
        if match:
            found.append((match["runner"], match["code"]))
    return found


def code_matches(code: str, expected: str) -> bool:
    return code == expected or code.endswith("." + expected)


@needs_browser
def test_broken_site_fails(broken_run: GateRun) -> None:
    assert broken_run.returncode == 1, broken_run.output
    assert re.search(r"accessibility gate: 20 pages tested, \d+ issues, 0 ignored", broken_run.output)


@needs_browser
@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_barrier_is_reported_with_page_and_rule(broken_run: GateRun, page: str) -> None:
    found = issue_codes(broken_run, page)
    runner, code = EXPECTED[page][0]
    assert any(r == runner and code_matches(c, code) for r, c in found), (
        f"expected [{runner} {code}] for {page}, got {found}\n{broken_run.output}"
    )


@needs_browser
@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_no_unexpected_issues(broken_run: GateRun, page: str) -> None:
    # Guards against false positives: each page has one barrier, the rest of it is clean.
    unexpected = [
        (r, c)
        for r, c in issue_codes(broken_run, page)
        if not any(r == er and code_matches(c, ec) for er, ec in EXPECTED[page])
    ]
    assert not unexpected, f"{page}: {unexpected}"


@needs_browser
def test_issue_lines_name_the_markdown_source(broken_run: GateRun) -> None:
    lines = broken_run.lines_for("img-no-alt.html")
    assert lines and all(line.startswith("docs/img-no-alt.md (img-no-alt.html): [") for line in lines)
    # Pages missing from the source map fall back to their HTML path.
    assert broken_run.lines_for("two-h1.html")[0].startswith("two-h1.html (two-h1.html): [wcag22 app-h1-count]")


@needs_browser
def test_reports_list_issues_per_page(broken_run: GateRun) -> None:
    assert broken_run.report is not None
    pages = {page["url"]: page for page in broken_run.report["pages"]}
    assert pages["img-no-alt.html"]["source"] == "docs/img-no-alt.md"
    assert {issue["code"] for issue in pages["two-h1.html"]["issues"]} == {"app-h1-count"}
    assert broken_run.report["passed"] is False
    html = (broken_run.reports_dir / "accessibility.html").read_text(encoding="utf-8")
    assert "docs/img-no-alt.md (img-no-alt.html)</h3>" in html and "app-h1-count" in html


@needs_browser
def test_results_for_a_person_to_check_are_reported_but_do_not_fail(clean_run: GateRun) -> None:
    # IBM Equal Access marks some results "needs review" (it could not decide) or "recommendation":
    # the clean site passes with them, and both reports list them for a person.
    assert clean_run.returncode == 0, clean_run.output
    assert clean_run.report is not None
    review = [issue for page in clean_run.report["pages"] for issue in page["review"]]
    assert review and {issue["level"] for issue in review} <= {"needs-review", "recommendation"}
    assert all(issue["runner"] == "equal-access" for issue in review)
    assert any(issue["message"].startswith("Needs review, IBM could not decide: ") for issue in review)
    html = (clean_run.reports_dir / "accessibility.html").read_text(encoding="utf-8")
    assert "<h2>For a person to check</h2>" in html


@needs_browser
def test_equal_access_results_are_sorted_by_level(broken_run: GateRun) -> None:
    assert broken_run.report is not None
    for page in broken_run.report["pages"]:
        assert all(issue.get("level") in (None, "violation") for issue in page["issues"])
        assert all(issue["level"] in ("needs-review", "recommendation") for issue in page["review"])


# ---- pages that could not be tested fail the gate -------------------------------------------------


@needs_browser
def test_page_that_fails_to_run_fails_the_gate(failures_run: GateRun) -> None:
    assert failures_run.returncode == 1
    assert "FAILED: breaks-runner.html (breaks-runner.html): page failed to run:" in failures_run.output


@needs_browser
def test_page_without_a_result_fails_the_gate(failures_run: GateRun) -> None:
    # redirects-away.html sends the browser to index.html, so pa11y-ci files its result there
    # and the page itself is never tested.
    output = failures_run.output
    assert (
        "FAILED: redirects-away.html (redirects-away.html): no result from pa11y-ci for this page (did it redirect to another page?)"
        in output
    )
    assert "FAILED: 3 HTML files found but 1 pages tested: every page must be tested" in output
    assert "accessibility gate: 1 pages tested, 0 issues, 0 ignored" in output


# ---- ignores --------------------------------------------------------------------------------------


@needs_browser
def test_valid_ignores_suppress_their_issues(tmp_path: Path) -> None:
    result = ignorable_run(tmp_path, today="2029-12-31")
    assert result.returncode == 0, result.output
    assert "accessibility gate: 1 pages tested, 0 issues, 3 ignored" in result.output
    assert "ignore for color-contrast (entry 4) matched nothing" in result.output
    assert result.report is not None
    ignored = result.report["pages"][0]["ignored"]
    assert sorted(issue["code"].split(".")[-1] for issue in ignored) == ["H37", "image-alt", "img_alt_valid"]
    assert all(issue["reason"] and issue["review_by"] == "2030-01-01" for issue in ignored)


@needs_browser
def test_expired_ignore_fails_the_gate(tmp_path: Path) -> None:
    result = ignorable_run(tmp_path, today="2030-01-02")
    assert result.returncode == 1, result.output
    assert "ignore for image-alt expired on 2030-01-01: review it" in result.output


# These fail before any browser starts, so they need no Chromium.
@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("malformed-no-reason.yml", "entry 1 (rule \"image-alt\"): 'reason' is required"),
        ("malformed-bad-date.yml", "entry 1 (rule \"image-alt\"): 'review_by' is required and must be a date"),
        ("malformed-not-a-list.yml", "must be a YAML list of ignores"),
    ],
)
def test_malformed_ignores_fail_with_a_clear_message(tmp_path: Path, fixture: str, message: str) -> None:
    ignores = FIXTURES / "ignores" / fixture
    result = run_gate(FIXTURES / "site-clean", tmp_path, "--ignores", str(ignores))
    assert result.returncode == 1
    assert f"accessibility gate: error: {ignores}: {message}" in result.output


def test_shipped_ignores_file_is_valid() -> None:
    import yaml

    entries = yaml.safe_load((ROOT / "accessibility" / "ignores.yml").read_text(encoding="utf-8"))
    assert isinstance(entries, list)
    for entry in entries:
        assert entry.get("reason") and entry.get("review_by"), entry


@pytest.mark.parametrize(
    ("pattern", "selector", "matches"),
    [
        ("html > body > form", "html > body > form", True),
        ("html > body > form", "html > body > form > input", False),
        ("a[href?x]", "a[href?x]", True),  # no "*": exact, so "[" and "?" match themselves
        ("* > figure* > div > svg > *", "html > body > article > figure:nth-child(28) > div > svg > g > text", True),
        (
            "* > figure* > div > svg > *",
            "html > body > article > figure > div > svg > g > g:nth-child(2) > g > text",
            True,
        ),
        ("* > figure* > div > svg > *", "html > body > article > figure > img", False),
        ("* > figure* > div > svg > *", "html > body > article > p > svg > path", False),
    ],
)
def test_an_ignore_selector_is_exact_unless_it_holds_a_star(pattern: str, selector: str, matches: bool) -> None:
    assert selector_matches(pattern, selector) is matches


@pytest.mark.parametrize(
    "content",
    [
        {"retention/standard-5-supervision/index.html": "docs/retention/standard-5-supervision.md"},
        {
            "contact": {"name": "DfE", "link_text": "Contact us", "url": "https://example.org/contact"},
            "pages": [
                {
                    "id": "retention/standard-5-supervision",
                    "html": "retention/standard-5-supervision/index.html",
                    "source": "docs/retention/standard-5-supervision.md",
                    "title": "Supervision",
                    "strand": "retention",
                    "kind": "standard",
                    "resource": True,
                    "pdf": "pdf/retention/standard-5-supervision.pdf",
                    "print_view": None,
                    "last_reviewed": "2026-11-22",
                    "review_due": "2027-11-22",
                }
            ],
        },
    ],
)
def test_source_map_accepts_a_flat_map_or_the_build_page_list(tmp_path: Path, content: dict[str, Any]) -> None:
    path = tmp_path / "map.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    assert load_source_map(path) == {
        "retention/standard-5-supervision/index.html": "docs/retention/standard-5-supervision.md"
    }


# ---- the cache: unchanged pages are not tested again ----------------------------------------------

CACHE_SITE = FIXTURES / "site-cache"  # index.html and guide.html share a stylesheet; no-alt.html has an issue.
NO_IGNORES = FIXTURES / "ignores" / "none.yml"
NO_ALT_IGNORES = FIXTURES / "ignores" / "no-alt.yml"
CACHE_SOURCES = {"no-alt.html": "docs/no-alt.md"}


@dataclass
class CacheRuns:
    site: Path
    cache: Path
    clean: GateRun  # --no-cache: every page tested, nothing written
    clean_wrote_cache: bool
    first: GateRun  # an empty cache: every page tested, then stored
    cached: GateRun  # nothing changed: every page from the cache
    cached_ignored: GateRun  # the same with the issue ignored


def cache_gate(
    site: Path, reports: Path, cache: Path, *extra: str, ignores: Path = NO_IGNORES, root: Path = ROOT
) -> GateRun:
    source_map = reports.parent / f"{reports.name}-source-map.json"
    reports.parent.mkdir(parents=True, exist_ok=True)
    source_map.write_text(json.dumps(CACHE_SOURCES), encoding="utf-8")
    return run_gate(
        site,
        reports,
        "--cache",
        str(cache),
        "--ignores",
        str(ignores),
        "--source-map",
        str(source_map),
        "--today",
        "2026-01-01",
        *extra,
        env={"SOURCE_DATE_EPOCH": "1767225600"},
        root=root,
    )


@pytest.fixture(scope="module")
def cache_runs(tmp_path_factory: pytest.TempPathFactory) -> CacheRuns:
    work = tmp_path_factory.mktemp("cache")
    site, cache = work / "site", work / "cache"
    shutil.copytree(CACHE_SITE, site)
    clean = cache_gate(site, work / "clean", cache, "--no-cache")
    clean_wrote_cache = cache.exists()
    first = cache_gate(site, work / "first", cache)
    cached = cache_gate(site, work / "cached", cache)
    cached_ignored = cache_gate(site, work / "cached-ignored", cache, ignores=NO_ALT_IGNORES)
    return CacheRuns(site, cache, clean, clean_wrote_cache, first, cached, cached_ignored)


def copy_of(runs: CacheRuns, tmp_path: Path) -> tuple[Path, Path]:
    """A site and a warm cache of its own, for a test that changes something."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    shutil.copytree(runs.site, site)
    shutil.copytree(runs.cache, cache)
    return site, cache


def fresh_pages(run: GateRun) -> list[str]:
    """The pages that went to pa11y-ci rather than coming from the cache."""
    assert run.report is not None, run.output
    return [page["url"] for page in run.report["pages"] if page["tested"] and not page["from_cache"]]


def without_cache_markers(report: dict[str, Any]) -> dict[str, Any]:
    report = json.loads(json.dumps(report))
    del report["summary"]["pages_from_cache"]
    for page in report["pages"]:
        del page["from_cache"]
    return report


def html_without_cache_markers(run: GateRun) -> str:
    text = (run.reports_dir / "accessibility.html").read_text(encoding="utf-8")
    text = re.sub(r'<tr><th scope="row">Pages whose result came from the cache</th><td>\d+</td></tr>', "", text)
    return re.sub(r"<td>(yes|no)</td></tr>", "</tr>", text)


@needs_browser
def test_clean_run_ignores_the_cache(cache_runs: CacheRuns) -> None:
    run = cache_runs.clean
    assert run.returncode == 1, run.output  # no-alt.html has an issue and nothing ignores it.
    assert fresh_pages(run) == ["guide.html", "index.html", "no-alt.html"]
    assert run.report is not None and run.report["summary"]["pages_from_cache"] == 0
    assert not cache_runs.clean_wrote_cache, "--no-cache must not write the cache either"


@needs_browser
def test_second_run_with_cache_tests_no_page_and_passes(cache_runs: CacheRuns) -> None:
    assert fresh_pages(cache_runs.first) == ["guide.html", "index.html", "no-alt.html"]
    run = cache_runs.cached_ignored
    assert run.returncode == 0, run.output
    assert "testing 0 pages with pa11y-ci" in run.output
    assert "accessibility gate: 3 pages tested, 0 issues, 3 ignored; 3 from the cache" in run.output
    assert run.report is not None
    assert run.report["summary"]["pages_from_cache"] == 3
    assert all(page["from_cache"] for page in run.report["pages"])


@needs_browser
def test_issue_on_a_cached_page_still_fails_the_gate(cache_runs: CacheRuns) -> None:
    run = cache_runs.cached
    assert "testing 0 pages with pa11y-ci" in run.output
    assert run.returncode == 1, run.output
    assert ("axe", "image-alt") in issue_codes(run, "no-alt.html")
    assert run.lines_for("no-alt.html")[0].startswith("docs/no-alt.md (no-alt.html): [")


@needs_browser
def test_cached_and_clean_runs_give_the_same_reports(cache_runs: CacheRuns) -> None:
    clean, cached = cache_runs.clean, cache_runs.cached
    assert clean.report is not None and cached.report is not None
    assert cached.report["summary"]["pages_from_cache"] == 3
    assert without_cache_markers(cached.report) == without_cache_markers(clean.report)
    assert html_without_cache_markers(cached) == html_without_cache_markers(clean)
    issue_lines = [line for line in clean.output.splitlines() if line.startswith(("docs/", "FAILED", "warning"))]
    assert issue_lines and issue_lines == [
        line for line in cached.output.splitlines() if line.startswith(("docs/", "FAILED", "warning"))
    ]


@needs_browser
def test_changing_one_page_retests_only_that_page(cache_runs: CacheRuns, tmp_path: Path) -> None:
    site, cache = copy_of(cache_runs, tmp_path)
    page = site / "guide.html"
    page.write_text(page.read_text(encoding="utf-8").replace("A clean page", "A changed clean page"), encoding="utf-8")
    run = cache_gate(site, tmp_path / "reports", cache, ignores=NO_ALT_IGNORES)
    assert run.returncode == 0, run.output
    assert fresh_pages(run) == ["guide.html"]
    assert "testing 1 pages with pa11y-ci" in run.output


@needs_browser
@pytest.mark.parametrize(
    ("asset", "pages"),
    [
        ("assets/site.css", ["guide.html", "index.html"]),  # The stylesheet that two pages load.
        ("assets/pixel.gif", ["no-alt.html"]),  # An image.
    ],
)
def test_changing_a_shared_asset_retests_every_page_that_loads_it(
    cache_runs: CacheRuns, tmp_path: Path, asset: str, pages: list[str]
) -> None:
    site, cache = copy_of(cache_runs, tmp_path)
    with open(site / asset, "ab") as out:
        out.write(b"\n/* changed */\n" if asset.endswith(".css") else b"\0")
    run = cache_gate(site, tmp_path / "reports", cache, ignores=NO_ALT_IGNORES)
    assert run.returncode == 0, run.output
    assert fresh_pages(run) == pages


@needs_browser
def test_changing_the_runner_invalidates_every_page(cache_runs: CacheRuns, tmp_path: Path) -> None:
    # A copy of the gate, so the real runner is never touched (other tests may be running).
    gate_dir = tmp_path / "accessibility"
    shutil.copytree(GATE, gate_dir, ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
    site, cache = copy_of(cache_runs, tmp_path)
    unchanged = cache_gate(site, tmp_path / "unchanged", cache, ignores=NO_ALT_IGNORES, root=tmp_path)
    assert fresh_pages(unchanged) == [], "the cache does not depend on where the checkout is"
    with open(gate_dir / "runners" / "wcag22.js", "a", encoding="utf-8") as out:
        out.write("\n// A change to the runner: every result may differ.\n")
    run = cache_gate(site, tmp_path / "reports", cache, ignores=NO_ALT_IGNORES, root=tmp_path)
    assert run.returncode == 0, run.output
    assert fresh_pages(run) == ["guide.html", "index.html", "no-alt.html"]


@needs_browser
def test_corrupt_cache_entry_is_retested(cache_runs: CacheRuns, tmp_path: Path) -> None:
    site, cache = copy_of(cache_runs, tmp_path)
    entry = next(
        path for path in cache.glob("*.json") if json.loads(path.read_text(encoding="utf-8"))["page"] == "index.html"
    )
    entry.write_bytes(b'{"format": 1, "key": "tru')  # As if the disk filled up mid-write.
    run = cache_gate(site, tmp_path / "reports", cache, ignores=NO_ALT_IGNORES)
    assert run.returncode == 0, run.output
    assert f"ignoring unreadable cache entry {entry}" in run.output
    assert fresh_pages(run) == ["index.html"]
    assert json.loads(entry.read_text(encoding="utf-8"))["page"] == "index.html", "the entry is written again"


@needs_browser
def test_pages_that_failed_to_run_are_not_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = run_gate(FIXTURES / "site-run-failures", tmp_path / "first", "--cache", str(cache))
    second = run_gate(FIXTURES / "site-run-failures", tmp_path / "second", "--cache", str(cache))
    assert first.returncode == second.returncode == 1
    assert [json.loads(path.read_text(encoding="utf-8"))["page"] for path in cache.glob("*.json")] == ["index.html"]
    # The page that broke the runner and the page that redirected away are tried again, and fail again.
    assert fresh_pages(second) == []
    assert "testing 2 pages with pa11y-ci" in second.output
    assert "FAILED: breaks-runner.html (breaks-runner.html): page failed to run:" in second.output
    assert "FAILED: redirects-away.html (redirects-away.html): no result from pa11y-ci" in second.output
    assert second.report is not None and second.report["summary"]["pages_from_cache"] == 1


# These need no browser: what goes into a page's key, and which cache entries are trusted.


def test_page_key_covers_the_files_the_page_loads_and_nothing_else(tmp_path: Path) -> None:
    gate = gate_cache
    site = tmp_path / "site"
    (site / "docs" / "img").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "docs" / "page.html").write_text(
        """<!DOCTYPE html><html lang="en"><head>
<link rel="stylesheet" href="../assets/main.css?v=2"><link rel="next" href="next.html"><link rel="canonical" href="x.html">
<script src="../assets/app.js" data-app-material="../assets/material.js"></script><script src="https://example.org/remote.js"></script>
<style>.hero { background: url('img/hero.png'); }</style></head><body>
<a href="other.html">a link, not loaded</a><img alt="" src="img/a.png" srcset="img/a.png 1x, img/a2.png 2x">
<div style="background-image: url(&quot;img/inline.png&quot;)"></div><img alt="" src="data:image/gif;base64,R0lG">
<img alt="" src="/assets/root.png"><img alt="" src="img/missing.png"></body></html>""",
        encoding="utf-8",
    )
    (site / "assets" / "main.css").write_text(
        '@import "fonts.css"; body { background: url(bg.png); }', encoding="utf-8"
    )
    for name in (
        "assets/fonts.css",
        "assets/bg.png",
        "assets/app.js",
        "assets/material.js",
        "assets/root.png",
        "docs/img/hero.png",
        "docs/img/a.png",
        "docs/img/a2.png",
        "docs/img/inline.png",
        "docs/next.html",
        "docs/other.html",
    ):
        (site / name).write_text(name, encoding="utf-8")
    files = gate.page_files(site, "docs/page.html")
    assert sorted(files) == [
        "assets/app.js",
        "assets/bg.png",
        "assets/fonts.css",
        "assets/main.css",
        "assets/material.js",
        "assets/root.png",
        "docs/img/a.png",
        "docs/img/a2.png",
        "docs/img/hero.png",
        "docs/img/inline.png",
        "docs/img/missing.png",
        "docs/page.html",
    ]
    assert files["docs/img/missing.png"] is None and files["assets/bg.png"] is not None
    fingerprint = {"format": 0}
    before = gate.page_key(site, "docs/page.html", fingerprint)
    (site / "docs" / "other.html").write_text("changed", encoding="utf-8")
    gate.file_digest.cache_clear()
    assert gate.page_key(site, "docs/page.html", fingerprint) == before, "a linked page is not loaded"
    (site / "assets" / "fonts.css").write_text("changed", encoding="utf-8")
    gate.file_digest.cache_clear()
    assert gate.page_key(site, "docs/page.html", fingerprint) != before, "a stylesheet imported by a stylesheet is"


@pytest.mark.parametrize(
    "entry",
    [
        "not json",
        '["a list"]',
        '{"format": 1, "key": "OTHER", "page": "index.html", "results": []}',
        '{"format": 1, "key": "KEY", "page": "other.html", "results": []}',
        '{"format": 0, "key": "KEY", "page": "index.html", "results": []}',
        '{"format": 1, "key": "KEY", "page": "index.html", "results": [{"message": "an error, not an issue"}]}',
    ],
)
def test_untrustworthy_cache_entries_are_not_used(tmp_path: Path, entry: str) -> None:
    gate = gate_cache
    (tmp_path / "KEY.json").write_text(entry, encoding="utf-8")
    assert gate.read_cached(tmp_path, "KEY", "index.html") is None
    gate.write_cached(tmp_path, "KEY", "index.html", [])
    assert gate.read_cached(tmp_path, "KEY", "index.html") == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["KEY.json"], "no temporary file is left behind"
