"""handover/govspeak/: the Govspeak of each block, the safe-HTML lint, and the export of the real site.

The page of every block (tests/fixtures/govspeak/every-block.md) is rendered as the site renders a page: its macro
calls by the real macros on the macro tests' small fixed site (tests/macros/support.py), then the Markdown with every
extension mkdocs.yml lists. So a macro template that changes what the converter reads fails a test here, and every
mapping is checked against the exact Govspeak it must give: the contract with the DfE web team.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from handover.govspeak import GovspeakError, convert, lint_govspeak, main, to_govspeak, write_govspeak
from site_model.data import Series, SiteData, Source, Statistic
from tests.macros.support import Current, make_macros, make_site_data, render_macros, to_page_html
from tests.support import build, copy_project

ROOT = Path(__file__).resolve().parents[2]
EVERY_BLOCK = ROOT / "tests" / "fixtures" / "govspeak" / "every-block.md"


def every_block_data() -> SiteData:
    """The macro tests' site, with the words the expected Govspeak below was written for."""
    data = make_site_data()
    standard = replace(data.standards[5], summary="Employers give every social worker regular, protected supervision.")
    # The rule's own page is not on this small site, so its box has no link to it (a rule's box on its own page).
    rule = replace(data.agency_rules["notice-periods"], page="agency/notice-periods-rule")
    survey = Series(
        "workload-too-high",
        "child and family social workers who said their workload was too high",
        "percent",
        Source("A report", "Community Care", "https://example.org/cc"),
        "longitudinal study, autumn {period}",
    )
    figure = Statistic("workload-too-high-2022", survey, "2022", "63%", "medium", caveat="One source only.")
    return replace(
        data, standards={5: standard}, agency_rules={rule.id: rule}, statistics={**data.statistics, figure.id: figure}
    )


@pytest.fixture(scope="module")
def article() -> str:
    """The page of every block as the built site's article holds it."""
    source = EVERY_BLOCK.read_text(encoding="utf-8")
    current = Current()
    current.text = source
    current.meta = {
        "sources": [
            {
                "title": "Agency rules",
                "publisher": "Department for Education",
                "url": "https://example.org/agency-rules",
            }
        ]
    }
    content = to_page_html(render_macros(source, make_macros(every_block_data(), current)))
    # The page furniture around the content, as overrides/main.html and build_steps/page_title.py (the title) write it; the
    # export of the real site below checks it is left out of real pages too.
    return (
        '<article class="md-content__inner md-typeset">\n'
        '<button class="app-print-button" data-app-print="" hidden="" type="button">Print this page</button>\n'
        '<h1 class="app-page-title" id="main-content" tabindex="-1">A page of every block</h1>\n'
        f"{content}\n"
        '<dl class="app-page-meta">\n'
        '<div class="app-page-meta__item"><dt>Last reviewed</dt><dd>22 November 2026</dd></div>\n'
        '<div class="app-page-meta__item"><dt>Next review due</dt><dd>22 November 2027</dd></div>\n'
        "</dl>\n"
        "</article>"
    )


@pytest.fixture(scope="module")
def govspeak(article: str) -> str:
    text, _ = to_govspeak(article)
    return text


def has_block(text: str, block: str) -> bool:
    """`block` stands alone in `text`: blank lines (or the start or end) on both sides."""
    return f"\n\n{block}\n\n" in f"\n\n{text}\n\n"


# --- Each block, exactly -------------------------------------------------------------------------------------

