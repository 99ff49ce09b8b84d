"""Tests for pdfs/make_pdfs.py: real Chromium prints a small fixture site (tests/fixtures/pdfs/) and the real theme.

The fixture site is printed once per module and shared. Tests that need Chromium find it where
`make install` recorded it (tests/support.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from pdfs import make_pdfs
from pdfs.make_pdfs import site_link
from pdfs.pages import Page, PageError, load_resources
from pdfs.reveal import format_size, revealed, without_hidden
from site_model.contract import ContractError
from tests.support import build, chrome, copy_project, needs_browser

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "pdfs" / "make_pdfs.py"
FIXTURES = ROOT / "tests" / "fixtures" / "pdfs"
A4 = (595, 842)  # points, rounded


PLACEHOLDER = (
    '<p class="app-alternative-format" data-app-pdf="pdf/guides/{name}.pdf" hidden>This page is also '
    'available as a <a href="../pdf/guides/{name}.pdf">PDF<span class="app-alternative-format__size">'
    "</span></a>. HTML is the main format.</p>"
)


# The first page of the fixture site, as pages.json lists it.
FIRST_GUIDE = Page(
    id="guides/first",
    source="docs/guides/first.md",
    html="guides/first.html",
    title="First guide",
    pdf="pdf/guides/first.pdf",
)


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    site: Path

    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("make_pdfs: error:")]


def fixture_site(target: Path, extra_pages: Sequence[dict[str, str]] = ()) -> tuple[Path, Path]:
    """A copy of the fixture site to print into, and its pages.json with any extra pages added."""
    shutil.copytree(FIXTURES / "built-site", target / "site")
    pages = json.loads((FIXTURES / "pages.json").read_text(encoding="utf-8"))
    pages["pages"] += list(extra_pages)
    (target / "pages.json").write_text(json.dumps(pages), encoding="utf-8")
    return target / "site", target / "pages.json"


def run(site: Path, pages: Path, *extra: str, env: dict[str, str] | None = None) -> Run:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--site", str(site), "--pages", str(pages), "--chrome", chrome(), *extra],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )
    return Run(done.returncode, done.stdout, done.stderr, site)


def resource(page_id: str) -> dict[str, Any]:
    """A resource's entry in build/pages.json, as the build writes it."""
    return {
        "id": page_id,
        "source": f"docs/{page_id}.md",
        "html": f"{page_id}.html",
        "title": page_id,
        "strand": "workload",
        "kind": "guide",
        "resource": True,
        "pdf": f"pdf/{page_id}.pdf",
        "print_view": None,
        "last_reviewed": "2026-11-22",
        "review_due": "2027-11-22",
    }


