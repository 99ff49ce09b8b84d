"""The site's blocks (the macros' HTML) as Govspeak: each handler takes one block and gives its Govspeak blocks.

The converter (conversion.py) finds a block by its CSS class in SITE_BLOCKS. The classes are the macros' templates'
(macros/templates/*.html); tests/handover/test_govspeak.py converts HTML the real macros render, so a template that
changes a class, or what a block holds, fails a test there until this file follows it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from bs4 import Tag

from handover.govspeak.text import LINE_BREAK, WHITESPACE, classes_of, escape, one_line, url
from site_model.vocabulary import CALLOUT_TITLES

if TYPE_CHECKING:  # only for annotations: conversion.py imports this module
    from handover.govspeak.conversion import Block, Converter


def callout(converter: Converter, element: Tag) -> list[Block]:
    kind = next((c.split("--", 1)[1] for c in classes_of(element) if c.startswith("app-callout--")), "information")
    title_element = element.find(class_="app-callout__title")
    title = one_line(converter.inline_of(title_element)) if title_element else ""
    if title_element:
        title_element.extract()
    # Govspeak's own boxes already say "Information", "Warning" and "This section applies to England", so the
    # title the macro gives when the author gives none (CALLOUT_TITLES) goes; our "important" has no box of its
    # own, so its title stays to keep the emphasis.
    if kind != "important" and title == CALLOUT_TITLES.get(kind):
        title = ""
    if kind == "england":
        body = ([f"**{title}**"] if title else []) + converter.blocks(element)
        return [(":england:\n" + "\n\n".join(body) + "\n:england:", False)]
    marker = "%" if kind == "warning" else "^"
    return _boxed_paragraphs(converter.items(element), marker, title)


def _boxed_paragraphs(items: list[Block], marker: str, title: str) -> list[Block]:
    """Govspeak's ^...^ and %...% hold one line of text and have no block form: one box per paragraph.

    Anything else (a list, a table) cannot go inside, so it follows in place, unboxed.
    """
    lead = ""
    if title:
        lead = f"**{title}**" + ("" if title[-1] in ".?!:" else ":")
    result: list[Block] = []
    for text, is_paragraph in items:
        if is_paragraph:
            line = one_line(f"{lead} {text}" if lead else text)
            result.append((f"{marker}{line}{marker}", False))
            lead = ""
        else:
            if lead:
                result.append((f"{marker}{lead.rstrip(':')}{marker}", False))
                lead = ""
            result.append((text, False))
    if lead:
        result.append((f"{marker}{lead.rstrip(':')}{marker}", False))
    return result


def practice_example(converter: Converter, element: Tag) -> list[Block]:
    # $E is Govspeak's example box and takes any block; our label says whose example it is, so it stays.
    lines = []
    for class_name in ("app-practice-example__label", "app-practice-example__title"):
        part = element.find(class_=class_name)
        if part:
            lines.append(f"**{one_line(converter.inline_of(part))}**")
            part.extract()
    return [("$E\n" + "\n\n".join(lines + converter.blocks(element)) + "\n$E", False)]


def titled_section(converter: Converter, element: Tag) -> list[Block]:
    """A standard's summary or an agency rule: a plain section led by its title in bold.

    Not ^...^: those hold one line each, and these blocks have lists and terms. Not $E (they are not examples),
    $CTA (not a call to action) or $! (a summary of the page, not of a source). Bold rather than a heading, as
    our titles are labels of the box; the page's own headings carry the outline.
    """
    title_element = element.find(class_=re.compile(r"__title$"))
    lead: list[Block] = []
    if title_element:
        caption = title_element.find(class_=re.compile(r"__caption$"))
        caption_text = one_line(converter.inline_of(caption)) if caption else ""
        if caption:
            caption.extract()
        title = one_line(converter.inline_of(title_element))
        lead = [(f"**{caption_text}: {title}**" if caption_text else f"**{title}**", True)]
        title_element.extract()
    return lead + converter.items(element)


def checklist(converter: Converter, element: Tag) -> list[Block]:
    # Govspeak has no checkbox; on paper a bulleted list serves, as on our page.
    return _titled_list(converter, element, ordered=False)


def reflective_questions(converter: Converter, element: Tag) -> list[Block]:
    return _titled_list(converter, element, ordered=True)


def _titled_list(converter: Converter, element: Tag, ordered: bool) -> list[Block]:
    result: list[Block] = []
    for child in element.find_all(True, recursive=False):
        if child.name in ("ul", "ol"):
            result.append((converter.list_block(child, ordered=ordered), False))  # never steps: these are questions
        else:
            result += converter.block(child)
    return result


# --- Tools (the tool() macro) ---
# Whitehall takes no forms or scripts: a tool becomes the plain checklist a reader prints, plus a call to action
# that links to the form on the web, where answers are saved, downloaded and printed. The summary part and the
# buttons exist only with JavaScript, so they are left out.


def tool(converter: Converter, element: Tag) -> list[Block]:
    kind = element.get("data-app-tool-kind")
    if kind == "summary":
        return []
    result: list[Block] = []
    if element.find(class_="app-tool__intro") is not None:
        result.append(_tool_web_link(converter, element))
    for child in element.find_all(True, recursive=False):
        classes = classes_of(child)
        if re.fullmatch(r"h[1-6]", child.name):
            result += converter.heading(child)
        elif "app-tool__intro-text" in classes:
            result += converter.paragraph(list(child.children))
        elif "app-tool__checklist" in classes:
            result += _tool_checklist(converter, child)
        elif "app-tool__questions" in classes:
            result += _tool_questions(converter, element, child, kind)
        elif "app-tool__rows" in classes:
            result += _tool_rows(converter, element, child)
    return result


def _tool_web_link(converter: Converter, element: Tag) -> Block:
    anchor = element.get("id") or ""
    href = f"{converter.web_page or ''}#{anchor}" if anchor else (converter.web_page or "")
    converter.web_links.append(href)
    return (
        "$CTA\n"
        f"Print this checklist to fill it in by hand, or [fill it in online]({url(href)}) to keep your answers in "
        "your own browser, download them as a spreadsheet and print them.\n"
        "$CTA",
        False,
    )


def _tool_item(converter: Converter, label: Tag | None, hint: Tag | None) -> str:
    text = one_line(converter.inline_of(label)) if label else ""
    hint_text = one_line(converter.inline_of(hint)) if hint else ""
    return f"{text}{LINE_BREAK}{hint_text}" if hint_text else text


def _tool_fields(container: Tag) -> list[str]:
    """What to write for a question or row: each field's label, and a choice's answers."""
    labels = []
    for box in container.select("[data-app-tool-field]"):
        label = WHITESPACE.sub(" ", box.get("data-app-tool-label") or "").strip()
        options = [
            WHITESPACE.sub(" ", option.get_text(" ", strip=True))
            for option in box.select("label")
            if box.get("data-app-tool-field-kind") == "choice"
        ]
        if options:
            label += ": " + (", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else options[0])
        labels.append(escape(label))
    return labels


def _tool_questions(converter: Converter, part: Tag, questions: Tag, kind: str | None) -> list[Block]:
    fieldsets = questions.find_all("fieldset", class_="app-tool__question", recursive=False)
    if not fieldsets:
        return []
    first = fieldsets[0]
    try:
        gaps = json.loads(part.get("data-app-tool-gaps") or "[]")
    except ValueError:
        gaps = []
    if kind == "fields" and len(fieldsets) == 1 and not gaps:  # one question, such as "About this assignment"
        legend = first.find("legend", recursive=False)
        title = [(f"**{one_line(converter.inline_of(legend))}**", True)] if legend else []
        return title + [("\n".join(f"- {label}" for label in _tool_fields(first)), False)]
    lead = []
    if kind == "rating":
        ratings = [escape(radio.get_text(" ", strip=True)) for radio in first.select(".app-tool__radios label")]
        lead.append("Rate each one: " + (", ".join(ratings[:-1]) + " or " + ratings[-1] if ratings else "") + ".")
    fields = _tool_fields(first)
    if fields:
        lead.append("For each one, write down: " + "; ".join(fields) + ".")
    if gaps:
        lead.append("Then work out: " + "; ".join(escape(str(gap.get("label", ""))).lower() for gap in gaps) + ".")
    items = [
        "- "
        + _tool_item(
            converter, fieldset.find("legend", recursive=False), fieldset.find(class_="app-tool__hint", recursive=False)
        ).replace("\n", "\n  ")
        for fieldset in fieldsets
    ]
    return ([(" ".join(lead), True)] if lead else []) + [("\n".join(items), False)]


def _tool_checklist(converter: Converter, fieldset: Tag) -> list[Block]:
    result: list[Block] = []
    legend = fieldset.find("legend", recursive=False)
    heading = legend.find(re.compile(r"^h[1-6]$")) if legend else None
    if heading is not None:
        result += converter.heading(heading)
    elif legend is not None:
        result.append((f"**{one_line(converter.inline_of(legend))}**", True))
    hint = fieldset.find(class_="app-tool__hint", recursive=False)
    if hint is not None:
        result += converter.paragraph(list(hint.children))
    items = []
    for box in fieldset.select(".app-tool__checkbox"):
        item = _tool_item(converter, box.find("label"), box.find(class_="app-tool__hint"))
        items.append("- " + item.replace("\n", "\n  "))
    return result + ([("\n".join(items), False)] if items else [])


def _tool_rows(converter: Converter, part: Tag, rows: Tag) -> list[Block]:
    first = rows.find("fieldset", recursive=False)
    if first is None:
        return []
    label = WHITESPACE.sub(" ", part.get("data-app-tool-row-label") or "row").strip().lower()
    fields = _tool_fields(first)
    return [(f"For each {escape(label)}, write down:", True), ("\n".join(f"- {field}" for field in fields), False)]


def chart(converter: Converter, element: Tag) -> list[Block]:
    """A chart: its title in bold, its trend in words, then its figures as a table marked `{barchart}`.

    Govspeak's `{barchart}` goes on the line straight after the table (it becomes the table's Kramdown
    attribute list, classes js-barchart-table and mc-auto-outdent); GOV.UK's script then draws the table as a
    bar chart with a link to switch back to the table. That script takes each row's first cell (a td) as its
    label, so the periods are plain cells here, not "# " row headers. The SVG has no Govspeak form.
    """
    svg = element.find("svg", class_="app-chart__svg")
    title = svg.find("title") if svg else None
    desc = svg.find("desc") if svg else None
    table = element.find("table")
    result: list[Block] = []
    if title is not None and title.get_text(strip=True):
        result.append((f"**{one_line(converter.inline_of(title))}**", True))
    if desc is not None and desc.get_text(strip=True):
        result += converter.paragraph(list(desc.children))
    if table is None:
        return result
    rows = converter.table(table, caption=False, row_headers=False)
    text, _ = rows[-1]
    return result + rows[:-1] + [(text + "\n{barchart}", False)]


def statistic(node: Tag) -> str:
    # The figure alone, as plain text: its source is the footnote that follows it.
    return escape(WHITESPACE.sub(" ", node.get_text()).strip())


# A block's CSS class -> its handler. The first class an element has, in this order, decides.
SITE_BLOCKS: dict[str, Callable[[Converter, Tag], list[Block]]] = {
    "app-callout": callout,
    "app-practice-example": practice_example,
    "app-standard-summary": titled_section,
    "app-agency-rule": titled_section,
    "app-checklist": checklist,
    "app-reflective-questions": reflective_questions,
    "app-chart": chart,
    "app-tool": tool,
}
