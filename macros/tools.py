"""Tools readers fill in: self-assessments, checklists and checks, each defined by a data file in data/tools/.

`tool()` renders a tool, or one part of it, as an HTML form that follows the GOV.UK Design System's patterns
(a fieldset and legend per question, radios for a rating, labelled text boxes, hints). Without JavaScript it
is a blank form to print and fill in by hand. The scripts in overrides/assets/javascripts/tools/, loaded only on
pages with a tool, save answers in the reader's browser, summarise them, check them, download them as CSV, print
and clear them. See 'tool' in docs/authors/macros.md.

A tool lives on one page. Its parts (each section, then the summary) can be placed one by one under the page's
own headings, in the data file's order; on_post_page_macros checks that every part was placed.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable

from macros.arguments import checked, heading_level_of
from macros.context import MacroContext, render_block
from macros.errors import AUTHOR_GUIDE, macro_error, one_of
from site_model.errors import AuthorError
from site_model.tool_data import Tool

WHOLE = ("all", "questions")
SUMMARY = "summary"


def parts_of(tool: Tool) -> list[str]:
    """Every part of a tool in the order it must appear: its sections, then the summary."""
    return [section.id for section in tool.sections] + [SUMMARY]


def _expand(tool: Tool, part: str) -> list[str]:
    if part == "all":
        return parts_of(tool)
    if part == "questions":  # the sections of questions; a rows section (such as an action plan) is placed by its id
        return [section.id for section in tool.sections if section.kind != "rows"]
    if part in parts_of(tool):
        return [part]
    raise macro_error(
        "tool", f'part "{part}" is not a part of tool "{tool.id}". Use {one_of([*WHOLE, *parts_of(tool)])}.'
    )


def _html_link(context: MacroContext, page_id: str) -> str:
    """A link from the current page to another page's HTML. A tool is raw HTML, which MkDocs does not rewrite."""
    here = posixpath.dirname(context.current_src())
    return posixpath.relpath(context.pages[page_id].html_path, here or ".")


def _links(context: MacroContext, tool: Tool) -> dict[str, tuple[str, str]]:
    """Every page a tool's sections and questions point to, as (href, title); unknown pages fail with their line."""
    links: dict[str, tuple[str, str]] = {}
    wanted = [(section.see, section.line) for section in tool.sections]
    wanted += [(question.see, question.line) for section in tool.sections for question in section.questions]
    for page_id, line in wanted:
        if page_id is None:
            continue
        if page_id not in context.pages:
            raise AuthorError(
                f"{tool.where}:{line}: see: there is no page '{page_id}'. Use a page id: the page's path under docs/ "
                "without .md, such as agency/references."
            )
        links[page_id] = (_html_link(context, page_id), context.pages[page_id].title)
    return links


def _gaps(tool: Tool) -> dict[str, str]:
    """Each section's gaps as JSON for tools/*.js: which number is taken from which, and what the result is called."""
    return {
        section.id: json.dumps(
            [
                {
                    "label": gap.label,
                    "from": gap.from_field,
                    "minus": gap.minus_field,
                    "cannotExceed": gap.cannot_exceed,
                }
                for gap in section.gaps
            ],
            separators=(",", ":"),
        )
        for section in tool.sections
        if section.gaps
    }


def _place(context: MacroContext, tool: Tool, parts: list[str]) -> None:
    """Record the parts placed on the current page; refuse a second page, a part placed twice or out of order."""
    page = context.current_src()
    placed_on, placed = context.tools_placed.setdefault(tool.id, (page, []))
    if placed_on != page:
        raise macro_error(
            "tool",
            f'tool "{tool.id}" is already on docs/{placed_on}. A tool belongs on one page: its answers are saved under '
            "its id, so a second copy would share them. Link to that page instead.",
        )
    order = parts_of(tool)
    for part in parts:
        if part in placed:
            raise macro_error(
                "tool", f'part "{part}" of tool "{tool.id}" is already on this page. Place each part once.'
            )
        if placed and order.index(part) < order.index(placed[-1]):
            raise macro_error(
                "tool",
                f'part "{part}" of tool "{tool.id}" comes before "{placed[-1]}" in {tool.where}. Place the parts in '
                f"that order: {', '.join(order)}.",
            )
        placed.append(part)


def check_page_tools(context: MacroContext) -> None:
    """After a page is rendered: every tool on it has all its parts, so no question and no summary is left out."""
    page = context.current_src()
    for tool_id, (placed_on, placed) in context.tools_placed.items():
        if placed_on != page:
            continue
        tool = context.data.tools[tool_id]
        missing = [part for part in parts_of(tool) if part not in placed]
        if missing:
            line = context.line_of(f'"{tool_id}"')
            where = f"docs/{page}:{line}" if line else f"docs/{page}"
            raise AuthorError(
                f'{where}: tool(): tool "{tool_id}" is missing {", ".join(missing)} on this page. Place every part '
                f'(or call tool("{tool_id}") once for all of them): the summary holds the buttons to download, print '
                f"and clear the answers. See 'tool' in {AUTHOR_GUIDE}."
            )


def register(context: MacroContext) -> dict[str, Callable[..., str]]:
    @checked("tool")
    def tool(tool_id: str, part: str = "all", heading_level: int = 3, show_title: bool = True) -> str:
        """A tool from data/tools/<tool_id>.yml as a form, or one of its parts: a section's id, or "summary"."""
        tools = context.data.tools
        if tool_id not in tools:
            known = one_of(sorted(tools)) if tools else "none (add a file to data/tools/)"
            raise macro_error("tool", f'there is no tool "{tool_id}" in data/tools/. Known tools: {known}.')
        chosen = tools[tool_id]
        parts = _expand(chosen, part)
        level = heading_level_of("tool", heading_level)
        links = _links(context, chosen)
        _place(context, chosen, parts)
        return render_block(
            "tool",
            tool=chosen,
            parts=parts,
            heading_level=level,
            show_title=show_title,
            links=links,
            gaps=_gaps(chosen),
        )

    return {"tool": tool}
