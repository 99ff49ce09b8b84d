"""Tools on pages, in the project's Chromium: filled in with the keyboard alone, reopened, downloaded, printed,
cleared, kept apart from each other, safe with answers saved for an older definition, and never sending anything.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from pypdf import PdfReader

from overrides import hooks
from tests.overrides.test_reading import Quiet, browser
from tests.support import REPO, build, copy_project, needs_browser

TOOLS_JS = Path(__file__).with_name("tools_browser.js")
STORAGE = "swwr-tool:employer-standards:v1"
BASE = "tool-employer-standards--"

pytestmark = [pytest.mark.slow, needs_browser]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("tools") / "project")
    result = build(project)
    assert result.returncode == 0, result.stdout
    return project / "site"


def drive(*args: str) -> dict:
    return browser(*args, script=TOOLS_JS)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def keyboard(site: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    workdir = tmp_path_factory.mktemp("keyboard")
    return drive("keyboard", (site / "retention" / "self-assessment.html").as_uri(), str(workdir)), workdir


def test_a_tool_can_be_filled_in_with_the_keyboard_alone(keyboard):
    report, _ = keyboard
    assert report["tabsToFirstQuestion"] > 0
    assert report["afterRating"] == f"{BASE}s1-purpose--evidence"
    assert report["afterAdd"] == f"{BASE}action-plan-6--standard"  # a new, 6th action, its first box focused
    values = report["beforeReload"]["values"]
    assert values[f"{BASE}s1-purpose--rating"] == "partly"
    assert values[f"{BASE}s1-purpose--evidence"] == 'Statement agreed in March, "signed off", ünïcödé – and more'
    assert values[f"{BASE}action-plan-1--due--year"] == "2027"
    assert report["errors"] == []


def test_checking_answers_lists_each_problem_in_an_error_summary_that_takes_focus(keyboard):
    report, _ = keyboard
    assert report["afterCheck"] == "app-tool__error-summary"
    assert report["errorSummary"] == [
        "Enter what we will change for action 6",
        "Enter lead for action 6",
        "Enter due date for action 6",
    ]
    assert report["afterErrorLink"] == f"{BASE}action-plan-6--change"  # the link takes the reader to the box
    assert report["axeWithErrors"] == []


def test_the_summary_counts_ratings_per_section_and_lists_the_action_plan(keyboard):
    report, _ = keyboard
    summary = report["summary"]
    assert "You have rated 1 of 49 areas." in summary
    assert "Standard 1: Strategic and professional leadership\n1 of 6 rated: Not yet 0, Partly 1, Fully 0." in summary
    assert "Standard 2: Effective workforce planning systems (2020 name)\n0 of 7 rated." in summary
    assert (
        "Action plan, action 1\nWhat we will change: Publish the practice model; Actions: Write it with staff; "
        "Lead: Alex Smith; Due date: 31 March 2027." in summary
    )
    assert report["overflowAt320"] == 0  # the filled summary and the error summary fit a 320 px screen


def test_answers_are_saved_in_this_browser_only_and_come_back_when_the_page_is_reopened(keyboard):
    report, _ = keyboard
    before, after = report["beforeReload"], report["afterReload"]
    assert after["values"] == before["values"]
    assert after["rows"] == 6  # the added action is back too
    saved = json.loads(after["saved"])
    assert saved["tool"] == "employer-standards" and saved["format"] == 1 and saved["version"] == 1
    assert all(name.startswith(BASE) for name in saved["answers"])
    assert "are back" in after["notice"]
    assert report["external"] == []  # nothing was sent anywhere, nothing was fetched from elsewhere


def test_the_download_is_a_csv_file_a_spreadsheet_opens(keyboard):
    report, _ = keyboard
    raw = Path(report["csv"]).read_bytes()
    assert Path(report["csv"]).name.startswith("employer-standards-") and raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Tool", "Self-assessment and action plan: the 8 employer standards"]
    assert ["Section", "Area", "Rating", "Evidence", "Next step"] in rows
    first = next(row for row in rows if len(row) > 1 and row[1].startswith("A written statement of the purpose"))
    assert first == [
        "Standard 1: Strategic and professional leadership",
        first[1],
        "Partly",
        'Statement agreed in March, "signed off", ünïcödé – and more',
        "'=SUM(A1:A9) then share it",
    ]
    assert sum(1 for row in rows if row[:1] == ["Standard 8: Strategic partnerships (2020 name)"]) == 4
    plan = rows.index(
        [
            "Section",
            "Action",
            "Standard",
            "What we will change",
            "Actions",
            "Lead",
            "Start date",
            "Due date",
            "How we will know it has worked",
            "Progress update",
        ]
    )
    assert rows[plan + 1] == [
        "Action plan",
        "Action 1",
        "",
        "Publish the practice model",
        "Write it with staff",
        "Alex Smith",
        "",
        "2027-03-31",
        "",
        "",
    ]
    assert rows[plan + 2][:3] == ["Action plan", "Action 6", "Standard 3"]
    assert report["statusAfterDownload"].startswith("Your answers have been downloaded as employer-standards-")


def test_the_printed_page_shows_the_answers_and_no_buttons(keyboard):
    _, workdir = keyboard
    text = pdf_text(workdir / "printed.pdf")
    assert "Statement agreed in March" in text and "Answer: Partly" in text
    assert "Publish the practice model" in text and "Summary of your answers" in text
    for control in ("Clear my answers", "Download my answers", "Check my answers", "Add another action"):
        assert control not in text


def test_clearing_asks_first_then_removes_every_answer_and_says_so(keyboard):
    report, _ = keyboard
    assert report["afterClearAsked"] == "app-tool__confirm-text"
    assert report["afterCancel"]["values"] == report["afterReload"]["values"]
    assert report["afterCancel"]["status"] == "Your answers have been kept."
    cleared = report["afterClear"]
    assert cleared["values"] == {} and cleared["saved"] is None and cleared["rows"] == 5
    assert cleared["status"] == "Your answers have been cleared from this browser."
    assert report["focusAfterClear"] == "clear"
    assert report["afterClearReload"]["values"] == {} and report["afterClearReload"]["notice"] is None


@pytest.fixture(scope="module")
def served(site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The site under a sub-path of a loopback server, as a council might host it."""
    root = tmp_path_factory.mktemp("served")
    (root / "council" / "resources").mkdir(parents=True)
    (root / "council" / "resources" / "site").symlink_to(site, target_is_directory=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/council/resources/site/"
    server.shutdown()


def test_two_tools_never_share_answers_even_on_one_page(served):
    report = drive(
        "separate",
        served + "retention/self-assessment.html",
        served + "workload/hybrid-and-digital.html",
        served + "retention/retention-toolkit.html",
    )
    assert report["keys"] == [
        "swwr-tool:employer-standards:v1",
        "swwr-tool:hybrid-team-check:v1",
        "swwr-tool:leavers-summary:v1",
    ]
    assert report["first"]["values"] == {
        f"{BASE}s1-purpose--rating": "fully",
        f"{BASE}s1-purpose--evidence": "First tool",
    }
    assert report["second"]["values"] == {
        "tool-hybrid-team-check--office-days--rating": "not-yet",
        "tool-hybrid-team-check--office-days--evidence": "Second tool",
    }
    third = report["thirdPage"]
    assert third["leavers"]["values"] == {"tool-leavers-summary--workload--leavers": "3"}
    assert third["workforce"]["values"] == {} and third["career"]["values"] == {}
    assert report["external"] == [] and report["errors"] == []


def test_answers_saved_for_an_older_definition_never_break_the_tool(site):
    report = drive("changed", (site / "retention" / "self-assessment.html").as_uri())
    assert report["errors"] == []
    restored = report["restored"]
    assert restored["values"] == {
        f"{BASE}s1-purpose--rating": "partly",
        f"{BASE}s1-purpose--evidence": "Kept from the old version",
    }
    assert "This tool has changed since then" in restored["notice"]
    assert restored["rows"] == 30  # as many rows as were saved, up to the most the tool allows
    assert report["summaryShown"] is True
    assert report["afterJunk"]["values"] == {}


def test_a_tool_page_prints_as_a_blank_form(site, tmp_path):
    report = drive("blank", (site / "retention" / "supervision-frequency-check.html").as_uri(), str(tmp_path))
    assert report["errors"] == [] and report["external"] == []
    text = pdf_text(tmp_path / "blank.pdf")
    assert "Sessions held that lasted at least 90 minutes, uninterrupted" in text and "Action 3" in text
    for absent in ("Summary of your answers", "Answer:", "Check my answers", "saved as you go", "JavaScript"):
        assert absent not in text


def test_only_tool_pages_load_the_tools_scripts_and_the_print_pages_show_the_blank_form(site):
    html = (site / "retention" / "self-assessment.html").read_text(encoding="utf-8")
    assert re.findall(r'<script src="[^"]*javascripts/tools[^"]*"', html) == [
        '<script src="../assets/javascripts/tools.js"'
    ]
    # One file, joined from the scripts in the order they must run (overrides/hooks.py), start.js last.
    joined = (site / "assets" / "javascripts" / "tools.js").read_text(encoding="utf-8")
    sources = REPO / "overrides" / "assets" / "javascripts" / "tools"
    assert joined == "\n".join((sources / f"{name}.js").read_text(encoding="utf-8") for name in hooks.TOOL_SCRIPTS)
    assert hooks.TOOL_SCRIPTS[-1] == "start" and not (site / "assets" / "javascripts" / "tools").exists()
    assert "javascripts/tools" not in (site / "retention" / "standard-5-supervision.html").read_text(encoding="utf-8")
    for name in ("print_page.html", "print-retention.html"):
        html = (site / name).read_text(encoding="utf-8")
        assert "javascripts/tools" not in html
        assert f'id="{BASE}s1-purpose--evidence"' in html  # the tool's own ids, not print-site's prefixed ones
        assert f'for="{BASE}s1-purpose--evidence"' in html
