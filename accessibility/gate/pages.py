"""Which pages the gate tests, and the Markdown source each one is named by in its lines and reports."""

from __future__ import annotations

import json
from pathlib import Path

from accessibility.gate import GateError
from site_model.contract import ContractError, read_pages


def find_html_files(site: Path) -> list[str]:
    """Every *.html under the site, site-relative with forward slashes, sorted for stable output."""
    if not site.is_dir():
        raise GateError(f"site folder not found: {site}")
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.is_file())


def load_source_map(path: Path | None) -> dict[str, str]:
    """HTML path -> Markdown source. Two shapes are accepted: a flat JSON object
    {"x/index.html": "docs/x.md"}, or the build's build/pages.json, read through its contract."""
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GateError(f"cannot read source map {path}: {error}") from error
    if isinstance(data, dict) and "pages" in data:
        data = _contract_sources(path)
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise GateError(f"source map {path} must map HTML paths to Markdown paths (see README.md)")
    # Tolerate "/x/index.html" and "./x/index.html" keys: the gate uses bare site-relative paths.
    return {key.removeprefix("./").lstrip("/"): value for key, value in data.items()}


def _contract_sources(path: Path) -> dict[str, str]:
    # site_model.contract validates the file against schemas/pages.schema.json, as every stage reads it.
    try:
        return {page["html"]: page["source"] for page in read_pages(path)}
    except ContractError as error:
        raise GateError(f"source map {path}: {error}") from error
