"""The guidance-block macros. This module only registers them with mkdocs-macros (see define_env)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from macros import blocks, charts, facts, links, tools
from macros.context import MacroContext
from site_model.data import load_site_data
from site_model.pages import load_page_index
from site_model.vocabulary import AUDIENCES, KINDS, STRANDS

FAMILIES = (blocks, facts, tools, links, charts)
_context: MacroContext | None = None  # this build's, for on_post_page_macros


def define_env(env: Any) -> None:
    """Called by mkdocs-macros at start-up: load and validate the data, then register each macro."""
    root = Path(env.conf["config_file_path"]).resolve().parent
    context = MacroContext(
        data=load_site_data(root),
        pages=load_page_index(Path(env.conf["docs_dir"]), root),
        current_src=lambda: env.page.file.src_uri,
        current_meta=lambda: env.page.meta,
        current_text=lambda: Path(env.page.file.abs_src_path).read_text(encoding="utf-8"),
        contact=dict(env.conf["extra"].get("contact") or {}),
    )
    global _context
    _context = context
    # The allowed front-matter values, for the author guide's tables: written once, in site_model.vocabulary.
    env.variables["site_vocabulary"] = {
        name: ", ".join(f"`{value}`" for value in values)
        for name, values in (("strands", STRANDS), ("kinds", KINDS), ("audiences", AUDIENCES))
    }
    for family in FAMILIES:
        for name, function in family.register(context).items():
            env.macro(function, name)


def build_context() -> MacroContext:
    """This build's data and page index, loaded and validated once by define_env; the build's hooks read them here."""
    if _context is None:
        raise RuntimeError("mkdocs-macros has not loaded the macros: list the macros plugin in mkdocs.yml")
    return _context


def on_post_page_macros(env: Any) -> None:
    """Called by mkdocs-macros after a page is rendered: check its figures' notes and that its tools are whole."""
    if _context is not None:
        facts.check_page_citations(_context, env.markdown)
        tools.check_page_tools(_context)