BLOCKS = {
    "paragraph with bold, italic, links, abbreviations and a footnote": (
        "This page is for principal social workers (PSWs) and **team managers**. It is *not* statutory guidance.[^1] "
        "Read about [notice periods](../agency/notice-periods.md), "
        "[when they apply](../agency/notice-periods.md#from-when) and the "
        "[statutory guidance](https://www.gov.uk/government/publications/child-and-family-social-workers-agency-rules)."
        " Ask the DfE."
    ),
    "markdown characters kept as text, code as backticks": (
        "Costs rose by 5% in `Q1_2024`. Keep \\*stars\\*, \\_underscores\\_, \\[brackets\\], a \\| pipe and "
        "&lt;angle> brackets as text."
    ),
    "a paragraph that looks like a list item": "1990\\. A paragraph that starts like a numbered list item.",
    "standard summary: plain section with a bold lead-in": (
        "**What the standard says: Standard 5: Supervision**\n"
        "\n"
        "Employers give every social worker regular, protected supervision.\n"
        "\n"
        "- Sessions last at least 90 minutes.\n"
        "- A **policy** exists.\n"
        "\n"
        "Source: [Standards for employers 2020: standard 5](https://example.org/standard-5), Local Government "
        "Association. [Guidance on standard 5: Supervision](../retention/standard-5-supervision.md)"
    ),
    "agency rule: plain section, its terms as bold lines": (
        "**The rule: Notice periods**\n"
        "\n"
        "Statutory guidance: follow this unless there are exceptional circumstances.\n"
        "\n"
        "**What it requires**\n"
        "\n"
        "Agency workers give 4 weeks' notice.\n"
        "\n"
        "**From when**\n"
        "\n"
        "New assignments from 31 October 2024.\n"
        "\n"
        "**What your council must do**\n"
        "\n"
        "- Put the notice period in contracts.\n"
        "\n"
        "**Not yet confirmed**\n"
        "\n"
        "Nothing is unconfirmed here.\n"
        "\n"
        "Source: [Agency rules](https://example.org/agency-rules), Department for Education."
    ),
    "information callout with its default title": "^Text with **bold** & a [link](../agency/notice-periods.md).^",
    "important callout keeps 'Important'": (
        "^**Important**: Where this site and the statutory guidance differ, the statutory guidance is right.^"
    ),
    "warning callout: one box a paragraph, custom title leads": (
        "%**Dates not confirmed**: The timetable is not confirmed.%\n\n%Check the final guidance.%"
    ),
    "information callout with a list: the list follows unboxed": (
        "^**Before you start**: Gather your evidence:^\n"
        "\n"
        "- your Health Check report\n"
        "- your workforce data\n"
        "\n"
        "^Then book a meeting.^"
    ),
    "England callout with its default title": (
        ":england:\nThese rules apply to children's social care in England only.\n:england:"
    ),
    "England callout with a custom title and a list": (
        ":england:\n**Where this applies**\n\nOnly in England.\n\n- Wales has its own rules.\n:england:"
    ),
    "illustrative practice example": (
        "$E\n"
        "**Illustrative example**\n"
        "\n"
        "**Rebooking missed supervision**\n"
        "\n"
        "A crisis week pushes back several sessions.\n"
        "\n"
        "The team manager rebooks each one.\n"
        "$E"
    ),
    "practice example from a source": (
        "$E\n**Example from [A report](https://example.org/r)**\n\n**A council that cut agency use**\n\n"
        "Example text.\n$E"
    ),
    "reflective questions: heading and numbered list": "### Questions for your team\n\n1. Why?\n2. What *next*?",
    "checklist: heading and bulleted list": "### Before you start\n\n- One\n- Two",
    "tool: a call to action linking to the web version, before its first section": (
        "$CTA\n"
        "Print this checklist to fill it in by hand, or [fill it in online](#tool-supervision-check) to keep your "
        "answers in your own browser, download them as a spreadsheet and print them.\n"
        "$CTA"
    ),
    "tool rating section: heading, link, what to write, the questions with their hints": (
        "### The basics\n"
        "\n"
        "Read [Standard 5: Supervision](../retention/standard-5-supervision.md).\n"
        "\n"
        "Rate each one: No or Yes. For each one, write down: Evidence.\n"
        "\n"
        "- A written policy & a named owner\\\\\n"
        "  Owned by the PSW. See [Notice periods](../agency/notice-periods.md)."
    ),
    "tool checklist section: heading, hint and a bulleted list": (
        "### Quick checks\n\nTick what is true.\n\n- Sessions are booked.\n- Sessions are recorded.\\\\\n"
        "  In the case system."
    ),
    "tool fields section: what to write and work out, then the questions": (
        "### Sessions\n\nFor each one, write down: Due; Held. Then work out: missed.\n\n- Newly qualified"
    ),
    "tool rows section: what to write for each row, a choice with its answers": (
        "### Plan\n\nFor each action, write down:\n\n- Next step\n- Date\n- Status: Open or Done"
    ),
    "statistic: the figure alone, its source a footnote": (
        "The share who said their workload was too high was 63%[^2] in autumn 2022."
    ),
    "steps under 'How to', after an introduction, with two blank lines after": (
        "## How to use it\n"
        "\n"
        "Work through these in order:\n"
        "\n"
        "s1. Read the page on each rule first.\n"
        "s2. Write down the **evidence** you have.\n"
        "\n"
        "\n"
        "## Steps to take"
    ),
    "steps directly under 'Steps'": "s1. Agree a lead.\ns2. Set a date.\n",
    "numbered list under any other heading": "## A simple agenda\n\n1. How are you?\n2. Case discussion.",
    "nested lists": ("- Roles\n  1. social worker\n  2. team manager\n     - in a project team\n- Pay"),
    "loose list with paragraphs": ("1. First, a step with two paragraphs.\n\n   More about the first.\n\n2. Second."),
    "table: header row, alignment, row header, internal link": (
        "| Rule | Weeks |\n|:---|---:|\n| # Notice *period* | 4 |\n| [Cooling-off](../agency/cooling-off.md) | 13 |"
    ),
    "blockquote": "> Supervision is where a social worker thinks through their cases.\n>\n> It matters.",
    "code block as indented text": "    name: Supervision\n      minutes: 90",
    "details flattened to a heading and text": "### How the rule was made\n\nDfE consulted in 2023.",
    "tabs flattened to headings and text": ("### Councils\n\nWhat councils do.\n\n### Agencies\n\nWhat agencies do."),
    "image in a paragraph": "Leavers by year:\n\n[Image:leavers.png]",
    "figure: image, then its caption": "[Image:cycle.png]\n\nThe supervision cycle, from planning to review.",
    "link to a file": "Download the [AttachmentLink:action-plan.docx].",
    "definition list": "**Caseload**\n\nThe number of children a social worker is allocated.",
    "rule and line break": "---\n\nLine one\\\\\nline two.",
    "footnote, renumbered": "[^1]: The statutory guidance is on [GOV.UK](https://www.gov.uk/).",
    "a figure's note, with its caveat": (
        "[^2]: Longitudinal study, autumn 2022: child and family social workers who said their workload was too "
        "high. Community Care, [A report](https://example.org/cc). One source only."
    ),
    "abbreviations at the end, longest first": "*[DfE]: Department for Education\n*[PSW]: principal social worker",
}


