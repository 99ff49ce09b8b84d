"""Every page's front matter, read and validated before the build, so pages can refer to each other.

A page's id is its path under docs/ without `.md`, for example `retention/standard-5-supervision`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from site_model.data import Source
from site_model.errors import DataError
from site_model.validation import parse_yaml, validate

# The same pattern MkDocs uses, so we read exactly the front matter it reads.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


@dataclass(frozen=True)
class PageInfo:
    id: str
    src: str  # path under docs/
    title: str
    description: str
    strand: str
    kind: str
    audience: tuple[str, ...]
    last_reviewed: date
    review_due: date
    sources: tuple[Source, ...]

    @property
    def html_path(self) -> str:
        """Where the page is built, with `use_directory_urls: false`."""
        return self.src[: -len(".md")] + ".html"


def read_front_matter(path: Path, where: str) -> dict:
    """The validated front matter of one Markdown file; `where` names it in messages."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"{where}: the file is not UTF-8 text (byte {error.start}). Save it as UTF-8.") from None
    match = FRONT_MATTER.match(text)
    if not match:
        raise DataError(
            f"{where}:1: the page has no front matter. Start the file with a '---' line, the page's "
            "title, description, strand, kind, audience, last_reviewed, review_due and sources, and another "
            "'---' line. See docs/authors/page-template.md."
        )
    meta, node = parse_yaml(match.group(1), where, first_line=2)
    if not isinstance(meta, dict):
        raise DataError(f"{where}:2: the front matter must be 'key: value' lines.")
    validate(meta, node, "page.schema.json", where, first_line=2)
    due, reviewed = date.fromisoformat(meta["review_due"]), date.fromisoformat(meta["last_reviewed"])
    if due <= reviewed:
        line = 2 + next((n for n, row in enumerate(match.group(1).splitlines()) if row.startswith("review_due")), 0)
        raise DataError(f"{where}:{line}: review_due ({due}) must come after last_reviewed ({reviewed}).")
    return meta


def load_page_index(docs_dir: Path, root: Path) -> dict[str, PageInfo]:
    """Read every page's front matter. Raise one error listing every page that is wrong."""
    pages: dict[str, PageInfo] = {}
    problems: list[str] = []
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        try:
            meta = read_front_matter(path, where)
        except DataError as error:
            problems.append(str(error))
            continue
        pages[src[: -len(".md")]] = PageInfo(
            id=src[: -len(".md")],
            src=src,
            title=meta["title"],
            description=meta["description"],
            strand=meta["strand"],
            kind=meta["kind"],
            audience=tuple(meta["audience"]),
            last_reviewed=date.fromisoformat(meta["last_reviewed"]),
            review_due=date.fromisoformat(meta["review_due"]),
            sources=tuple(Source(**source) for source in meta["sources"]),
        )
    if problems:
        raise DataError("\n".join(problems))
    return pages
