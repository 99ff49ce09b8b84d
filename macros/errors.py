"""Errors written for the author who must fix them."""

from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

AUTHOR_GUIDE = "docs/authors/macros.md"

# Notices for authors that must not fail a strict build (a page due for review, a figure with a newer
# one in data/). Its own logger, outside "mkdocs.*": strict mode turns every mkdocs warning into a failure.
notices = logging.getLogger("workforce.notices")
notices.propagate = False
notices.setLevel(logging.INFO)
_handler = logging.StreamHandler()
_handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))  # the look of MkDocs' own lines
notices.addHandler(_handler)


class AuthorError(PluginError):
    """A mistake in content or data that an author can fix.

    The message says what was wrong and what is allowed. Where the error is raised inside a
    macro, the build adds the page and line before it is shown. It is a PluginError so that
    MkDocs stops with the message alone, not a Python traceback.
    """


class DataError(AuthorError):
    """A data file under data/ that does not match its schema."""


def macro_error(macro: str, message: str) -> AuthorError:
    """An error in a macro call, pointing the author at the macro's section of the guide."""
    return AuthorError(f"{macro}(): {message} See '{macro}' in {AUTHOR_GUIDE}.")


def one_of(values: list[str] | tuple[str, ...]) -> str:
    """'a, b or c' for messages that list what is allowed."""
    quoted = [f'"{value}"' for value in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
