"""Reading grade per page (Flesch-Kincaid, textstat 0.7.8, which works offline), for the build report.

Only running prose counts: headings, tables, code and lists of links (related pages, sources)
are left out, since they are not sentences and would skew the grade.
"""

from __future__ import annotations

import textstat
from bs4 import BeautifulSoup

PROSE = ("p", "li", "dd")
NOT_PROSE = ("table", "pre", "code", "h1", "h2", "h3", "h4", "h5", "h6", "caption")


def prose_of(soup: BeautifulSoup) -> str:
    """The page's sentences, one per paragraph or list item, each ending in a full stop."""
    sentences = []
    for element in soup.find_all(PROSE):
        if element.find_parent(NOT_PROSE) or element.find(PROSE) or _starts_with_link(element):
            continue
        text = " ".join(element.get_text(" ", strip=True).split())
        if text:
            sentences.append(text if text[-1] in ".?!:" else text + ".")
    return " ".join(sentences)


def _starts_with_link(element) -> bool:
    first = next((child for child in element.children if str(child).strip()), None)
    return getattr(first, "name", None) == "a"


def grade(text: str) -> float:
    return round(textstat.flesch_kincaid_grade(text), 1) if text.strip() else 0.0
