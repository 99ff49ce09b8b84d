"""Theme fixes that Material for MkDocs 9.8's blocks cannot reach: applied to the built pages.

Material builds its drawer, search and sidebar sections from hidden checkboxes (#__drawer, #__search,
#__nav_N, #__toc) and <label for> elements that toggle them. Those labels are not labels of anything a
person can use: several have no text, several point at the same hidden checkbox, and the sidebar's
section toggles are focusable labels with no name and no role. IBM's Equal Access engine fails them
(label_ref_valid, label_content_exists, form_label_unique), and they sit in base.html and nav-item.html
outside any block, so overriding a block cannot change them. Copying those templates would fork
Material; instead this hook changes exactly these elements in the built HTML, after every page and the
print pages are written, and the build stops if Material's markup is not what it expects.

- Each label for a hidden toggle becomes a <div data-app-for="..."> with the same classes and content,
  and app.js makes a click on it toggle the checkbox, as the label did. A sidebar section toggle, which
  Material makes focusable, becomes a <button> named "Pages in <section>" with aria-expanded. The two
  header labels, shown only on narrow screens, stay in the HTML, so the menu opens without JavaScript too;
  app.js puts the buttons "Menu" and "Search" in their place, which a keyboard can reach (Material's script
  looks up the search label, so that one is hidden, not removed), moves focus into the menu or search and
  back, and app.css keeps the closed menu and search out of the tab order.
- Material's stylesheet selects these elements by [for=...]; its copy in the site gets
  :is([for=...],[data-app-for=...]) instead, so they look exactly as before.
- Landmarks get unique names: the sidebar is "Site", the breadcrumbs "Breadcrumb", each sidebar section
  is named by its button, and the phase banner is no longer an unnamed complementary landmark (<aside>).
- Material's inline icons are decorative (the control around each has its own name): aria-hidden.
- The search dialog gets a name (axe aria-dialog-name).

It also makes every page lighter: mkdocs-print-site adds its stylesheets and script to every page, but
only the print pages use them, so other pages lose them; Material's script (about 34 KB gzip, as much
as the rest of a page together) is not loaded with the page but by app.js, when the reader first uses
the page (its address moves to app.js's script tag: site_model/theme.py); and each page's HTML is minified
(comments dropped, runs of white space made one space, except inside pre, textarea, script and style).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from site_model.theme import MATERIAL_SCRIPT_ATTRIBUTE

# Material's icons: 24 by 24 with no role or name of their own. (Attribute order and case vary: the print
# page has been through BeautifulSoup, which writes "viewbox".) An SVG with a role or a name is content.
MATERIAL_ICON = re.compile(
    r'<svg(?=[^>]*\sviewbox="0 0 24 24")(?![^>]*\s(?:role|aria-[a-z]+)=)(?P<attrs>[^>]*)>', re.IGNORECASE
)
# Material's script finds these two by their for= attribute ("header [for=__search]"), so they stay labels.
HEADER_LABEL = re.compile(r'class="md-header__button')
TOGGLE_LABEL = re.compile(
    r'<label(?P<attrs>[^>]*?)\sfor="(?P<target>__[A-Za-z0-9_]+)"(?P<rest>[^>]*)>(?P<body>.*?)</label>', re.DOTALL
)
TAG = re.compile(r"<[^>]+>")
BANNER = re.compile(r'<aside class="md-banner">(?P<body>.*?)</aside>', re.DOTALL)
# Landmarks and the search dialog, found by class (attribute order varies: see MATERIAL_ICON): the class
# that marks the element, and the name it gets where it has none or Material's shared "Navigation".
NAMES = {"md-nav--primary": "Site", "md-path": "Breadcrumb", "print-page-toc-nav": "Contents", "md-search": "Search"}
NAMED_TAG = re.compile(r'<(?:nav|div)\b[^>]*\sclass="(?P<classes>[^"]*)"[^>]*>')
CSS_FOR = re.compile(r"\[for(=[A-Za-z0-9_]+)?\]")
# mkdocs-print-site's assets: needed on its print pages (and the strand print pages made from them) only.
PRINT_SITE_ASSET = re.compile(
    r'\s*<link rel="stylesheet" href="[^"]*css/print-site[^"]*\.css">'
    r'|\s*<script src="[^"]*js/print-site\.js"></script>'
)
PRINT_PAGE_MARK = 'id="print-site-page"'
# Material's script, which app.js loads when the reader first uses the page, and app.js's own tag.
MATERIAL_SCRIPT = re.compile(r'\s*<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
APP_SCRIPT = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/app\.js)"></script>')
# Minifying: these keep their white space as written.
KEEP_AS_WRITTEN = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
COMMENT = re.compile(r"<!--(?!\[if).*?-->", re.DOTALL)


class ThemeFixError(PluginError):
    pass


def _section_titles(page: str) -> dict[str, str]:
    """Sidebar section checkbox id -> the section's title, from Material's title label inside it."""
    titles = {}
    for match in re.finditer(r'<label class="md-nav__title" for="(__nav_[0-9_]+)">(.*?)</label>', page, re.DOTALL):
        titles[match[1]] = " ".join(html.unescape(TAG.sub("", match[2])).split())
    return titles


def _name_toggles(page: str, names: dict[str, str]) -> str:
    """Give each hidden checkbox that lost its labels an aria-label. They are display: none, so nobody
    meets them, but HTML_CodeSniffer checks the name of every input, shown or not (H91, F68)."""

    def named(match: re.Match[str]) -> str:
        tag, target = match[0], match[1]
        if target not in names or "aria-label=" in tag:
            return tag
        end = "/>" if tag.endswith("/>") else ">"  # the print pages, written by BeautifulSoup, close inputs with />
        return tag[: -len(end)].rstrip() + f' aria-label="{html.escape(names[target])}"{end}'

    # Any attribute order: BeautifulSoup writes the print pages' attributes in alphabetical order.
    return re.sub(r'<input\b(?=[^>]*\sclass="[^"]*\bmd-toggle\b)[^>]*?\sid="(__[A-Za-z0-9_]+)"[^>]*>', named, page)


def _named(match: re.Match[str]) -> str:
    """A landmark's or the search dialog's start tag with its name (see NAMES)."""
    tag = match[0]
    names = [NAMES[name] for name in match["classes"].split() if name in NAMES]
    if not names or (tag.startswith("<div") and 'role="dialog"' not in tag):
        return tag
    label = re.search(r'\saria-label="([^"]*)"', tag)
    if label is None:
        return tag[:-1].rstrip() + f' aria-label="{names[0]}">'
    if label[1] == "Navigation":
        return tag.replace(label[0], f' aria-label="{names[0]}"')
    return tag


def _checked(page: str, target: str) -> bool:
    match = re.search(r'<input[^>]*\sid="' + re.escape(target) + r'"[^>]*>', page)
    return bool(match and re.search(r"\schecked\b", match[0]))


def fix_page(page: str, name: str = "page") -> str:
    """The built page with Material's toggle labels, landmarks and icons fixed (see the module's docstring)."""
    titles = _section_titles(page)
    unlabelled: dict[str, str] = {}  # checkbox id -> a name, for those whose every label is converted

    def toggle(match: re.Match[str]) -> str:
        attrs, target, rest, body = match["attrs"], match["target"], match["rest"], match["body"]
        if HEADER_LABEL.search(attrs + rest):
            return match[0]  # app.js puts a button in its place (see the module's docstring)
        text = " ".join(html.unescape(TAG.sub("", body)).split())
        if target in titles:
            unlabelled[target] = f"Pages in {titles[target]}"
        elif text and (target not in unlabelled or "md-nav__title" in attrs + rest):
            unlabelled[target] = text  # the title ("Contents on this page") rather than the page's name
        if 'tabindex="0"' in attrs + rest:
            title = titles.get(target)
            if not title:
                raise ThemeFixError(
                    f"overrides/hooks.py: {name}: no title for Material's section toggle {target}; "
                    "has Material's nav-item.html changed?"
                )
            attrs = (attrs + rest).replace(' tabindex="0"', "")
            expanded = "true" if _checked(page, target) else "false"
            # The toggle is named "Pages in <section>" in hidden text, not aria-label, because the
            # section's <nav aria-labelledby> takes its name from this button and IBM's engine reads
            # the text of the element it points at. A section with an overview page has its link beside
            # an icon-only toggle; a section without one shows its title in the toggle already.
            hidden = (
                '<span class="app-visually-hidden">Pages in </span>'
                if text
                else f'<span class="app-visually-hidden">Pages in {html.escape(title)}</span>'
            )
            return f'<button type="button"{attrs} data-app-for="{target}" aria-expanded="{expanded}">{hidden}{body}</button>'
        return f'<div{attrs}{rest} data-app-for="{target}">{body}</div>'

    page = TOGGLE_LABEL.sub(toggle, page)
    still_labelled = set(re.findall(r'<label[^>]*\sfor="(__[A-Za-z0-9_]+)"', page))
    page = _name_toggles(page, {key: name for key, name in unlabelled.items() if key not in still_labelled})
    page = BANNER.sub(lambda m: f'<div class="md-banner">{m["body"]}</div>', page, count=1)
    page = NAMED_TAG.sub(_named, page)
    return MATERIAL_ICON.sub(lambda m: f'<svg{m["attrs"]} aria-hidden="true" focusable="false">', page)


def lighten_page(page: str, name: str = "page") -> str:
    """The page without print-site's assets (unless it is a print page), with Material's script left
    for app.js to load, and minified."""
    if PRINT_PAGE_MARK not in page:
        page = PRINT_SITE_ASSET.sub("", page)
    return minify(defer_material_script(page, name))


def defer_material_script(page: str, name: str = "page") -> str:
    """The page with Material's script tag gone and its address on app.js's tag, which loads it."""
    material = MATERIAL_SCRIPT.search(page)
    if material is None:
        return page
    app = APP_SCRIPT.search(page)
    if app is None:
        raise ThemeFixError(
            f"overrides/hooks.py: {name}: Material's script is there but app.js, which loads it, is not; "
            "keep app.js in the scripts block of overrides/main.html"
        )
    tag = f'<script src="{app["src"]}" {MATERIAL_SCRIPT_ATTRIBUTE}="{material["src"]}"></script>'
    page = page[: app.start()] + tag + page[app.end() :]
    return MATERIAL_SCRIPT.sub("", page, count=1)


def minify(page: str) -> str:
    """Comments out, and every run of white space one space, outside pre, textarea, script and style.

    One space, not none: between inline elements a space is text ("<a>x</a> <a>y</a>"), and HTML renders
    any run of white space outside those elements as one space anyway."""
    out, last = [], 0
    for match in KEEP_AS_WRITTEN.finditer(page):
        out.append(re.sub(r"\s+", " ", COMMENT.sub("", page[last : match.start()])))
        out.append(match[0])
        last = match.end()
    out.append(re.sub(r"\s+", " ", COMMENT.sub("", page[last:])))
    return "".join(out).strip() + "\n"


def minify_css(css: str) -> str:
    """Our stylesheet without comments and with runs of white space made one space (strings in it have
    no runs of white space that matter)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,>])\s*", r"\1", css).strip() + "\n"