@pytest.mark.parametrize("block", BLOCKS.values(), ids=BLOCKS.keys())
def test_each_block_becomes_its_govspeak(govspeak, block):
    assert has_block(govspeak, block), f"expected this block:\n{block}\n\nin:\n{govspeak}"


def test_headings_start_at_h2_and_keep_their_levels(govspeak):
    headings = [line for line in govspeak.split("\n") if line.startswith("#")]
    assert headings == [
        "## What the standard expects",
        "## What the rule says",
        "## Callouts",
        "## Examples",
        "## Reflective questions",
        "### Questions for your team",
        "## Self-assessment checklist",
        "### Before you start",
        "## Self-assessment",
        "### The basics",
        "### Quick checks",
        "### Sessions",
        "### Plan",
        "## Why it matters",
        "## How to use it",
        "## Steps to take",
        "## A simple agenda",
        "## Lists",
        "## Tables",
        "## Quotes and code",
        "## More detail",
        "### How the rule was made",
        "### Councils",
        "### Agencies",
        "## Images and files",
        "## Sources",
    ]


def test_title_print_button_and_review_dates_are_left_out(govspeak):
    assert govspeak.startswith("This page is for principal social workers")
    for left_out in ("A page of every block", "Print this page", "Last reviewed", "22 November 2026"):
        assert left_out not in govspeak
    assert govspeak.endswith("*[PSW]: principal social worker\n")


