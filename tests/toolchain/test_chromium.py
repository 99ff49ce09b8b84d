"""Tests for toolchain/chromium.py: the flags every stage starts Chromium with."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolchain import chromium


@pytest.mark.parametrize(("uid", "expected"), [(0, ["--no-sandbox"]), (1000, [])])
def test_the_sandbox_is_dropped_only_for_root(monkeypatch: pytest.MonkeyPatch, uid: int, expected: list[str]) -> None:
    monkeypatch.setattr(chromium.os, "geteuid", lambda: uid)
    assert chromium.sandbox_flags() == expected


def test_flags_keep_chromium_quiet_with_a_fresh_profile_last(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chromium.os, "geteuid", lambda: 1000)
    flags = chromium.chromium_flags(Path("/tmp/profile"), "--disable-dev-shm-usage")
    assert flags == [
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=/tmp/profile",
    ]


def test_root_gets_no_sandbox_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chromium.os, "geteuid", lambda: 0)
    assert chromium.chromium_flags(Path("p"))[:2] == ["--no-sandbox", "--disable-gpu"]
