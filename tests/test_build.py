"""The strict build: the real site passes, and each kind of bad input fails with one clear message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import REPO, TEST_FRONT_MATTER, add_to_nav, build, copy_project, copy_small_project

GOOD_PAGE = (
    TEST_FRONT_MATTER
    + """
This page exists to test the build. It has enough words in it to count as a real page, so that
only the fault each test adds makes the build fail. Nothing else on it is wrong.

## A section

BODY

{{ sources_section() }}
"""
)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("real") / "project")
    result = build(project)
    assert result.returncode == 0, result.stdout
    return project / "site"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Here, unlike elsewhere, the small copy: each test adds one fault, and the real pages are not what it tests."""
    return copy_small_project(tmp_path / "project")


def test_the_real_site_builds_strictly_with_every_page(built_site):
    pages = {
        path.relative_to(REPO / "docs").with_suffix(".html").as_posix()
        for path in (REPO / "docs").rglob("*.md")
        if not path.is_relative_to(REPO / "docs" / "authors")
    }  # the author guide is served, never built
    built = {path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html")}
    assert pages <= built
    assert {"404.html", "print_page.html"} <= built


def test_no_built_file_asks_another_host_for_anything(built_site):
    # Links to sources are fine; loading a script, style, font or image from elsewhere is not.
    loads = re.compile(r"""<(?:script|img|link|iframe)\b[^>]*?(?:src|href)=["'](?:https?:)?//""", re.I)
    css_imports = re.compile(r"""(?:@import|url\()\s*["']?(?:https?:)?//""", re.I)
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix in {".html", ".css", ".js"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            pattern = loads if path.suffix == ".html" else css_imports
            if pattern.search(text) or "fonts.googleapis" in text:
                offenders.append(path.relative_to(built_site).as_posix())
    assert offenders == []


def test_every_page_has_one_h1_and_a_skip_link_to_the_main_content(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if path.name.startswith("print") or "md-content__inner" not in html:  # print pages: one H1 a resource
            continue
        assert html.count("<h1") == 1, path
        assert '<a href="#main-content" class="app-skip-link">Skip to main content</a>' in html, path
        assert 'id="main-content"' in html, path


def add_page(project: Path, body: str, front_matter_change: tuple[str, str] = ("", "")) -> Path:
    page = project / "docs" / "workload" / "test-page.md"
    text = GOOD_PAGE.replace("BODY", body)
    if front_matter_change[0]:
        text = text.replace(*front_matter_change)
    page.write_text(text, encoding="utf-8")
    add_to_nav(project, "workload/test-page.md")
    return page


def test_a_good_added_page_builds(project):
    add_page(project, 'A sentence with a {{ statistic("rtin-local-authorities") }} figure.')
    result = build(project)
    assert result.returncode == 0, result.stdout


BAD_BODIES = [
    ("unknown macro", '{{ chekclist(["A"]) }}', "docs/workload/test-page.md:18: 'chekclist' is undefined"),
    (
        "wrong argument",
        '{{ callout("warning", "Text.", colour="red") }}',
        "docs/workload/test-page.md:18: callout(): there is no argument called 'colour'.",
    ),
    (
        "wrong type",
        '{{ standard_summary("5") }}',
        "docs/workload/test-page.md:18: standard_summary(): argument 'number' must be a whole number, but was '5'.",
    ),
    (
        "unknown data id",
        '{{ agency_rule("notice") }}',
        "docs/workload/test-page.md:18: agency_rule(): there is no agency rule 'notice'",
    ),
    (
        "unknown kind",
        '{{ callout("note", "Text.") }}',
        'docs/workload/test-page.md:18: callout(): kind "note" is not allowed.',
    ),
    (
        "macro syntax",
        '{{ callout("warning", "Text." }}',
        "docs/workload/test-page.md:18: the macro call is not written correctly",
    ),
    (
        "template injection",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "docs/workload/test-page.md:18: this page tries to reach Python internals",
    ),
    (
        "raw script",
        "<script>alert('x')</script>",
        "docs/workload/test-page.md:18: raw <script> is not allowed in content",
    ),
    (
        "event handler",
        '<p onmouseover="steal()">Hover</p>',
        "docs/workload/test-page.md:18: the 'onmouseover' attribute on <p> runs JavaScript",
    ),
    (
        "iframe",
        '<iframe src="page.html" title="x"></iframe>',
        "docs/workload/test-page.md:18: an <iframe> is not allowed",
    ),
    (
        "broken link",
        "[Missing](no-such-page.md)",
        "Doc file 'workload/test-page.md' contains a link 'no-such-page.md', but the target 'workload/no-such-page.md' is not found",
    ),
    (
        "broken anchor",
        "[Part](index.md#no-such-heading)",
        "contains a link 'index.md#no-such-heading', but the doc 'workload/index.md' does not contain an anchor",
    ),
    (
        "missing image",
        "![A chart](missing-chart.png)",
        "Doc file 'workload/test-page.md' contains a link 'missing-chart.png', but the target 'workload/missing-chart.png' is not found",
    ),
    ("image without alt", '<img src="../assets/x.png">', "docs/workload/test-page.md:18: an image has no alt text"),
    (
        "skipped heading level",
        "#### Too deep",
        "docs/workload/test-page.md:18: heading 'Too deep' is level 4 after level 2.",
    ),
    (
        "second h1",
        "# Another title",
        "docs/workload/test-page.md:18: the page has a second top-level heading 'Another title'.",
    ),
    (
        "citation in a sentence",
        "Turnover fell to 11.8% (Community Care, 4 March 2025) last year.",
        "docs/workload/test-page.md:18: '(Community Care, 4 March 2025)' cites a source inside a sentence.",
    ),
    (
        "citation in a table cell",
        "| Year | Rate |\n|---|---|\n| 2025 | 14.2% (source: DfE) |",
        "docs/workload/test-page.md:20: '(source: DfE)' cites a source inside a sentence.",
    ),
    (
        "chart of an unknown series",
        '{{ chart("census-vacancy-rates") }}',
        "docs/workload/test-page.md:18: chart(): there is no series 'census-vacancy-rates' in data/statistics/. "
        'Did you mean "census-vacancy-rate"?',
    ),
    (
        "chart period with no figure",
        '{{ chart("census-turnover", periods=["2022", "2025"]) }}',
        "docs/workload/test-page.md:18: chart(): argument 'periods': census-turnover has no figure for '2022'. "
        "Periods with figures in data/statistics/: 2024 and 2025.",
    ),
    (
        "chart mixing units",
        '{{ chart(["census-vacancy-rate", "census-fte"]) }}',
        "docs/workload/test-page.md:18: chart(): argument 'series' mixes units: 'census-vacancy-rate' is percent and "
        "'census-fte' is count.",
    ),
    (
        "chart of a single figure",
        '{{ chart("census-headcount") }}',
        "docs/workload/test-page.md:18: chart(): series 'census-headcount' has figures for fewer than 2 periods in "
        "data/statistics/ (only 2025); a chart needs at least 2.",
    ),
    (
        "chart of text",
        '{{ chart("longitudinal-unpaid-overtime") }}',
        "docs/workload/test-page.md:18: chart(): series 'longitudinal-unpaid-overtime' has unit text: its figures are "
        "words, not numbers, so they cannot be drawn. Chart a series whose unit is percent, count, number or money",
    ),
    (
        "figure on a page due too late",
        '{{ statistic("census-caseload-2025") }}',
        "docs/workload/test-page.md: review_due is 2027-11-22, but the page cites census-caseload, whose next release is "
        "expected by 2027-03-31",
    ),
    (
        "unknown tool",
        '{{ tool("no-such-tool") }}',
        'docs/workload/test-page.md:18: tool(): there is no tool "no-such-tool"',
    ),
    (
        "a tool on a second page",
        '{{ tool("hybrid-team-check") }}',
        'docs/workload/test-page.md:18: tool(): tool "hybrid-team-check" is already on docs/workload/hybrid-and-digital.md.',
    ),
    (
        "a tool missing a part",
        '{{ tool("guide-example", part="supervision") }}',
        'docs/workload/test-page.md:18: tool(): tool "guide-example" is missing next-steps, summary on this page.',
    ),
]


@pytest.mark.parametrize(("body", "message"), [case[1:] for case in BAD_BODIES], ids=[case[0] for case in BAD_BODIES])
def test_bad_content_fails_the_build_with_the_file_named(project, body, message):
    add_page(project, body)
    result = build(project)
    assert result.returncode != 0
    assert message in result.stdout


BAD_FRONT_MATTER = [
    (
        "missing front matter",
        ("---\ntitle: A test page\n", "title: A test page\n"),
        "docs/workload/test-page.md:1: the page has no front matter",
    ),
    (
        "bad date",
        ("last_reviewed: 2026-11-22", "last_reviewed: 2026-02-30"),
        "docs/workload/test-page.md:7: last_reviewed: '2026-02-30' is not a real date.",
    ),
    (
        "unknown key",
        ("kind: guide\n", "kind: guide\nowner: me\n"),
        "docs/workload/test-page.md:2: the file: Additional properties are not allowed ('owner' was unexpected)",
    ),
    (
        "review overdue",
        ("last_reviewed: 2026-11-22\nreview_due: 2027-11-22", "last_reviewed: 2024-01-01\nreview_due: 2025-01-01"),
        "docs/workload/test-page.md: review_due is 2025-01-01",
    ),
    (
        "malformed front matter",
        ("strand: workload", "strand: [workload"),
        "docs/workload/test-page.md:5: this is not valid YAML",
    ),
    (
        "duplicate title",
        ("title: A test page", "title: Case recording"),
        "docs/workload/case-recording.md: the title 'Case recording' is also used by docs/workload/test-page.md.",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"), [case[1:] for case in BAD_FRONT_MATTER], ids=[case[0] for case in BAD_FRONT_MATTER]
)
def test_bad_front_matter_fails_the_build_with_the_file_and_line(project, change, message):
    add_page(project, "Fine text.", front_matter_change=change)
    result = build(project)
    assert result.returncode != 0
    assert message in result.stdout


def test_a_page_left_out_of_the_navigation_fails(project):
    (project / "docs" / "workload" / "orphan.md").write_text(GOOD_PAGE.replace("BODY", "Text."), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "workload/orphan.md" in result.stdout and 'not included in the "nav" configuration' in result.stdout


def test_an_invalid_data_file_fails_before_any_page_is_built(project):
    path = project / "data" / "statistics" / "workforce-census.yml"
    path.write_text(
        path.read_text().replace('period: "2025", value: "14.2%"', 'period: "30 September 2025", value: "14.2%"', 1)
    )
    result = build(project)
    assert result.returncode != 0
    assert re.search(
        r"data/statistics/workforce-census.yml:\d+: figures, entry \d+, period: '30 September 2025' is not a "
        r"period in the source's own words",
        result.stdout,
    )
    assert "Building documentation" not in result.stdout


BAD_TOOL_DATA = [
    (
        "a kind of section that does not exist",
        "supervision-frequency.yml",
        ("    kind: checklist\n", "    kind: checkbox\n"),
        r"data/tools/supervision-frequency.yml:\d+: sections, entry 3, kind: 'checkbox' is not allowed. Use one of: "
        r"rating, checklist, fields, rows\.",
    ),
    (
        "a gap naming a field that is not a number",
        "supervision-frequency.yml",
        ("minus: held-90", "minus: team"),
        r"data/tools/supervision-frequency.yml:\d+: sections, entry 2, gaps, entry 2, minus: 'team' is not a number "
        r"field of this section\. Use one of: due, held, held-90\.",
    ),
    (
        "a question without its text",
        "agency-data-return.yml",
        ('text: "The role type."', 'hint: "The role type."'),
        r"data/tools/agency-data-return.yml:\d+: sections, entry 2, questions, entry 1: 'text' is missing\.",
    ),
    (
        "a tool file that is not YAML",
        "hybrid-team-check.yml",
        ("kind: rating", "kind: [rating"),
        r"data/tools/hybrid-team-check.yml:\d+: this is not valid YAML",
    ),
    (
        "a link to a page that does not exist",
        "agency-assignment.yml",
        ("see: agency/references}", "see: agency/referencs}"),
        r"data/tools/agency-assignment.yml:\d+: see: there is no page 'agency/referencs'\. Use a page id",
    ),
]


@pytest.mark.parametrize(
    ("name", "change", "message"), [case[1:] for case in BAD_TOOL_DATA], ids=[case[0] for case in BAD_TOOL_DATA]
)
def test_bad_tool_data_fails_the_build_with_the_file_line_and_field(project, name, change, message):
    path = project / "data" / "tools" / name
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert re.search(message, result.stdout), result.stdout[-2000:]


def test_an_empty_page_fails(project):
    page = add_page(project, "")
    text = page.read_text()
    page.write_text(text[: text.index("---", 4) + 4], encoding="utf-8")  # front matter only
    result = build(project)
    assert result.returncode != 0
    assert "docs/workload/test-page.md: the page has only 3 words. A page needs real content" in result.stdout


def test_a_page_that_is_not_utf8_fails(project):
    page = add_page(project, "Fine text.")
    page.write_bytes(page.read_bytes().replace(b"Fine text.", b"Caf\xe9 text."))
    result = build(project)
    assert result.returncode != 0
    assert "docs/workload/test-page.md: the file is not UTF-8 text" in result.stdout


def test_an_image_no_page_uses_fails(project):
    (project / "docs" / "workload" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = build(project)
    assert result.returncode != 0
    assert (
        "docs/workload/chart.png: no page uses this image. Use it on a page with alt text, or delete it."
        in result.stdout
    )


def test_an_image_a_page_uses_is_fine(project):
    (project / "docs" / "workload" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    add_page(project, "![A chart of caseloads by team](chart.png)")
    result = build(project)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("name", ["script.js", "notes.docx", "page.html"])
def test_unexpected_file_types_in_docs_fail(project, name):
    (project / "docs" / "workload" / name).write_text("x")
    result = build(project)
    assert result.returncode != 0
    assert (
        f"docs/workload/{name}: files of this type may not be in docs/ (allowed: .gif, .jpeg, .jpg, .md, .png, .svg, .webp)."
        in result.stdout
    )


def test_a_page_past_its_review_date_within_the_grace_period_warns_but_builds(project):
    add_page(
        project,
        "Fine text.",
        front_matter_change=(
            "last_reviewed: 2026-11-22\nreview_due: 2027-11-22",
            "last_reviewed: 2025-11-20\nreview_due: 2026-11-20",
        ),
    )
    result = build(project, REVIEW_DATE="2026-11-29")  # 9 days after review_due; the grace is 30 days
    assert result.returncode == 0, result.stdout
    assert "WARNING -  review due: docs/workload/test-page.md was due for review on 2026-11-20" in result.stdout


def test_an_older_figure_warns_with_the_page_and_the_newer_figure_but_builds(project):
    add_page(
        project,
        'In 2024 the average caseload was {{ statistic("census-caseload-2024") }}.',
        front_matter_change=("review_due: 2027-11-22", "review_due: 2027-03-31"),
    )
    result = build(project)
    assert result.returncode == 0, result.stdout
    assert (
        "newer figure: docs/workload/test-page.md:18 cites census-caseload-2024 (2024) but census-caseload has "
        'census-caseload-2025 (15.2) for 2025. Cite "census-caseload-2025"'
    ) in result.stdout


def test_a_deliberate_comparison_builds_without_a_notice(project):
    add_page(
        project,
        'It fell from {{ statistic("census-caseload-2022", comparison=True) }} to '
        '{{ statistic("census-caseload-2025") }}.',
        front_matter_change=("review_due: 2027-11-22", "review_due: 2027-03-31"),
    )
    result = build(project)
    assert result.returncode == 0, result.stdout
    assert [line for line in result.stdout.splitlines() if "newer figure" in line and "test-page.md" in line] == []


def test_a_page_with_a_chart_builds_and_lists_each_figure_in_its_notes(project):
    add_page(
        project,
        'The caseload fell.\n\n{{ chart("census-caseload", periods=["2024", "2025"]) }}',
        front_matter_change=("review_due: 2027-11-22", "review_due: 2027-03-31"),
    )
    result = build(project)
    assert result.returncode == 0, result.stdout
    html = (project / "site" / "workload" / "test-page.html").read_text(encoding="utf-8")
    assert '<svg aria-labelledby="workload-test-page-chart-1-title workload-test-page-chart-1-desc" ' in html
    assert "fell from 15.4 in 2024 to 15.2 in 2025.</desc>" in html
    assert html.count('<li id="fn:workload-test-page-census-caseload-') == 2
    assert "<caption>Table: " in html and "<p><caption>" not in html


def test_the_overview_pages_show_their_charts_on_screen_and_on_the_print_page(built_site):
    counts = {"retention/index.html": 2, "agency/index.html": 2, "workload/caseload-management.html": 1}
    for page, charts in counts.items():
        html = (built_site / page).read_text(encoding="utf-8")
        assert html.count('class="app-chart__svg"') == charts, page
        assert html.count('<table class="app-chart__table">') == charts, page
        assert 'role="img"' in html and "<desc id=" in html and "<p><caption>" not in html
    whole = (built_site / "print_page.html").read_text(encoding="utf-8")
    assert whole.count('class="app-chart__svg"') == sum(counts.values())
    ids = re.findall(r'\bid="([^"]+)"', whole)
    assert [name for name in set(ids) if ids.count(name) > 1 and "chart" in name] == []
    for name in re.findall(r'aria-labelledby="([^"]+)"', whole):
        assert all(part in ids for part in name.split()), name
    # Every note, a chart's among them, links to its figure and back again.
    assert [anchor for anchor in re.findall(r'href="#([^"]+)"', whole) if anchor not in ids] == []


def test_a_site_without_a_contact_route_is_not_built(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  contact:\n")
    end = text.index("  phase:", start)
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "mkdocs.yml: extra.contact is missing. Set it under extra: contact: in mkdocs.yml" in result.stdout
