"""Reading grade per page (Flesch-Kincaid, textstat 0.7.8, which works offline) and long sentences, for authors.

Only running prose counts: headings, tables, code, lists of links (related pages, sources), the numbered
notes and their "[note 1]" markers are left out, since they are not sentences and would skew the grade.
"""

from __future__ import annotations

import re

import textstat
from bs4 import BeautifulSoup, Tag

PROSE = ("p", "li", "dd")
NOT_PROSE = ("table", "pre", "code", "h1", "h2", "h3", "h4", "h5", "h6", "caption")
LONG_SENTENCE_WORDS = 30  # GOV.UK's guide is 25 words; past 30, a sentence is listed for its author
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9\"'(])")


def prose_of(soup: BeautifulSoup) -> str:
    """The page's sentences, one paragraph or list item after another."""
    return " ".join(prose_parts(soup))


def prose_parts(soup: BeautifulSoup) -> list[str]:
    """Each paragraph or list item's text, ending in a full stop."""
    sentences = []
    for element in soup.find_all(PROSE):
        if (
            element.find_parent(NOT_PROSE)
            or element.find(PROSE)
            or _starts_with_link(element)
            or element.find_parent(class_="footnote")
        ):
            continue
        text = " ".join(_text_without_note_markers(element).split())
        if text:
            sentences.append(text if text[-1] in ".?!:" else text + ".")
    return sentences


def _text_without_note_markers(element: Tag) -> str:
    return " ".join(text for text in element.find_all(string=True) if not text.find_parent("sup"))


def _starts_with_link(element) -> bool:
    first = next((child for child in element.children if str(child).strip()), None)
    return getattr(first, "name", None) == "a"


def grade(text: str) -> float:
    return round(textstat.flesch_kincaid_grade(text), 1) if text.strip() else 0.0


def long_sentences(parts: list[str], limit: int = LONG_SENTENCE_WORDS) -> list[str]:
    """Sentences of more than `limit` words, as written. A list item is a sentence of its own."""
    return [sentence for part in parts for sentence in _SENTENCE_END.split(part) if len(sentence.split()) > limit]
