"""Spells out each abbreviation the first time it appears on a page, GOV.UK style: 'principal social worker (PSW)'.

Authors may spell it out themselves; then the page is left as it is. Headings, links and code are
never changed, so the first use in running text is the one expanded.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString

# Never inside a drawing: an <abbr> is not SVG, and a chart's SVG is named by its <title> and <desc> as written.
SKIP_INSIDE = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "code",
    "pre",
    "abbr",
    "script",
    "style",
    "caption",
    "th",
    "svg",
}


def _skipped(node: NavigableString) -> bool:
    # Also never in what screen readers skip (a chart's key): the expansion belongs where everyone meets it.
    return any(parent.name in SKIP_INSIDE or parent.get("aria-hidden") == "true" for parent in node.parents)


def expand_first_use(soup: BeautifulSoup, glossary: dict[str, str]) -> None:
    """Expand, in place, the first unexplained use of each abbreviation in running text."""
    pending = dict(glossary)
    for node in list(soup.find_all(string=True)):
        if not pending:
            return
        text = str(node)
        # An abbreviation already spelled out (here or in a heading or link) counts as explained.
        # Whitespace is folded: an expansion may break across lines of the Markdown source.
        folded = " ".join(text.split()).lower()
        for short, long in list(pending.items()):
            if long.lower() in folded:
                del pending[short]
        if _skipped(node) or not pending:
            continue
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(pending, key=len, reverse=True))) + r")\b")
        pieces: list[NavigableString | object] = []
        rest = text
        while (match := pattern.search(rest)) and match.group(1) in pending:
            short = match.group(1)
            abbr = soup.new_tag("abbr", title=pending[short])
            abbr.string = short
            pieces += [NavigableString(rest[: match.start()] + pending[short] + " ("), abbr]
            rest = ")" + rest[match.end() :]
            del pending[short]
            if not pending:
                break
            pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(pending, key=len, reverse=True))) + r")\b")
        if pieces:
            pieces.append(NavigableString(rest))
            node.replace_with(*pieces)
