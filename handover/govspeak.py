"""Govspeak export: each resource page's built HTML as Govspeak, for the DfE web team to paste into Whitehall.

Whitehall publisher holds a page's title separately and its body as Govspeak (GOV.UK's Markdown, Kramdown with
extensions), and refuses a body whose HTML fails its safe-HTML check. So the body is written in Govspeak's own
syntax only: nothing here passes raw HTML through, and lint_govspeak() checks the text before anything is written.

How our blocks map (the reasons are beside each handler below):

| Ours (HTML)                            | Govspeak                                                                  |
|----------------------------------------|---------------------------------------------------------------------------|
| the page's H1                          | left out: Whitehall holds the title                                       |
| h2 to h6                               | `##` to `######`, level for level                                         |
| app-callout--information, --important  | `^text^`, one per paragraph; a custom title, and "Important", lead the    |
|                                        | first paragraph in bold; a list inside follows the boxes, unboxed         |
| app-callout--warning                   | `%text%`, the same way                                                    |
| app-callout--england                   | `:england:` ... `:england:` (any block inside); custom title in bold      |
| app-practice-example                   | `$E` ... `$E`, its label and title as bold lines                          |
| app-standard-summary, app-agency-rule  | a plain section: bold lead-in ("The rule: Price caps"), the text, the     |
|                                        | rule's terms as bold lines                                                |
| app-checklist                          | its heading, then a bulleted list                                         |
| app-reflective-questions               | its heading, then a numbered list                                         |
| app-tool (the tool() macro)            | a plain checklist to print: a call to action linking to the form on the   |
|                                        | web, its headings, what to write for each question, then a bulleted list  |
|                                        | of the questions with their hints; the summary and buttons are left out   |
| app-statistic                          | the figure as plain text; its note is the footnote after it               |
| app-chart                              | its title in bold, the trend in words (the SVG's description), then its   |
|                                        | table with `{barchart}` on the next line: GOV.UK draws it as a bar chart  |
|                                        | and keeps the table. Row headers stay plain cells (the chart script reads |
|                                        | each row's first cell as its label); the SVG and its key are left out     |
| abbr                                   | its text, and `*[ABBR]: expansion` at the end of the body                 |
| ol under "How to..." or "Steps..."     | steps `s1.` `s2.` (only paragraphs may come between heading and list)     |
| other lists, tables, quotes, code      | Kramdown; table row headers `# `; code as an indented block               |
| details, content tabs                  | a heading one level below the section's, then the content                 |
| img                                    | `[Image:file.png]`, the file listed as an asset                           |
| a link to another page                 | a relative link to its Govspeak file (`../agency/notice-periods.md`)      |
| a link to a file that is not a page    | `[AttachmentLink:file.pdf]`, the file listed as an asset                  |
| footnotes                              | Kramdown footnotes, renumbered 1, 2... (Govspeak shows the number only);  |
|                                        | the "Notes" heading above them is left out: GOV.UK adds its own           |

Files written by write_govspeak() into the target folder:
  <id>.md           the body to paste into Whitehall (no title, no front matter)
  <id>.assets.txt   one line per image or file the body refers to: its path in the built site, a tab, and its
                    alt text or link text (Whitehall asks for it on upload); empty if there are none
  index.md          every page: title, Govspeak file, source Markdown file; the links between pages, which
                    point at Govspeak files and need GOV.UK addresses once the pages are published; and the links
                    from each tool to its web version, which need the address where the site is hosted

Run: python -m handover.govspeak --site site --pages build/pages.json --target dist/govspeak
"""

from __future__ import annotations

import argparse
import html
import json
import posixpath
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import PageElement

from site_model.contract import read_pages
from site_model.vocabulary import CALLOUT_TITLES


class GovspeakError(Exception):
    """The Govspeak export cannot be written; the message lists every problem, one a line."""


@dataclass(frozen=True)
class Asset:
    name: str  # what the body calls it: [Image:name] or [AttachmentLink:name]
    src: str  # as the page refers to it, relative to the page
    description: str  # alt text or link text: Whitehall asks for it when the file is uploaded


@dataclass
class Conversion:
    text: str
    assets: list[Asset]
    links: list[str]  # other pages this one links to, as relative Govspeak file names (no fragments)
    web_links: list[str] = field(default_factory=list)  # each tool's link to its web version, as written


# --- Conversion: HTML to Govspeak -------------------------------------------------------------------------

STEPS_HEADINGS = ("How to", "Steps")
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "ul",
}
# Never content: page furniture (the print button), form controls, and what the build's safe-HTML check already
# refuses in pages. Dropped, so nothing of them can reach Whitehall.
# Page furniture from the theme, not content: review dates, the line offering the page as a PDF, and
# the link to a strand's print view.
SKIPPED_CLASSES = {"app-page-meta", "app-alternative-format", "app-print-section"}
SKIPPED_TAGS = {
    "button", "embed", "iframe", "input", "label", "noscript", "object", "script", "select", "style", "template",
    "textarea",
}
PAGE_FILE_SUFFIXES = (".html", ".md")
IMAGE = "\x00"  # marks an image inside inline text: Govspeak's [Image:...] must start its own line
LINE_BREAK = "\\\\\n"  # Kramdown's hard line break: two backslashes at the end of a line
# Kramdown's backslash escapes, less those only special at the start of a line (handled in _escape_line_start).
INLINE_SPECIALS = re.compile(r"([\\`*_\[\]{}|])")
WHITESPACE = re.compile(r"[ \t\r\n\f]+")  # not \s: a non-breaking space is content

