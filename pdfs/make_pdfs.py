"""Print each resource page of the built site to an accessible PDF, check it, and link it from its page.

    python pdfs/make_pdfs.py --site SITE --pages build/pages.json --chrome CHROME [--jobs N] [--timeout S]

For every resource in build/pages.json (read through site_model.contract), headless Chromium prints
SITE/<html> with the page's print styles to SITE/pdf/<id>.pdf. Each PDF must be tagged, carry the page
title and a language, and have bookmarks; a missing title or language is set with pypdf. Only when every
PDF passes, each page's hidden "also available as a PDF" paragraph is shown, with the file's size.
HTML stays the main format (GOV.UK's rule); the PDF is an extra, accessible version.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

if __package__ in (None, ""):  # run as a script: the checkout's root, so "pdfs" is found as a package
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pdfs import pdf_ua
from pdfs.pages import Page, PageError, load_resources
from pdfs.reveal import format_size, reveal_all
from site_model.contract import ContractError
from toolchain.chromium import chromium_flags
from toolchain.source_date import source_date

PROG = "make_pdfs"
DEFAULT_LANG = "en-GB"
DEFAULT_TIMEOUT = 120
# Chromium writes PDF 2.0 structure types into a PDF 1.4 file. PDF/UA-1 readers only know the PDF 1.7
# types, so these are mapped (through the standard /RoleMap) to the nearest 1.7 type.
PDF2_ROLES = {"/Strong": "/Span", "/Em": "/Span"}


# --- Printing ------------------------------------------------------------------------------------------


def chrome_command(chrome: str, url: str, output: Path, profile: Path) -> list[str]:
    return [
        chrome,
        "--headless",
        *chromium_flags(profile),  # a fresh profile per page: jobs never share one
        # A page without lang= gets the browser's accepted language as its PDF language, by default en-US.
        f"--accept-lang={DEFAULT_LANG}",
        # Chromium tags the PDF by default when printing headless; the outline needs those tags.
        "--no-pdf-header-footer",
        "--generate-pdf-document-outline",
        # Let the theme's scripts finish on virtual time before printing: they add elements, and when
        # that happens at varying moments the tags' node ids, and so the bytes, differ between builds.
        "--virtual-time-budget=5000",
        f"--print-to-pdf={output}",
        url,
    ]


def chrome_error(stderr: str) -> str:
    """Chromium's own reason for not writing a PDF, without the D-Bus and wrapper noise around it."""
    reasons = re.findall(r"headless_command_handler\.cc:\d+\] (.+)", stderr)
    return reasons[-1].strip() if reasons else ""


