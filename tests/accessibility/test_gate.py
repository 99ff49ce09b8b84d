"""Tests for accessibility/gate.py: run the real gate (pa11y-ci, Chromium) on small fixture sites.

Each fixture site is run once per module and shared between tests, so the suite needs about
six gate runs. The tests skip, with the reason, when Chromium, Node or the gate's node_modules
are missing; set CHROME_PATH, NODE_BIN or GATE_NODE_MODULES to point at other copies.
"""

from __future__ import annotations

import importlib.util
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

ROOT = Path(__file__).resolve().parents[2]
GATE = ROOT / "accessibility" / "gate.py"
FIXTURES = ROOT / "tests" / "fixtures" / "accessibility"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
NODE = os.environ.get("NODE_BIN") or shutil.which("node") or "/usr/bin/node"
NODE_MODULES = Path(os.environ.get("GATE_NODE_MODULES", ROOT / ".venv" / "gate" / "node_modules"))


def missing_tools() -> str | None:
    if not Path(CHROME).is_file():
        return f"Chromium not found at {CHROME} (set CHROME_PATH)"
    if not Path(NODE).is_file():
        return f"Node not found at {NODE} (set NODE_BIN)"
    if not (NODE_MODULES / "pa11y-ci" / "bin" / "pa11y-ci.js").is_file():
        return f"pa11y-ci not installed under {NODE_MODULES} (run the Makefile's gate install, or set GATE_NODE_MODULES)"
    return None


needs_browser = pytest.mark.skipif(missing_tools() is not None, reason=missing_tools() or "")


@dataclass
class GateRun:
    returncode: int
    output: str
    report: dict[str, Any] | None
    reports_dir: Path

    def lines_for(self, page: str) -> list[str]:
        return [line for line in self.output.splitlines() if f"({page}):" in line]


def run_gate(site: Path, reports: Path, *extra: str, env: dict[str, str] | None = None) -> GateRun:
    command = [sys.executable, str(GATE), "--site", str(site), "--reports", str(reports), "--chrome", CHROME,
               "--node", NODE, "--node-modules", str(NODE_MODULES), *extra]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT,
                          env=dict(os.environ, **(env or {})))
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
    return run_gate(FIXTURES / "site-ignorable", tmp_path, "--ignores", str(FIXTURES / "ignores" / "valid.yml"),
                    "--today", today)


# ---- a clean site passes --------------------------------------------------------------------------


@needs_browser
def test_clean_site_passes(clean_run: GateRun) -> None:
    assert clean_run.returncode == 0, clean_run.output
    assert "accessibility gate: 4 pages tested, 0 issues, 0 ignored" in clean_run.output


@needs_browser
def test_every_html_file_is_tested_including_404_and_print_page(clean_run: GateRun) -> None:
    assert clean_run.report is not None
    assert [page["url"] for page in clean_run.report["pages"]] == [
        "404.html", "guide/index.html", "index.html", "print_page/index.html"]
    assert all(page["tested"] for page in clean_run.report["pages"])


@needs_browser
def test_json_report_is_machine_readable_and_deterministic(clean_run: GateRun) -> None:
    report = clean_run.report
    assert report is not None
    assert report["generated_for"] == "2026-01-01T00:00:00Z"  # From SOURCE_DATE_EPOCH, the only time in it.
    assert report["standard"] == "WCAG2AA"
    assert report["runners"] == ["axe", "htmlcs", "wcag22"]
    assert report["tools"]["pa11y-ci"] and report["tools"]["axe-core"]
    assert report["summary"] == {"pages_found": 4, "pages_tested": 4, "issues": 0, "ignored": 0}
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
    "img-no-alt.html": [("axe", "image-alt"), ("htmlcs", "H37")],
    "low-contrast.html": [("axe", "color-contrast"), ("htmlcs", "G18.Fail")],
    "empty-link.html": [("axe", "link-name"), ("htmlcs", "H91.A.NoContent")],
    "unlabelled-input.html": [("axe", "label"), ("htmlcs", "H91.InputText.Name"), ("htmlcs", "F68")],
    "skipped-heading.html": [("wcag22", "app-heading-skip")],
    "two-h1.html": [("wcag22", "app-h1-count")],
    "no-focus-style.html": [("wcag22", "app-focus-not-visible")],
    "small-target.html": [("wcag22", "wcag22-target-size")],
    "no-lang-no-skip.html": [("wcag22", "app-html-lang"), ("wcag22", "app-skip-link-missing"),
                             ("axe", "html-has-lang"), ("htmlcs", "H57.2")],
    "skip-target-missing.html": [("wcag22", "app-skip-link-target"), ("htmlcs", "G1,G123,G124.NoSuchID")],
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
    assert re.search(r"accessibility gate: 10 pages tested, \d+ issues, 0 ignored", broken_run.output)