Block = tuple[str, bool]  # a block's Govspeak, and whether it is a plain paragraph (callouts box only those)


def _classes(element: Tag) -> set[str]:
    return set(element.get("class") or [])


def _escape(text: str) -> str:
    """Plain text that Kramdown shows as it is; `<` as an entity so it can never start a tag."""
    return INLINE_SPECIALS.sub(r"\\\1", text).replace("<", "&lt;")


def _escape_line_start(line: str) -> str:
    """Stop a paragraph's first characters from reading as a heading, list, quote or Govspeak block."""
    if re.match(r"[#>+\-=:$]", line):
        return "\\" + line
    if re.match(r"s?\d+\.\s", line):  # "2024. A year" is not list item 2024; "s1. " is not a step
        return re.sub(r"\.", r"\\.", line, count=1)
    if line and line[0] in "^%":  # Govspeak callouts; Kramdown has no backslash escape for these two
        return f"&#{ord(line[0])};{line[1:]}"
    return line


def _one_line(text: str) -> str:
    """Callouts, steps, table cells and headings are one line in Govspeak."""
    return WHITESPACE.sub(" ", text.replace(LINE_BREAK, " ").replace(IMAGE, " ")).strip()


def _tidy(text: str) -> str:
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r" *" + re.escape(LINE_BREAK) + " *", lambda _: LINE_BREAK, text).strip(" ")
    while text.endswith(LINE_BREAK):  # a break at the end of a paragraph means nothing
        text = text[: -len(LINE_BREAK)].rstrip(" ")
    return text.strip()


def _hang(marker: str, body: str) -> str:
    """A list item: the marker, then every following line indented to the item's text, as Kramdown needs."""
    indent = " " * (len(marker) + 1)
    lines = body.split("\n")
    rest = [indent + line if line else "" for line in lines[1:]]
    return "\n".join([f"{marker} {lines[0]}".rstrip(), *rest])


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n"))


def _url(href: str) -> str:
    # Kramdown ends a link target at the first space or unbalanced ")"; angle brackets would trip the lint.
    return href.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _emphasis(marker: str, inner: str) -> str:
    # Kramdown needs the markers against the text: "** a **" is not bold. Keep the spaces outside.
    core = inner.strip()
    if not core:
        return inner
    before = " " if inner[:1].isspace() else ""
    after = " " if inner[-1:].isspace() else ""
    return f"{before}{marker}{core}{marker}{after}"


