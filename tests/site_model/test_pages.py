"""Front matter is validated for every page before the build, with the file and line named."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_model.errors import DataError
from site_model.pages import load_page_index
from tests.support import TEST_FRONT_MATTER

REPO = Path(__file__).resolve().parents[2]

GOOD = TEST_FRONT_MATTER + "\nBody.\n"


def index_of(tmp_path: Path, text: str | bytes) -> dict:
    docs = tmp_path / "docs"
    docs.mkdir()
    page = docs / "test-page.md"
    page.write_bytes(text if isinstance(text, bytes) else text.encode())
    return load_page_index(docs, tmp_path)


def test_every_real_page_has_valid_front_matter():
    pages = load_page_index(REPO / "docs", REPO)
    assert "retention/standard-5-supervision" in pages
    assert pages["index"].html_path == "index.html"


def test_a_good_page_is_indexed_by_its_path(tmp_path):
    page = index_of(tmp_path, GOOD)["test-page"]
    assert (page.title, page.html_path, page.audience) == ("A test page", "test-page.html", ("team-managers",))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("title: A test page\n", ""), "docs/test-page.md:2: the file: 'title' is missing."),
        (
            ("strand: workload", "strand: retention-and-more"),
            "docs/test-page.md:4: strand: 'retention-and-more' is not allowed. Use one of:",
        ),
        (
            ("review_due: 2027-11-22", "review_due: 22/11/2027"),
            "docs/test-page.md:8: review_due: '22/11/2027' is not a real date.",
        ),
        (
            ("review_due: 2027-11-22", "review_due: 2025-01-01"),
            "docs/test-page.md:8: review_due (2025-01-01) must come after last_reviewed (2026-11-22).",
        ),
        (
            ("audience: [team-managers]", "audience: [everyone]"),
            "docs/test-page.md:6: audience, entry 1: 'everyone' is not allowed.",
        ),
        (
            ('sources:\n  - {title: A source, publisher: DfE, url: "https://example.org/source"}\n', "sources: []\n"),
            "docs/test-page.md:9: sources: needs at least 1 entry, but has 0.",
        ),
        (
            ("kind: guide\n", "kind: guide\nauthor: me\n"),
            "Additional properties are not allowed ('author' was unexpected)",
        ),
        (
            ("title: A test page", "title: [A test page"),
            "docs/test-page.md:3: this is not valid YAML (did not find expected ',' or ']')",  # libyaml's words
        ),
    ],
)
def test_bad_front_matter_names_file_line_and_rule(tmp_path, change, message):
    with pytest.raises(DataError) as error:
        index_of(tmp_path, GOOD.replace(*change))
    assert message in str(error.value)


def test_a_page_with_no_front_matter_is_refused(tmp_path):
    with pytest.raises(DataError, match="docs/test-page.md:1: the page has no front matter"):
        index_of(tmp_path, "Just text.\n")


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    with pytest.raises(DataError, match="docs/test-page.md: the file is not UTF-8 text"):
        index_of(tmp_path, GOOD.encode("utf-8").replace(b"Body.", b"Caf\xe9."))
