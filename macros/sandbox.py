"""Renders authors' Markdown in a Jinja sandbox, and turns macro errors into one line an author can act on.

mkdocs-macros renders pages with a plain Jinja environment, where `{{ ''.__class__.__mro__ }}`
reaches Python internals. We swap in a SandboxedEnvironment with the same settings. It passes
errors to `mkdocs_macros.errors.format_error` (a singledispatch function), logs the text as a
warning (hidden by `mkdocs build --quiet`) and exits. Our formatters for the errors authors cause
raise instead: MkDocs then stops with one line naming the page and line, like every other build
error, and no traceback.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from mkdocs_macros import errors as macros_errors

from macros.errors import AUTHOR_GUIDE
from site_model.errors import AuthorError
from site_model.pages import FRONT_MATTER

_ENVIRONMENT_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "undefined",
    "finalize",
    "autoescape",
    "loader",
)


def install_sandbox(macros_plugin: Any) -> None:
    """Replace the macros plugin's Jinja environment with a sandboxed copy of it."""
    current = macros_plugin.env
    sandbox = SandboxedEnvironment(**{name: getattr(current, name) for name in _ENVIRONMENT_SETTINGS})
    sandbox.globals.update(current.globals)
    sandbox.filters.update(current.filters)
    sandbox.tests.update(current.tests)
    macros_plugin._env = sandbox  # the plugin has no setter; this is the attribute its `env` returns


def _front_matter_lines(page: Any) -> int:
    """How many lines MkDocs removed from the top of the file before the macros saw it."""
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if not match:
        return 0
    rest = text[match.end() :]
    return text[: match.end()].count("\n") + len(rest) - len(rest.lstrip("\n"))


def _page_line(error: Exception, page: Any) -> str:
    """':<line>' of the macro call in the Markdown file. Jinja counts from the end of the front matter."""
    line = getattr(error, "lineno", None)
    for frame, frame_line in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == "<template>":
            line = frame_line
    return f":{line + _front_matter_lines(page)}" if line else ""


def _where(page: Any, error: Exception) -> str:
    return f"docs/{page.file.src_uri}{_page_line(error, page)}"


def _author_error(error: AuthorError, markdown: str, page: Any) -> str:
    raise AuthorError(f"{_where(page, error)}: {error}")


def _security_error(error: SecurityError, markdown: str, page: Any) -> str:
    raise AuthorError(
        f"{_where(page, error)}: this page tries to reach Python internals through a template "
        f"({error}). Pages may only call the macros in {AUTHOR_GUIDE}."
    )


def _undefined_error(error: UndefinedError, markdown: str, page: Any) -> str:
    raise AuthorError(
        f"{_where(page, error)}: {error}. Check the spelling of the macro or variable; the macros are "
        f"listed in {AUTHOR_GUIDE}. To show literal double braces, see 'Showing literal braces' there."
    )


def _syntax_error(error: TemplateSyntaxError, markdown: str, page: Any) -> str:
    raise AuthorError(
        f"{_where(page, error)}: the macro call is not written correctly ({error.message}). Check its brackets "
        f"and quotes: text in double quotes, lists in square brackets. See {AUTHOR_GUIDE}."
    )


def register_error_formats() -> None:
    """Teach mkdocs-macros to report each kind of author mistake in one line with the page and line."""
    macros_errors.format_error.register(AuthorError)(_author_error)
    macros_errors.format_error.register(SecurityError)(_security_error)
    macros_errors.format_error.register(UndefinedError)(_undefined_error)
    macros_errors.format_error.register(TemplateSyntaxError)(_syntax_error)
