"""The page's one H1, written into the page itself rather than left to the theme.

Written into the page, every page on the print page starts with its H1 (mkdocs-print-site otherwise warns),
and Material adds none. Raw HTML keeps it out of "Contents on this page". It is also the skip link's target:
an id on an ancestor of the content would instead become the id of every code block (Material names code
blocks after their nearest ancestor's id).
"""

from __future__ import annotations

from html import escape

SKIP_LINK_TARGET = "main-content"


def with_title(markdown: str, title: str) -> str:
    """The page's Markdown with its title as the first line, an H1 the skip link can focus."""
    return f'<h1 class="app-page-title" id="{SKIP_LINK_TARGET}" tabindex="-1">{escape(title)}</h1>\n\n{markdown}'
