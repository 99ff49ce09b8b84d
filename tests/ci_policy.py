"""No silent skips in CI: a pytest plugin that tests/conftest.py loads.

A test that skips has not tested anything. Locally a skip says what to install; where CI is set, any
skip fails the run, so a missing browser or Node can never turn the suite green.
"""

from __future__ import annotations

import os

import pytest

_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("CI") and _skipped:
        print(f"\nCI is set, and {len(_skipped)} tests were skipped, which counts as a failure here:")
        for nodeid in _skipped:
            print(f"  {nodeid}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