def fix_stylesheet(css: str) -> str:
    """Material's CSS with every [for] and [for=x] selector also matching data-app-for."""
    return CSS_FOR.sub(lambda m: f":is([for{m[1] or ''}],[data-app-for{m[1] or ''}])", css)


def unfixed(page: str) -> list[str]:
    """What is still wrong after fix_page: empty for a page this hook fully fixed."""
    left = []
    for match in TOGGLE_LABEL.finditer(page):
        if not HEADER_LABEL.search(match["attrs"] + match["rest"]):
            left.append(f"a label for the hidden toggle {match['target']}")
    if MATERIAL_ICON.search(page):
        left.append("an icon not hidden from assistive technology")
    if '<aside class="md-banner">' in page:
        left.append("the banner's unnamed <aside>")
    if MATERIAL_SCRIPT.search(page):
        left.append("Material's script, loaded with the page")
    left += [f"{match[0]} with no unique name" for match in NAMED_TAG.finditer(page) if _named(match) != match[0]]
    return left


def fix_site(site: Path) -> int:
    """Fix every built page and Material's stylesheet; return how many pages changed."""
    changed = 0
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(site).as_posix()
        fixed = lighten_page(fix_page(text, name), name)
        left = unfixed(fixed)
        if left:
            raise ThemeFixError(
                f"overrides/hooks.py: {path.relative_to(site)}: could not fix {', '.join(left)}; "
                "has Material's markup changed?"
            )
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            changed += 1
    sheets = sorted((site / "assets" / "stylesheets").glob("main.*.min.css"))
    if changed and not sheets:
        raise ThemeFixError("overrides/hooks.py: Material's assets/stylesheets/main.*.min.css not found")
    ours = site / "assets" / "stylesheets" / "app.css"
    if ours.is_file():
        ours.write_text(minify_css(ours.read_text(encoding="utf-8")), encoding="utf-8")
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        if "[data-app-for" not in css:
            if not CSS_FOR.search(css):
                raise ThemeFixError(f"overrides/hooks.py: {sheet.name} has no [for] selectors; has Material changed?")
            sheet.write_text(fix_stylesheet(css), encoding="utf-8")
    return changed


