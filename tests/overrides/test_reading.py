"""Reading on a phone, from the file system, under any base path, and on paper."""

from __future__ import annotations

import json
import os
import re
import subprocess
import threading
import urllib.error
import urllib.request
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.support import GATE_MODULES, NODE, REPO, build, chrome, copy_project, needs_browser

BROWSER_JS = Path(__file__).with_name("browser.js")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("reading") / "project")
    assert build(project).returncode == 0
    return project / "site"


def browser(*args: str, script: Path = BROWSER_JS) -> dict:
    """Run one of the tests' Puppeteer scripts in Node with the recorded Chromium; its JSON answer."""
    env = {**os.environ, "GATE_NODE_MODULES": str(GATE_MODULES), "CHROME_PATH": chrome()}
    result = subprocess.run([str(NODE), str(script), *args], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


@needs_browser
def test_no_page_scrolls_sideways_at_320_css_pixels(site):
    pages = sorted(str(p) for p in site.rglob("*.html"))
    overflow = browser("reflow", "320", *pages)
    assert {page: pixels for page, pixels in overflow.items() if pixels > 0} == {}


@needs_browser
def test_search_works_from_the_file_system_with_no_request_off_the_machine(site):
    found = browser("search", str(site / "retention" / "index.html"), "supervision")
    assert found["results"] > 0
    assert found["external"] == []


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Links(HTMLParser):
    """Local links and assets of a page, leaving out hidden elements (the PDF line before PDFs exist)."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.hidden_tag: str | None = None

    def handle_endtag(self, tag: str) -> None:
        if tag == self.hidden_tag:
            self.hidden_tag = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden_tag:
            return
        if any(name == "hidden" for name, _ in attrs):
            self.hidden_tag = tag
            return
        for name, value in attrs:
            if name in ("href", "src") and value and not re.match(r"^(https?:|mailto:|data:|javascript:|#)", value):
                self.targets.append(value)


def test_every_link_and_asset_resolves_when_the_site_is_hosted_under_a_sub_path(site, tmp_path):
    (tmp_path / "a" / "sub").mkdir(parents=True)
    (tmp_path / "a" / "sub" / "path").symlink_to(site, target_is_directory=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/a/sub/path/"
    seen, queue, broken = set(), [base + "index.html"], []
    try:
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    body = response.read()
                    kind = response.headers.get_content_type()
            except urllib.error.HTTPError as error:
                broken.append(f"{url} ({error.code})")
                continue
            if kind == "text/html":
                parser = Links()
                parser.feed(body.decode("utf-8"))
                for target in parser.targets:
                    absolute = urljoin(url, target).split("#")[0]
                    assert urlsplit(absolute).path.startswith("/a/sub/path/"), f"{url} links outside the site: {target}"
                    queue.append(absolute)
    finally:
        server.shutdown()
    assert broken == []
    assert len([u for u in seen if u.endswith(".html")]) >= len(list(site.rglob("*.html"))) - 1  # all but 404.html


def test_every_page_shows_its_review_dates(site):
    for source in (REPO / "docs").rglob("*.md"):
        if source.is_relative_to(REPO / "docs" / "authors"):  # the author guide is served, never built
            assert not (site / "authors").exists()
            continue
        html = (site / source.relative_to(REPO / "docs")).with_suffix(".html").read_text(encoding="utf-8")
        assert "<dt>Last reviewed</dt>" in html and "<dt>Next review due</dt>" in html, source


def test_print_styles_give_a4_pages_without_navigation_and_show_link_targets():
    css = (REPO / "overrides" / "assets" / "stylesheets" / "app.css").read_text(encoding="utf-8")
    assert "@page { size: A4;" in css
    print_rules = css[css.index("@media print {") :]
    assert ".md-header, .md-sidebar, .md-footer" in print_rules
    assert 'a[href^="http"]::after { content: " (" attr(href) ")"' in print_rules
    assert "break-after: avoid" in print_rules and ".app-checklist__item" in print_rules


def test_the_print_page_holds_every_resource_and_no_author_guide(site):
    html = (site / "print_page.html").read_text(encoding="utf-8")
    for source in (REPO / "docs").rglob("*.md"):
        page_id = source.relative_to(REPO / "docs").with_suffix("").as_posix().replace("/", "-")
        if page_id.startswith("authors-"):
            assert f'id="{page_id}"' not in html
        else:
            assert f'id="{page_id}"' in html, page_id


@pytest.mark.parametrize(
    ("strand", "other"), [("retention", "agency"), ("agency", "workload"), ("workload", "retention")]
)
def test_each_strand_has_its_own_print_view_with_no_dead_links(site, strand, other):
    html = (site / f"print-{strand}.html").read_text(encoding="utf-8")
    assert f'id="{strand}-index"' in html and f'id="{other}-index"' not in html
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    dead = [anchor for anchor in re.findall(r'href="#([^"]+)"', html) if anchor not in ids]
    assert dead == []
    overview = (site / strand / "index.html").read_text(encoding="utf-8")
    assert f'<a href="../print-{strand}.html">Print every page in this section</a>' in overview
