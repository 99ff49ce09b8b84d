"""build/pages.json: what this build wrote, page by page, for the stages after it (PDFs, gate, bundle, Govspeak).

Its shape is the contract in schemas/pages.schema.json; site_model.contract validates it here, when it is
written, and again wherever it is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from site_model.contract import write_pages
from site_model.pages import PageInfo
from site_model.vocabulary import is_resource, pdf_path, print_view


def page_entry(page: PageInfo) -> dict[str, Any]:
    return {
        "id": page.id,
        "source": f"docs/{page.src}",
        "html": page.html_path,
        "title": page.title,
        "strand": page.strand,
        "kind": page.kind,
        "resource": is_resource(page.kind, page.strand),
        "pdf": pdf_path(page.src, page.kind, page.strand),
        "print_view": print_view(page.src),
        "last_reviewed": page.last_reviewed.isoformat(),
        "review_due": page.review_due.isoformat(),
    }


def write_manifest(path: Path, pages: Iterable[PageInfo], contact: Mapping[str, Any]) -> None:
    entries = [page_entry(page) for page in sorted(pages, key=lambda page: page.id)]
    write_pages(path, {"contact": dict(contact), "pages": entries})
