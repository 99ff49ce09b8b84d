"""The pull-request workflow runs what CI runs, is valid for GitHub Actions, and offers the outputs to download."""

from __future__ import annotations

import subprocess

import yaml

from tests.support import REPO, VENV_BIN

WORKFLOW = REPO / ".github" / "workflows" / "checks.yml"


def test_actionlint_finds_nothing_wrong_with_the_workflow():
    result = subprocess.run([str(VENV_BIN / "actionlint"), str(WORKFLOW)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_runs_on_pull_requests_and_main_and_calls_the_ci_script():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the bare key `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    commands = [step.get("run", "") for step in workflow["jobs"]["test"]["steps"]]
    assert "bash .ci/run" in commands and "make bundle" in commands
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_it_caches_by_the_lock_files_and_uploads_site_report_and_bundle():
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["test"]["steps"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert "requirements.lock" in cache["with"]["key"] and "accessibility/package-lock.json" in cache["with"]["key"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert {"site/", "build/reports/", "dist/"} <= set(upload["with"]["path"].split())
