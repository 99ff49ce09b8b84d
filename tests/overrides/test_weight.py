"""Lighter pages: print-site's assets on print pages only, minified HTML, no script blocking rendering, and
the rules of Material's stylesheets that no page uses removed (overrides/.build/purge-css.js) without
changing how any page looks or works."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.overrides.test_reading import browser
from tests.support import NODE, REPO, THEME_MODULES, build, copy_project, needs_browser

PURGE = REPO / "overrides" / ".build" / "purge-css.js"
# Slow: Chromium takes screenshots of every template before and after purging. make test runs it; make check,
# for authors, leaves it out, since it checks the theme, not a page an author changed.
pytestmark = [pytest.mark.slow, needs_browser]  # Node runs PurgeCSS, and Chromium compares the pages

# A resource, a tool, a section overview, the home page, the 404 page and a strand's print view.
PAGES = [
    "retention/standard-5-supervision.html",
    "retention/self-assessment.html",
    "agency/index.html",
    "index.html",
    "404.html",
    "print-workload.html",
]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The real site as MkDocs builds it, and the same after purge-css.js, as make site leaves it."""
    project = copy_project(tmp_path_factory.mktemp("weight") / "project")
    assert build(project).returncode == 0
    unpurged = project / "site-unpurged"
    shutil.copytree(project / "site", unpurged)
    done = subprocess.run(
        [str(NODE), str(PURGE), str(project / "site"), str(THEME_MODULES)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return unpurged, project / "site"


def test_purging_removes_most_of_materials_stylesheet(sites):
    unpurged, purged = sites
    for name in ("main", "palette"):
        before = next((unpurged / "assets" / "stylesheets").glob(f"{name}.*.min.css"))
        after = purged / "assets" / "stylesheets" / before.name
        assert after.stat().st_size < before.stat().st_size / 2, name
        assert not after.with_name(after.name + ".map").exists(), "a source map that no longer matches is removed"
    assert (purged / "assets" / "stylesheets" / "app.css").read_bytes() == (
        unpurged / "assets" / "stylesheets" / "app.css"
    ).read_bytes(), "our own stylesheet is not purged"


def test_every_page_looks_exactly_the_same_after_purging(sites):
    unpurged, purged = sites
    before = browser("screens", *(str(unpurged / page) for page in PAGES))
    after = browser("screens", *(str(purged / page) for page in PAGES))
    changed = [
        key.replace(str(purged) + "/", "")
        for key in after
        if after[key] != before[key.replace(str(purged), str(unpurged))]
    ]
    assert not changed, f"pixels differ after purging: {changed}"


def test_search_works_and_looks_the_same_after_purging(sites):
    unpurged, purged = sites
    before = browser("search-style", str(unpurged / "index.html"), "supervision")
    after = browser("search-style", str(purged / "index.html"), "supervision")
    assert after["results"] > 0
    assert after == before


def test_the_table_of_contents_works_after_purging(sites):
    unpurged, purged = sites
    page = "retention/self-assessment.html"
    after = browser("toc", str(purged / page))
    assert after["links"] > 3 and after["hash"] == after["target"] and after["active"] == [after["target"]]
    assert 0 <= after["headingTop"] < 200, "the heading is scrolled into view, below the sticky header"
    assert after["activeColor"] != after["plainColor"], "the section in view is marked"
    assert after == browser("toc", str(unpurged / page))


def test_sidebar_sections_search_and_drawer_still_toggle_after_purging(sites):
    _, purged = sites
    state = browser("toggles", str(purged / "retention" / "standard-5-supervision.html"))
    assert state["sectionAfterClick"]["shown"] is False and state["sectionAfterSpace"]["shown"] is True
    assert state["searchOpened"] and not state["searchAfterOverlay"]
    assert state["drawerOpened"] and not state["drawerAfterOverlay"]


def test_no_page_has_a_script_that_blocks_rendering(sites):
    _, purged = sites
    for page in purged.rglob("*.html"):
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        blocking = [
            tag for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", head) if not re.search(r"\b(defer|async)\b", tag)
        ]
        assert not blocking, f"{page}: {blocking}"


def test_print_site_assets_load_on_print_pages_only(sites):
    _, purged = sites
    for page in purged.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        loads = bool(re.search(r'href="[^"]*css/print-site|src="[^"]*js/print-site', text))
        assert loads == ('id="print-site-page"' in text), page


def test_html_is_minified_but_preformatted_text_is_kept(sites):
    _, purged = sites
    text = (purged / "retention" / "standard-5-supervision.html").read_text(encoding="utf-8")
    outside = re.sub(r"<(pre|textarea|script|style)\b.*?</\1>", "X", text, flags=re.S)
    assert "\n" not in outside.strip() and "  " not in outside
    assert "<!--" not in text
