"""Under CI a skipped test fails the run; on an author's machine it is reported and the run passes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support import REPO


def run_a_skipping_test(folder: Path, ci: bool, *options: str) -> subprocess.CompletedProcess[str]:
    (folder / "test_probe.py").write_text("import pytest\n\ndef test_probe():\n    pytest.skip('no browser')\n")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), **({"CI": "true"} if ci else {})}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "tests.ci_policy",
            "-p",
            "no:cacheprovider",
            *options,
            str(folder),
        ],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
    )


def test_a_skip_fails_the_run_when_ci_is_set(tmp_path):
    result = run_a_skipping_test(tmp_path, ci=True)
    assert result.returncode == 1
    assert "CI is set, and 1 tests were skipped, which counts as a failure here:" in result.stdout


def test_a_skip_is_only_reported_on_an_authors_machine(tmp_path):
    result = run_a_skipping_test(tmp_path, ci=False)
    assert result.returncode == 0 and "1 skipped" in result.stdout


def test_a_skip_in_a_worker_fails_the_run_too(tmp_path):
    # make test runs the suite in parallel workers (pytest-xdist); their skips reach the policy as well.
    result = run_a_skipping_test(tmp_path, True, "--numprocesses=2")
    assert result.returncode == 1
    assert "CI is set, and 1 tests were skipped, which counts as a failure here:" in result.stdout
