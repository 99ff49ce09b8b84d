"""How every stage starts Chromium: headless-safe flags that keep it from the network and the home folder."""

from __future__ import annotations

import os
from pathlib import Path

# No update checks, syncing or other traffic of its own: a build reaches nothing but the pages it opens.
QUIET_FLAGS = (
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def sandbox_flags() -> list[str]:
    """["--no-sandbox"] when running as root (Chromium refuses to start its sandbox then), else nothing."""
    return ["--no-sandbox"] if os.geteuid() == 0 else []


def chromium_flags(profile: Path, *extra: str) -> list[str]:
    """The flags for one Chromium run, with `extra` ones of the caller's and a fresh profile last.

    A profile of its own per run, or Chromium writes one into the home folder and runs side by side share it.
    """
    return [*sandbox_flags(), *QUIET_FLAGS, *extra, f"--user-data-dir={profile}"]