def _code_span(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _block_text(items: list[Block]) -> list[str]:
    return [text for text, _ in items]


@dataclass
class _Converter:
    """One page's conversion: the handlers below, and what they collect for the end of the body."""

    abbreviations: dict[str, str] = field(default_factory=dict)
    assets: list[Asset] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    footnote_numbers: dict[str, int] = field(default_factory=dict)
    footnote_bodies: dict[str, list[str]] = field(default_factory=dict)
    section_level: int = 1  # the level of the last real heading, for headings made from details and tabs
    title_seen: bool = False
    web_page: str | None = None  # the page's own HTML file name, for a tool's link to its web version
    web_links: list[str] = field(default_factory=list)

    # --- Blocks ---

    def items(self, container: Tag) -> list[Block]:
        """The blocks of a container; loose text and inline elements between blocks become paragraphs."""
        result: list[Block] = []
        run: list[PageElement] = []
        for child in container.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, Tag) and (child.name in BLOCK_TAGS or child.name in SKIPPED_TAGS):
                result += self.paragraph(run)
                run = []
                result += self.block(child)
            else:
                run.append(child)
        return result + self.paragraph(run)

    def blocks(self, container: Tag) -> list[str]:
        return _block_text(self.items(container))

    def block(self, element: Tag) -> list[Block]:
        name, classes = element.name, _classes(element)
        if name in SKIPPED_TAGS or classes & SKIPPED_CLASSES:
            return []
        for class_name, handler in self.block_handlers().items():
            if class_name in classes:
                return handler(element)
        if name == "h1" and not self.title_seen:
            self.title_seen = True  # the page title: Whitehall holds it separately
            return []
        if re.fullmatch(r"h[1-6]", name):
            return self.heading(element)
        if name == "p":
            return self.paragraph(list(element.children))
        if name in ("ul", "ol"):
            ordered = name == "ol"
            return [(self.list_block(element, ordered, steps=ordered and self.is_steps(element)), False)]
        simple = {
            "table": self.table, "blockquote": self.blockquote, "pre": self.code_block, "dl": self.definitions,
            "details": self.details, "figure": self.figure, "hr": lambda _: [("---", False)],
        }
        if name in simple:
            return simple[name](element)
        return self.items(element)  # div, section and the like: only their content counts

    def block_handlers(self) -> dict[str, Callable[[Tag], list[Block]]]:
        return {
            "app-callout": self.callout,
            "app-practice-example": self.practice_example,
            "app-standard-summary": self.titled_section,
            "app-agency-rule": self.titled_section,
            "app-checklist": self.checklist,
            "app-reflective-questions": self.reflective_questions,
            "app-chart": self.chart,
            "app-tool": self.tool,
            "footnote": self.footnote_definitions,
            "tabbed-set": self.tabs,
        }

    def heading(self, element: Tag) -> list[Block]:
        level = max(2, int(element.name[1]))  # any later H1 becomes H2: Whitehall bodies start at H2
        text = _one_line(self.inline_of(element))
        following = element.find_next_sibling()
        if not text or (following is not None and "footnote" in _classes(following)):
            return []  # the page's "Notes": GOV.UK lists footnotes under its own heading at the end of the body
        self.section_level = level
        return [(f"{'#' * level} {text}", False)]

    def paragraph(self, nodes: list[PageElement]) -> list[Block]:
        """Inline content as paragraphs; an image in it becomes its own [Image:...] line."""
        rendered = "".join(self.inline(node) for node in nodes)
        result: list[Block] = []
        for index, part in enumerate(rendered.split(IMAGE)):
            if index % 2:
                result.append((f"[Image:{part}]", False))
                continue
            text = _tidy(part)
            if text:
                result.append(("\n".join(_escape_line_start(line) for line in text.split("\n")), True))
        return result

    def list_block(self, element: Tag, ordered: bool, steps: bool = False) -> str:
        items = element.find_all("li", recursive=False)
        if steps:
            # Govspeak steps: one line each, and two blank lines after the last or the next block is swallowed.
            return "\n".join(f"s{n}. {_one_line(' '.join(self.blocks(li)))}" for n, li in enumerate(items, 1)) + "\n"
        loose = any(li.find("p", recursive=False) for li in items)
        gap = "\n\n" if loose else "\n"
        rendered = []
        for number, li in enumerate(items, 1):
            marker = f"{number}." if ordered else "-"
            rendered.append(_hang(marker, gap.join(self.blocks(li))))
        return gap.join(rendered)

    def is_steps(self, element: Tag) -> bool:
        """An ordered list whose section heading starts "How to" or "Steps", with at most paragraphs between."""
        for sibling in element.find_previous_siblings():
            if re.fullmatch(r"h[2-6]", sibling.name):
                return sibling.get_text(" ", strip=True).startswith(STEPS_HEADINGS)
            if sibling.name != "p":
                return False
        return False

    def table(self, element: Tag, caption: bool = True, row_headers: bool = True) -> list[Block]:
        """A Kramdown table; a header cell in a body row's first column starts with "# " (Govspeak's row header)."""
        result: list[Block] = []
        caption_element = element.find("caption")
        if caption and caption_element:
            text = _one_line(self.inline_of(caption_element))
            if text:
                result.append((f"**{text}**", True))
        rows = [row for row in element.find_all("tr") if row.find_parent("table") is element]  # not a nested table's
        head = [row for row in rows if row.parent.name == "thead"]
        body = [row for row in rows if row.parent.name != "thead"]
        lines = [self.table_row(row, in_head=True) for row in head[:1]]
        if head:
            aligns = [self.alignment(cell) for cell in head[0].find_all(["th", "td"], recursive=False)]
            lines.append("|" + "|".join(aligns) + "|")
        lines += [self.table_row(row, in_head=False, row_headers=row_headers) for row in head[1:] + body]
        return result + [("\n".join(lines), False)]

    def table_row(self, row: Tag, in_head: bool, row_headers: bool = True) -> str:
        cells = []
        for index, cell in enumerate(row.find_all(["th", "td"], recursive=False)):
            text = _one_line(self.inline_of(cell))
            if row_headers and not in_head and index == 0 and cell.name == "th" and text:
                text = f"# {text}"  # Govspeak makes only the first column's "# " cells row headers
            cells.append(text)
        return "| " + " | ".join(cells) + " |"

    @staticmethod
    def alignment(cell: Tag) -> str:
        style = re.search(r"text-align:\s*(\w+)", cell.get("style") or "")
        align = cell.get("align") or (style.group(1) if style else "")
        return {"left": ":---", "right": "---:", "center": ":---:"}.get(align, "---")

    def blockquote(self, element: Tag) -> list[Block]:
        return [(_indent("\n\n".join(self.blocks(element)), "> "), False)]

    @staticmethod
    def code_block(element: Tag) -> list[Block]:
        # An indented code block: Kramdown reads nothing in it as Markdown. (Govspeak's block markers are found
        # before Kramdown runs, even here; guidance pages have no code, and the lint still checks it for tags.)
        code = element.get_text().strip("\n")
        return [(_indent(code, "    "), False)] if code.strip() else []

    def definitions(self, element: Tag) -> list[Block]:
        # Terms as bold lines, not a Kramdown definition list: GOV.UK's publishing styles do not design for <dl>.
        result: list[Block] = []
        for child in (term for term in element.find_all(["dt", "dd"]) if term.find_parent("dl") is element):
            if child.name == "dt":
                result.append((f"**{_one_line(self.inline_of(child))}**", True))
            else:
                result += self.items(child)
        return result

    def details(self, element: Tag) -> list[Block]:
        # Govspeak has no collapsible block: the summary becomes a heading below the section's, the rest shows.
        summary = element.find("summary", recursive=False)
        level = min(6, max(2, self.section_level + 1))
        result: list[Block] = []
        if summary:
            result.append((f"{'#' * level} {_one_line(self.inline_of(summary))}", False))
            summary.extract()
        return result + self.items(element)

    def tabs(self, element: Tag) -> list[Block]:
        # Content tabs (pymdownx.tabbed, either style) flatten like details: each label a heading, then its panel.
        labels = element.find_all("label")
        panels = element.select(".tabbed-block") or element.find_all(class_="tabbed-content", recursive=False)
        level = min(6, max(2, self.section_level + 1))
        result: list[Block] = []
        for label, panel in zip(labels, panels, strict=False):
            result.append((f"{'#' * level} {_one_line(self.inline_of(label))}", False))
            result += self.items(panel)
        return result

    def figure(self, element: Tag) -> list[Block]:
        caption = element.find("figcaption")
        if caption:
            caption.extract()
        return self.items(element) + (self.paragraph(list(caption.children)) if caption else [])

    # --- Our blocks ---

    def callout(self, element: Tag) -> list[Block]:
        kind = next((c.split("--", 1)[1] for c in _classes(element) if c.startswith("app-callout--")), "information")
        title_element = element.find(class_="app-callout__title")
        title = _one_line(self.inline_of(title_element)) if title_element else ""
        if title_element:
            title_element.extract()
        # Govspeak's own boxes already say "Information", "Warning" and "This section applies to England"; our
        # "important" has no box of its own, so its title stays to keep the emphasis.
        if kind != "important" and title == CALLOUT_TITLES.get(kind):
            title = ""
        if kind == "england":
            body = ([f"**{title}**"] if title else []) + self.blocks(element)
            return [(":england:\n" + "\n\n".join(body) + "\n:england:", False)]
        marker = "%" if kind == "warning" else "^"
        return self.boxed_paragraphs(self.items(element), marker, title)

    @staticmethod
    def boxed_paragraphs(items: list[Block], marker: str, title: str) -> list[Block]:
        """Govspeak's ^...^ and %...% hold one line of text and have no block form: one box per paragraph.

        Anything else (a list, a table) cannot go inside, so it follows in place, unboxed.
        """
        lead = ""
        if title:
            lead = f"**{title}**" + ("" if title[-1] in ".?!:" else ":")
        result: list[Block] = []
        for text, is_paragraph in items:
            if is_paragraph:
                line = _one_line(f"{lead} {text}" if lead else text)
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

    def practice_example(self, element: Tag) -> list[Block]:
        # $E is Govspeak's example box and takes any block; our label says whose example it is, so it stays.
        lines = []
        for class_name in ("app-practice-example__label", "app-practice-example__title"):
            part = element.find(class_=class_name)
            if part:
                lines.append(f"**{_one_line(self.inline_of(part))}**")
                part.extract()
        return [("$E\n" + "\n\n".join(lines + self.blocks(element)) + "\n$E", False)]

    def titled_section(self, element: Tag) -> list[Block]:
        """A standard's summary or an agency rule: a plain section led by its title in bold.

        Not ^...^: those hold one line each, and these blocks have lists and terms. Not $E (they are not examples),
        $CTA (not a call to action) or $! (a summary of the page, not of a source). Bold rather than a heading, as
        our titles are labels of the box; the page's own headings carry the outline.
        """
        title_element = element.find(class_=re.compile(r"__title$"))
        lead: list[Block] = []
        if title_element:
            caption = title_element.find(class_=re.compile(r"__caption$"))
            caption_text = _one_line(self.inline_of(caption)) if caption else ""
            if caption:
                caption.extract()
            title = _one_line(self.inline_of(title_element))
            lead = [(f"**{caption_text}: {title}**" if caption_text else f"**{title}**", True)]
            title_element.extract()
        return lead + self.items(element)

    def checklist(self, element: Tag) -> list[Block]:
        # Govspeak has no checkbox; on paper a bulleted list serves, as on our page.
        return self.titled_list(element, ordered=False)

    def reflective_questions(self, element: Tag) -> list[Block]:
        return self.titled_list(element, ordered=True)

    def titled_list(self, element: Tag, ordered: bool) -> list[Block]:
        result: list[Block] = []
        for child in element.find_all(True, recursive=False):
            if child.name in ("ul", "ol"):
                result.append((self.list_block(child, ordered=ordered), False))  # never steps: these are questions
            else:
                result += self.block(child)
        return result

    # --- Tools (the tool() macro) ---
    # Whitehall takes no forms or scripts: a tool becomes the plain checklist a reader prints, plus a call to action
    # that links to the form on the web, where answers are saved, downloaded and printed. The summary part and the
    # buttons exist only with JavaScript, so they are left out.

    def tool(self, element: Tag) -> list[Block]:
        kind = element.get("data-app-tool-kind")
        if kind == "summary":
            return []
        result: list[Block] = []
        if element.find(class_="app-tool__intro") is not None:
            result.append(self.tool_web_link(element))
        for child in element.find_all(True, recursive=False):
            classes = _classes(child)
            if re.fullmatch(r"h[1-6]", child.name):
                result += self.heading(child)
            elif "app-tool__intro-text" in classes:
                result += self.paragraph(list(child.children))
            elif "app-tool__checklist" in classes:
                result += self.tool_checklist(child)
            elif "app-tool__questions" in classes:
                result += self.tool_questions(element, child, kind)
            elif "app-tool__rows" in classes:
                result += self.tool_rows(element, child)
        return result

    def tool_web_link(self, element: Tag) -> Block:
        anchor = element.get("id") or ""
        href = f"{self.web_page or ''}#{anchor}" if anchor else (self.web_page or "")
        self.web_links.append(href)
        return (
            "$CTA\n"
            f"Print this checklist to fill it in by hand, or [fill it in online]({_url(href)}) to keep your answers in "
            "your own browser, download them as a spreadsheet and print them.\n"
            "$CTA",
            False,
        )

    def tool_item(self, label: Tag | None, hint: Tag | None) -> str:
        text = _one_line(self.inline_of(label)) if label else ""
        hint_text = _one_line(self.inline_of(hint)) if hint else ""
        return f"{text}{LINE_BREAK}{hint_text}" if hint_text else text

    @staticmethod
    def tool_fields(container: Tag) -> list[str]:
        """What to write for a question or row: each field's label, and a choice's answers."""
        labels = []
        for box in container.select("[data-app-tool-field]"):
            label = WHITESPACE.sub(" ", box.get("data-app-tool-label") or "").strip()
            options = [WHITESPACE.sub(" ", option.get_text(" ", strip=True)) for option in box.select("label")
                       if box.get("data-app-tool-field-kind") == "choice"]
            if options:
                label += ": " + (", ".join(options[:-1]) + " or " + options[-1] if len(options) > 1 else options[0])
            labels.append(_escape(label))
        return labels

    def tool_questions(self, part: Tag, questions: Tag, kind: str | None) -> list[Block]:
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
            title = [(f"**{_one_line(self.inline_of(legend))}**", True)] if legend else []
            return title + [("\n".join(f"- {label}" for label in self.tool_fields(first)), False)]
        lead = []
        if kind == "rating":
            ratings = [_escape(radio.get_text(" ", strip=True)) for radio in first.select(".app-tool__radios label")]
            lead.append("Rate each one: " + (", ".join(ratings[:-1]) + " or " + ratings[-1] if ratings else "") + ".")
        fields = self.tool_fields(first)
        if fields:
            lead.append("For each one, write down: " + "; ".join(fields) + ".")
        if gaps:
            lead.append("Then work out: " + "; ".join(_escape(str(gap.get("label", ""))).lower() for gap in gaps) + ".")
        items = [
            "- " + self.tool_item(fieldset.find("legend", recursive=False),
                                  fieldset.find(class_="app-tool__hint", recursive=False)).replace("\n", "\n  ")
            for fieldset in fieldsets
        ]
        return ([(" ".join(lead), True)] if lead else []) + [("\n".join(items), False)]

    def tool_checklist(self, fieldset: Tag) -> list[Block]:
        result: list[Block] = []
        legend = fieldset.find("legend", recursive=False)
        heading = legend.find(re.compile(r"^h[1-6]$")) if legend else None
        if heading is not None:
            result += self.heading(heading)
        elif legend is not None:
            result.append((f"**{_one_line(self.inline_of(legend))}**", True))
        hint = fieldset.find(class_="app-tool__hint", recursive=False)
        if hint is not None:
            result += self.paragraph(list(hint.children))
        items = []
        for box in fieldset.select(".app-tool__checkbox"):
            item = self.tool_item(box.find("label"), box.find(class_="app-tool__hint"))
            items.append("- " + item.replace("\n", "\n  "))
        return result + ([("\n".join(items), False)] if items else [])

    def tool_rows(self, part: Tag, rows: Tag) -> list[Block]:
        first = rows.find("fieldset", recursive=False)
        if first is None:
            return []
        label = WHITESPACE.sub(" ", part.get("data-app-tool-row-label") or "row").strip().lower()
        fields = self.tool_fields(first)
        return [(f"For each {_escape(label)}, write down:", True), ("\n".join(f"- {field}" for field in fields), False)]

    def chart(self, element: Tag) -> list[Block]:
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
            result.append((f"**{_one_line(self.inline_of(title))}**", True))
        if desc is not None and desc.get_text(strip=True):
            result += self.paragraph(list(desc.children))
        if table is None:
            return result
        rows = self.table(table, caption=False, row_headers=False)
        text, _ = rows[-1]
        return result + rows[:-1] + [(text + "\n{barchart}", False)]

    def footnote_definitions(self, element: Tag) -> list[Block]:
        # Collected here, written at the end of the body, where Kramdown puts footnotes anyway.
        for item in element.select("ol > li[id]"):
            label = re.sub(r"^fn[:-]", "", item["id"])
            for backref in item.select("a.footnote-backref, a[role=doc-backlink]"):
                backref.decompose()
            self.footnote_bodies[label] = self.blocks(item)
            self.footnote_number(label)
        return []

    def footnote_number(self, label: str) -> int:
        # Govspeak shows "[footnote N]" from the digits of the id, so labels are renumbered 1, 2... in order.
        return self.footnote_numbers.setdefault(label, len(self.footnote_numbers) + 1)

    # --- Inline ---

    def inline_of(self, element: Tag | None) -> str:
        return "".join(self.inline(child) for child in element.children) if element else ""

    def inline(self, node: PageElement) -> str:
        if isinstance(node, Comment):
            return ""
        if isinstance(node, NavigableString):
            return _escape(WHITESPACE.sub(" ", str(node)))
        assert isinstance(node, Tag)
        name, classes = node.name, _classes(node)
        if name in SKIPPED_TAGS:
            return ""
        if name == "br":
            return LINE_BREAK
        if name in ("strong", "b"):
            return _emphasis("**", self.inline_of(node))
        if name in ("em", "i"):
            return _emphasis("*", self.inline_of(node))
        if name in ("code", "kbd", "samp"):
            return _code_span(WHITESPACE.sub(" ", node.get_text()))
        if name == "abbr":
            return self.abbreviation(node)
        if name == "a":
            return self.link(node)
        if name == "img":
            return self.image(node)
        if name == "sup" and (node.get("id", "").startswith("fnref") or node.find("a", class_="footnote-ref")):
            link = node.find("a")
            label = (link.get("href", "") if link else "").lstrip("#")
            return f"[^{self.footnote_number(re.sub(r'^fn[:-]', '', label))}]"
        if "app-statistic" in classes:
            return self.statistic(node)
        return self.inline_of(node)

    def abbreviation(self, node: Tag) -> str:
        short, title = node.get_text(strip=True), (node.get("title") or "").strip()
        if short and title:
            self.abbreviations.setdefault(short, title)  # the first expansion wins if a page has two
        return _escape(node.get_text())

    def statistic(self, node: Tag) -> str:
        # The figure alone, as plain text: its source is the footnote that follows it.
        return _escape(WHITESPACE.sub(" ", node.get_text()).strip())

    def link(self, node: Tag) -> str:
        href = (node.get("href") or "").strip()
        text = self.inline_of(node).strip()
        if "footnote-backref" in _classes(node) or node.get("role") == "doc-backlink":
            return ""
        if not href or IMAGE in text:
            return text  # a linked image: Govspeak's [Image:...] cannot be a link
        parts = urlsplit(href)
        if parts.scheme or href.startswith(("#", "//")):
            return f"[{text or _escape(href)}]({_url(href)})"
        path = unquote(parts.path)
        if path.endswith("/"):
            path += "index.html"
        if path.endswith(PAGE_FILE_SUFFIXES) or not path:
            # Another page: its Govspeak file, relative as on the site, so the web team can map it to GOV.UK.
            target = re.sub(r"\.html$", ".md", path)
            if target:
                self.links.append(target)
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            return f"[{text or _escape(target + fragment)}]({_url(target + fragment)})"
        # A file, not a page: Whitehall serves it as an attachment of the page.
        name = posixpath.basename(path)
        self.assets.append(Asset(name, path, _one_line(node.get_text(" ", strip=True))))
        return f"[AttachmentLink:{name}]"

    def image(self, node: Tag) -> str:
        src = unquote(urlsplit((node.get("src") or "").strip()).path)
        name = posixpath.basename(src)
        if not name:
            return ""
        self.assets.append(Asset(name, src, WHITESPACE.sub(" ", node.get("alt") or "").strip()))
        return f"{IMAGE}{name}{IMAGE}"

    # --- The whole body ---

    def finish(self, body: list[str]) -> str:
        notes = []
        for label, number in sorted(self.footnote_numbers.items(), key=lambda item: item[1]):
            if label in self.footnote_bodies:
                text = "\n\n".join(self.footnote_bodies[label])
                notes.append(f"[^{number}]: " + _indent(text, "    ").lstrip())
        # Longest first: Govspeak applies definitions in order, so "PSWs" must come before "PSW".
        ordered = sorted(self.abbreviations.items(), key=lambda item: (-len(item[0]), item[0]))
        definitions = ["\n".join(f"*[{short}]: {title}" for short, title in ordered)] if ordered else []
        text = "\n\n".join(block for block in body + notes + definitions if block.strip())
        return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def _article(soup: BeautifulSoup) -> Tag | None:
    # Material's <article class="md-content__inner"> holds the page body; earlier builds gave it id="main-content".
    return (
        soup.find("article", id="main-content") or soup.find("article", class_="md-content__inner") or soup.find("article")
    )


