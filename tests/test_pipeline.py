"""`make bundle` end to end, as a new user runs it: the real site passes the gate and is bundled;
an inaccessible page fails the gate, named with its rule, and no bundle is written."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests.support import TEST_FRONT_MATTER, VENV_BIN, add_to_nav, copy_project, copy_small_project, run_in

pytestmark = pytest.mark.slow  # builds, prints and gates the whole real site

INACCESSIBLE_PAGE = (
    TEST_FRONT_MATTER
    + """
This page has enough words to count as a page, and two barriers that only a browser can find:
text that is too pale to read, and a form field with no label.

## A section

<p style="color: #bbbbbb">This sentence is too pale to read against the white page.</p>

<input type="text" name="unlabelled">

{{ sources_section() }}
"""
)


def make_bundle(project: Path) -> str:
    result = run_in(project, ["make", "--no-print-directory", "bundle", f"VENV={VENV_BIN.parent}"], timeout=1800)
    return f"exit {result.returncode}\n{result.stdout}"


@pytest.fixture(scope="module")
def real_bundle(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    project = copy_project(tmp_path_factory.mktemp("pipeline") / "project")
    return project, make_bundle(project)


def test_make_bundle_passes_the_gate_and_writes_the_bundle(real_bundle):
    project, output = real_bundle
    assert output.startswith("exit 0"), output[-4000:]
    dist = project / "dist"
    manifest = json.loads((dist / "manifest.json").read_text())
    built = sorted(p.relative_to(project / "site").as_posix() for p in (project / "site").rglob("*.html"))
    with zipfile.ZipFile(dist / "social-work-workforce-resources.zip") as archive:
        names = archive.namelist()
    assert {f"site/{page}" for page in built} <= set(names)
    assert sorted(page["path"] for page in manifest["pages"]) == built  # every HTML page, the print pages too
    sources = [
        path for path in (project / "docs").rglob("*.md") if not path.is_relative_to(project / "docs" / "authors")
    ]
    assert {path.relative_to(project / "docs").with_suffix(".html").as_posix() for path in sources} <= set(built)
    assert not any(
        page.startswith("authors/") for page in built
    )  # the author guide is served by make serve, never built
    report = json.loads((dist / "reports" / "accessibility.json").read_text())
    assert report["passed"] is True
    assert sorted(page["url"] for page in report["pages"]) == built  # the print page and 404 included
    assert {"print_page.html", "404.html"} <= set(built)


def test_an_inaccessible_page_fails_make_bundle_naming_page_and_rule_and_no_bundle_is_written(tmp_path):
    # The small copy (short stand-ins for the other pages): the same pipeline, printed and gated in half the time.
    project = copy_small_project(tmp_path / "project")
    (project / "docs" / "workload" / "barriers.md").write_text(INACCESSIBLE_PAGE, encoding="utf-8")
    add_to_nav(project, "workload/barriers.md")
    output = make_bundle(project)
    assert not output.startswith("exit 0")
    assert "docs/workload/barriers.md (workload/barriers.html): [axe color-contrast]" in output
    assert "docs/workload/barriers.md (workload/barriers.html): [axe label]" in output
    assert not (project / "dist").exists()
