"""The pages that get a PDF, from build/pages.json, and how one page's failure is worded."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_model.contract import read_pages, resources


@dataclass(frozen=True)
class Page:
    id: str
    source: str
    html: str
    title: str
    pdf: str  # where its PDF goes in the site, as build/pages.json (and the theme's placeholder) name it


class PageError(Exception):
    """One page's failure, worded as the single line the build prints for it."""

    def __init__(self, page: Page, problem: str) -> None:
        super().__init__(f"{page.source} ({page.id}): {problem}")


def load_resources(pages_json: Path) -> list[Page]:
    """The resource pages: about pages and the author guide are for the website only."""
    return [
        Page(id=p["id"], source=p["source"], html=p["html"], title=p["title"], pdf=p["pdf"])
        for p in resources(read_pages(pages_json))
    ]