def article_of(page_html: str) -> Tag | None:
    """The page body of a built page: its article, with the print button, title, content and review dates."""
    return _article(BeautifulSoup(page_html, "html.parser"))


def convert(article_html: str, web_page: str | None = None) -> Conversion:
    """One page's article HTML as Govspeak, with the assets and other pages it refers to.

    `web_page` is the page's own HTML file name (such as "self-assessment.html"): a tool links to it, its web version.
    """
    soup = BeautifulSoup(article_html, "html.parser")
    article = _article(soup) or soup  # a fragment without its article element converts too
    converter = _Converter(web_page=web_page)
    text = converter.finish(converter.blocks(article))
    return Conversion(text, converter.assets, converter.links, converter.web_links)


def to_govspeak(article_html: str, web_page: str | None = None) -> tuple[str, list[str]]:
    """Govspeak text of one page's article HTML, and the file names of the images and files it refers to."""
    conversion = convert(article_html, web_page)
    return conversion.text, sorted({asset.name for asset in conversion.assets})


# --- Lint: GOV.UK's safe-HTML rule, as an allow-list -------------------------------------------------------

# Raw HTML tags a body may contain. None: Govspeak has syntax for everything our pages need, Whitehall refuses a
# body whose raw HTML its sanitiser would change, and raw HTML bypasses GOV.UK's own components and styles.
ALLOWED_TAGS: frozenset[str] = frozenset()
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?=[\s/>]|$)[^>]*>?")  # as browsers read one: no space after <
MARKUP_DECLARATION = re.compile(r"<[!?]")
# Kramdown's attribute lists and extensions: {: onclick="..."} adds an attribute with no tag at all.
KRAMDOWN_ATTRIBUTES = re.compile(r"(?<!\\)\{:[^}]*\}?")
EVENT_ATTRIBUTE = re.compile(r"(?<![\w-])(on[a-z]+)\s*=", re.IGNORECASE)  # looked for inside the two above
# Where a URL starts once spaces are squeezed out: a link target, a reference definition, an autolink or attribute.
SCRIPT_URL = re.compile(r"(?:\]\(|\]:|<|=[\"']?)(javascript|vbscript|data):", re.IGNORECASE)
TAG_REASONS = {
    "script": "a <script> is not allowed: GOV.UK rejects JavaScript in content",
    "style": "a <style> block is not allowed: GOV.UK pages take their styles from GOV.UK",
    "iframe": "an <iframe> is not allowed: GOV.UK rejects embedded pages in content",
}


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _event_attributes(markup: str, where: str, line: int) -> list[str]:
    return [
        f"{where}, line {line}: the '{name}' attribute runs JavaScript, which GOV.UK rejects."
        for name in EVENT_ATTRIBUTE.findall(markup)
    ]


