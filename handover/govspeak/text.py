"""Inline text as Kramdown reads it: escaping, emphasis, code spans, links' targets, and lines of blocks."""

from __future__ import annotations

import re

from bs4 import Tag

IMAGE = "\x00"  # marks an image inside inline text: Govspeak's [Image:...] must start its own line
LINE_BREAK = "\\\\\n"  # Kramdown's hard line break: two backslashes at the end of a line
# Kramdown's backslash escapes, less those only special at the start of a line (handled in escape_line_start).
INLINE_SPECIALS = re.compile(r"([\\`*_\[\]{}|])")
WHITESPACE = re.compile(r"[ \t\r\n\f]+")  # not \s: a non-breaking space is content


def classes_of(element: Tag) -> set[str]:
    return set(element.get("class") or [])


def escape(text: str) -> str:
    """Plain text that Kramdown shows as it is; `<` as an entity so it can never start a tag."""
    return INLINE_SPECIALS.sub(r"\\\1", text).replace("<", "&lt;")


def escape_line_start(line: str) -> str:
    """Stop a paragraph's first characters from reading as a heading, list, quote or Govspeak block."""
    if re.match(r"[#>+\-=:$]", line):
        return "\\" + line
    if re.match(r"s?\d+\.\s", line):  # "2024. A year" is not list item 2024; "s1. " is not a step
        return re.sub(r"\.", r"\\.", line, count=1)
    if line and line[0] in "^%":  # Govspeak callouts; Kramdown has no backslash escape for these two
        return f"&#{ord(line[0])};{line[1:]}"
    return line


def one_line(text: str) -> str:
    """Callouts, steps, table cells and headings are one line in Govspeak."""
    return WHITESPACE.sub(" ", text.replace(LINE_BREAK, " ").replace(IMAGE, " ")).strip()


def tidy(text: str) -> str:
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r" *" + re.escape(LINE_BREAK) + " *", lambda _: LINE_BREAK, text).strip(" ")
    while text.endswith(LINE_BREAK):  # a break at the end of a paragraph means nothing
        text = text[: -len(LINE_BREAK)].rstrip(" ")
    return text.strip()


def hang(marker: str, body: str) -> str:
    """A list item: the marker, then every following line indented to the item's text, as Kramdown needs."""
    indent = " " * (len(marker) + 1)
    lines = body.split("\n")
    rest = [indent + line if line else "" for line in lines[1:]]
    return "\n".join([f"{marker} {lines[0]}".rstrip(), *rest])


def indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else prefix.rstrip() for line in text.split("\n"))


def url(href: str) -> str:
    # Kramdown ends a link target at the first space or unbalanced ")"; angle brackets would trip the lint.
    return href.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def emphasis(marker: str, inner: str) -> str:
    # Kramdown needs the markers against the text: "** a **" is not bold. Keep the spaces outside.
    core = inner.strip()
    if not core:
        return inner
    before = " " if inner[:1].isspace() else ""
    after = " " if inner[-1:].isspace() else ""
    return f"{before}{marker}{core}{marker}{after}"


def code_span(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
