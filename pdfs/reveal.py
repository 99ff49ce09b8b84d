"""Once every PDF has passed: show each page's hidden "also available as a PDF" paragraph, with the size."""

from __future__ import annotations

import html
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from pdfs.pages import Page, PageError

PLACEHOLDER_CLASS = "app-alternative-format"
SIZE_CLASS = "app-alternative-format__size"


def format_size(size: int) -> str:
    """GOV.UK's attachment size: whole KB, or MB to one decimal place from 1 MB (1,024-based, as GOV.UK)."""
    kb = (Decimal(size) / 1024).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if kb < 1024:
        return f"{max(kb, Decimal(1))} KB"
    mb = (Decimal(size) / 1024 / 1024).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{mb} MB"


def offset(text: str, line: int, column: int) -> int:
    """Turn html.parser's (line, column) of a tag into an index in the text."""
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column


START_TAG = re.compile(r"<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?>")
ATTRIBUTE = re.compile(r"\s+([^\s=/>]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def without_hidden(start_tag: str) -> str:
    return ATTRIBUTE.sub(lambda m: "" if m.group(1).lower() == "hidden" else m.group(0), start_tag)


def revealed(page: Page, site: Path, size: str) -> str:
    """The page's file with its PDF paragraph shown and the size in its link, and nothing else changed.

    BeautifulSoup finds the paragraph; the file is edited at the positions it reports, because writing
    BeautifulSoup's own serialisation back would reformat the whole page.
    """
    path = site / page.html
    with path.open(encoding="utf-8", newline="") as f:  # newline="": keep the file's own line endings
        text = f.read()
    soup = BeautifulSoup(text, "html.parser")
    para = soup.find("p", class_=PLACEHOLDER_CLASS, attrs={"data-app-pdf": page.pdf})
    if not isinstance(para, Tag):
        raise PageError(
            page, f'no <p class="{PLACEHOLDER_CLASS}" data-app-pdf="{page.pdf}"> on the page to show the PDF'
        )
    link = para.find("a", href=True)
    span = para.find("span", class_=SIZE_CLASS)
    if not isinstance(link, Tag) or not isinstance(span, Tag):
        raise PageError(page, f"the {PLACEHOLDER_CLASS} paragraph has no link or no {SIZE_CLASS} span")
    if (path.parent / str(link["href"])).resolve() != (site / page.pdf).resolve():
        raise PageError(page, f"the PDF link {link['href']!r} does not lead to {page.pdf}")

    para_at = offset(text, para.sourceline or 0, para.sourcepos or 0)
    para_tag = START_TAG.match(text, para_at)
    span_at = offset(text, span.sourceline or 0, span.sourcepos or 0)
    span_tag = START_TAG.match(text, span_at)
    span_end = text.lower().find("</span>", span_tag.end()) if span_tag else -1
    if para_tag is None or span_tag is None or span_end < 0:
        raise PageError(page, f"could not find the {PLACEHOLDER_CLASS} paragraph's tags in the file")
    # Edit from the end backwards so the earlier positions still hold.
    text = text[: span_tag.end()] + html.escape(f", {size}", quote=False) + text[span_end:]
    return text[:para_at] + without_hidden(para_tag.group(0)) + text[para_tag.end() :]


def reveal_all(pages: list[Page], site: Path) -> None:
    """Every page's edit is worked out before any is written, so a failure leaves no page half done."""
    edits = {site / page.html: revealed(page, site, format_size((site / page.pdf).stat().st_size)) for page in pages}
    for path, text in edits.items():
        with path.open("w", encoding="utf-8", newline="") as f:
            f.write(text)
