"""Which version of an outside program or npm package a run used: for reports, build information and keys."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path


def command_version(command: list[str]) -> str | None:
    """What `command` (e.g. [chrome, "--version"]) prints, or None when it cannot run or prints nothing."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    # Debian's chromium wrapper prints shell noise on stderr; the version is on stdout.
    return done.stdout.strip() or None


def npm_package_version(node_modules: Path, name: str) -> str | None:
    """The version npm installed of package `name` (e.g. "@pa11y/html_codesniffer"), or None if it is not there."""
    try:
        return json.loads((node_modules / name / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return None
