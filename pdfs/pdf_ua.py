"""Finish Chromium's tagged PDF as PDF/UA-1, with pikepdf, and check it with the `pdfua` checker.

Chromium tags what it lays out from the DOM, but not what CSS generates: the page numbers and the
printed addresses of links (`::after` content) are drawn outside any marked-content sequence, and so are
the page's background fills. Its link annotations have no description, and it never declares PDF/UA.
`make_pdfs.py` calls `finish` on each PDF, which:

- wraps every painting operation drawn outside marked content (text objects, paths, images and shadings)
  in an /Artifact marked-content sequence, so the page is tagged throughout: tagged content or artifact;
- gives each link annotation a /Contents description: the text of the link on the page, found by its
  address, or "Link to <address>";
- gives each /Figure that Chromium left without alternative text (an SVG with role="img", such as a
  chart, named by aria-labelledby: Chromium carries only <img alt> across) the accessible name of the
  matching SVG on the page, matched in document order;
- writes XMP metadata declaring PDF/UA-1 (pdfuaid:part 1) with dc:title and dc:language, asks viewers
  to show the title (/DisplayDocTitle), and dates it from SOURCE_DATE_EPOCH so builds stay reproducible.

`problems` runs the `pdfua` checker (a subset of PDF/UA-1: 16 of its 106 machine-checkable rules) and
returns every finding, errors, warnings and notes alike: a PDF must have none.
"""

from __future__ import annotations

import posixpath
import urllib.parse
from datetime import datetime
from pathlib import Path

import pikepdf
from bs4 import BeautifulSoup, Tag
from pdfua import validate
from pdfua.errors import PdfuaError

PDFUA_PART = "1"
PdfError = (pikepdf.PdfError, PdfuaError)
# Operators that paint, and those that build a path for the next one to paint or clip.
PATH_BUILDERS = {"m", "l", "c", "v", "y", "h", "re"}
PATH_PAINTERS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}
CLIP = {"W", "W*"}
MARKED_START = {"BMC", "BDC"}


def _artifact_ops(ops: list[pikepdf.ContentStreamInstruction]) -> tuple[list, int]:
    """The page's operators with each unmarked painting unit wrapped in /Artifact BMC ... EMC."""
    out: list = []
    depth = 0
    wrapped = 0
    unit: list = []  # an unmarked path being built, or an unmarked text object

    def open_artifact() -> None:
        out.append(pikepdf.ContentStreamInstruction([pikepdf.Name.Artifact], pikepdf.Operator("BMC")))

    def close_artifact() -> None:
        out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))

    in_text = False
    for instruction in ops:
        op = str(instruction.operator)
        if depth == 0 and (in_text or unit):
            unit.append(instruction)
            if (in_text and op == "ET") or (not in_text and op in PATH_PAINTERS):
                open_artifact()
                out.extend(unit)
                close_artifact()
                wrapped += 1
                unit, in_text = [], False
            continue
        if op in MARKED_START:
            depth += 1
        elif op == "EMC":
            depth = max(depth - 1, 0)
        elif depth == 0 and op == "BT":
            in_text, unit = True, [instruction]
            continue
        elif depth == 0 and (op in PATH_BUILDERS or op in CLIP):
            unit = [instruction]
            continue
        elif depth == 0 and op in ("Do", "sh"):
            open_artifact()
            out.append(instruction)
            close_artifact()
            wrapped += 1
            continue
        out.append(instruction)
    out.extend(unit)  # an unfinished unit at the end (a malformed stream): left as it was
    return out, wrapped


def mark_artifacts(pdf: pikepdf.Pdf) -> int:
    """Wrap everything drawn outside marked content in /Artifact; return how many units were wrapped."""
    total = 0
    for page in pdf.pages:
        ops, wrapped = _artifact_ops(list(pikepdf.parse_content_stream(page)))
        if wrapped:
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
            total += wrapped
    return total


def link_texts(html_path: Path, site: Path) -> dict[str, str]:
    """Each link target on the page (an absolute URL, or a file:// URI inside the site) -> its text."""
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    base = html_path.resolve().as_uri()
    texts: dict[str, str] = {}
    for link in soup.find_all("a", href=True):
        if not isinstance(link, Tag):
            continue
        text = " ".join(link.get_text(" ").split()) or str(link.get("aria-label") or link.get("title") or "")
        href = str(link["href"])
        if text:
            texts.setdefault(urllib.parse.urljoin(base, href), text)
            if href.startswith("#"):
                texts.setdefault(href, text)
    return texts


def describe(uri: str, texts: dict[str, str], site: Path, pdf_path: str) -> str:
    """The /Contents of a link: its text on the page, or where it goes."""
    if uri in texts:
        return texts[uri]
    # make_pdfs has made links into the site relative to the PDF: resolve them back to compare.
    if not urllib.parse.urlsplit(uri).scheme:
        absolute = (site / posixpath.normpath(posixpath.join(posixpath.dirname(pdf_path), uri))).resolve().as_uri()
        fragment = urllib.parse.urlsplit(uri).fragment
        if fragment:
            absolute += "#" + fragment
        if absolute in texts:
            return texts[absolute]
    return f"Link to {uri}"


