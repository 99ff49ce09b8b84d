"""The handover bundle: written only after a passing gate, atomically, and the same bytes every time."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from handover.bundle import BundleError, write_bundle
from site_model.pages import read_front_matter
from tests.support import build, copy_project

pytestmark = pytest.mark.slow  # builds, prints and gates the whole real site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real build, with a gate report that says every built page passed."""
    project = copy_project(tmp_path_factory.mktemp("bundle") / "project")
    assert build(project).returncode == 0
    write_gate_report(project, passed=True)
    return project


def write_gate_report(project: Path, passed: bool, leave_out: int = 0) -> None:
    site = project / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))[leave_out:]
    reports = project / "build" / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    (reports / "accessibility.json").write_text(json.dumps({"passed": passed, "pages": [{"url": p} for p in pages]}))
    (reports / "accessibility.html").write_text("<!doctype html><title>report</title>")


def bundle(project: Path, dist_name: str = "dist") -> Path:
    return write_bundle(project / "site", project / "build", project / dist_name, project / "no-node-modules", "true")


def test_the_bundle_has_the_zip_manifest_build_info_reports_and_checksum(built):
    archive = bundle(built)
    dist = archive.parent
    assert sorted(p.name for p in dist.iterdir()) == [
        "HANDOVER.md",
        "SHA256SUMS",
        "build-info.json",
        "govspeak",
        "manifest.json",
        "reports",
        "social-work-workforce-resources.zip",
    ]
    assert (dist / "SHA256SUMS").read_text() == f"{hashlib.sha256(archive.read_bytes()).hexdigest()}  {archive.name}\n"


def test_the_manifest_matches_the_zip_page_for_page(built):
    archive = bundle(built)
    manifest = json.loads((archive.parent / "manifest.json").read_text())
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
        for page in manifest["pages"]:
            assert hashlib.sha256(zipped.read(f"site/{page['path']}")).hexdigest() == page["sha256"]
        assert json.loads(zipped.read("manifest.json")) == manifest
    assert {
        "build-info.json",
        "HANDOVER.md",
        "reports/accessibility.json",
        "reports/accessibility.html",
        "govspeak/index.md",
        "govspeak/retention/standard-5-supervision.md",
    } <= names
    assert manifest["file_count"] == sum(1 for name in names if name.startswith("site/"))
    standard_5 = next(p for p in manifest["pages"] if p["path"] == "retention/standard-5-supervision.html")
    assert standard_5["source"] == "docs/retention/standard-5-supervision.md"
    front_matter = read_front_matter(built / standard_5["source"], standard_5["source"])
    assert standard_5["title"] == front_matter["title"] and standard_5["last_reviewed"] == front_matter["last_reviewed"]


def test_two_bundles_of_the_same_build_are_byte_for_byte_the_same(built, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = bundle(built, "dist-a").read_bytes()
    second = bundle(built, "dist-b").read_bytes()
    assert first == second


def test_the_handover_notes_list_changes_since_the_previous_manifest(built, tmp_path):
    previous = json.loads((bundle(built, "dist-first").parent / "manifest.json").read_text())
    previous["pages"] = [p for p in previous["pages"] if p["path"] != "agency/price-caps.html"]
    previous["pages"].append({**previous["pages"][0], "path": "retired.html", "title": "A retired page"})
    (tmp_path / "previous.json").write_text(json.dumps(previous))
    archive = write_bundle(
        built / "site", built / "build", built / "dist-second", built / "none", "true", tmp_path / "previous.json"
    )
    notes = (archive.parent / "HANDOVER.md").read_text()
    assert "### Added (1)\n\n- Price caps (`site/agency/price-caps.html`)" in notes
    assert "### Removed (1)\n\n- A retired page (`site/retired.html`)" in notes


def test_two_builds_of_the_same_sources_give_the_same_bundle(built, tmp_path, monkeypatch):
    epoch = "1767225600"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    again = copy_project(tmp_path / "again")
    assert build(again, SOURCE_DATE_EPOCH=epoch).returncode == 0
    assert build(built, SOURCE_DATE_EPOCH=epoch).returncode == 0
    write_gate_report(built, passed=True)
    write_gate_report(again, passed=True)
    assert bundle(built, "dist-one").read_bytes() == bundle(again, "dist-two").read_bytes()


def test_no_bundle_when_the_gate_failed(built, tmp_path):
    write_gate_report(built, passed=False)
    try:
        with pytest.raises(BundleError, match="the accessibility gate did not pass: no bundle is written"):
            bundle(built, "dist-failed")
        assert not (built / "dist-failed").exists()
        assert not list(built.glob(".dist-*"))
    finally:
        write_gate_report(built, passed=True)


def test_no_bundle_when_pages_were_built_that_the_gate_did_not_test(built):
    write_gate_report(built, passed=True, leave_out=1)
    try:
        with pytest.raises(BundleError, match="the site changed after the accessibility gate ran"):
            bundle(built, "dist-stale")
        assert not (built / "dist-stale").exists()
    finally:
        write_gate_report(built, passed=True)
