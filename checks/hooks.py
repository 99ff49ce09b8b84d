"""MkDocs hooks: check every page before and after it is rendered, and record what was built.

In the order MkDocs calls them: on_config, on_files, on_page_markdown, on_page_content, on_env
(all pages rendered, none written yet), on_post_build.

Registered in mkdocs.yml under `hooks:`. MkDocs runs hooks after the plugins, so the macros
plugin has already created its Jinja environment when `on_config` swaps in the sandbox.
Every problem raises a PluginError naming the file (and line where known): MkDocs then stops
with that message and no site is handed on.
"""

from __future__ import annotations

import json
import os
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from checks import abbreviations, content, print_page, readability, review, site_config
from checks.sandbox import install_sandbox, register_error_formats
from macros.data import load_site_data
from macros.errors import notices
from macros.facts import long_date
from macros.pages import PageInfo, load_page_index
from site_model.contract import write_pages
from site_model.vocabulary import PRINTED_STRANDS, STRANDS, is_resource, pdf_path, print_view

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
    root = _root(config)
    _state["root"] = root
    data = load_site_data(root)
    _state["glossary"] = data.glossary
    _state["publishers"] = {figure.source.publisher for figure in data.statistics.values()}
    _state["pages"] = load_page_index(Path(config.docs_dir), root)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Only pages that this build writes: `mkdocs build` leaves out drafts (the author guide).
    built = {file.src_uri for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
             if file.inclusion.is_included() or _state.get("serving")}
    _state["drafts"] = [file for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
                        if file.src_uri in built and not file.inclusion.is_included()]
    _state["pages"] = pages = {page_id: page for page_id, page in _state["pages"].items() if page.src in built}
    authored = [file.src_uri for file in files if file.abs_src_path and Path(file.abs_src_path).is_relative_to(config.docs_dir)]
    problems = content.unexpected_files(authored) + content.duplicate_titles({page.src: page.title for page in pages.values()})
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
    # The title is the page's one H1. Written into the page itself (Material then adds none), every
    # page on the print page starts with its H1, which mkdocs-print-site otherwise warns about.
    # Raw HTML, so it stays out of "Contents on this page".
    # It is also the skip link's target: an id on an ancestor of the content would instead become the
    # id of every code block (Material names code blocks after their nearest ancestor's id).
    # The theme reads what to link from the page's metadata, decided once in site_model.vocabulary.
    page.meta["app_pdf"] = pdf_path(page.file.src_uri, page.meta.get("kind", ""), page.meta.get("strand", ""))
    page.meta["app_print_view"] = print_view(page.file.src_uri)
    return f'<h1 class="app-page-title" id="main-content" tabindex="-1">{escape(page.title)}</h1>\n\n{markdown}'


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
            soup, source, where, _state["publishers"] | {source.publisher for source in info.sources})
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
    """Finish the print page; record every page's source, output and review dates for the gate and bundle."""
    # Hooks run after plugins, so mkdocs-print-site has already written its page.
    whole = Path(config.site_dir) / "print_page.html"
    print_page.remove_ignored_content(whole)
    page_html = {page.id.replace("/", "-"): page.html_path for page in _state["pages"].values()}
    for strand in PRINTED_STRANDS:
        print_page.write_strand_print_page(whole, strand, STRANDS[strand], page_html)
    build_dir = _state["root"] / "build"
    build_dir.mkdir(exist_ok=True)
    pages = [
        {
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
        for page in sorted(_state["pages"].values(), key=lambda p: p.id)
    ]
    write_pages(build_dir / "pages.json", {"contact": dict(config.extra["contact"]), "pages": pages})
    write_readability_report(build_dir, float(config.extra.get("readability", {}).get("max_grade", 9)))


def write_readability_report(build_dir: Path, max_grade: float) -> None:
    grades: dict[str, float] = dict(sorted(_state.get("grades", {}).items()))
    above = {src: value for src, value in grades.items() if value > max_grade}
    for src, value in above.items():
        notices.warning("readability: docs/%s reads at grade %.1f (aim for %.0f or lower)", src, value, max_grade)
    long = {src: found for src, found in sorted(_state.get("long_sentences", {}).items()) if found}
    if long:
        notices.info("readability: %d sentences over %d words on %d pages are listed in build/readability.json",
                     sum(map(len, long.values())), readability.LONG_SENTENCE_WORDS, len(long))
    report = {"measure": "Flesch-Kincaid grade", "max_grade": max_grade, "pages": grades, "above_max": sorted(above),
              "long_sentence_words": readability.LONG_SENTENCE_WORDS, "long_sentences": long}
    (build_dir / "readability.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