def lint_govspeak(text: str, where: str) -> list[str]:
    """Every way the Govspeak breaks the safe-HTML rule, one problem a line naming `where` and the line number.

    Stricter than Whitehall's check on purpose: it also looks inside code, where a tag would be harmless, so that
    nothing unsafe-looking reaches the web team.
    """
    problems: list[str] = []
    reported: set[str] = set()
    for match in TAG.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        line = _line_of(text, match.start())
        if name not in ALLOWED_TAGS and not (closing and name in reported):
            reported.add(name)
            reason = TAG_REASONS.get(name, f"raw HTML <{closing}{name}> is not allowed: write it in Govspeak")
            problems.append(f"{where}, line {line}: {reason}.")
        problems += _event_attributes(match.group(0), where, line)
    for match in MARKUP_DECLARATION.finditer(text):
        line = _line_of(text, match.start())
        problems.append(f"{where}, line {line}: HTML comments and declarations are not allowed.")
    for match in KRAMDOWN_ATTRIBUTES.finditer(text):
        line = _line_of(text, match.start())
        problems.append(
            f"{where}, line {line}: Kramdown attribute lists and extensions ({{: ...}}, {{::...}}) are not allowed: "
            "they can add any attribute or raw HTML."
        )
        problems += _event_attributes(match.group(0), where, line)
    for number, line in enumerate(text.split("\n"), start=1):
        # Browsers ignore entities, spaces and control characters inside a scheme: so must the check.
        squeezed = re.sub(r"[\x00-\x20]+", "", html.unescape(line))
        for match in SCRIPT_URL.finditer(squeezed):
            problems.append(
                f"{where}, line {number}: a '{match.group(1).lower()}:' URL can run script, which GOV.UK rejects."
            )
    return problems


