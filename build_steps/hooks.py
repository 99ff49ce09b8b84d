"""MkDocs hooks: the wiring only. Check every page before and after it is rendered, transform it, and write
what later stages read. The checks are in checks/, the transforms and outputs in build_steps/.

In the order MkDocs calls them: on_config, on_files, on_page_markdown, on_page_content, on_env
(all pages rendered, none written yet), on_post_build.

Registered in mkdocs.yml under `hooks:`. MkDocs runs hooks after the plugins, so the macros
plugin has already created its Jinja environment when `on_config` swaps in the sandbox.
Every problem raises a PluginError naming the file (and line where known): MkDocs then stops
with that message and no site is handed on.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from build_steps import abbreviations, print_pages
from build_steps.page_title import with_title
from build_steps.pages_manifest import write_manifest
from build_steps.readability_report import write_readability_report
from checks import content, readability, review, site_config
from macros import build_context
from macros.facts import long_date
from macros.sandbox import install_sandbox, register_error_formats
from site_model.errors import notices
from site_model.pages import PageInfo
from site_model.vocabulary import PRINTED_STRANDS, STRANDS, pdf_path, print_view

_state: dict[str, Any] = {}


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_startup(command: str, dirty: bool) -> None:
    # `mkdocs serve` also builds drafts (the author guide); `mkdocs build` never does.
    _state["serving"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problems = site_config.contact_problems(config.extra)
    if problems:
        raise PluginError("\n".join(problems))
    register_error_formats()
    install_sandbox(config.plugins["macros"])
    _state["root"] = _root(config)
    # The data and the page index, as the macros plugin loaded and validated them (before the hooks run).
    context = build_context()
    _state["glossary"] = context.data.glossary
    _state["publishers"] = {figure.source.publisher for figure in context.data.statistics.values()}
    _state["pages"] = dict(context.pages)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Only pages that this build writes: `mkdocs build` leaves out drafts (the author guide).
    built = {
        file.src_uri
        for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        if file.inclusion.is_included() or _state.get("serving")
    }
    _state["drafts"] = [
        file
        for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        if file.src_uri in built and not file.inclusion.is_included()
    ]
    _state["pages"] = pages = {page_id: page for page_id, page in _state["pages"].items() if page.src in built}
    authored = [
        file.src_uri for file in files if file.abs_src_path and Path(file.abs_src_path).is_relative_to(config.docs_dir)
    ]
    problems = content.unexpected_files(authored) + content.duplicate_titles(
        {page.src: page.title for page in pages.values()}
    )
    if problems:
        raise PluginError("\n".join(problems))
    _state["images"] = {src for src in authored if Path(src).suffix.lower() in content.IMAGE_SUFFIXES}
    _state["images_used"] = set()
    grace = int(config.extra.get("review", {}).get("grace_days", 0))
    today = date.fromisoformat(os.environ["REVIEW_DATE"]) if os.environ.get("REVIEW_DATE") else date.today()
    due, overdue = review.due_and_overdue(pages.values(), today, grace)
    for page in due:
        notices.warning("review due: docs/%s was due for review on %s", page.src, page.review_due.isoformat())
    if overdue:
        raise PluginError(review.overdue_message(overdue, today, grace))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """While serving, list the author guide in the navigation, after the pages readers see."""
    drafts = sorted(_state.get("drafts", []), key=lambda file: (file.src_uri != "authors/index.md", file.src_uri))
    if drafts:
        nav.items.append(Section(STRANDS["authors"], [Page(None, file, config) for file in drafts]))
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The theme reads what to link from the page's metadata, decided once in site_model.vocabulary.
    page.meta["app_pdf"] = pdf_path(page.file.src_uri, page.meta.get("kind", ""), page.meta.get("strand", ""))
    page.meta["app_print_view"] = print_view(page.file.src_uri)
    return with_title(markdown, page.title)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    where = f"docs/{page.file.src_uri}"
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    info: PageInfo = _state["pages"][page.file.src_uri[: -len(".md")]]
    soup = BeautifulSoup(html, "html.parser")
    problems = (
        content.unsafe_html(soup, source, where)
        + content.heading_structure(soup, source, where)
        + content.section_order(soup, info.kind, where)
        + content.too_short(soup, where)
        + content.citations_in_sentences(
            soup, source, where, _state["publishers"] | {source.publisher for source in info.sources}
        )
    )
    if problems:
        raise PluginError("\n".join(problems))
    _state["images_used"] |= content.images_used(soup, page.file.src_uri)
    abbreviations.expand_first_use(soup, _state["glossary"])
    prose = readability.prose_parts(soup)
    _state.setdefault("grades", {})[info.src] = readability.grade(" ".join(prose))
    _state.setdefault("long_sentences", {})[info.src] = readability.long_sentences(prose)
    return str(soup)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    # MkDocs calls this after every page is rendered and before any is written: the place to
    # check what needs all pages at once.
    orphans = content.orphan_images(_state.get("images", set()), _state.get("images_used", set()))
    if orphans:
        raise PluginError("\n".join(orphans))
    # Review dates in the theme read "22 November 2026", as on GOV.UK.
    env.filters["app_long_date"] = long_date
    return env


def on_post_build(config: MkDocsConfig) -> None:
    """Finish the print pages; record every page's source, output and review dates for the later stages."""
    # Hooks run after plugins, so mkdocs-print-site has already written its page.
    whole = Path(config.site_dir) / "print_page.html"
    print_pages.remove_ignored_content(whole)
    page_html = {page.id.replace("/", "-"): page.html_path for page in _state["pages"].values()}
    for strand in PRINTED_STRANDS:
        print_pages.write_strand_print_page(whole, strand, STRANDS[strand], page_html)
    build_dir = _state["root"] / "build"
    build_dir.mkdir(exist_ok=True)
    write_manifest(build_dir / "pages.json", _state["pages"].values(), config.extra["contact"])
    write_readability_report(
        build_dir / "readability.json",
        _state.get("grades", {}),
        _state.get("long_sentences", {}),
        float(config.extra.get("readability", {}).get("max_grade", 9)),
    )
