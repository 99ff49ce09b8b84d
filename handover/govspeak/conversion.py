"""An article's HTML as Govspeak: Markdown's own blocks and inline text here, the site's blocks in blocks.py.

The converter walks the article once, collecting what belongs at the end of the body (footnotes, abbreviations)
and what the export lists beside it (images and files with their alt text or link text, links to other pages).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import PageElement

from handover.govspeak import blocks
from handover.govspeak.text import (
    IMAGE,
    LINE_BREAK,
    WHITESPACE,
    classes_of,
    code_span,
    emphasis,
    escape,
    escape_line_start,
    hang,
    indent,
    one_line,
    tidy,
    url,
)


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


STEPS_HEADINGS = ("How to", "Steps")
BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
}
# Page furniture from the theme, not content: review dates, the line offering the page as a PDF, and
# the link to a strand's print view.
SKIPPED_CLASSES = {"app-page-meta", "app-alternative-format", "app-print-section"}
# Never content: page furniture (the print button), form controls, and what the build's safe-HTML check already
# refuses in pages. Dropped, so nothing of them can reach Whitehall.
SKIPPED_TAGS = {
    "button",
    "embed",
    "iframe",
    "input",
    "label",
    "noscript",
    "object",
    "script",
    "select",
    "style",
    "template",
    "textarea",
}
PAGE_FILE_SUFFIXES = (".html", ".md")

Block = tuple[str, bool]  # a block's Govspeak, and whether it is a plain paragraph (callouts box only those)


@dataclass
class Converter:
    """One page's conversion: the handlers below and in blocks.py, and what they collect for the end of the body."""

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
        return [text for text, _ in self.items(container)]

    def block(self, element: Tag) -> list[Block]:
        name, classes = element.name, classes_of(element)
        if name in SKIPPED_TAGS or classes & SKIPPED_CLASSES:
            return []
        for class_name, handler in blocks.SITE_BLOCKS.items():
            if class_name in classes:
                return handler(self, element)
        if "footnote" in classes:
            return self.footnote_definitions(element)
        if "tabbed-set" in classes:
            return self.tabs(element)
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
            "table": self.table,
            "blockquote": self.blockquote,
            "pre": self.code_block,
            "dl": self.definitions,
            "details": self.details,
            "figure": self.figure,
            "hr": lambda _: [("---", False)],
        }
        if name in simple:
            return simple[name](element)
        return self.items(element)  # div, section and the like: only their content counts

    def heading(self, element: Tag) -> list[Block]:
        level = max(2, int(element.name[1]))  # any later H1 becomes H2: Whitehall bodies start at H2
        text = one_line(self.inline_of(element))
        following = element.find_next_sibling()
        if not text or (following is not None and "footnote" in classes_of(following)):
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
            text = tidy(part)
            if text:
                result.append(("\n".join(escape_line_start(line) for line in text.split("\n")), True))
        return result

    def list_block(self, element: Tag, ordered: bool, steps: bool = False) -> str:
        items = element.find_all("li", recursive=False)
        if steps:
            # Govspeak steps: one line each, and two blank lines after the last or the next block is swallowed.
            return "\n".join(f"s{n}. {one_line(' '.join(self.blocks(li)))}" for n, li in enumerate(items, 1)) + "\n"
        loose = any(li.find("p", recursive=False) for li in items)
        gap = "\n\n" if loose else "\n"
        rendered = []
        for number, li in enumerate(items, 1):
            marker = f"{number}." if ordered else "-"
            rendered.append(hang(marker, gap.join(self.blocks(li))))
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
            text = one_line(self.inline_of(caption_element))
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
            text = one_line(self.inline_of(cell))
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
        return [(indent("\n\n".join(self.blocks(element)), "> "), False)]

    @staticmethod
    def code_block(element: Tag) -> list[Block]:
        # An indented code block: Kramdown reads nothing in it as Markdown. (Govspeak's block markers are found
        # before Kramdown runs, even here; guidance pages have no code, and the lint still checks it for tags.)
        code = element.get_text().strip("\n")
        return [(indent(code, "    "), False)] if code.strip() else []

    def definitions(self, element: Tag) -> list[Block]:
        # Terms as bold lines, not a Kramdown definition list: GOV.UK's publishing styles do not design for <dl>.
        result: list[Block] = []
        for child in (term for term in element.find_all(["dt", "dd"]) if term.find_parent("dl") is element):
            if child.name == "dt":
                result.append((f"**{one_line(self.inline_of(child))}**", True))
            else:
                result += self.items(child)
        return result

    def details(self, element: Tag) -> list[Block]:
        # Govspeak has no collapsible block: the summary becomes a heading below the section's, the rest shows.
        summary = element.find("summary", recursive=False)
        level = min(6, max(2, self.section_level + 1))
        result: list[Block] = []
        if summary:
            result.append((f"{'#' * level} {one_line(self.inline_of(summary))}", False))
            summary.extract()
        return result + self.items(element)

    def tabs(self, element: Tag) -> list[Block]:
        # Content tabs (pymdownx.tabbed, either style) flatten like details: each label a heading, then its panel.
        labels = element.find_all("label")
        panels = element.select(".tabbed-block") or element.find_all(class_="tabbed-content", recursive=False)
        level = min(6, max(2, self.section_level + 1))
        result: list[Block] = []
        for label, panel in zip(labels, panels, strict=False):
            result.append((f"{'#' * level} {one_line(self.inline_of(label))}", False))
            result += self.items(panel)
        return result

    def figure(self, element: Tag) -> list[Block]:
        caption = element.find("figcaption")
        if caption:
            caption.extract()
        return self.items(element) + (self.paragraph(list(caption.children)) if caption else [])

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
            return escape(WHITESPACE.sub(" ", str(node)))
        assert isinstance(node, Tag)
        name, classes = node.name, classes_of(node)
        if name in SKIPPED_TAGS:
            return ""
        if name == "br":
            return LINE_BREAK
        if name in ("strong", "b"):
            return emphasis("**", self.inline_of(node))
        if name in ("em", "i"):
            return emphasis("*", self.inline_of(node))
        if name in ("code", "kbd", "samp"):
            return code_span(WHITESPACE.sub(" ", node.get_text()))
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
            return blocks.statistic(node)
        return self.inline_of(node)

    def abbreviation(self, node: Tag) -> str:
        short, title = node.get_text(strip=True), (node.get("title") or "").strip()
        if short and title:
            self.abbreviations.setdefault(short, title)  # the first expansion wins if a page has two
        return escape(node.get_text())

    def link(self, node: Tag) -> str:
        href = (node.get("href") or "").strip()
        text = self.inline_of(node).strip()
        if "footnote-backref" in classes_of(node) or node.get("role") == "doc-backlink":
            return ""
        if not href or IMAGE in text:
            return text  # a linked image: Govspeak's [Image:...] cannot be a link
        parts = urlsplit(href)
        if parts.scheme or href.startswith(("#", "//")):
            return f"[{text or escape(href)}]({url(href)})"
        path = unquote(parts.path)
        if path.endswith("/"):
            path += "index.html"
        if path.endswith(PAGE_FILE_SUFFIXES) or not path:
            # Another page: its Govspeak file, relative as on the site, so the web team can map it to GOV.UK.
            target = re.sub(r"\.html$", ".md", path)
            if target:
                self.links.append(target)
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            return f"[{text or escape(target + fragment)}]({url(target + fragment)})"
        # A file, not a page: Whitehall serves it as an attachment of the page.
        name = posixpath.basename(path)
        self.assets.append(Asset(name, path, one_line(node.get_text(" ", strip=True))))
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
                notes.append(f"[^{number}]: " + indent(text, "    ").lstrip())
        # Longest first: Govspeak applies definitions in order, so "PSWs" must come before "PSW".
        ordered = sorted(self.abbreviations.items(), key=lambda item: (-len(item[0]), item[0]))
        definitions = ["\n".join(f"*[{short}]: {title}" for short, title in ordered)] if ordered else []
        text = "\n\n".join(block for block in body + notes + definitions if block.strip())
        return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


def _article(soup: BeautifulSoup) -> Tag | None:
    # Material's <article class="md-content__inner"> holds the page body; earlier builds gave it id="main-content".
    return (
        soup.find("article", id="main-content")
        or soup.find("article", class_="md-content__inner")
        or soup.find("article")
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
    converter = Converter(web_page=web_page)
    text = converter.finish(converter.blocks(article))
    return Conversion(text, converter.assets, converter.links, converter.web_links)


def to_govspeak(article_html: str, web_page: str | None = None) -> tuple[str, list[str]]:
    """Govspeak text of one page's article HTML, and the file names of the images and files it refers to."""
    conversion = convert(article_html, web_page)
    return conversion.text, sorted({asset.name for asset in conversion.assets})
