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
    """Remove every element print-site is told to ignore; return how many were removed."""
    if not print_page.exists():
        return 0
    soup = BeautifulSoup(print_page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("#print-site-page") or soup
    removed = article.select(IGNORED)
    for element in removed:
        element.decompose()
    if removed:
        print_page.write_text(str(soup), encoding="utf-8")
    return len(removed)
