"""Finish the print page that mkdocs-print-site writes.

Content marked `.print-site-plugin-ignore` (links to the author guide, which is left off the print
page, and the link to the print page itself) is only hidden there by CSS, so its links still point
at anchors that do not exist. We remove it, so screen readers and link checks never meet it.

print-site also prefixes the id and name of every <input>, and the target of every <label>, with the page's id
(for Material's content tabs), but not the ids of text areas, which then lose their labels. A tool's ids are
unique across the site already (tool-<tool id>--...), so its controls get their own ids back.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

IGNORED = ".print-site-plugin-ignore"


def remove_ignored_content(print_page: Path) -> int:
    """Remove every element print-site is told to ignore, and mend note links; return how many were removed."""
    if not print_page.exists():
        return 0
    soup = BeautifulSoup(print_page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("#print-site-page") or soup
    removed = article.select(IGNORED)
    for element in removed:
        element.decompose()
    mended = prefix_note_markers(article) + restore_tool_controls(article)
    if removed or mended:
        print_page.write_text(str(soup), encoding="utf-8")
    return len(removed)


def prefix_note_markers(article: Tag | BeautifulSoup) -> int:
    """Give each "[note N]" marker the page prefix print-site gave its note, so "Back to text" finds it.

    print-site prefixes the ids of a page's notes with the page's id, and rewrites links to them, but
    leaves the ids of the markers in the text as they were: each note's link back would point nowhere.
    """
    mended = 0
    for section in article.select("section.print-page[id]"):
        prefix = section["id"] + "-"
        for marker in section.select("sup[id^='fnref']"):
            link = marker.find("a", href=True)
            if link and link["href"].startswith("#" + prefix):
                marker["id"] = prefix + marker["id"]
                mended += 1
    return mended


def restore_tool_controls(article: Tag | BeautifulSoup) -> int:
    """Undo print-site's prefix on the ids, names and label targets inside tools; return how many were mended."""
    mended = 0
    for section in article.select("section.print-page[id]"):
        prefix = section["id"] + "-tool-"
        for control in section.select(".app-tool [id], .app-tool [name], .app-tool label[for]"):
            for attribute in ("id", "name", "for"):
                value = control.get(attribute)
                if isinstance(value, str) and value.startswith(prefix):
                    control[attribute] = value[len(section["id"]) + 1 :]
                    mended += 1
    return mended


def _page_for_anchor(anchor: str, page_html: dict[str, str]) -> str | None:
    """The web page an anchor on the print page belongs to: print-site prefixes ids with the page id."""
    matches = [key for key in page_html if anchor == key or anchor.startswith(key + "-")]
    if not matches:
        return None
    key = max(matches, key=len)
    heading = anchor[len(key) + 1 :]
    return page_html[key] + (f"#{heading}" if heading else "")


def write_strand_print_page(print_page: Path, strand: str, label: str, page_html: dict[str, str]) -> Path | None:
    """print-<strand>.html: the print page with only this strand's section, for printing one strand.

    `page_html` maps print-site's section ids (page id with "/" as "-") to each page's HTML path.
    Links to pages of other strands become links to their web pages, so none points nowhere.
    """
    soup = BeautifulSoup(print_page.read_text(encoding="utf-8"), "html.parser")
    root = soup.select_one("#print-site-page")
    if root is None or root.select_one(f"section#{strand}-index") is None:
        return None
    for section in root.find_all("section", recursive=False):
        if section.get("id") and not section.select_one(f"section#{strand}-index"):
            section.decompose()  # other strands and pages; the contents list (no id) stays and rebuilds itself
    kept = {element["id"] for element in soup.find_all(id=True)}
    for link in soup.select('a[href^="#"]'):
        if link.decomposed:  # inside a contents entry removed just before
            continue
        anchor = link["href"][1:]
        if not anchor or anchor in kept:
            continue
        entry = link.find_parent("li")
        if entry is not None and link.find_parent(class_="md-nav--secondary") is not None:
            entry.decompose()  # the sidebar's contents list: keep only this strand's entries
        elif target := _page_for_anchor(anchor, page_html):
            link["href"] = target
    title = f"{label}, for printing"
    if soup.title:
        soup.title.string = soup.title.string.replace(soup.title.string.split(" - ")[0], title, 1)
    target = print_page.with_name(f"print-{strand}.html")
    target.write_text(str(soup), encoding="utf-8")
    return target