def contract(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """A whole build/pages.json holding `pages`, with the fixture's contact route."""
    return {**json.loads((FIXTURES / "pages.json").read_text(encoding="utf-8")), "pages": pages}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Run:
    site, pages = fixture_site(tmp_path_factory.mktemp("printed"))
    return run(site, pages, "--jobs", "2")


# --- The fixture site, printed ----------------------------------------------------------------------------


@needs_browser
def test_one_pdf_per_resource_and_none_for_about_or_author_pages(printed: Run) -> None:
    assert printed.returncode == 0, printed.stderr
    made = sorted(p.relative_to(printed.site).as_posix() for p in printed.site.rglob("*.pdf"))
    assert made == ["pdf/guides/first.pdf", "pdf/guides/second.pdf"]
    assert "make_pdfs: 2 PDFs" in printed.stdout


@needs_browser
@pytest.mark.parametrize("name", ["first", "second"])
def test_each_pdf_is_tagged_with_title_language_and_outline(printed: Run, name: str) -> None:
    reader = PdfReader(printed.site / "pdf" / "guides" / f"{name}.pdf")
    root = reader.root_object
    assert root["/StructTreeRoot"].get_object()["/K"]
    assert root["/MarkInfo"].get_object()["/Marked"].value is True
    assert str(root["/Lang"]) in ("en", "en-GB")
    assert reader.metadata is not None and str(reader.metadata["/Title"]).startswith(f"{name.title()} guide")
    assert [item.title for item in reader.outline if not isinstance(item, list)] == [f"{name.title()} guide"]
    assert make_pdfs.problems(reader, f"{name.title()} guide") == []


@needs_browser
def test_a_title_that_is_not_the_page_title_is_set_to_it(printed: Run) -> None:
    # second.html's <title> is "Untitled" and it declares no language.
    reader = PdfReader(printed.site / "pdf" / "guides" / "second.pdf")
    assert reader.metadata is not None and reader.metadata["/Title"] == "Second guide"
    assert reader.root_object["/Lang"] == "en-GB"
    assert reader.root_object["/StructTreeRoot"].get_object()["/ParentTree"]  # the tags still reach the content


@needs_browser
def test_pdfs_use_the_print_styles(printed: Run) -> None:
    reader = PdfReader(printed.site / "pdf" / "guides" / "first.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Supervision helps social workers" in text
    assert "Navigation only on screen" not in text
    assert "also available as a" not in text


@needs_browser
def test_links_into_the_site_are_relative_and_pdf2_roles_are_mapped(printed: Run) -> None:
    reader = PdfReader(printed.site / "pdf" / "guides" / "first.pdf")
    uris = {str(action["/URI"]) for action in make_pdfs.uri_actions(reader)}
    assert uris == {"../../guides/second.html#supervision", "https://example.org/"}
    role_map = reader.root_object["/StructTreeRoot"].get_object()["/RoleMap"].get_object()
    assert role_map["/Strong"] == "/Span"


@needs_browser
@pytest.mark.parametrize("name", ["first", "second"])
def test_the_placeholder_is_shown_with_the_size_and_nothing_else_changes(printed: Run, name: str) -> None:
    original = (FIXTURES / "built-site" / "guides" / f"{name}.html").read_text(encoding="utf-8")
    size = format_size((printed.site / "pdf" / "guides" / f"{name}.pdf").stat().st_size)
    assert size.endswith(" KB") and size[:-3].isdigit()
    placeholder = PLACEHOLDER.format(name=name)
    shown = placeholder.replace(" hidden>", ">", 1).replace('__size"></span>', f'__size">, {size}</span>')
    assert placeholder in original
    after = (printed.site / "guides" / f"{name}.html").read_text(encoding="utf-8")
    assert after == original.replace(placeholder, shown)


@needs_browser
def test_about_and_author_pages_are_left_alone(printed: Run) -> None:
    for page in ("index.html", "authors/index.html"):
        assert (printed.site / page).read_bytes() == (FIXTURES / "built-site" / page).read_bytes()


# --- PDF/UA-1 (pdfs/pdf_ua.py) ---------------------------------------------------------------------------


@needs_browser
@pytest.mark.parametrize("name", ["first", "second"])
def test_each_pdf_passes_the_pdfua_checker_with_no_finding(printed: Run, name: str) -> None:
    pdf = printed.site / "pdf" / "guides" / f"{name}.pdf"
    done = subprocess.run(
        [str(Path(sys.executable).parent / "pdfua"), "check", str(pdf)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout  # 0: no error, no warning, no note
    assert "result: PASS (no findings)" in done.stdout


@needs_browser
@pytest.mark.parametrize("name", ["first", "second"])
def test_each_pdf_declares_pdfua_1_with_its_title_and_shows_the_title(printed: Run, name: str) -> None:
    import pikepdf

    with pikepdf.open(printed.site / "pdf" / "guides" / f"{name}.pdf") as pdf:
        meta = pdf.open_metadata()
        assert meta.get("pdfuaid:part") == "1"
        assert meta.get("dc:title") and str(meta.get("dc:title")) == str(pdf.docinfo["/Title"])
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True


@needs_browser
@pytest.mark.parametrize("name", ["first", "second"])
def test_every_link_is_described_and_nothing_is_drawn_outside_tags_or_artifacts(printed: Run, name: str) -> None:
    import pikepdf

    with pikepdf.open(printed.site / "pdf" / "guides" / f"{name}.pdf") as pdf:
        links = [a for page in pdf.pages for a in page.get("/Annots") or [] if a.get("/Subtype") == pikepdf.Name.Link]
        assert links or name == "second", "the first guide has links"  # the second has none in print
        assert all(str(link.get("/Contents", "")).strip() for link in links)
        for page in pdf.pages:
            depth = 0
            for instruction in pikepdf.parse_content_stream(page):
                op = str(instruction.operator)
                depth += op in ("BMC", "BDC")
                depth -= op == "EMC"
                if op in ("Tj", "TJ", "'", '"', "Do", "sh", "f", "S", "B"):
                    assert depth > 0, f"{op} drawn outside any tagged or artifact sequence"


def test_unmarked_drawing_becomes_artifacts_and_tagged_content_is_left_alone() -> None:
    import pikepdf

    from pdfs.pdf_ua import mark_artifacts

    pdf = pikepdf.new()
    pdf.add_blank_page()
    content = (
        b"0 0 10 10 re f /P <</MCID 0>> BDC BT /F1 12 Tf (tagged) Tj ET EMC "
        b"BT /F1 9 Tf (Page 1) Tj ET q 1 0 0 1 0 0 cm Q"
    )
    pdf.pages[0].Contents = pdf.make_stream(content)
    assert mark_artifacts(pdf) == 2
    ops = [str(i.operator) for i in pikepdf.parse_content_stream(pdf.pages[0])]
    assert ops == [
        "BMC",
        "re",
        "f",
        "EMC",
        "BDC",
        "BT",
        "Tf",
        "Tj",
        "ET",
        "EMC",
        "BMC",
        "BT",
        "Tf",
        "Tj",
        "ET",
        "EMC",
        "q",
        "cm",
        "Q",
    ]


# --- Failures -------------------------------------------------------------------------------------------


@needs_browser
def test_a_page_that_cannot_be_printed_fails_with_its_name(tmp_path: Path) -> None:
    site, pages = fixture_site(tmp_path, [resource("guides/missing")])
    result = run(site, pages)
    assert result.returncode == 1
    assert result.errors() == [
        f"make_pdfs: error: docs/guides/missing.md (guides/missing): no built page at "
        f"{site / 'guides/missing.html'}; no PDF produced"
    ]
    # No page offers a PDF when any failed.
    first = "guides/first.html"
    assert (site / first).read_bytes() == (FIXTURES / "built-site" / first).read_bytes()


@needs_browser
def test_a_page_chromium_never_finishes_fails_with_its_name(tmp_path: Path) -> None:
    site, _ = fixture_site(tmp_path)
    pages = tmp_path / "hangs.json"
    pages.write_text(json.dumps(contract([resource("guides/hangs")])), encoding="utf-8")
    result = run(site, pages, "--timeout", "5")
    assert result.returncode == 1
    assert result.errors() == [
        "make_pdfs: error: docs/guides/hangs.md (guides/hangs): Chromium did not finish "
        "printing within 5 s; no PDF produced"
    ]
    assert not (site / "pdf" / "guides" / "hangs.pdf").exists()


@needs_browser
def test_chromium_failing_to_write_is_reported_with_its_reason(tmp_path: Path) -> None:
    # Chromium exits 0 even when it cannot write the PDF: here a folder stands where the file should go.
    (tmp_path / "page.pdf").mkdir()
    page = FIRST_GUIDE
    with pytest.raises(PageError, match=r"^docs/guides/first.md \(guides/first\): no PDF produced \(Failed to write"):
        make_pdfs.print_page(page, FIXTURES / "built-site", chrome(), 60, tmp_path)


def test_a_missing_chromium_fails_clearly(tmp_path: Path) -> None:
    site, pages = fixture_site(tmp_path)
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--site",
            str(site),
            "--pages",
            str(pages),
            "--chrome",
            str(tmp_path / "no-chromium"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"make_pdfs: error: no Chromium or Chrome at {str(tmp_path / 'no-chromium')!r}; "
        "pass its executable with --chrome"
    ]


# --- Repairing a PDF --------------------------------------------------------------------------------------


@needs_browser
def test_a_missing_language_and_title_are_set_without_losing_the_tags(printed: Run, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(printed.site / "pdf" / "guides" / "first.pdf"))
    del writer.root_object[NameObject("/Lang")]
    writer.add_metadata({"/Title": ""})
    broken = tmp_path / "broken.pdf"
    writer.write(broken)
    assert set(make_pdfs.problems(PdfReader(broken), "First guide")) == {"no title", "no language (/Lang)"}

    page = FIRST_GUIDE
    make_pdfs.repair(broken, page, printed.site, "en-GB", None)
    fixed = PdfReader(broken)
    assert make_pdfs.problems(fixed, "First guide") == []
    assert fixed.metadata is not None and fixed.metadata["/Title"] == "First guide"
    assert fixed.root_object["/Lang"] == "en-GB"
    before = PdfReader(printed.site / "pdf" / "guides" / "first.pdf")
    assert count_elements(fixed) == count_elements(before) > 5


def count_elements(reader: PdfReader) -> int:
    def walk(node: object) -> int:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            return sum(walk(child) for child in node)
        if isinstance(node, dict) and "/S" in node:
            return 1 + walk(node.get("/K", []))
        return 0

    return walk(reader.root_object["/StructTreeRoot"].get_object()["/K"])


# --- Pieces without Chromium ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (200, "1 KB"),
        (1023, "1 KB"),
        (1536, "2 KB"),
        (240 * 1024, "240 KB"),
        (240 * 1024 + 511, "240 KB"),
        (1024 * 1024 - 1, "1.0 MB"),
        (1024 * 1024, "1.0 MB"),
        (int(1.25 * 1024 * 1024), "1.3 MB"),
        (int(12.34 * 1024 * 1024), "12.3 MB"),
    ],
)
def test_sizes_are_written_the_gov_uk_way(size: int, text: str) -> None:
    assert format_size(size) == text


@pytest.mark.parametrize(
    ("tag", "shown"),
    [
        ('<p class="a" data-app-pdf="pdf/x.pdf" hidden>', '<p class="a" data-app-pdf="pdf/x.pdf">'),
        ('<p hidden="" class="a">', '<p class="a">'),
        ("<p class='a' HIDDEN='hidden'>", "<p class='a'>"),
        ('<p class="a" data-hidden="1">', '<p class="a" data-hidden="1">'),
    ],
)
def test_only_the_hidden_attribute_is_removed(tag: str, shown: str) -> None:
    assert without_hidden(tag) == shown


def test_links_into_the_site_become_relative_or_go_to_the_base_url(tmp_path: Path) -> None:
    site_uri = tmp_path.resolve().as_uri()
    assert (
        site_link(f"{site_uri}/retention/index.html#a", tmp_path, "pdf/workload/x.pdf", None)
        == "../../retention/index.html#a"
    )
    assert site_link(f"{site_uri}/index.html", tmp_path, "pdf/index.pdf", None) == "../index.html"
    assert (
        site_link(f"{site_uri}/a%20b.html?x=1", tmp_path, "pdf/w/x.pdf", "https://example.gov.uk/r/")
        == "https://example.gov.uk/r/a%20b.html?x=1"
    )
    assert site_link("https://www.gov.uk/", tmp_path, "pdf/w/x.pdf", None) is None
    assert site_link("file:///etc/passwd", tmp_path, "pdf/w/x.pdf", None) is None


def test_line_endings_are_kept(tmp_path: Path) -> None:
    site, _ = fixture_site(tmp_path)
    page_file = site / "guides" / "first.html"
    crlf = page_file.read_text(encoding="utf-8").replace("\n", "\r\n")
    page_file.write_bytes(crlf.encode("utf-8"))
    (site / "pdf" / "guides").mkdir(parents=True)
    page = FIRST_GUIDE
    text = revealed(page, site, "3 KB")
    assert text == crlf.replace(
        PLACEHOLDER.format(name="first"),
        PLACEHOLDER.format(name="first").replace(" hidden>", ">").replace('__size"></span>', '__size">, 3 KB</span>'),
    )


def test_a_page_without_the_placeholder_fails_with_its_name(tmp_path: Path) -> None:
    site, _ = fixture_site(tmp_path)
    page = Page(id="index", source="docs/index.md", html="index.html", title="Home", pdf="pdf/index.pdf")
    with pytest.raises(
        PageError,
        match=r'^docs/index.md \(index\): no <p class="app-alternative-format" '
        r'data-app-pdf="pdf/index.pdf"> on the page',
    ):
        revealed(page, site, "3 KB")


def test_a_placeholder_linking_elsewhere_fails(tmp_path: Path) -> None:
    site, _ = fixture_site(tmp_path)
    page_file = site / "guides" / "first.html"
    page_file.write_text(
        page_file.read_text(encoding="utf-8").replace('href="../pdf/guides/first.pdf"', 'href="pdf/guides/first.pdf"'),
        encoding="utf-8",
    )
    page = FIRST_GUIDE
    with pytest.raises(PageError, match="does not lead to pdf/guides/first.pdf"):
        revealed(page, site, "3 KB")


def test_only_resources_are_printed() -> None:
    pages = load_resources(FIXTURES / "pages.json")
    assert [page.id for page in pages] == ["guides/first", "guides/second"]


def test_the_page_list_is_read_through_its_contract(tmp_path: Path) -> None:
    # build/pages.json is checked against schemas/pages.schema.json: a page without its fields is refused.
    pages = tmp_path / "pages.json"
    entry = resource("guides/first")
    del entry["resource"]
    pages.write_text(json.dumps(contract([entry])), encoding="utf-8")
    with pytest.raises(ContractError, match="'resource' is a required property"):
        load_resources(pages)


def test_a_page_list_that_breaks_its_contract_fails_clearly(tmp_path: Path) -> None:
    site, _ = fixture_site(tmp_path)
    pages = tmp_path / "old.json"
    pages.write_text(json.dumps({"pages": [resource("guides/first")]}), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--site", str(site), "--pages", str(pages), "--chrome", sys.executable],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert done.stderr.startswith(
        f"make_pdfs: error: cannot read the page list {pages}: {pages}: the file: 'contact' is a required property"
    ), done.stderr


# --- The real theme ---------------------------------------------------------------------------------------


@needs_browser
def test_the_real_theme_placeholder_is_revealed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    result = build(project)
    assert result.returncode == 0, result.stdout
    all_pages = json.loads((project / "build" / "pages.json").read_text(encoding="utf-8"))["pages"]
    one_resource = next(p for p in all_pages if p["kind"] != "about" and p["strand"] not in ("about", "authors"))
    about = next(p for p in all_pages if p["kind"] == "about")
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(contract([one_resource, about])), encoding="utf-8")
    site = project / "site"
    before = (site / one_resource["html"]).read_text(encoding="utf-8")
    assert 'class="app-alternative-format"' in before  # overrides/main.html renders the PDF placeholder

    done = run(site, pages)
    assert done.returncode == 0, done.stderr
    pdf = site / "pdf" / f"{one_resource['id']}.pdf"
    reader = PdfReader(pdf)
    assert make_pdfs.problems(reader, one_resource["title"]) == []
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Skip to main content" not in text and "also available as a" not in text
    after = (site / one_resource["html"]).read_text(encoding="utf-8")
    assert f'data-app-pdf="pdf/{one_resource["id"]}.pdf">' in after
    assert f'app-alternative-format__size">, {format_size(pdf.stat().st_size)}</span>' in after
    assert len(after) - len(before) == len(f", {format_size(pdf.stat().st_size)}") - len(" hidden")


@needs_browser
def test_two_runs_with_the_same_source_date_give_the_same_bytes(tmp_path: Path) -> None:
    fixed = {"SOURCE_DATE_EPOCH": "1767225600"}
    first, second = (run(*fixture_site(tmp_path / name), "--jobs", "2", env=fixed) for name in ("one", "two"))
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    pdfs = sorted(p.relative_to(first.site) for p in (first.site / "pdf").rglob("*.pdf"))
    assert pdfs and all((first.site / p).read_bytes() == (second.site / p).read_bytes() for p in pdfs)
    assert PdfReader(first.site / pdfs[0]).metadata["/CreationDate"] == "D:20260101000000+00'00'"


def test_figures_without_alternative_text_take_the_names_of_the_pages_svg_images(tmp_path: Path) -> None:
    import pikepdf

    from pdfs.pdf_ua import name_figures, svg_names

    page = tmp_path / "page.html"
    page.write_text(
        '<html><body><figure><svg role="img" aria-labelledby="t d"><title id="t">Agency rate</title>'
        '<desc id="d">Falling since 2023</desc></svg></figure><img alt="A photo" src="x.png"></body></html>',
        encoding="utf-8",
    )
    assert svg_names(page) == ["Agency rate. Falling since 2023"]
    pdf = pikepdf.new()
    chart = pikepdf.Dictionary(S=pikepdf.Name.Figure)
    photo = pikepdf.Dictionary(S=pikepdf.Name.Figure, Alt=pikepdf.String("A photo"))
    pdf.Root.StructTreeRoot = pdf.make_indirect(
        pikepdf.Dictionary(K=pikepdf.Array([pikepdf.Dictionary(S=pikepdf.Name.Sect, K=pikepdf.Array([chart, photo]))]))
    )
    assert name_figures(pdf, svg_names(page)) == []
    figures = pdf.Root.StructTreeRoot.K[0].K
    assert str(figures[0].Alt) == "Agency rate. Falling since 2023" and str(figures[1].Alt) == "A photo"
    # A figure the page has no name for is reported, not given a made-up one.
    pdf.Root.StructTreeRoot.K[0].K.append(pikepdf.Dictionary(S=pikepdf.Name.Figure))
    assert name_figures(pdf, []) == [
        "1 figure(s) without alternative text, but the page has 0 named SVG image(s) to take it from"
    ]