@needs_browser
@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_barrier_is_reported_with_page_and_rule(broken_run: GateRun, page: str) -> None:
    found = issue_codes(broken_run, page)
    runner, code = EXPECTED[page][0]
    assert any(r == runner and code_matches(c, code) for r, c in found), \
        f"expected [{runner} {code}] for {page}, got {found}\n{broken_run.output}"


@needs_browser
@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_no_unexpected_issues(broken_run: GateRun, page: str) -> None:
    # Guards against false positives: each page has one barrier, the rest of it is clean.
    unexpected = [(r, c) for r, c in issue_codes(broken_run, page)
                  if not any(r == er and code_matches(c, ec) for er, ec in EXPECTED[page])]
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
    assert "FAILED: redirects-away.html (redirects-away.html): no result from pa11y-ci for this page (did it redirect to another page?)" in output
    assert "FAILED: 3 HTML files found but 1 pages tested: every page must be tested" in output
    assert "accessibility gate: 1 pages tested, 0 issues, 0 ignored" in output


# ---- ignores --------------------------------------------------------------------------------------


@needs_browser
def test_valid_ignores_suppress_their_issues(tmp_path: Path) -> None:
    result = ignorable_run(tmp_path, today="2029-12-31")
    assert result.returncode == 0, result.output
    assert "accessibility gate: 1 pages tested, 0 issues, 2 ignored" in result.output
    assert "ignore for color-contrast (entry 3) matched nothing" in result.output
    assert result.report is not None
    ignored = result.report["pages"][0]["ignored"]
    assert sorted(issue["code"].split(".")[-1] for issue in ignored) == ["H37", "image-alt"]
    assert all(issue["reason"] and issue["review_by"] == "2030-01-01" for issue in ignored)


@needs_browser
def test_expired_ignore_fails_the_gate(tmp_path: Path) -> None:
    result = ignorable_run(tmp_path, today="2030-01-02")
    assert result.returncode == 1, result.output
    assert "ignore for image-alt expired on 2030-01-01: review it" in result.output


# These fail before any browser starts, so they need no Chromium.
@pytest.mark.parametrize(("fixture", "message"), [
    ("malformed-no-reason.yml", "entry 1 (rule \"image-alt\"): 'reason' is required"),
    ("malformed-bad-date.yml", "entry 1 (rule \"image-alt\"): 'review_by' is required and must be a date"),
    ("malformed-not-a-list.yml", "must be a YAML list of ignores"),
])
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


def load_gate_module() -> Any:
    spec = importlib.util.spec_from_file_location("accessibility_gate", GATE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads.
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("content", [
    {"retention/standard-5-supervision/index.html": "docs/retention/standard-5-supervision.md"},
    {"pages": [{"html": "retention/standard-5-supervision/index.html",
                "source": "docs/retention/standard-5-supervision.md", "title": "Supervision"}]},
])
def test_source_map_accepts_a_flat_map_or_the_build_page_list(tmp_path: Path, content: dict[str, Any]) -> None:
    path = tmp_path / "map.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    assert load_gate_module().load_source_map(path) == {
        "retention/standard-5-supervision/index.html": "docs/retention/standard-5-supervision.md"}
