"""Tests for toolchain/source_date.py: the build's one date."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from toolchain.source_date import source_date, source_date_epoch


def test_the_date_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 1767225600\n")
    assert source_date_epoch() == 1767225600
    assert source_date() == datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("value", [None, "", "  "])
def test_no_date_without_source_date_epoch(monkeypatch: pytest.MonkeyPatch, value: str | None) -> None:
    if value is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert source_date_epoch() is None and source_date() is None


@pytest.mark.parametrize("value", ["yesterday", "-5", "1.5"])
def test_a_date_that_is_not_whole_seconds_is_refused(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH must be whole seconds since 1970"):
        source_date_epoch()
