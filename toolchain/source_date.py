"""The build's one date: SOURCE_DATE_EPOCH, the last commit's time (the Makefile sets it).

Everything a build dates (PDFs, reports, zip entries) takes this date, not the clock, so two builds of
one commit are byte for byte the same.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH in seconds since 1970; None when it is unset or empty.

    Raises ValueError when it is not a whole number of seconds.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not epoch.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}")
    return int(epoch)


def source_date() -> datetime | None:
    """SOURCE_DATE_EPOCH as a UTC time; None when it is unset or empty."""
    epoch = source_date_epoch()
    return None if epoch is None else datetime.fromtimestamp(epoch, tz=UTC)