# --- Writing the export --------------------------------------------------------------------------------------

INDEX = "index.md"  # the list of pages; the home page (also "index") is an "about" page, so never exported


def exported(page: dict) -> bool:
    """Resources only (build/pages.json says which, from site_model.vocabulary)."""
    return bool(page["resource"])


def _site_path(page_html: str, reference: str) -> str:
    """A path as the page refers to it, as a path from the site's root (URLs stay as they are)."""
    if urlsplit(reference).scheme or reference.startswith("//"):
        return reference
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_html), reference))


def _asset_problems(page: dict, conversion: Conversion, where: str) -> list[str]:
    # Whitehall names an uploaded file by its file name: two different files of one name on a page would clash.
    paths: dict[str, set[str]] = {}
    for asset in conversion.assets:
        paths.setdefault(asset.name, set()).add(_site_path(page["html"], asset.src))
    return [
        f"{where}: two different files are both called '{name}' ({', '.join(sorted(found))}); rename one."
        for name, found in sorted(paths.items()) if len(found) > 1
    ]


def _assets_file(page: dict, conversion: Conversion) -> str:
    lines = sorted({f"{_site_path(page['html'], a.src)}\t{a.description}".rstrip() for a in conversion.assets})
    return "".join(line + "\n" for line in lines)


