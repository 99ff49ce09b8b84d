"""Blocks that show facts from data/: a standard, an agency rule, a statistic. Pages never retype them."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from datetime import date

from macros.arguments import checked, heading_level_of
from macros.context import MacroContext, render_block, render_inline
from macros.errors import AUTHOR_GUIDE, macro_error
from site_model.data import Statistic, newest_in_series
from site_model.errors import AuthorError, notices

RULE_STATUS = {
    "must": "Legal requirement: your council must do this.",
    "should": "Statutory guidance: follow this unless there are exceptional circumstances.",
}


def unknown(macro: str, what: str, given: object, known: Iterable[object], data_file: str) -> Exception:
    """An id that is not in the data: the closest known one, and the whole list if it is short."""
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
            raise unknown("standard_summary", "employer standard", number, context.data.standards, "data/standards.yml")
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
            raise unknown("agency_rule", "agency rule", rule_id, context.data.agency_rules, "data/agency_rules.yml")
        return render_block(
            "agency_rule",
            rule=rule,
            status=RULE_STATUS[rule.status],
            page_link=page_link(rule.page),
            heading_level=heading_level_of("agency_rule", heading_level),
            label=f"The rule: {rule.title}",
        )

    @checked("statistic")
    def statistic(statistic_id: str, comparison: bool = False) -> str:
        """A figure to use inside a sentence. Its source and period go in a numbered note at the end of the page.

        comparison=True says the page cites an older figure on purpose, to compare it with a newer one.
        """
        figure = context.data.statistics.get(statistic_id)
        if figure is None:
            raise unknown("statistic", "statistic", statistic_id, sorted(context.data.statistics), "data/statistics/")
        cited = cite(context, figure, "statistic", repr(statistic_id))
        newer = newest_in_series(context.data.statistics, figure)
        if newer is not figure and not comparison:
            line = context.line_of(f'statistic("{statistic_id}"')
            notices.warning(
                'newer figure: docs/%s%s cites %s (%s) but %s has %s (%s) for %s. Cite "%s", or write '
                'statistic("%s", comparison=True) if the page compares the two on purpose.',
                context.current_src(),
                f":{line}" if line else "",
                statistic_id,
                figure.period,
                figure.series.id,
                newer.id,
                newer.value,
                newer.period,
                newer.id,
                statistic_id,
            )
        return cited

    return {"standard_summary": standard_summary, "agency_rule": agency_rule, "statistic": statistic}


# Python-Markdown's footnotes extension puts the notes list where this line stands.
NOTES_MARKER = "///Footnotes Go Here///"


def note_label(context: MacroContext, figure: Statistic) -> str:
    """The note's id, unique across the site: the print page holds every page, and two may cite one figure."""
    return f"{context.current_src()[: -len('.md')].replace('/', '-')}-{figure.id}"


def cite(context: MacroContext, figure: Statistic, macro: str, what: str) -> str:
    """A figure as the page shows it, with the link to its numbered note; the figure joins the page's notes.

    Every figure on a page is cited through here (statistic() in a sentence, chart() in its table), so the
    notes list each figure once, in the order it is first cited. `what` names the call in an error.
    """
    if context.current_src() in context.notes_written:
        raise macro_error(
            macro,
            f"{what} comes after sources_section(), where the page's notes are "
            "listed. Move sources_section() to the end of the page.",
        )
    context.cite(figure)
    return render_inline("statistic", statistic=figure, label=note_label(context, figure))


def _note_text(figure: Statistic) -> str:
    title = figure.source.title.replace("[", "(").replace("]", ")")
    caveat = f" {figure.caveat}" if figure.caveat else ""
    period = figure.period_text[0].upper() + figure.period_text[1:]
    return f"{period}: {figure.series.measure}. {figure.source.publisher}, [{title}]({figure.source.url}).{caveat}"


def notes_section(context: MacroContext) -> str:
    """The page's numbered notes, one per figure it cites, or nothing if it cites none."""
    context.notes_written.add(context.current_src())
    cited = context.citations.get(context.current_src(), [])
    if not cited:
        return ""
    definitions = "\n".join(f"[^{note_label(context, figure)}]: {_note_text(figure)}" for figure in cited)
    return f"\n\n## Notes\n\n{NOTES_MARKER}\n\n{definitions}\n"


def check_page_citations(context: MacroContext, markdown: str) -> None:
    """A page that cites figures lists their notes, and is due for review by the time any of them is replaced."""
    cited = context.citations.get(context.current_src(), [])
    review_due = context.current_meta().get("review_due")
    due_by = [figure.series for figure in cited if figure.series.review_by]
    if review_due and due_by:
        first = min(due_by, key=lambda series: series.review_by)
        if date.fromisoformat(str(review_due)) > first.review_by:
            raise AuthorError(
                f"docs/{context.current_src()}: review_due is {review_due}, but the page cites {first.id}, whose next "
                f"release is expected by {first.review_by} (review_by in data/statistics/). Set review_due to "
                f"{first.review_by} or earlier, so the page is checked when the new figures come out."
            )
    if cited and NOTES_MARKER not in markdown:
        raise AuthorError(
            f"docs/{context.current_src()}: the page cites figures with statistic() or chart() but has no "
            "sources_section(), where their notes are listed. Add {{ sources_section() }} as the page's last line. "
            f"See 'statistic' in {AUTHOR_GUIDE}."
        )
