"""Boxes of guidance an author writes in their own words: callouts, questions, checklists, examples."""

from __future__ import annotations

from collections.abc import Callable

from macros.arguments import checked, heading_level_of
from macros.context import MacroContext, render_block
from macros.errors import macro_error, one_of
from site_model.vocabulary import CALLOUT_TITLES


def _not_empty(macro: str, argument: str, value: str | list[str]) -> None:
    items = value if isinstance(value, list) else [value]
    if not items or any(not item.strip() for item in items):
        raise macro_error(macro, f"argument '{argument}' must not be empty or contain empty text.")


def register(context: MacroContext) -> dict[str, Callable[..., str]]:
    @checked("callout")
    def callout(kind: str, text: str, title: str | None = None, heading_level: int = 3) -> str:
        """A boxed note that stands out from the text: information, warning, important or applies in England."""
        if kind not in CALLOUT_TITLES:
            raise macro_error("callout", f'kind "{kind}" is not allowed. Use {one_of(list(CALLOUT_TITLES))}.')
        _not_empty("callout", "text", text)
        return render_block(
            "callout",
            kind=kind,
            text=text,
            title=title or CALLOUT_TITLES[kind],
            label=title or CALLOUT_TITLES[kind],
            heading_level=heading_level_of("callout", heading_level),
        )

    @checked("reflective_questions")
    def reflective_questions(questions: list[str], title: str | None = None, heading_level: int = 3) -> str:
        """A numbered set of questions for supervision or team discussion."""
        _not_empty("reflective_questions", "questions", questions)
        return render_block(
            "reflective_questions",
            questions=questions,
            title=title,
            heading_level=heading_level_of("reflective_questions", heading_level),
        )

    @checked("checklist")
    def checklist(items: list[str], title: str | None = None, heading_level: int = 3) -> str:
        """A printable checklist: a list a screen reader reads as a list, with a box to tick on paper."""
        _not_empty("checklist", "items", items)
        return render_block(
            "checklist", items=items, title=title, heading_level=heading_level_of("checklist", heading_level)
        )

    @checked("practice_example")
    def practice_example(
        title: str,
        text: str,
        source_title: str | None = None,
        source_url: str | None = None,
        heading_level: int = 3,
    ) -> str:
        """An example of practice, labelled 'Illustrative example' unless it names its source."""
        _not_empty("practice_example", "text", text)
        if (source_title is None) != (source_url is None):
            raise macro_error(
                "practice_example",
                "give both source_title and source_url, or neither (then the example is labelled 'Illustrative example').",
            )
        if source_url is not None and not source_url.startswith("https://"):
            raise macro_error("practice_example", f"source_url must start with https://, but was {source_url!r}.")
        return render_block(
            "practice_example",
            title=title,
            text=text,
            source_title=source_title,
            source_url=source_url,
            heading_level=heading_level_of("practice_example", heading_level),
            label=f"{'Example from ' + source_title if source_title else 'Illustrative example'}: {title}",
        )

    return {
        "callout": callout,
        "reflective_questions": reflective_questions,
        "checklist": checklist,
        "practice_example": practice_example,
    }
