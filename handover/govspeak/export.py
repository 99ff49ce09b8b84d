"""Writing the export folder and its index, and the command line.

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
import posixpath
import sys
from pathlib import Path
from urllib.parse import urlsplit

from handover.govspeak.conversion import Conversion, article_of, convert
from handover.govspeak.lint import lint_govspeak
from site_model.contract import read_pages


class GovspeakError(Exception):
    """The Govspeak export cannot be written; the message lists every problem, one a line."""


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
        for name, found in sorted(paths.items())
        if len(found) > 1
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
        for page in chosen
        if f"{page['id']}.md" == INDEX
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
