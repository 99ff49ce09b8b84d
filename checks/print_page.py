"""Finish the print page that mkdocs-print-site writes.

Content marked `.print-site-plugin-ignore` (links to the author guide, which is left off the print
page, and the link to the print page itself) is only hidden there by CSS, so its links still point
at anchors that do not exist. We remove it, so screen readers and link checks never meet it.

print-site gives the ids of headings, list items and <sup> elements their page's prefix, and every
link to them too, so ids stay unique on the print page. Its pattern misses a <sup> that follows
another tag on the same line, such as a figure's note link after its <span>: each note's "Back to
text" link then pointed nowhere. We give those note links the prefix their back links expect.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

IGNORED = ".print-site-plugin-ignore"


def remove_ignored_content(print_page: Path) -> int:
    """Remove every element print-site is told to ignore, and link each note back to where it is cited.

    Returns how many elements were removed or changed.
    """
    if not print_page.exists():
        return 0
    soup = BeautifulSoup(print_page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("#print-site-page") or soup
    removed = article.select(IGNORED)
    for element in removed:
        element.decompose()
    changed = len(removed) + link_notes_back(article)
    if changed:
        print_page.write_text(str(soup), encoding="utf-8")
    return changed


def link_notes_back(article: Tag) -> int:
    """Prefix the id of each note link print-site left unprefixed, where a back link expects the prefix."""
    targets = {link["href"][1:] for link in article.select('a[href^="#"]')}
    ids = {element["id"] for element in article.find_all(id=True)}
    fixed = 0
    for reference in article.select("sup[id]"):
        page = reference.find_parent("section", class_="print-page", id=True)
        if page is None:
            continue
        prefixed = f"{page['id']}-{reference['id']}"
        if prefixed in targets and prefixed not in ids:
            reference["id"] = prefixed
            ids.add(prefixed)
            fixed += 1
    return fixed


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
