"""Errors in a macro call, written for the author who must fix them."""

from __future__ import annotations

from site_model.errors import AuthorError

AUTHOR_GUIDE = "docs/authors/macros.md"


def macro_error(macro: str, message: str) -> AuthorError:
    """An error in a macro call, pointing the author at the macro's section of the guide."""
    return AuthorError(f"{macro}(): {message} See '{macro}' in {AUTHOR_GUIDE}.")


def one_of(values: list[str] | tuple[str, ...]) -> str:
    """'a, b or c' for messages that list what is allowed."""
    quoted = [f'"{value}"' for value in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
