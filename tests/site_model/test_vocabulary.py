"""The site's words are defined once: the front-matter schema and the theme agree with site_model.vocabulary."""

from __future__ import annotations

import json

from site_model.validation import SCHEMA_DIR
from site_model.vocabulary import AUDIENCES, KINDS, SECTION_ORDER, STRANDS, is_resource, pdf_path, print_view

PAGE_SCHEMA = json.loads((SCHEMA_DIR / "page.schema.json").read_text(encoding="utf-8"))["properties"]


def test_the_front_matter_schema_allows_exactly_the_vocabulary():
    assert PAGE_SCHEMA["strand"]["enum"] == list(STRANDS)
    assert PAGE_SCHEMA["kind"]["enum"] == list(KINDS)
    assert PAGE_SCHEMA["audience"]["items"]["enum"] == list(AUDIENCES)


def test_every_kind_with_fixed_sections_is_a_kind():
    assert set(SECTION_ORDER) <= set(KINDS)


def test_what_counts_as_a_resource():
    assert is_resource("guide", "workload") and is_resource("tool", "agency")
    assert not is_resource("about", "about") and not is_resource("guide", "authors")
    assert pdf_path("workload/supervision.md", "guide", "workload") == "pdf/workload/supervision.pdf"
    assert pdf_path("about/index.md", "about", "about") is None


def test_only_a_printed_strands_overview_has_a_print_view():
    assert print_view("agency/index.md") == "print-agency.html"
    assert print_view("agency/price-caps.md") is None and print_view("about/index.md") is None
