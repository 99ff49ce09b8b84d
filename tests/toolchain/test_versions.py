"""Tests for toolchain/versions.py: the versions of outside programs and npm packages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from toolchain.versions import command_version, npm_package_version


def test_a_command_version_is_its_standard_output_stripped() -> None:
    assert command_version([sys.executable, "-c", "print(' 1.2.3 ')"]) == "1.2.3"


def test_noise_on_standard_error_is_left_out() -> None:
    assert command_version([sys.executable, "-c", "import sys; sys.stderr.write('noise'); print('v9')"]) == "v9"


def test_a_missing_or_silent_program_has_no_version(tmp_path: Path) -> None:
    assert command_version([str(tmp_path / "no-such-program"), "--version"]) is None
    assert command_version([sys.executable, "-c", "pass"]) is None


def test_an_npm_package_version_comes_from_its_package_json(tmp_path: Path) -> None:
    (tmp_path / "@scope" / "tool").mkdir(parents=True)
    (tmp_path / "@scope" / "tool" / "package.json").write_text(json.dumps({"version": "4.1.1"}), encoding="utf-8")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "package.json").write_text("{", encoding="utf-8")
    assert npm_package_version(tmp_path, "@scope/tool") == "4.1.1"
    assert npm_package_version(tmp_path, "missing") is None
    assert npm_package_version(tmp_path, "broken") is None