def run_chrome(page: Page, command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    # Its own process group, so a hung page's whole Chromium tree (zygote, renderers) can be ended.
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise PageError(page, f"Chromium did not finish printing within {timeout:g} s; no PDF produced") from None
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def print_page(page: Page, site: Path, chrome: str, timeout: float, workdir: Path) -> Path:
    """Print one page into workdir; the PDF only moves into the site once it has passed its checks."""
    source = site / page.html
    if not source.is_file():
        raise PageError(page, f"no built page at {source}; no PDF produced")
    output = workdir / "page.pdf"
    done = run_chrome(page, chrome_command(chrome, source.resolve().as_uri(), output, workdir / "profile"), timeout)
    # Chromium exits 0 even when the page fails to load or the file cannot be written: check the file.
    if not output.is_file() or output.stat().st_size == 0 or not output.read_bytes().startswith(b"%PDF-"):
        reason = chrome_error(done.stderr) or f"Chromium exited with code {done.returncode}"
        raise PageError(page, f"no PDF produced ({reason})")
    return output


# --- Checking -------------------------------------------------------------------------------------------


def page_lang(source: Path) -> str | None:
    root = BeautifulSoup(source.read_text(encoding="utf-8"), "html.parser").find("html")
    lang = root.get("lang") if isinstance(root, Tag) else None
    return lang.strip() if isinstance(lang, str) and lang.strip() else None


def title_problem(reader: PdfReader, title: str) -> str | None:
    # Chromium takes the HTML <title>, "Page title - Site name": fine as long as the page title leads.
    found = " ".join(str((reader.metadata or {}).get("/Title") or "").split())
    if not found:
        return "no title"
    if not found.startswith(" ".join(title.split())):
        return f"title {found!r} does not start with the page title {title!r}"
    return None


def lang_problem(reader: PdfReader) -> str | None:
    lang = str(reader.root_object.get("/Lang") or "")
    if not lang:
        return "no language (/Lang)"
    if lang.lower() not in ("en", "en-gb"):
        return f"language is {lang!r}, not en or en-GB"
    return None


def unmapped_roles(reader: PdfReader) -> dict[str, str]:
    tree = reader.root_object.get("/StructTreeRoot")
    if tree is None:
        return {}
    role_map = tree.get_object().get("/RoleMap")
    mapped = set(role_map.get_object().keys()) if role_map is not None else set()
    return {role: standard for role, standard in PDF2_ROLES.items() if role not in mapped}


def uri_actions(pdf: PdfReader | PdfWriter) -> list[DictionaryObject]:
    """The web-link actions of every link on every page."""
    actions: list[DictionaryObject] = []
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get_object().get("/S") == "/URI":
                actions.append(action.get_object())
    return actions


def site_link(uri: str, site: Path, pdf: str, base_url: str | None) -> str | None:
    """Where a link into the site should lead from the PDF; None for a link anywhere else.

    Chromium writes the page's relative links as absolute file:// URIs of the build machine, which lead
    nowhere for a reader. They become links relative to the PDF's place in the site, or, with a base URL,
    links to the published pages.
    """
    prefix = site.resolve().as_uri().rstrip("/") + "/"
    if not uri.startswith(prefix):
        return None
    rest = uri[len(prefix) :]  # still percent-encoded, with any ?query or #fragment
    cut = min((i for i in (rest.find("?"), rest.find("#")) if i >= 0), default=len(rest))
    if base_url:
        return base_url.rstrip("/") + "/" + rest
    return posixpath.relpath(rest[:cut] or ".", posixpath.dirname(pdf)) + rest[cut:]


def problems(reader: PdfReader, title: str) -> list[str]:
    """What stops the PDF being an accessible version of its page; empty when nothing does."""
    root = reader.root_object
    found: list[str] = []
    tree = root.get("/StructTreeRoot")
    if tree is None or not tree.get_object().get("/K"):
        found.append("no tags (/StructTreeRoot)")
    mark_info = root.get("/MarkInfo")
    marked = mark_info.get_object().get("/Marked") if mark_info is not None else None
    if not (isinstance(marked, BooleanObject) and marked.value):
        found.append("not marked as tagged (/MarkInfo /Marked true)")
    found += [p for p in (title_problem(reader, title), lang_problem(reader)) if p]
    if not reader.outline:
        found.append("no outline (bookmarks)")
    local = [str(a["/URI"]) for a in uri_actions(reader) if str(a.get("/URI", "")).startswith("file:")]
    if local:
        found.append(f"a link to a file on the build machine ({local[0]})")
    return found


def fixed_date() -> str | None:
    """The PDF date for SOURCE_DATE_EPOCH (the last commit): Chromium stamps the time of printing, which
    would make two builds of one commit differ."""
    date = source_date()
    return date.strftime("D:%Y%m%d%H%M%S+00'00'") if date else None


def repair(path: Path, page: Page, site: Path, lang: str, base_url: str | None) -> None:
    """Set a missing title or language, map PDF 2.0 roles, fix links into the site, and fix the dates.

    The tags, their links to the page content, and the outline are kept as Chromium made them.
    """
    reader = PdfReader(path)
    date = fixed_date()
    set_dates = date is not None and any(
        (reader.metadata or {}).get(key) != date for key in ("/CreationDate", "/ModDate")
    )
    set_title = title_problem(reader, page.title) is not None
    set_lang = not reader.root_object.get("/Lang")
    roles = unmapped_roles(reader)
    # clone_from copies the whole document catalogue: structure tree, parent tree, outline and marks.
    writer = PdfWriter(clone_from=reader)
    links = [
        (action, target)
        for action in uri_actions(writer)
        if (target := site_link(str(action.get("/URI", "")), site, page.pdf, base_url)) is not None
    ]
    if not (set_title or set_lang or roles or links or set_dates):
        return
    writer.pdf_header = reader.pdf_header  # pypdf would write 1.3, older than tagging itself
    if set_title:
        writer.add_metadata({"/Title": page.title})
    if set_dates:
        writer.add_metadata({"/CreationDate": date, "/ModDate": date})
    if set_lang:
        writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    if roles:
        tree = writer.root_object["/StructTreeRoot"].get_object()
        if "/RoleMap" not in tree:
            tree[NameObject("/RoleMap")] = DictionaryObject()
        role_map = tree["/RoleMap"].get_object()
        for role, standard in roles.items():
            role_map[NameObject(role)] = NameObject(standard)
    for action, target in links:
        action[NameObject("/URI")] = TextStringObject(target)
    with path.open("wb") as out:
        writer.write(out)


def make_pdf(page: Page, site: Path, chrome: str, timeout: float, base_url: str | None) -> Path:
    """Print, repair and check one page's PDF, then put it at SITE/pdf/<id>.pdf."""
    target = site / page.pdf
    target.unlink(missing_ok=True)  # a PDF left from an earlier run must never pass for this one
    with tempfile.TemporaryDirectory(prefix="make-pdfs-", ignore_cleanup_errors=True) as tmp:
        printed = print_page(page, site, chrome, timeout, Path(tmp))
        lang = page_lang(site / page.html) or DEFAULT_LANG
        try:
            repair(printed, page, site, lang, base_url)
            # PDF/UA-1: artifacts, link descriptions and the XMP declaration (pdfs/pdf_ua.py), then its checker.
            left = pdf_ua.finish(printed, page.title, lang, site / page.html, site, page.pdf, source_date())
            missing = left + problems(PdfReader(printed), page.title) + pdf_ua.problems(printed)
        except (
            PyPdfError,
            pdf_ua.PdfError,
        ) as error:  # a damaged file from Chromium still fails as this page's one line
            raise PageError(page, f"Chromium's PDF cannot be read ({error})") from None
        if missing:
            raise PageError(page, "PDF is not accessible: " + "; ".join(missing))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(printed, target)
    return target


# --- Command line --------------------------------------------------------------------------------------


def make_all(
    pages: list[Page], site: Path, chrome: str, jobs: int, timeout: float, base_url: str | None = None
) -> tuple[list[Path], list[str]]:
    """Every page's PDF, in parallel; returns the PDFs made and one error line per page that failed."""

    def one(page: Page) -> Path | str:
        try:
            return make_pdf(page, site, chrome, timeout, base_url)
        except PageError as error:
            return str(error)

    with ThreadPoolExecutor(max_workers=jobs) as pool:  # threads only wait: the work is in Chromium
        results = list(pool.map(one, pages))
    return [r for r in results if isinstance(r, Path)], [r for r in results if isinstance(r, str)]


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="the built site")
    parser.add_argument("--pages", type=Path, required=True, help="build/pages.json, written by the build")
    parser.add_argument("--chrome", required=True, help="Chromium or Chrome executable")
    parser.add_argument("--jobs", type=positive_int, default=os.cpu_count() or 1, help="pages printed at once")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds allowed for one page")
    parser.add_argument(
        "--base-url",
        help="the published site's address: links in the PDFs lead there "
        "(default: links relative to the PDF, for the site as built)",
    )
    args = parser.parse_args(argv)

    if not shutil.which(args.chrome):
        print(
            f"{PROG}: error: no Chromium or Chrome at {args.chrome!r}; pass its executable with --chrome",
            file=sys.stderr,
        )
        return 1
    try:
        pages = load_resources(args.pages)
    except (OSError, ContractError) as error:
        print(f"{PROG}: error: cannot read the page list {args.pages}: {error}", file=sys.stderr)
        return 1
    started = time.monotonic()
    made, errors = make_all(pages, args.site, args.chrome, args.jobs, args.timeout, args.base_url)
    if errors:
        for line in errors:
            print(f"{PROG}: error: {line}", file=sys.stderr)
        print(
            f"{PROG}: {len(errors)} of {len(pages)} pages have no accessible PDF; no page links to a PDF",
            file=sys.stderr,
        )
        return 1
    # Links are shown only once every PDF has passed, so the site never offers a PDF that failed.
    try:
        reveal_all(pages, args.site)
    except PageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    total = sum(path.stat().st_size for path in made)
    print(
        f"{PROG}: {len(made)} PDFs, {format_size(total)} in all, in {time.monotonic() - started:.1f} s "
        f"with {args.jobs} job{'s' if args.jobs > 1 else ''}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
