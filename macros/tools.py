"""Printable tools a team fills in: the self-assessment table."""

from __future__ import annotations

from collections.abc import Callable

from macros.arguments import checked
from macros.context import MacroContext, render_block
from macros.errors import macro_error

DEFAULT_RATINGS = ["Not yet", "Partly", "Fully"]


def _as_choice(options: list[str]) -> str:
    return options[0] if len(options) == 1 else ", ".join(options[:-1]) + " or " + options[-1]


def register(context: MacroContext) -> dict[str, Callable[..., str]]:
    @checked("self_assessment")
    def self_assessment(areas: list[str], title: str = "Self-assessment", ratings: list[str] | None = None) -> str:
        """A table to fill in on screen or paper: area, evidence, rating and next step for each area."""
        if not areas or any(not area.strip() for area in areas):
            raise macro_error("self_assessment", "argument 'areas' must list at least one area, with no empty text.")
        scale = ratings if ratings is not None else DEFAULT_RATINGS
        if len(scale) < 2 or any(not rating.strip() for rating in scale):
            raise macro_error("self_assessment", "argument 'ratings' must list at least 2 ratings, with no empty text.")
        return render_block("self_assessment", areas=areas, title=title, ratings=_as_choice(scale))

    return {"self_assessment": self_assessment}
