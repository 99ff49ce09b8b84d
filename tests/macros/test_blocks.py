"""callout, reflective_questions, checklist and practice_example: exact HTML and author-facing errors."""

from __future__ import annotations

import pytest

from site_model.errors import AuthorError
from tests.macros.support import to_html


def test_callout_renders_a_named_note_with_its_kind_in_the_heading(macro):
    html = to_html(macro["callout"]("information", "Text with **bold** & a [link](../agency/notice-periods.md)."))
    assert html == (
        '<div aria-label="Information" class="app-callout app-callout--information" role="note">\n'
        '<h3 class="app-callout__title">Information</h3>\n'
        '<p>Text with <strong>bold</strong> &amp; a <a href="../agency/notice-periods.md">link</a>.</p>\n'
        "</div>"
    )


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("information", "Information"),
        ("warning", "Warning"),
        ("important", "Important"),
        ("england", "Applies in England"),
    ],
)
def test_each_callout_kind_has_a_default_title(macro, kind, title):
    html = to_html(macro["callout"](kind, "Text."))
    assert f'<div aria-label="{title}" class="app-callout app-callout--{kind}" role="note">' in html
    assert f'<h3 class="app-callout__title">{title}</h3>' in html


def test_callout_takes_a_title_and_heading_level(macro):
    html = to_html(macro["callout"]("england", "Only in England.", title="Where this applies", heading_level=2))
    assert '<div aria-label="Where this applies" class="app-callout app-callout--england" role="note">' in html
    assert '<h2 class="app-callout__title">Where this applies</h2>' in html


def test_blocks_carry_no_ids_so_the_print_page_joining_every_page_has_no_duplicates(macro):
    html = macro["callout"]("warning", "A.") + macro["practice_example"]("T", "B.") + macro["standard_summary"](5)
    assert " id=" not in html


def test_unknown_callout_kind_names_the_macro_the_value_and_the_choices(macro):
    with pytest.raises(AuthorError) as error:
        macro["callout"]("informaton", "Text.")
    assert str(error.value) == (
        'callout(): kind "informaton" is not allowed. Use "information", "warning", "important" or "england". '
        "See 'callout' in docs/authors/macros.md."
    )


def test_heading_level_outside_2_to_5_is_refused(macro):
    with pytest.raises(AuthorError, match=r"callout\(\): heading_level must be one of 2, 3, 4, 5, but was 1\."):
        macro["callout"]("warning", "Text.", heading_level=1)


def test_empty_callout_text_is_refused(macro):
    with pytest.raises(AuthorError, match="argument 'text' must not be empty"):
        macro["callout"]("warning", "  ")


def test_reflective_questions_are_a_numbered_list(macro):
    assert to_html(macro["reflective_questions"](["Why?", "What *next*?"])) == (
        '<div class="app-reflective-questions">\n'
        '<ol class="app-reflective-questions__list">\n'
        '<li class="app-reflective-questions__item">Why?</li>\n'
        '<li class="app-reflective-questions__item">What <em>next</em>?</li>\n'
        "</ol>\n"
        "</div>"
    )


def test_reflective_questions_can_have_a_heading(macro):
    html = to_html(macro["reflective_questions"](["Why?"], title="Questions", heading_level=4))
    assert '<h4 class="app-reflective-questions__title">Questions</h4>' in html


def test_checklist_is_a_plain_list_with_no_form_controls(macro):
    html = to_html(macro["checklist"](["One", "Two"], title="Before you start"))
    assert html == (
        '<div class="app-checklist">\n'
        '<h3 class="app-checklist__title">Before you start</h3>\n'
        '<ul class="app-checklist__items" role="list">\n'
        '<li class="app-checklist__item">One</li>\n'
        '<li class="app-checklist__item">Two</li>\n'
        "</ul>\n"
        "</div>"
    )
    assert "<input" not in html


def test_checklist_with_an_empty_item_is_refused(macro):
    with pytest.raises(AuthorError, match="checklist\\(\\): argument 'items' must not be empty or contain empty text"):
        macro["checklist"](["One", ""])


def test_practice_example_is_labelled_illustrative_without_a_source(macro):
    assert to_html(macro["practice_example"]("A title", "Example text.")) == (
        '<div aria-label="Illustrative example: A title" class="app-practice-example" role="note">\n'
        '<p class="app-practice-example__label">Illustrative example</p>\n'
        '<h3 class="app-practice-example__title">A title</h3>\n'
        "<p>Example text.</p>\n"
        "</div>"
    )


def test_practice_example_with_a_source_names_and_links_it(macro):
    html = to_html(
        macro["practice_example"]("A title", "Text.", source_title="A report", source_url="https://example.org/r")
    )
    assert (
        '<p class="app-practice-example__label">Example from <a href="https://example.org/r">A report</a></p>' in html
    )
    assert '<div aria-label="Example from A report: A title"' in html
    assert "Illustrative" not in html


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"source_title": "A report"}, "give both source_title and source_url, or neither"),
        ({"source_title": "A", "source_url": "http://example.org"}, "source_url must start with https://"),
    ],
)
def test_practice_example_source_must_be_complete_and_secure(macro, arguments, message):
    with pytest.raises(AuthorError, match=message):
        macro["practice_example"]("A title", "Text.", **arguments)
