"""overrides/hooks.py: Material's toggle labels, landmark names and icons, fixed in the built pages."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest

from overrides import hooks
from tests.overrides.test_reading import browser, site  # noqa: F401 - the built site, shared with those tests
from tests.support import needs_browser

# The Material installed in the environment that runs the tests (as make install set it up).
MATERIAL_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))


class Landmarks(HTMLParser):
    """Every <nav>'s name, every label's for=, every <svg>'s attributes and every <aside>."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.navs: list[dict[str, str | None]] = []
        self.labels: list[dict[str, str | None]] = []
        self.svgs: list[dict[str, str | None]] = []
        self.asides = 0
        self._text_of: list[list[str]] = []
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "nav":
            self.navs.append(attributes)
        elif tag == "label":
            self.labels.append(attributes)
        elif tag == "svg":
            self.svgs.append(attributes)
        elif tag == "aside":
            self.asides += 1
        if attributes.get("id") and tag not in ("input", "br", "img"):
            self._open.append((tag, attributes["id"]))
            self._text_of.append([])

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            _, element_id = self._open.pop()
            self.ids[element_id] = " ".join("".join(self._text_of.pop()).split())

    def handle_data(self, data: str) -> None:
        for text in self._text_of:
            text.append(data)

    def nav_names(self) -> list[str]:
        return [str(nav.get("aria-label") or self.ids.get(str(nav.get("aria-labelledby")), "")) for nav in self.navs]


def parse(path: Path) -> Landmarks:
    parser = Landmarks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_built_page_is_fixed(site):  # noqa: F811
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert hooks.unfixed(text) == [], page
        found = parse(page)
        # Only Material's two header labels stay (the menu opens without JavaScript; app.js puts buttons in their place).
        toggles = {label.get("for") for label in found.labels if str(label.get("for", "")).startswith("__")}
        assert toggles <= {"__drawer", "__search"}, page
        icons = [svg for svg in found.svgs if svg.get("viewbox") == "0 0 24 24"]  # Material's (charts are content)
        assert all(svg.get("aria-hidden") == "true" or svg.get("role") for svg in icons), page
        assert found.asides == 0, page
        names = found.nav_names()
        assert all(names), f"{page}: a navigation landmark with no name: {names}"
        repeated = [name for name, count in Counter(names).items() if count > 1 and name != "Contents on this page"]
        assert not repeated, f"{page}: navigation landmarks share a name: {repeated}"


def test_sidebar_sections_are_buttons_named_after_their_section(site):  # noqa: F811
    text = (site / "retention" / "standard-5-supervision.html").read_text(encoding="utf-8")
    button = re.search(
        r'<button type="button" class="md-nav__link[^"]*" id="__nav_2_label" data-app-for="__nav_2" '
        r'aria-expanded="true"><span class="app-visually-hidden">Pages in Retaining social workers</span>',
        text,
    )
    assert button, "the open section's toggle is a button with its state and name"
    assert 'aria-label="Pages in Retaining social workers"' in text, (
        "its hidden checkbox has a name for HTML_CodeSniffer"
    )


