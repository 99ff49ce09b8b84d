"""GOV.UK's safe-HTML rule, as an allow-list: every problem one line, naming the file and the line."""

from __future__ import annotations

import html
import re

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