def test_box_titles_that_govspeak_already_shows_are_dropped(govspeak):
    for title in ("Information", "Applies in England"):
        assert f"**{title}**" not in govspeak


def test_assets_are_the_file_names_the_body_refers_to(article):
    _, assets = to_govspeak(article)
    assert assets == ["action-plan.docx", "cycle.png", "leavers.png"]


def test_conversion_records_alt_text_and_links_to_other_pages(article):
    conversion = convert(article)
    assert {(a.name, a.src, a.description) for a in conversion.assets} == {
        ("leavers.png", "../assets/images/leavers.png", "A bar chart of leavers by year, rising from 2019 to 2023"),
        ("cycle.png", "../assets/images/cycle.png", "The supervision cycle"),
        ("action-plan.docx", "../assets/templates/action-plan.docx", "action plan template"),
    }
    assert sorted(set(conversion.links)) == [
        "../agency/cooling-off.md",
        "../agency/notice-periods.md",
        "../retention/standard-5-supervision.md",
    ]
    assert conversion.web_links == ["#tool-supervision-check"]  # no page given: the tool's anchor alone


def test_a_tool_links_to_its_web_version_on_its_own_page(article):
    conversion = convert(article, web_page="every-block.html")
    assert conversion.web_links == ["every-block.html#tool-supervision-check"]
    assert "[fill it in online](every-block.html#tool-supervision-check)" in conversion.text
    for left_out in ("Check my answers", "Summary of your answers", "saved as you go", "JavaScript", "Add another"):
        assert left_out not in conversion.text


def test_no_html_reaches_the_govspeak(govspeak):
    assert lint_govspeak(govspeak, "fixture") == []


def test_an_ordered_list_after_a_table_is_not_steps_even_under_how_to():
    text, _ = to_govspeak(
        '<article><h2 id="h">How to rate</h2><table><thead><tr><th>A</th></tr></thead>'
        "<tbody><tr><td>1</td></tr></tbody></table><ol><li>One</li></ol></article>"
    )
    assert text.endswith("| 1 |\n\n1. One\n")


def test_a_paragraph_starting_with_govspeak_markers_stays_text():
    text, _ = to_govspeak(
        "<article><p>^ not a callout</p><p>% not a warning</p><p>$E not an example</p>"
        "<p># not a heading</p><p>s1. not a step</p></article>"
    )
    assert text == (
        "&#94; not a callout\n\n&#37; not a warning\n\n\\$E not an example\n\n\\# not a heading\n\ns1\\. not a step\n"
    )


def test_unsafe_elements_in_the_html_never_reach_the_govspeak():
    text, _ = to_govspeak(
        "<article><p>Safe<script>alert(1)</script></p><style>p{}</style>"
        '<iframe src="https://example.org"></iframe><p onclick="x()">Click</p></article>'
    )
    assert text == "Safe\n\nClick\n"


# --- The lint ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("govspeak", "line", "problem"),
    [
        ("Fine.\n\n<script>alert(1)</script>", 3, "a <script> is not allowed"),
        ("<style>p { color: red }</style>", 1, "a <style> block is not allowed"),
        ('Text\n\n<p onclick="steal()">Hi</p>', 3, "the 'onclick' attribute runs JavaScript"),
        ('Text\n\n<p onclick="steal()">Hi</p>', 3, "raw HTML <p> is not allowed"),
        ("[Click](javascript:alert(1))", 1, "a 'javascript:' URL can run script"),
        ("[Click]( JaVa&#115;cript:alert(1))", 1, "a 'javascript:' URL can run script"),
        ('<iframe src="https://example.org"></iframe>', 1, "an <iframe> is not allowed"),
        ('Text\n{: onmouseover="x()"}', 2, "Kramdown attribute lists and extensions"),
        ('Text\n{: onmouseover="x()"}', 2, "the 'onmouseover' attribute runs JavaScript"),
        ("<!-- hidden -->", 1, "HTML comments and declarations are not allowed"),
    ],
)
def test_lint_names_the_place_and_the_problem(govspeak, line, problem):
    problems = lint_govspeak(govspeak, "agency/price-caps.md")
    assert any(p.startswith(f"agency/price-caps.md, line {line}: {problem}") for p in problems), problems