# The tools' scripts (overrides/assets/javascripts/tools/), in the order they must run: each adds to
# window.appToolKit what the later ones use, and start.js starts the tools.
TOOL_SCRIPTS = ("helpers", "form", "tool", "check", "rows", "summary", "actions", "start")


def join_tool_scripts(site: Path) -> Path | None:
    """Join the tools' scripts into one assets/javascripts/tools.js, the one file a tool page loads.

    Written as small files for people, sent as one: one request, and 4 KB less gzip than eight files.
    """
    parts = site / "assets" / "javascripts" / "tools"
    if not parts.is_dir():
        return None
    found = {path.stem for path in parts.glob("*.js")}
    if found != set(TOOL_SCRIPTS):
        raise ThemeFixError(
            f"overrides/hooks.py: overrides/assets/javascripts/tools/ has {', '.join(sorted(found))}, but TOOL_SCRIPTS "
            f"lists {', '.join(TOOL_SCRIPTS)}. List every script there, in the order they must run."
        )
    joined = site / "assets" / "javascripts" / "tools.js"
    joined.write_text("\n".join((parts / f"{name}.js").read_text(encoding="utf-8") for name in TOOL_SCRIPTS))
    for path in parts.glob("*.js"):
        path.unlink()
    parts.rmdir()
    return joined


def on_post_build(config: Any) -> None:
    # Listed after build_steps/hooks.py in mkdocs.yml, so the print pages it writes are fixed too.
    fix_site(Path(config.site_dir))
    join_tool_scripts(Path(config.site_dir))
