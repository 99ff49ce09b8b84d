"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import copy_project

pytest_plugins = ["tests.ci_policy"]  # no silent skips in CI


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's sources to change freely."""
    return copy_project(tmp_path / "project")
