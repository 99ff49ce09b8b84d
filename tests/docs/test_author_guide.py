"""The author guide documents every macro an author can call, and the README's commands are the real ones."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from macros import FAMILIES
from macros.context import MacroContext
from site_model.data import SiteData
from tests.support import REPO, VENV_BIN, build, copy_project, project_env


@pytest.fixture(scope="module")
def site_build(tmp_path_factory) -> Path:
    """The real site built as `make site` builds it."""
    project = copy_project(tmp_path_factory.mktemp("site") / "project")
    result = build(project)
    assert result.returncode == 0, result.stdout
    return project / "site"


def registered_macros() -> set[str]:
    """What define_env registers: every family's macros, asked of the code itself."""
    context = MacroContext(SiteData({}, {}, {}, {}), {}, current_src=lambda: "", current_meta=dict)
    return {name for family in FAMILIES for name in family.register(context)}


def test_every_registered_macro_has_a_section_in_the_author_guide():
    guide = (REPO / "docs" / "authors" / "macros.md").read_text(encoding="utf-8")
    sections = set(re.findall(r"^## ([a-z_]+)$", guide, flags=re.M))
    assert registered_macros() - sections == set(), "add a '## <macro name>' section to docs/authors/macros.md"


def test_the_macros_found_are_the_ones_define_env_registers():
    assert {"callout", "checklist", "statistic", "sources_section", "tool"} <= registered_macros()


# --- Where the guide is published -------------------------------------------------------------------


def test_the_built_site_has_no_author_guide(site_build):
    assert not (site_build / "authors").exists()
    assert "For authors" not in (site_build / "index.html").read_text(encoding="utf-8")
    pages = json.loads((site_build.parent / "build" / "pages.json").read_text(encoding="utf-8"))["pages"]
    assert not [page["id"] for page in pages if page["id"].startswith("authors/")]


def test_make_serve_shows_authors_the_guide_with_its_macros_rendered(tmp_path):
    project = copy_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [str(VENV_BIN / "mkdocs"), "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=project_env(project),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        guide = _fetch_when_served(f"http://127.0.0.1:{port}/authors/macros.html", server)
        home = _fetch_when_served(f"http://127.0.0.1:{port}/index.html", server)
        template = _fetch_when_served(f"http://127.0.0.1:{port}/authors/page-template.html", server)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "<title>Macros for reusable blocks" in guide
    assert 'class="app-statistic"' in guide  # its examples are rendered by the real macros
    assert "{{" not in guide.split('<div class="md-content"', 1)[1].split("<pre", 1)[0]
    assert ">For authors<" in home or "For authors" in home
    # the front-matter table lists the vocabulary from site_model, not a hand-typed copy
    assert "One of <code>retention</code>, <code>agency</code>, <code>workload</code>" in template


def _fetch_when_served(url: str, server: subprocess.Popen, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"mkdocs serve stopped:\n{server.stdout.read() if server.stdout else ''}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} was not served within {seconds} s")