def test_lint_reports_every_problem_once():
    problems = lint_govspeak("<script>a</script>\n<style>b</style>\n[x](javascript:y)", "page.md")
    assert len(problems) == 3


def test_lint_accepts_govspeak_and_harmless_text():
    clean = (
        "## Heading\n\n^Information^\n\n%Warning%\n\n$E\n**Example**\n$E\n\n:england:\nText\n:england:\n\n"
        "Compare 5 < 6, x < y and &lt;b&gt;. JavaScript: a language. Escaped \\{: braces}.\n\n"
        "[Sign up](https://example.org/?onboarding=yes&onclick=no)\n\n"
        "[A link](https://www.gov.uk/) and [a page](../agency/notice-periods.md).\n\n*[DfE]: Department for Education\n"
    )
    assert lint_govspeak(clean, "page.md") == []


def test_a_chart_becomes_its_title_its_trend_then_its_table_with_the_barchart_marker():
    # The chart as the macro and the site's Markdown render it, so this follows any change to the template.
    from tests.macros.support import Current, make_macros, make_site_data, to_html

    macro = make_macros(make_site_data(), Current())
    article = to_html("Before.\n\n" + macro["chart"]("caseload") + "\n\nAfter.\n" + macro["sources_section"]())
    text, assets = to_govspeak(f'<article class="md-content__inner">{article}</article>')
    # Govspeak reads `{barchart}` on the line straight after a table (its Kramdown attribute list); GOV.UK's
    # script then takes each row's first cell as the bar's label, so the years are plain cells, not "# " headers.
    assert text.startswith(
        "Before.\n"
        "\n"
        "**Average caseload, 2023 to 2024**\n"
        "\n"
        "Average caseload fell from 16.0 in 2023 to 15.4 in 2024.\n"
        "\n"
        "| Year | Average caseload |\n"
        "|---|---|\n"
        "| 2023 | 16.0[^1] |\n"
        "| 2024 | 15.4[^2] |\n"
        "{barchart}\n"
        "\n"
        "After.\n"
    )
    assert "[^2]: At 30 September 2024: average caseload. Department for Education, " in text
    assert "svg" not in text and "Chart:" not in text and "Table:" not in text and assets == []
    assert lint_govspeak(text, "chart") == []


# --- The export of the real site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """The real site, built strictly in a copy of the project (so build/pages.json is the copy's own)."""
    project = copy_project(tmp_path_factory.mktemp("govspeak") / "project")
    result = build(project)
    assert result.returncode == 0, result.stdout
    pages = json.loads((project / "build" / "pages.json").read_text(encoding="utf-8"))["pages"]
    return project / "site", pages


