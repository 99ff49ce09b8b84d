"""Finish the print page that mkdocs-print-site writes.

Content marked `.print-site-plugin-ignore` (links to the author guide, which is left off the print
page, and the link to the print page itself) is only hidden there by CSS, so its links still point
at anchors that do not exist. We remove it, so screen readers and link checks never meet it.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

IGNORED = ".print-site-plugin-ignore"


def remove_ignored_content(print_page: Path) -> int:
    """Remove every element print-site is told to ignore, and give renamed links their targets back;
    return how many elements were removed."""
    if not print_page.exists():
        return 0
    soup = BeautifulSoup(print_page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("#print-site-page") or soup
    removed = article.select(IGNORED)
    for element in removed:
        element.decompose()
    renamed = restore_link_targets(soup)
    if removed or renamed:
        print_page.write_text(str(soup), encoding="utf-8")
    return len(removed)


def restore_link_targets(soup: BeautifulSoup) -> int:
    """Rename ids that print-site's prefixing missed, so the links it did prefix reach them.

    print-site prefixes each page's links ("#x" becomes "#<page>-x") and, with a regular expression, the
    ids of some tags. That expression misses a tag that follows another on the same line, such as a
    note's <sup id="fnref:..."> right after the statistic's <span>: its back-link then points nowhere.
    Returns how many ids were renamed.
    """
    ids = {element["id"] for element in soup.find_all(id=True)}
    renamed = 0
    for section in soup.select("section.print-page[id]"):
        prefix = section["id"] + "-"
        for link in section.select('a[href^="#' + prefix + '"]'):
            anchor = link["href"][1:]
            if anchor in ids:
                continue
            target = section.find(id=anchor[len(prefix):])
            if target is not None:
                target["id"] = anchor
                ids.add(anchor)
                renamed += 1
    return renamed


def _page_for_anchor(anchor: str, page_html: dict[str, str]) -> str | None:
    """The web page an anchor on the print page belongs to: print-site prefixes ids with the page id."""
    matches = [key for key in page_html if anchor == key or anchor.startswith(key + "-")]
    if not matches:
        return None
    key = max(matches, key=len)
    heading = anchor[len(key) + 1:]
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
