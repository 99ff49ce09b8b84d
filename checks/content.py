"""Checks of a page's rendered content: safe HTML, heading structure and the section order of its kind.

Each check returns problems as text; the hook raises them together, naming the file and line.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePosixPath

from bs4 import BeautifulSoup, Tag

from site_model.vocabulary import ENDS_WITH_SOURCES, OPTIONAL_BEFORE_SOURCES, SECTION_ORDER

LAST_SECTION = dict.fromkeys(ENDS_WITH_SOURCES, "Sources")
FORBIDDEN_ELEMENTS = {
    "script": "raw <script> is not allowed in content: scripts belong in overrides/, and GOV.UK rejects them",
    "iframe": "an <iframe> is not allowed: embedded pages are inaccessible on paper and GOV.UK rejects them",
    "object": "an <object> is not allowed in content",
    "embed": "an <embed> is not allowed in content",
    "style": "a <style> block is not allowed in content: styles belong in overrides/",
    "form": "a <form> is not allowed in content",
}
MIN_WORDS = 30
# What docs/ may hold: pages and the images they show. Anything else (scripts, HTML, office files)
# would be published without any of the checks pages get.
ALLOWED_SUFFIXES = {".md", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
IMAGE_SUFFIXES = ALLOWED_SUFFIXES - {".md"}


def source_line(source: str, needle: str) -> int | None:
    """The first line of the Markdown source containing `needle` (case-insensitive), for messages."""
    lowered = needle.lower()
    for number, line in enumerate(source.splitlines(), start=1):
        if lowered in line.lower():
            return number
    return None


def _at(where: str, line: int | None) -> str:
    return f"{where}:{line}" if line else where


def unsafe_html(soup: BeautifulSoup, source: str, where: str) -> list[str]:
    problems = []
    for name, reason in FORBIDDEN_ELEMENTS.items():
        for _ in soup.find_all(name):
            problems.append(f"{_at(where, source_line(source, '<' + name))}: {reason}.")
    for element in soup.find_all(True):
        for attribute in element.attrs:
            if attribute.lower().startswith("on"):
                line = source_line(source, attribute + "=")
                problems.append(
                    f"{_at(where, line)}: the '{attribute}' attribute on <{element.name}> runs JavaScript, "
                    "which is not allowed in content."
                )
    for image in soup.find_all("img"):
        if image.get("alt") is None:
            line = source_line(source, str(image.get("src", "")).rsplit("/", 1)[-1] or "![")
            problems.append(
                f"{_at(where, line)}: an image has no alt text. Write ![what the image shows](file.png), "
                "or ![](file.png) only if the image is decoration."
            )
    return problems


def _heading_text(heading: Tag) -> str:
    return heading.get_text(" ", strip=True).rstrip("¶").strip()


def heading_structure(soup: BeautifulSoup, source: str, where: str) -> list[str]:
    problems = []
    headings = soup.find_all(re.compile(r"^h[1-6]$"))
    for heading in headings[1:]:  # the first is the title, added from the front matter
        if heading.name == "h1":
            line = source_line(source, "# " + _heading_text(heading))
            problems.append(
                f"{_at(where, line)}: the page has a second top-level heading '{_heading_text(heading)}'. "
                "The title in the front matter is the page's only H1: start sections at '##'."
            )
    previous = 1
    for heading in headings:
        level = int(heading.name[1])
        if level > previous + 1:
            line = source_line(source, _heading_text(heading))
            problems.append(
                f"{_at(where, line)}: heading '{_heading_text(heading)}' is level {level} after level {previous}. "
                f"Do not skip heading levels: use level {previous + 1} here."
            )
        previous = level
    return problems


def section_order(soup: BeautifulSoup, kind: str, where: str) -> list[str]:
    sections = [_heading_text(h) for h in soup.find_all("h2")]
    if kind in SECTION_ORDER:
        expected = SECTION_ORDER[kind]
        optional = [section for section in OPTIONAL_BEFORE_SOURCES if section in sections]
        expected = expected[:-1] + optional + expected[-1:]
        if sections != expected:
            missing = [s for s in expected if s not in sections]
            extra = [s for s in sections if s not in expected]
            detail = []
            if missing:
                detail.append("missing: " + "; ".join(missing))
            if extra:
                detail.append("not expected: " + "; ".join(extra))
            if not detail:
                detail.append("the sections are out of order")
            return [
                f"{where}: a '{kind}' page has these '##' sections in this order: {' / '.join(expected)}. "
                f"This page's sections differ ({', '.join(detail)})."
            ]
    elif kind in LAST_SECTION and (not sections or sections[-1] != LAST_SECTION[kind]):
        return [
            f"{where}: a '{kind}' page ends with its Sources: put {{{{ sources_section() }}}} on the page's last line."
        ]
    return []


def too_short(soup: BeautifulSoup, where: str) -> list[str]:
    words = len(soup.get_text(" ", strip=True).split())
    if words < MIN_WORDS:
        return [f"{where}: the page has only {words} words. A page needs real content (at least {MIN_WORDS} words)."]
    return []


def unexpected_files(paths: list[str]) -> list[str]:
    """Files in docs/ that are neither pages nor images."""
    allowed = ", ".join(sorted(ALLOWED_SUFFIXES))
    return [
        f"docs/{path}: files of this type may not be in docs/ (allowed: {allowed}). "
        "Publish documents as pages, and keep other files out of docs/."
        for path in sorted(paths)
        if PurePosixPath(path).suffix.lower() not in ALLOWED_SUFFIXES
    ]


def duplicate_titles(titles: dict[str, str]) -> list[str]:
    """Pages that share a title: readers and search results could not tell them apart."""
    by_title: dict[str, list[str]] = {}
    for src, title in titles.items():
        by_title.setdefault(title.strip().lower(), []).append(src)
    return [
        f"docs/{sources[0]}: the title {titles[sources[0]]!r} is also used by "
        + ", ".join(f"docs/{other}" for other in sources[1:])
        + ". Give each page its own title."
        for sources in (sorted(group) for group in by_title.values())
        if len(sources) > 1
    ]


def images_used(soup: BeautifulSoup, page_src: str) -> set[str]:
    """docs/-relative paths of the local images a page shows or links to."""
    used = set()
    folder = PurePosixPath(page_src).parent
    for element, attribute in [(img, "src") for img in soup.find_all("img")] + [
        (a, "href") for a in soup.find_all("a")
    ]:
        target = str(element.get(attribute) or "").split("#")[0].split("?")[0]
        if target and "://" not in target and not target.startswith(("/", "mailto:", "data:")):
            used.add(posixpath.normpath(str(folder / target)))
    return used


def orphan_images(images: set[str], used: set[str]) -> list[str]:
    return [
        f"docs/{image}: no page uses this image. Use it on a page with alt text, or delete it."
        for image in sorted(images - used)
    ]


# A citation in brackets inside prose: "(Community Care; as at 9 May 2024)", "(DfE, 2024)", "(source: ...)".
# GOV.UK keeps sources out of sentences: a figure's source is its numbered note, a page's sources its list.
_IN_BRACKETS = re.compile(r"\(([^()]*)\)")
_YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b")
_CITATION_WORDS = re.compile(r"^\s*(?:source[sd]?\b|as at\b|see note\b)", re.I)
PROSE = ("p", "li", "td", "th", "dd", "figcaption", "caption")


def citations_in_sentences(soup: BeautifulSoup, source: str, where: str, publishers: set[str]) -> list[str]:
    """Sentences and table cells that cite a source in brackets, instead of a note or the Sources list."""
    names = sorted({name.split(",")[0].strip() for name in publishers if name.strip()}, key=len, reverse=True)
    publisher = re.compile("|".join(re.escape(name) for name in names)) if names else None
    problems = []
    for element in soup.find_all(PROSE):
        if element.find_parent(class_="footnote") or _in_sources_list(element) or element.find(PROSE):
            continue
        for inner in _IN_BRACKETS.findall(element.get_text(" ")):
            cited = _CITATION_WORDS.search(inner) or (publisher and publisher.search(inner) and _YEAR.search(inner))
            if cited:
                line = source_line(source, inner[:30].strip()) if inner.strip() else None
                problems.append(
                    f"{_at(where, line)}: '({inner.strip()})' cites a source inside a sentence. Keep the sentence "
                    "plain: a figure's source goes in its note (use statistic()), other sources in the page's "
                    "front matter, which sources_section() lists."
                )
    return problems


def _in_sources_list(element: Tag) -> bool:
    listing = element.find_parent(["ul", "ol"])
    heading = listing.find_previous_sibling(["h2", "h3"]) if listing else None
    return heading is not None and _heading_text(heading) == "Sources"