def test_the_copied_stylesheet_matches_converted_elements_too(site):  # noqa: F811
    css = next((site / "assets" / "stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert not re.search(r"(?<!:is\()\[for(=[A-Za-z0-9_]+)?\](?!,\[data-app-for)", css), (
        "every [for] selector is doubled"
    )
    assert ".md-search__icon:is([for=__search],[data-app-for=__search])" in css


def test_material_still_has_the_markup_and_selectors_the_hook_changes():
    # Drift: if a Material upgrade renames these, the build would stop (ThemeFixError); this says why early.
    css = MATERIAL_CSS.read_text(encoding="utf-8")
    for selector in (
        ".md-search__icon[for=__search]",
        ".md-nav__link[for]",
        ".md-nav--primary .md-nav__title[for=__drawer]",
    ):
        assert selector in css, selector
    templates = MATERIAL_CSS.parents[2]
    base = (templates / "base.html").read_text(encoding="utf-8")
    assert '<label class="md-overlay" for="__drawer"></label>' in base
    assert '<aside class="md-banner">' in base
    assert '<div class="md-search" data-md-component="search" role="dialog">' in (
        templates / "partials" / "search.html"
    ).read_text(encoding="utf-8")


def test_a_changed_material_stops_the_build_rather_than_half_fixing_it():
    # A focusable section toggle whose section has no title label: Material's nav-item.html changed.
    page = '<label class="md-nav__link" for="__nav_9" id="__nav_9_label" tabindex="0"><span class="md-nav__icon md-icon"></span></label>'
    with pytest.raises(hooks.ThemeFixError, match="__nav_9"):
        hooks.fix_page(page)


def test_fixing_is_idempotent(site):  # noqa: F811
    page = site / "index.html"
    text = page.read_text(encoding="utf-8")
    assert hooks.fix_page(text) == text


@needs_browser
def test_section_toggles_search_and_drawer_still_work_in_a_browser(site):  # noqa: F811
    state = browser("toggles", str(site / "retention" / "standard-5-supervision.html"))
    assert state["sectionBefore"] == {"checked": True, "expanded": "true", "navExpanded": "true", "shown": True}
    closed = {"checked": False, "expanded": "false", "navExpanded": "false", "shown": False}
    assert state["sectionAfterClick"] == closed, "a click closes the open section"
    assert state["sectionAfterSpace"]["shown"] and state["sectionAfterSpace"]["expanded"] == "true", "Space opens it"
    assert state["sectionAfterEnter"] == closed, "Enter closes it"
    assert state["searchOpened"] and not state["searchAfterOverlay"], "a click beside the search dialog closes it"
    assert state["drawerOpened"] and not state["drawerAfterOverlay"], "a click beside the drawer closes it"


def test_the_tools_scripts_are_joined_in_order_and_a_script_not_listed_stops_the_build(tmp_path):
    parts = tmp_path / "assets" / "javascripts" / "tools"
    parts.mkdir(parents=True)
    for name in hooks.TOOL_SCRIPTS:
        (parts / f"{name}.js").write_text(f"/* {name} */", encoding="utf-8")
    joined = hooks.join_tool_scripts(tmp_path)
    assert joined is not None and joined.read_text(encoding="utf-8") == "\n".join(
        f"/* {name} */" for name in hooks.TOOL_SCRIPTS
    )
    assert not parts.exists()  # the parts are not published: the joined file is the one a page loads
    parts.mkdir()
    for name in (*hooks.TOOL_SCRIPTS, "extra"):
        (parts / f"{name}.js").write_text("", encoding="utf-8")
    with pytest.raises(hooks.ThemeFixError, match="tools/ has .*extra.*List every script there, in the order"):
        hooks.join_tool_scripts(tmp_path)


@needs_browser
@pytest.mark.parametrize("width", [320, 1280])
def test_a_keyboard_reaches_only_what_is_on_screen_and_opens_and_closes_the_menu_and_search(site, width):  # noqa: F811
    state = browser("keyboard", str(width), str(site / "retention" / "standard-5-supervision.html"))
    hidden = [stop for stop in state["stops"] if not stop["onScreen"]]
    assert hidden == [], "Tab landed on something nobody can see"
    if width == 1280:
        return  # the sidebar and search are part of the page; the header's buttons are not shown
    assert [stop["name"] for stop in state["stops"][2:4]] == ["Menu", "Search"]
    menu, search = state["menu"], state["search"]
    assert menu["opened"]["drawer"] and menu["opened"]["onScreen"] and menu["expanded"] == "true"
    assert menu["closed"] == {"tag": "button", "name": "Menu", "onScreen": True, "drawer": False, "search": False}
    assert search["opened"]["search"] and search["opened"]["tag"] == "input" and search["opened"]["onScreen"]
    assert search["closed"] == {"tag": "button", "name": "Search", "onScreen": True, "drawer": False, "search": False}


def test_hidden_checkboxes_are_named_in_any_attribute_order_and_the_header_labels_stay():
    # As BeautifulSoup writes the print pages: attributes in alphabetical order, inputs closed with "/>".
    page = (
        '<input autocomplete="off" class="md-toggle" data-md-toggle="drawer" id="__drawer" type="checkbox"/>'
        '<header><label class="md-header__button md-icon" for="__drawer"><svg viewBox="0 0 24 24"></svg></label></header>'
        '<label class="md-nav__title" for="__drawer">Social work workforce resources</label>'
        '<input class="md-nav__toggle md-toggle" id="__nav_2" type="checkbox"/>'
        '<label class="md-nav__link" for="__nav_2">Agency</label>'
    )
    fixed = hooks.fix_page(page)
    assert '<label class="md-header__button md-icon" for="__drawer">' in fixed  # works without JavaScript
    assert 'id="__nav_2" type="checkbox" aria-label="Agency"/>' in fixed
    assert hooks.unfixed(fixed) == [] and hooks.fix_page(fixed) == fixed


MATERIAL_TAG = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
APP_TAG = '<script src="../assets/javascripts/app.js"></script>'


def test_materials_script_tag_gives_its_address_to_app_js_which_loads_it():
    page = f"<body>{MATERIAL_TAG} {APP_TAG}</body>"
    assert hooks.defer_material_script(page) == (
        '<body> <script src="../assets/javascripts/app.js" '
        'data-app-material="../assets/javascripts/bundle.a5f9d56c.min.js"></script></body>'
    )
    assert hooks.unfixed(page) == ["Material's script, loaded with the page"]
    with pytest.raises(hooks.ThemeFixError, match="agency/index.html: Material's script is there but app.js"):
        hooks.defer_material_script(f"<body>{MATERIAL_TAG}</body>", "agency/index.html")


@needs_browser
@pytest.mark.parametrize("width", [320, 1280])
def test_materials_script_loads_on_the_first_scroll_and_wraps_and_labels_tables(site, width):  # noqa: F811
    state = browser("first-use", str(width), str(site / "retention" / "self-assessment.html"), "scroll")
    before, after = state["before"], state["after"]
    late = [name for name in before["requested"] if name.startswith(("bundle.", "search_index"))]
    assert late == [] and before["ready"] is None and before["wrapped"] == 0, "Material's script loaded with the page"
    assert after["ready"] == "ready" and after["wrapped"] == after["tables"] == 2
    assert after["labelled"] == after["overflowing"], "a table that scrolls sideways is a named, focusable region"
    if width == 320:
        assert after["overflowing"] > 0  # so the line above has something to check


@needs_browser
def test_a_testing_tools_scrolling_and_focus_checks_do_not_start_materials_script(site):  # noqa: F811
    # The gate tests each page as opened: its focus check must not change the page under the other engines.
    state = browser("first-use", "1280", str(site / "retention" / "standard-5-supervision.html"), "tool")
    after = state["after"]
    assert after["ready"] is None and not [name for name in after["requested"] if name.startswith("bundle.")]


@needs_browser
def test_the_first_press_of_the_search_key_opens_search_and_finds_pages(site):  # noqa: F811
    state = browser("first-use", "1280", str(site / "retention" / "standard-5-supervision.html"), "search", "agency")
    after = state["after"]
    assert after["ready"] == "ready" and after["search"] and "md-search__input" in after["focused"]
    assert after["results"] > 0


@needs_browser
def test_starting_materials_script_late_runs_no_other_page_start_twice(site):  # noqa: F811
    # Material starts on DOMContentLoaded; so does mkdocs-print-site, which copies the contents into the print page.
    state = browser("first-use", "1280", str(site / "print-agency.html"), "scroll")
    assert state["after"]["ready"] == "ready"
    assert state["before"]["printContents"] == state["after"]["printContents"] > 0


@needs_browser
@pytest.mark.parametrize("width", [320, 1280])
def test_axe_and_ibms_engine_find_nothing_once_materials_script_has_started(site, width):  # noqa: F811
    # The gate tests each page as opened; this tests one page of each template after the reader's first scroll.
    pages = [
        "index.html",
        "agency/index.html",
        "retention/standard-5-supervision.html",
        "retention/self-assessment.html",
    ]
    found = browser("audit-after-use", str(width), *(str(site / page) for page in pages))
    assert len(found) == len(pages)
    assert {page: issues for page, issues in found.items() if issues["axe"] or issues["ibm"]} == {}