def _table_cell(text: str) -> str:
    return text.replace("|", "\\|")


def _index(pages: list[dict], conversions: dict[str, Conversion]) -> str:
    ids = {page["id"] for page in pages}
    lines = [
        "# Govspeak export",
        "",
        "One Govspeak file per page: paste it into Whitehall publisher as the body. Whitehall holds the title",
        "separately: use the title below. The images and files a page needs are listed beside its Govspeak file, in",
        "the file of the same name ending `.assets.txt`, with their alt text or link text.",
        "",
        "| Title | Govspeak file | Source Markdown file |",
        "|---|---|---|",
    ]
    for page in pages:
        lines.append(f"| {_table_cell(page['title'])} | [{page['id']}.md]({page['id']}.md) | {page['source']} |")
    lines += [
        "",
        "## Links between pages",
        "",
        "Pages link to each other by Govspeak file name. Once a page is published, change links to it to its GOV.UK",
        "address.",
        "",
        "| Page | Links to |",
        "|---|---|",
    ]
    for page in pages:
        targets = sorted({_site_path(page["html"], link)[: -len(".md")] for link in conversions[page["id"]].links})
        if targets:
            named = [f"{t}.md" if t in ids else f"{t}.md (not in this export)" for t in targets]
            lines.append(f"| {page['id']}.md | {', '.join(named)} |")
    tools = [(page, link) for page in pages for link in conversions[page["id"]].web_links]
    if tools:
        lines += [
            "",
            "## Links from tools to their web version",
            "",
            "Whitehall takes no forms, so each tool is a checklist to print, with a link to the form in the hosted site,",
            "where readers keep, download and print their answers. Each link is written relative to the page, as in",
            "`site/`: change it to the page's address where you host the site.",
            "",
            "| Page | Link as written | The page in the bundle |",
            "|---|---|---|",
        ]
        lines += [f"| {page['id']}.md | `{link}` | `site/{page['html']}` |" for page, link in tools]
    return "\n".join(lines) + "\n"