@pytest.fixture(scope="module")
def exported(built, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    site, pages = built
    target = tmp_path_factory.mktemp("export") / "govspeak"
    return target, write_govspeak(site, pages, target)


def resource_ids(pages: list[dict]) -> set[str]:
    return {page["id"] for page in pages if page["resource"]}


def test_one_govspeak_file_and_one_assets_file_per_resource_page(built, exported):
    _, pages = built
    target, written = exported
    ids = resource_ids(pages)
    assert len(ids) >= 30
    bodies = {p.relative_to(target).as_posix()[: -len(".md")] for p in target.rglob("*.md") if p != target / "index.md"}
    assert bodies == ids
    assets = {p.relative_to(target).as_posix()[: -len(".assets.txt")] for p in target.rglob("*.assets.txt")}
    assert assets == ids
    assert sorted(written) == sorted(p for p in target.rglob("*") if p.is_file())
    assert (target / "index.md") in written


def test_about_pages_are_left_out_and_the_author_guide_is_never_built(built, exported):
    _, pages = built
    target, _ = exported
    left_out = {page["id"] for page in pages} - resource_ids(pages)
    assert {"index", "about/accessibility", "roles/team-managers"} <= left_out
    assert not [page["id"] for page in pages if page["strand"] == "authors"]
    assert not (target / "authors").exists()
    for page_id in left_out - {"index"}:
        assert not (target / f"{page_id}.md").exists(), page_id
    assert (target / "index.md").read_text(encoding="utf-8").startswith("# Govspeak export\n")  # not the home page


def test_every_govspeak_file_passes_the_lint(exported):
    target, _ = exported
    for path in target.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert lint_govspeak(text, path.name) == []
        assert text.endswith("\n") and not text.startswith("\n")


def test_real_pages_keep_their_blocks(exported):
    target, _ = exported
    price_caps = (target / "agency" / "price-caps.md").read_text(encoding="utf-8")
    assert price_caps.startswith("Price caps set the most your council should pay")
    assert "\n\n## What the rule says\n\n**The rule: Price caps**\n\n" in price_caps
    ai = (target / "workload" / "ai-and-new-tools.md").read_text(encoding="utf-8")
    assert "\n\n%**No national guidance on AI yet**: DfE has not yet published guidance" in ai
    steps = (target / "agency" / "compliance-self-assessment.md").read_text(encoding="utf-8")
    assert "## How to use it\n\ns1. Read the page on each rule first." in steps
    supervision = (target / "retention" / "standard-5-supervision.md").read_text(encoding="utf-8")
    assert "\n\n$E\n**Illustrative example**\n\n**Rebooking missed supervision**\n\n" in supervision
    assert "See [safe workloads](standard-3-safe-workloads.md)." in supervision
    assert "22 November 2026" not in supervision and "Print this page" not in supervision
    assessment = (target / "retention" / "self-assessment.md").read_text(encoding="utf-8")
    assert "[fill it in online](self-assessment.html#tool-employer-standards)" in assessment
    assert (
        "\n\n### Standard 1: Strategic and professional leadership\n\nRead [Standard 1: Strategic and professional "
        "leadership](standard-1-social-work-framework.md).\n\nRate each one: Not yet, Partly or Fully. For each one, "
        "write down: Evidence; Next step.\n\n- A written statement of the purpose"
    ) in assessment
    assert "Check my answers" not in assessment and "saved as you go" not in assessment
    hybrid = (target / "workload" / "hybrid-and-digital.md").read_text(encoding="utf-8")
    assert "### Hybrid working team check (this site's own, not DfE's self-assessment)" in hybrid


@pytest.mark.parametrize(
    ("page", "charts"), [("retention/index", 2), ("agency/index", 2), ("workload/caseload-management", 1)]
)
def test_each_chart_on_the_real_pages_is_a_table_then_the_barchart_marker(exported, page, charts):
    target, _ = exported
    text = (target / f"{page}.md").read_text(encoding="utf-8")
    assert len(re.findall(r"\n\| 2025 \| [^\n]*\|\n\{barchart\}\n\n", text)) == charts


def test_index_lists_every_page_with_its_source_and_the_links_between_pages(built, exported):
    _, pages = built
    target, _ = exported
    index = (target / "index.md").read_text(encoding="utf-8")
    for page in pages:
        row = f"| {page['title']} | [{page['id']}.md]({page['id']}.md) | {page['source']} |"
        assert (row in index) == (page["id"] in resource_ids(pages)), page["id"]
    assert "| retention/standard-5-supervision.md | agency/working-with-agency-social-workers.md, " in index
    assert "not in this export" not in index
    assert (
        "| retention/self-assessment.md | `self-assessment.html#tool-employer-standards` | "
        "`site/retention/self-assessment.html` |"
    ) in index


def test_assets_files_are_empty_when_a_page_has_none(exported):
    target, _ = exported
    assert (target / "retention" / "standard-5-supervision.assets.txt").read_text(encoding="utf-8") == ""


def test_the_export_is_the_same_byte_for_byte_every_time(built, exported, tmp_path):
    site, pages = built
    target, written = exported
    again = write_govspeak(site, list(reversed(pages)), tmp_path / "again")
    assert [p.relative_to(tmp_path / "again") for p in again] == [p.relative_to(target) for p in written]
    for first, second in zip(written, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first


def test_command_line_writes_the_export(built, tmp_path, capsys):
    site, _ = built
    pages_file = site.parent / "build" / "pages.json"  # the contract the build wrote
    assert main(["--site", str(site), "--pages", str(pages_file), "--target", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "index.md").is_file()
    assert main(["--site", str(site), "--pages", str(pages_file), "--target", str(tmp_path / "out")]) == 1
    assert "is not empty" in capsys.readouterr().err


# --- Refusals ---------------------------------------------------------------------------------------------------


def one_page_site(tmp_path: Path, body: str) -> tuple[Path, list[dict]]:
    site = tmp_path / "site"
    (site / "workload").mkdir(parents=True)
    (site / "workload" / "case-recording.html").write_text(
        f'<html><body><article id="main-content"><h1>Case recording</h1>{body}</article></body></html>',
        encoding="utf-8",
    )
    page = {
        "id": "workload/case-recording",
        "source": "docs/workload/case-recording.md",
        "html": "workload/case-recording.html",
        "title": "Case recording",
        "strand": "workload",
        "kind": "guide",
        "resource": True,
    }
    return site, [page]


def test_a_page_that_fails_the_lint_stops_the_whole_export_and_is_named(tmp_path):
    site, pages = one_page_site(tmp_path, '<p>Do not <a href="javascript:alert(1)">click</a>.</p>')
    with pytest.raises(GovspeakError) as error:
        write_govspeak(site, pages, tmp_path / "out")
    where = "workload/case-recording.md (from docs/workload/case-recording.md)"
    assert f"{where}, line 1: a 'javascript:' URL" in str(error.value)
    assert not (tmp_path / "out").exists()


def test_a_missing_page_or_a_non_empty_target_is_refused(tmp_path):
    site, pages = one_page_site(tmp_path, "<p>Fine.</p>")
    (site / "workload" / "case-recording.html").unlink()
    with pytest.raises(GovspeakError, match="the built page .* is missing: build the site first"):
        write_govspeak(site, pages, tmp_path / "out")
    site, pages = one_page_site(tmp_path / "second", "<p>Fine.</p>")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "old.md").write_text("old", encoding="utf-8")
    with pytest.raises(GovspeakError, match="is not empty"):
        write_govspeak(site, pages, tmp_path / "full")


def test_two_different_files_of_one_name_on_a_page_are_refused(tmp_path):
    site, pages = one_page_site(
        tmp_path, '<p><img alt="A" src="../a/chart.png"></p><p><img alt="B" src="../b/chart.png"></p>'
    )
    with pytest.raises(GovspeakError, match="two different files are both called 'chart.png'"):
        write_govspeak(site, pages, tmp_path / "out")


def test_assets_file_lists_site_paths_and_descriptions(tmp_path):
    site, pages = one_page_site(
        tmp_path,
        '<p><img alt="A chart of leavers" src="../assets/leavers.png"></p>'
        '<p><a href="../assets/plan.docx">Action plan</a></p>',
    )
    write_govspeak(site, pages, tmp_path / "out")
    assets = (tmp_path / "out" / "workload" / "case-recording.assets.txt").read_text(encoding="utf-8")
    assert assets == "assets/leavers.png\tA chart of leavers\nassets/plan.docx\tAction plan\n"
    body = (tmp_path / "out" / "workload" / "case-recording.md").read_text(encoding="utf-8")
    assert body == "[Image:leavers.png]\n\n[AttachmentLink:plan.docx]\n"


def test_a_whole_built_page_converts_its_article_only():
    page = (
        '<html><body><nav>Menu</nav><main><article class="md-content__inner md-typeset">'
        '<h1 class="app-page-title" id="main-content" tabindex="-1">Title</h1><p>Body.</p></article></main>'
        "<footer>Footer</footer></body></html>"
    )
    assert to_govspeak(page) == ("Body.\n", [])
