"""self_assessment: a printable table with real header cells."""

from __future__ import annotations

import pytest

from macros.errors import AuthorError
from tests.macros.support import to_html


def test_self_assessment_is_a_captioned_table_with_column_and_row_headers(macro):
    assert to_html(macro["self_assessment"](["Policy & records"], title="Supervision", ratings=["No", "Yes"])) == (
        '<div class="app-self-assessment">\n'
        '<table class="app-self-assessment__table">\n'
        '<caption>Supervision<span class="app-self-assessment__key"> Rate each area: No or Yes.</span></caption>\n'
        "<thead>\n"
        '<tr><th scope="col">Area</th><th scope="col">Evidence</th><th scope="col">Rating</th><th scope="col">Next step</th></tr>\n'
        "</thead>\n"
        "<tbody>\n"
        '<tr><th scope="row">Policy &amp; records</th><td></td><td></td><td></td></tr>\n'
        "</tbody>\n"
        "</table>\n"
        "</div>"
    )


def test_self_assessment_default_title_and_ratings(macro):
    html = macro["self_assessment"](["Policy", "Records"])
    assert "<caption>Self-assessment<span" in html
    assert "Rate each area: Not yet, Partly or Fully." in html
    assert html.count('<th scope="row">') == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"areas": []}, "argument 'areas' must list at least one area"),
        ({"areas": ["A"], "ratings": ["Only one"]}, "argument 'ratings' must list at least 2 ratings"),
        ({"areas": ["A"], "heading_level": 3}, "there is no argument called 'heading_level'"),
    ],
)
def test_self_assessment_errors(macro, arguments, message):
    with pytest.raises(AuthorError, match=message):
        macro["self_assessment"](**arguments)
