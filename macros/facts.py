"""Blocks that show facts from data/: a standard, an agency rule, a statistic. Pages never retype them."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from macros.arguments import checked, heading_level_of
from macros.context import MacroContext, render_block, render_inline
from macros.errors import macro_error

RULE_STATUS = {
    "must": "Legal requirement: your council must do this.",
    "should": "Statutory guidance: follow this unless there are exceptional circumstances.",
}


def _unknown(macro: str, what: str, given: object, known: Iterable[object], data_file: str) -> Exception:
    names = [str(name) for name in known]
    close = difflib.get_close_matches(str(given), names, n=1)
    hint = f' Did you mean "{close[0]}"?' if close else ""
    known_list = f" Known: {', '.join(names)}." if len(names) <= 12 else ""
    return macro_error(macro, f"there is no {what} {given!r} in {data_file}.{hint}{known_list}")


def long_date(day) -> str:
    """30 September 2022: the GOV.UK date style."""
    return f"{day.day} {day:%B %Y}"


def register(context: MacroContext) -> dict[str, Callable[..., str]]:
    def page_link(page_id: str) -> str | None:
        if context.is_current(page_id) or page_id not in context.pages:
            return None
        return context.link_to(page_id)

    @checked("standard_summary")
    def standard_summary(number: int, heading_level: int = 3) -> str:
        """'What the standard says' for one of the 8 employer standards, from data/standards.yml."""
        standard = context.data.standards.get(number)
        if standard is None:
            raise _unknown("standard_summary", "employer standard", number, context.data.standards, "data/standards.yml")
        return render_block(
            "standard_summary",
            standard=standard,
            page_link=page_link(standard.page),
            heading_level=heading_level_of("standard_summary", heading_level),
            label=f"What the standard says: standard {standard.number}, {standard.name}",
        )

    @checked("agency_rule")
    def agency_rule(rule_id: str, heading_level: int = 3) -> str:
        """One of DfE's agency rules: what it requires, from when, what the council must do, its source."""
        rule = context.data.agency_rules.get(rule_id)
        if rule is None:
            raise _unknown("agency_rule", "agency rule", rule_id, context.data.agency_rules, "data/agency_rules.yml")
        return render_block(
            "agency_rule",
            rule=rule,
            status=RULE_STATUS[rule.status],
            page_link=page_link(rule.page),
            heading_level=heading_level_of("agency_rule", heading_level),
            label=f"The rule: {rule.title}",
        )

    @checked("statistic")
    def statistic(statistic_id: str) -> str:
        """A figure with its date, its source linked, and any caveat, to use inside a sentence."""
        figure = context.data.statistics.get(statistic_id)
        if figure is None:
            raise _unknown("statistic", "statistic", statistic_id, sorted(context.data.statistics), "data/statistics/")
        return render_inline("statistic", statistic=figure, as_at=long_date(figure.as_at))

    return {"standard_summary": standard_summary, "agency_rule": agency_rule, "statistic": statistic}