def describe_links(pdf: pikepdf.Pdf, texts: dict[str, str], site: Path, pdf_path: str) -> int:
    described = 0
    for page in pdf.pages:
        for annotation in page.get("/Annots") or []:
            if annotation.get("/Subtype") != pikepdf.Name.Link or str(annotation.get("/Contents", "")).strip():
                continue
            action = annotation.get("/A")
            if action is not None and action.get("/S") == pikepdf.Name.URI:
                text = describe(str(action.get("/URI")), texts, site, pdf_path)
            elif action is not None and action.get("/S") == pikepdf.Name.GoTo or annotation.get("/Dest") is not None:
                destination = annotation.get("/Dest") if annotation.get("/Dest") is not None else action.get("/D")
                name = str(destination) if isinstance(destination, (pikepdf.String, pikepdf.Name)) else ""
                text = texts.get("#" + name.lstrip("/"), "Link to another part of this document")
            else:
                text = "Link"
            annotation.Contents = pikepdf.String(text)
            described += 1
    return described


def svg_names(html_path: Path) -> list[str]:
    """The accessible name of each <svg role="img"> on the page, in document order."""
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    names = []
    for svg in soup.find_all("svg", attrs={"role": "img"}):
        if not isinstance(svg, Tag):
            continue
        ids = str(svg.get("aria-labelledby") or "").split()
        parts = [" ".join(element.get_text(" ").split()) for i in ids if (element := soup.find(id=i)) is not None]
        title = svg.find("title")
        name = (
            ". ".join(part for part in parts if part)
            or str(svg.get("aria-label") or "")
            or (" ".join(title.get_text(" ").split()) if isinstance(title, Tag) else "")
        )
        names.append(name)
    return names


def _figures(element: object, role_map: dict[str, str], found: list) -> None:
    """Every /Figure structure element under `element`, in document order."""
    if isinstance(element, pikepdf.Array):
        for kid in element:
            _figures(kid, role_map, found)
        return
    if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
        return
    kind = str(element.S)
    if role_map.get(kind, kind) == "/Figure":
        found.append(element)
    if "/K" in element:
        _figures(element.K, role_map, found)


def name_figures(pdf: pikepdf.Pdf, names: list[str]) -> list[str]:
    """Give Figures without /Alt or /ActualText the names of the page's SVG images; the problems left."""
    tree = pdf.Root.get("/StructTreeRoot")
    if tree is None or "/K" not in tree:
        return []
    role_map = {str(k): str(v) for k, v in (tree.get("/RoleMap") or {}).items()}
    figures: list = []
    _figures(tree.K, role_map, figures)
    unnamed = [figure for figure in figures if "/Alt" not in figure and "/ActualText" not in figure]
    if not unnamed:
        return []
    if len(unnamed) != len(names) or not all(names):
        return [
            f"{len(unnamed)} figure(s) without alternative text, but the page has {len(names)} named SVG image(s) "
            "to take it from"
        ]
    for figure, name in zip(unnamed, names, strict=True):
        figure.Alt = pikepdf.String(name)
    return []


def xmp_date(date: datetime | None) -> str | None:
    return date.strftime("%Y-%m-%dT%H:%M:%S+00:00") if date else None


def declare_pdfua(pdf: pikepdf.Pdf, title: str, lang: str, date: datetime | None) -> None:
    """XMP metadata with the PDF/UA-1 identifier, the title and the language; the title shown by viewers."""
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["pdfuaid:part"] = PDFUA_PART
        meta["dc:title"] = str(pdf.docinfo.get("/Title") or title)  # the same title as the document information
        meta["dc:language"] = [lang]
        producer = str(pdf.docinfo.get("/Producer", "")) if "/Producer" in pdf.trailer.get("/Info", {}) else ""
        if producer:
            meta["pdf:Producer"] = producer
        stamp = xmp_date(date)
        if stamp:
            for key in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
                meta[key] = stamp
    preferences = pdf.Root.get("/ViewerPreferences")
    if preferences is None:
        pdf.Root.ViewerPreferences = pikepdf.Dictionary()
        preferences = pdf.Root.ViewerPreferences
    preferences.DisplayDocTitle = True


def finish(
    path: Path, title: str, lang: str, html_path: Path, site: Path, pdf_path: str, date: datetime | None
) -> list[str]:
    """Make the PDF at `path` tagged throughout, with described links and figures and a PDF/UA-1
    declaration; return what could not be done (empty when all was)."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        mark_artifacts(pdf)
        describe_links(pdf, link_texts(html_path, site), site, pdf_path)
        left = name_figures(pdf, svg_names(html_path))
        declare_pdfua(pdf, title, lang, date)
        # deterministic_id: the file identifier comes from the content, so two builds give the same bytes.
        pdf.save(path, deterministic_id=True)
    return left


def problems(path: Path) -> list[str]:
    """Every finding of the pdfua checker, worded for the build's one line per page; empty when clean."""
    report = validate(str(path))
    found = []
    for finding in report.findings:
        where = f" (page {finding.location.page})" if finding.location.page else ""
        found.append(f"pdfua {finding.rule_id}{where}: {finding.message}")
    return found
