"""The fallback if MkDocs 1.6 stops being maintained: ProperDocs, its drop-in fork, builds the same site.

decisions/0001-material-end-of-maintenance.md says why this test exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import VENV_BIN, build, copy_project, run_in

pytestmark = pytest.mark.slow


def html_pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def test_properdocs_builds_the_same_pages_with_the_same_hooks_and_macros(tmp_path):
    project = copy_project(tmp_path / "project")
    with_mkdocs = build(project)
    assert with_mkdocs.returncode == 0, with_mkdocs.stdout
    mkdocs_site = tmp_path / "mkdocs-site"
    (project / "site").rename(mkdocs_site)

    result = run_in(project, [str(VENV_BIN / "properdocs"), "build", "--strict", "-d", str(project / "site")])
    assert result.returncode == 0, result.stdout
    properdocs_site = project / "site"
    assert html_pages(properdocs_site) == html_pages(mkdocs_site)
    for page in ("retention/standard-5-supervision.html", "agency/price-caps.html", "print_page.html"):
        assert without_generator(properdocs_site / page) == without_generator(mkdocs_site / page), page


def without_generator(page: Path) -> str:
    """The page as built, less the one line that names the generator and its version."""
    return re.sub(r'<meta[^>]*name="generator"[^>]*>', "", page.read_text(encoding="utf-8"))