def write_govspeak(site: Path, pages: list[dict], target: Path) -> list[Path]:
    """Write each resource page as Govspeak into `target`, or nothing at all if any page fails the lint.

    `pages` are the entries of build/pages.json; "about" pages and the author guide are left out. `target` must
    be missing or empty, so no file from an earlier run can be mistaken for part of this one.
    """
    if target.exists() and any(target.iterdir()):
        raise GovspeakError(f"{target} is not empty: remove it first, so no file from an earlier export is left in.")
    chosen = sorted((page for page in pages if exported(page)), key=lambda page: page["id"])
    conversions: dict[str, Conversion] = {}
    problems: list[str] = [
        f"{page['source']}: its Govspeak file would be {INDEX}, the list of pages: give the page another name."
        for page in chosen if f"{page['id']}.md" == INDEX
    ]
    for page in chosen:
        where = f"{page['id']}.md (from {page['source']})"
        html_file = site / page["html"]
        if not html_file.is_file():
            problems.append(f"{where}: the built page {html_file} is missing: build the site first.")
            continue
        article = article_of(html_file.read_text(encoding="utf-8"))
        if article is None:
            problems.append(f"{where}: {html_file} has no <article> holding the page body.")
            continue
        conversion = convert(str(article), posixpath.basename(page["html"]))
        problems += lint_govspeak(conversion.text, where) + _asset_problems(page, conversion, where)
        conversions[page["id"]] = conversion
    if problems:
        raise GovspeakError("the Govspeak export was not written:\n" + "\n".join(problems))
    written: list[Path] = []
    for page in chosen:
        conversion = conversions[page["id"]]
        for suffix, content in ((".md", conversion.text), (".assets.txt", _assets_file(page, conversion))):
            path = target / f"{page['id']}{suffix}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="\n")
            written.append(path)
    index = target / INDEX
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text(_index(chosen, conversions), encoding="utf-8", newline="\n")
    return sorted(written + [index])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write each resource page as Govspeak for Whitehall publisher.")
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--pages", type=Path, default=Path("build/pages.json"), help="the build's page list")
    parser.add_argument("--target", type=Path, required=True, help="a new or empty folder for the Govspeak files")
    arguments = parser.parse_args(argv)
    pages = read_pages(arguments.pages)
    try:
        written = write_govspeak(arguments.site, pages, arguments.target)
    except GovspeakError as error:
        print(f"ERROR   -  {error}", file=sys.stderr)
        return 1
    print(f"Wrote {len(written)} files to {arguments.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
