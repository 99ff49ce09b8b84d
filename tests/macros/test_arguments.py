"""Wrong macro calls fail with the macro, the argument, what was given and what it takes."""

from __future__ import annotations

import pytest

from site_model.errors import AuthorError


@pytest.mark.parametrize(
    ("name", "args", "kwargs", "message"),
    [
        (
            "callout",
            ("warning",),
            {},
            "callout(): argument 'text' is missing. It takes: kind, text, title, heading_level.",
        ),
        ("callout", ("warning", "Text."), {"colour": "red"}, "callout(): there is no argument called 'colour'."),
        (
            "checklist",
            ("One item",),
            {},
            "checklist(): argument 'items' must be a list of text in quotes in square brackets, but was 'One item'.",
        ),
        (
            "checklist",
            (["One", 2],),
            {},
            "checklist(): argument 'items' must be a list of text in quotes in square brackets, but was ['One', 2].",
        ),
        (
            "callout",
            ("warning", "Text."),
            {"heading_level": True},
            "callout(): argument 'heading_level' must be a whole number, but was True.",
        ),
        ("statistic", ("a", True, "c"), {}, "statistic(): it was given more than 2 arguments."),
        (
            "callout",
            ("warning", "Text."),
            {"title": 3},
            "callout(): argument 'title' must be text in quotes, but was 3.",
        ),
    ],
)
def test_wrong_calls_name_the_problem(macro, name, args, kwargs, message):
    with pytest.raises(AuthorError) as error:
        macro[name](*args, **kwargs)
    assert str(error.value).startswith(message)
    assert str(error.value).endswith(f"See '{name}' in docs/authors/macros.md.")
