"""Govspeak export: each resource page's built HTML as Govspeak, for the DfE web team to paste into Whitehall.

Whitehall publisher holds a page's title separately and its body as Govspeak (GOV.UK's Markdown, Kramdown with
extensions), and refuses a body whose HTML fails its safe-HTML check. So the body is written in Govspeak's own
syntax only: nothing here passes raw HTML through, and lint_govspeak() checks the text before anything is written.

How our blocks map (the reasons are beside each handler: the site's blocks in blocks.py, the rest in conversion.py):

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

The modules, each a stage of the export:
  text.py        inline text and escaping, as Kramdown reads them
  blocks.py      each of the site's blocks (the macros' HTML) as Govspeak
  conversion.py  an article's HTML as Govspeak, with its images, files (and their alt text) and links
  lint.py        the safe-HTML lint every body passes before anything is written
  export.py      writing the export folder and its index; the command line (python -m handover.govspeak)
"""

from __future__ import annotations

from handover.govspeak.conversion import Asset, Conversion, article_of, convert, to_govspeak
from handover.govspeak.export import GovspeakError, exported, main, write_govspeak
from handover.govspeak.lint import lint_govspeak

__all__ = [
    "Asset",
    "Conversion",
    "GovspeakError",
    "article_of",
    "convert",
    "exported",
    "lint_govspeak",
    "main",
    "to_govspeak",
    "write_govspeak",
]
