"""Renders authors' Markdown in a Jinja sandbox, and turns macro errors into one line an author can act on.

mkdocs-macros renders pages with a plain Jinja environment, where `{{ ''.__class__.__mro__ }}`
reaches Python internals. We swap in a SandboxedEnvironment with the same settings. It reports
errors through `mkdocs_macros.errors.format_error` (a singledispatch function) and then exits;
we register formatters for the errors authors cause, so the message names the page and line
instead of printing a traceback.
"""

from __future__ import annotations

import traceback
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from mkdocs_macros import errors as macros_errors

from macros.errors import AUTHOR_GUIDE, AuthorError

_ENVIRONMENT_SETTINGS = (
    "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
    "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
    "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "undefined",
    "finalize", "autoescape", "loader",
)


def install_sandbox(macros_plugin: Any) -> None:
    """Replace the macros plugin's Jinja environment with a sandboxed copy of it."""
    current = macros_plugin.env
    sandbox = SandboxedEnvironment(**{name: getattr(current, name) for name in _ENVIRONMENT_SETTINGS})
    sandbox.globals.update(current.globals)
    sandbox.filters.update(current.filters)
    sandbox.tests.update(current.tests)
    macros_plugin._env = sandbox  # the plugin has no setter; this is the attribute its `env` returns


def _page_line(error: Exception) -> str:
    """':<line>' of the macro call in the Markdown file, taken from the rendered template's frame."""
    line = getattr(error, "lineno", None)
    for frame, frame_line in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename == "<template>":
            line = frame_line
    return f":{line}" if line else ""


def _where(page: Any, error: Exception) -> str:
    return f"docs/{page.file.src_uri}{_page_line(error)}"


def _author_error(error: AuthorError, markdown: str, page: Any) -> str:
    return f"{_where(page, error)}: {error}"


def _security_error(error: SecurityError, markdown: str, page: Any) -> str:
    return (
        f"{_where(page, error)}: this page tries to reach Python internals through a template "
        f"({error}). Pages may only call the macros in {AUTHOR_GUIDE}."
    )


def _undefined_error(error: UndefinedError, markdown: str, page: Any) -> str:
    return (
        f"{_where(page, error)}: {error}. Check the spelling of the macro or variable; the macros are "
        f"listed in {AUTHOR_GUIDE}. To show literal double braces, see 'Showing literal braces' there."
    )


def _syntax_error(error: TemplateSyntaxError, markdown: str, page: Any) -> str:
    return (
        f"{_where(page, error)}: the macro call is not written correctly ({error.message}). Check its brackets "
        f"and quotes: text in double quotes, lists in square brackets. See {AUTHOR_GUIDE}."
    )


def register_error_formats() -> None:
    """Teach mkdocs-macros to report each kind of author mistake in one line with the page and line."""
    macros_errors.format_error.register(AuthorError)(_author_error)
    macros_errors.format_error.register(SecurityError)(_security_error)
    macros_errors.format_error.register(UndefinedError)(_undefined_error)
    macros_errors.format_error.register(TemplateSyntaxError)(_syntax_error)
