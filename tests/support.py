"""Helpers for tests that build the project: a copy of it to break on purpose, and the commands the Makefile runs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_model.vocabulary import SECTION_ORDER

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent

# The one way every test finds Node, Chromium and the npm packages: where `make install` put them, in the
# virtual environment that runs the tests. (Set CHROME_PATH before `make install` to use another Chromium.)
NODE = VENV_BIN / "node"
CHROME_FILE = VENV_BIN.parent / "chrome-path"  # written by make install (accessibility/find_chrome.py)
GATE_MODULES = VENV_BIN.parent / "gate" / "node_modules"
THEME_MODULES = VENV_BIN.parent / "theme" / "node_modules"


def chrome() -> str:
    """The Chromium `make install` recorded, or "" (then `needs_browser` has skipped the test)."""
    return CHROME_FILE.read_text(encoding="utf-8").strip() if CHROME_FILE.is_file() else ""


def _missing_browser_tools() -> str | None:
    if not chrome() or not os.access(chrome(), os.X_OK):
        return f"no Chromium recorded in {CHROME_FILE}: run make install"
    if not NODE.is_file():
        return f"no Node at {NODE}: run make install"
    for package in ("pa11y-ci", "puppeteer"):
        if not (GATE_MODULES / package).is_dir():
            return f"{package} is not installed under {GATE_MODULES}: run make install"
    if not (THEME_MODULES / "purgecss").is_dir():
        return f"purgecss is not installed under {THEME_MODULES}: run make install"
    return None


# For tests that run Chromium or Node. Locally they skip with what to do; under CI a skip fails the run
# (tests/ci_policy.py), so a missing browser can never turn the suite green.
needs_browser = pytest.mark.skipif(_missing_browser_tools() is not None, reason=_missing_browser_tools() or "")
PROJECT_FILES = (
    "docs",
    "data",
    "site_model",
    "toolchain",
    "macros",
    "checks",
    "build_steps",
    "overrides",
    "schemas",
    "handover",
    "pdfs",
    "accessibility",
    "mkdocs.yml",
    "Makefile",
    "pyproject.toml",
    "requirements.lock",
)


def copy_project(target: Path) -> Path:
    """The project's sources (not its tools or output) in a fresh folder, with file times kept."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("node_modules", "__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


# The real pages the build tests need whole: the tools a test breaks or places twice are on these.
KEPT_WHOLE = ("workload/hybrid-and-digital.md", "agency/assignment-checklist.md")
_STAND_IN = (
    "This page stands in for a page of the real site, so that a test of the build runs quickly. It keeps "
    "the real page's front matter, so its title, its kind and its place in the navigation are the same."
)


def copy_small_project(target: Path, keep: tuple[str, ...] = KEPT_WHOLE) -> Path:
    """A copy of the project in which every page but `keep` is a short stand-in with the same front matter.

    Every page id, title and link target is still there, so a fault a test adds fails as it would on the
    real site; the build takes half the time. The real site is built whole by the tests that check it.
    """
    project = copy_project(target)
    for page in (project / "docs").rglob("*.md"):
        src = page.relative_to(project / "docs").as_posix()
        if src not in keep and not src.startswith("authors/"):
            page.write_text(_stand_in(page.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def _stand_in(text: str) -> str:
    front_matter = text[: text.index("\n---\n", 4) + 5]
    kind = re.search(r"^kind: *(\S+)", front_matter, re.M)
    # The sections its kind must have, in order; then its sources, if it lists any.
    sections = SECTION_ORDER.get(kind.group(1) if kind else "", ["About this page", "Sources"])[:-1]
    body = "".join(f"## {section}\n\n{_STAND_IN}\n\n" for section in sections)
    sources = "{{ sources_section() }}\n" if re.search(r"^sources:\s*\n  -", front_matter, re.M) else ""
    return f"{front_matter}\n{_STAND_IN}\n\n{body}{sources}"


# "Today" for every build and gate a test runs, so review dates and ignores in fixtures never expire under
# the tests. Move it forward, with the fixtures' dates, when they are reviewed.
TODAY = "2026-11-29"


def project_env(project: Path, **extra: str) -> dict[str, str]:
    # The copy's own code, not the checkout's, must serve its build.
    return {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1", "REVIEW_DATE": TODAY, **extra}


def build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` as `make site` runs it, with output (stdout and stderr) in .stdout."""
    # Never --quiet: it hides warnings from --strict, so a broken link would pass.
    return run_in(project, [str(VENV_BIN / "mkdocs"), "build", "--strict", "-d", str(project / "site")], env=env)


def run_in(
    project: Path, command: list[str], timeout: int = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=project,
        env=project_env(project, **(env or {})),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
    )


# The front matter of a page a test adds to the project: valid, so only the fault a test adds fails.
TEST_FRONT_MATTER = """\
---
title: A test page
description: A page added by a test to check what the build does with bad input.
strand: workload
kind: guide
audience: [team-managers]
last_reviewed: 2026-11-22
review_due: 2027-11-22
sources:
  - {title: A source, publisher: DfE, url: "https://example.org/source"}
---
"""


def add_to_nav(project: Path, page: str) -> None:
    """List a page (path under docs/) in the project's navigation, after the last workload page."""
    config = project / "mkdocs.yml"
    anchor = "      - workload/workload-drivers-audit.md\n"
    config.write_text(config.read_text().replace(anchor, f"{anchor}      - {page}\n"))
