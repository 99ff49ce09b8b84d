"""Checks the arguments of a macro call against the macro's signature and type hints.

Jinja passes whatever the author wrote. Python's own TypeError would name internals, so each
macro is wrapped to say, in the author's terms, which argument was wrong and what it takes.
"""

from __future__ import annotations

import functools
import inspect
import types
import typing
from collections.abc import Callable
from typing import Any

from macros.errors import macro_error

_TYPE_NAMES = {str: "text in quotes", int: "a whole number", bool: "true or false"}


def _describe(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        return " or ".join(_describe(arg) for arg in typing.get_args(annotation) if arg is not type(None))
    if origin is list:
        (item,) = typing.get_args(annotation)
        return f"a list of {_describe(item)} in square brackets"
    return _TYPE_NAMES.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _matches(value: Any, annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        return any(_matches(value, arg) for arg in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if origin is list:
        (item,) = typing.get_args(annotation)
        return isinstance(value, list) and all(_matches(element, item) for element in value)
    if annotation is int:  # bool is an int in Python, but never a number to an author
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, annotation)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def checked(name: str) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Wrap a macro so a wrong call fails with the macro, the argument, what was given and what is allowed."""

    def decorate(func: Callable[..., str]) -> Callable[..., str]:
        signature = inspect.signature(func)
        hints = typing.get_type_hints(func)
        names = ", ".join(signature.parameters)

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> str:
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as error:
                raise macro_error(name, f"{_binding_problem(error, signature)} It takes: {names}.") from None
            for argument, value in bound.arguments.items():
                expected = hints[argument]
                if not _matches(value, expected):
                    raise macro_error(
                        name,
                        f"argument '{argument}' must be {_describe(expected)}, but was {_shown(value)}.",
                    )
            return func(*bound.args, **bound.kwargs)

        wrapper.__signature__ = signature  # type: ignore[attr-defined]
        return wrapper

    return decorate


HEADING_LEVELS = (2, 3, 4, 5)


def heading_level_of(macro: str, level: int) -> int:
    """The heading level an author chose for a block, if it is one a block may have."""
    if level not in HEADING_LEVELS:
        raise macro_error(
            macro,
            f"heading_level must be one of {', '.join(map(str, HEADING_LEVELS))}, but was {level}. "
            "Pick the level below the heading the block sits under.",
        )
    return level


def _binding_problem(error: TypeError, signature: inspect.Signature) -> str:
    text = str(error)
    if text.startswith("missing a required argument"):
        return f"argument {text.split(':', 1)[1].strip()} is missing."
    if text.startswith("got an unexpected keyword argument"):
        return f"there is no argument called {text.split('argument', 1)[1].strip()}."
    if text == "too many positional arguments":
        return f"it was given more than {len(signature.parameters)} arguments."
    return text[0].upper() + text[1:] + "."
