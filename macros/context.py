"""What a macro needs to know: the site's data, every page's front matter, and the page being rendered."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from site_model.data import SiteData, Statistic
from site_model.pages import PageInfo

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=True,  # authors' text is Markdown, never HTML
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
    keep_trailing_newline=False,
)


def render_block(template: str, **values: Any) -> str:
    """A block macro's HTML, with blank lines around it so Markdown treats it as a block."""
    return "\n\n" + TEMPLATES.get_template(f"{template}.html").render(**values).strip() + "\n\n"


def render_inline(template: str, **values: Any) -> str:
    """An inline macro's HTML on one line, so it can sit inside a sentence."""
    return TEMPLATES.get_template(f"{template}.html").render(**values).strip()


@dataclass
class MacroContext:
    data: SiteData
    pages: dict[str, PageInfo]
    current_src: Callable[[], str]  # path under docs/ of the page being rendered
    current_meta: Callable[[], dict[str, Any]]
    current_text: Callable[[], str] = lambda: ""  # the page's Markdown as written, to find a call's line
    contact: dict[str, str] = field(default_factory=dict)  # extra.contact in mkdocs.yml
    # The figures each page cites, in the order it first cites them: its numbered notes.
    citations: dict[str, list[Statistic]] = field(default_factory=dict)
    notes_written: set[str] = field(default_factory=set)  # pages whose notes are already listed
    # Each tool placed on a page with tool(): its page and the parts placed there, in order (macros/tools.py).
    tools_placed: dict[str, tuple[str, list[str]]] = field(default_factory=dict)

    def cite(self, figure: Statistic) -> None:
        cited = self.citations.setdefault(self.current_src(), [])
        if figure not in cited:
            cited.append(figure)

    def line_of(self, needle: str) -> int | None:
        """The line of the current page's file where `needle` first appears."""
        text = self.current_text()
        return text[: text.index(needle)].count("\n") + 1 if needle in text else None

    def link_to(self, page_id: str) -> str:
        """A relative link from the current page to another page's Markdown file, for MkDocs to resolve."""
        here = posixpath.dirname(self.current_src())
        return posixpath.relpath(self.pages[page_id].src, here or ".")

    def is_current(self, page_id: str) -> bool:
        return page_id in self.pages and self.pages[page_id].src == self.current_src()
