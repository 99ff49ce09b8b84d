"""tool(): the exact HTML of each kind of section and of the summary, where a tool may go, and every author error.

The tool is tests/fixtures/macros/tools/supervision-check.yml; the HTML it must give is in
tests/fixtures/macros/expected/tool-<part>.html, checked line by line against the GOV.UK patterns it follows.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from macros import tools
from macros.context import MacroContext
from site_model.data import load_site_data
from site_model.errors import AuthorError
from site_model.pages import load_page_index
from tests.macros.support import REPO, to_html

EXPECTED = REPO / "tests" / "fixtures" / "macros" / "expected"


def expected(part: str) -> str:
    return (EXPECTED / f"tool-{part}.html").read_text(encoding="utf-8").rstrip("\n")


@pytest.mark.parametrize("part", ["basics", "ticks", "counts", "plan", "summary"])
def test_each_part_renders_exactly(macro, part):
    assert to_html(macro["tool"]("supervision-check", part=part)) == expected(part)


def test_all_is_every_part_in_order(macro):
    html = to_html(macro["tool"]("supervision-check"))
    assert html == "\n".join(expected(part) for part in ("basics", "ticks", "counts", "plan", "summary"))


def test_a_rating_question_is_a_fieldset_whose_legend_is_the_question_with_its_hint_tied_to_it(macro):
    soup = BeautifulSoup(macro["tool"]("supervision-check", part="basics"), "html.parser")
    question = soup.select_one("fieldset.app-tool__question")
    assert question.legend.get_text() == "A written policy & a named owner"
    assert soup.find(id=question["aria-describedby"]).get_text() == "Owned by the PSW. See Notice periods."
    radios = question.select("input[type=radio]")
    assert [(radio["value"], radio["name"]) for radio in radios] == [
        ("no", "tool-supervision-check--policy--rating"),
        ("yes", "tool-supervision-check--policy--rating"),
    ]
    assert [soup.find("label", attrs={"for": radio["id"]}).get_text() for radio in radios] == ["No", "Yes"]


def test_headings_follow_the_level_asked_for_and_can_be_left_to_the_page(macro):
    html = macro["tool"]("supervision-check", part="ticks", heading_level=4)
    assert (
        '<legend class="app-tool__legend app-tool__legend--section"><h4 class="app-tool__title">Quick checks</h4></legend>'
        in html
    )
    html = macro["tool"]("supervision-check", part="summary", heading_level=2)
    assert (
        '<h2 class="app-tool__title" tabindex="-1" data-app-tool-summary-heading>Summary of your answers</h2>' in html
    )


def test_show_title_false_leaves_the_heading_to_the_page(site_data, current):
    from tests.macros.support import make_macros

    macro = make_macros(site_data, current)
    assert "<h3" not in macro["tool"]("supervision-check", part="basics", show_title=False)
    macro = make_macros(site_data, current)
    html = macro["tool"]("supervision-check", part="ticks", show_title=False)
    assert '<legend class="app-tool__legend app-tool__legend--section">Quick checks</legend>' in html


def test_questions_are_every_section_but_rows(macro):
    html = macro["tool"]("supervision-check", part="questions")
    assert re.findall(r'data-app-tool-part="([a-z-]+)"', html) == ["basics", "ticks", "counts"]


def test_only_the_first_section_carries_the_introduction_and_the_anchor(macro):
    html = macro["tool"]("supervision-check")
    assert html.count('app-tool__intro"') == 1 and html.count('id="tool-supervision-check"') == 1
    assert html.count('role="status"') == 1  # one live region a tool


# --- Where a tool may go ---------------------------------------------------------------------------------------


def test_a_tool_on_a_second_page_is_refused(macro, current):
    macro["tool"]("supervision-check")
    current.src = "workload/index.md"
    with pytest.raises(AuthorError, match=r'tool "supervision-check" is already on docs/workload/supervision.md'):
        macro["tool"]("supervision-check")


def test_a_part_placed_twice_is_refused(macro):
    macro["tool"]("supervision-check", part="basics")
    with pytest.raises(AuthorError, match=r'part "basics" of tool "supervision-check" is already on this page'):
        macro["tool"]("supervision-check", part="basics")


def test_parts_out_of_order_are_refused(macro):
    macro["tool"]("supervision-check", part="counts")
    with pytest.raises(AuthorError) as error:
        macro["tool"]("supervision-check", part="ticks")
    assert str(error.value) == (
        'tool(): part "ticks" of tool "supervision-check" comes before "counts" in '
        "tests/fixtures/macros/tools/supervision-check.yml. Place the parts in that order: basics, ticks, counts, plan, "
        "summary. See 'tool' in docs/authors/macros.md."
    )


def test_a_page_missing_a_part_fails_with_the_page_line_and_the_parts(macro, current):
    current.text = 'Intro.\n\n{{ tool("supervision-check", part="questions") }}\n'
    macro["tool"]("supervision-check", part="questions")
    with pytest.raises(AuthorError) as error:
        tools.check_page_tools(_context_of(macro))
    assert str(error.value).startswith(
        'docs/workload/supervision.md:3: tool(): tool "supervision-check" is missing plan, summary on this page.'
    )


def test_a_page_with_every_part_passes(macro):
    macro["tool"]("supervision-check", part="questions")
    macro["tool"]("supervision-check", part="plan")
    macro["tool"]("supervision-check", part="summary")
    tools.check_page_tools(_context_of(macro))


def _context_of(macro: dict) -> MacroContext:
    """The MacroContext the macros were registered with (held in the closure of tool())."""
    wrapped = macro["tool"].__wrapped__
    return next(cell.cell_contents for cell in wrapped.__closure__ if isinstance(cell.cell_contents, MacroContext))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            {"tool_id": "no-such-tool"},
            'there is no tool "no-such-tool" in data/tools/. Known tools: "supervision-check".',
        ),
        (
            {"tool_id": "supervision-check", "part": "action-plan"},
            'part "action-plan" is not a part of tool "supervision-check". Use "all", "questions", "basics", "ticks", '
            '"counts", "plan" or "summary".',
        ),
        ({"tool_id": "supervision-check", "heading_level": 6}, "heading_level must be one of 2, 3, 4, 5, but was 6."),
        ({"tool_id": "supervision-check", "show_title": "no"}, "argument 'show_title' must be true or false"),
        ({"tool_id": "supervision-check", "title": "x"}, "there is no argument called 'title'"),
    ],
)
def test_wrong_calls_name_the_macro_the_argument_and_what_is_allowed(macro, arguments, message):
    with pytest.raises(AuthorError) as error:
        macro["tool"](**arguments)
    assert message in str(error.value) and str(error.value).startswith("tool(): ")


def test_a_link_to_a_page_that_does_not_exist_names_the_data_file_and_line(site_data, current):
    from dataclasses import replace

    from tests.macros.support import make_macros

    tool = site_data.tools["supervision-check"]
    broken = replace(tool, sections=(replace(tool.sections[0], see="retention/no-such-page"), *tool.sections[1:]))
    macro = make_macros(replace(site_data, tools={"supervision-check": broken}), current)
    with pytest.raises(AuthorError) as error:
        macro["tool"]("supervision-check")
    assert str(error.value) == (
        "tests/fixtures/macros/tools/supervision-check.yml:11: see: there is no page 'retention/no-such-page'. Use a "
        "page id: the page's path under docs/ without .md, such as agency/references."
    )


# --- The real tools -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_tools_html() -> dict[str, str]:
    """Every tool in data/tools/, rendered whole on a page of its own strand."""
    data = load_site_data(REPO)
    pages = load_page_index(REPO / "docs", REPO)
    rendered = {}
    for tool_id in data.tools:
        context = MacroContext(data, pages, current_src=lambda: "retention/self-assessment.md", current_meta=dict)
        rendered[tool_id] = to_html(tools.register(context)["tool"](tool_id))
    return rendered


def test_every_real_tool_has_unique_ids_and_every_label_and_hint_reference_resolves(real_tools_html):
    everything = BeautifulSoup("\n".join(real_tools_html.values()), "html.parser")
    ids = Counter(element["id"] for element in everything.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []
    assert all(name.startswith("tool-") for name in ids)
    for label in everything.find_all("label"):
        assert label["for"] in ids, label
    for element in everything.find_all(attrs={"aria-describedby": True}):
        assert all(ref in ids for ref in element["aria-describedby"].split()), element
    for control in everything.select("input, textarea"):
        assert control["name"].startswith("tool-") and everything.find("label", attrs={"for": control["id"]}), control


def test_every_real_question_is_a_fieldset_with_a_legend(real_tools_html):
    everything = BeautifulSoup("\n".join(real_tools_html.values()), "html.parser")
    for fieldset in everything.find_all("fieldset"):
        assert fieldset.find("legend", recursive=False) is not None and fieldset.legend.get_text(strip=True)


def test_each_line_holds_at_most_one_control_or_label_for_print_sites_rewriting(real_tools_html):
    for html in real_tools_html.values():
        for line in html.split("\n"):
            assert len(re.findall(r"<(?:input|label|textarea)\b", line)) <= 1, line


def test_the_hybrid_team_check_still_says_it_is_not_dfes(real_tools_html):
    soup = BeautifulSoup(real_tools_html["hybrid-team-check"], "html.parser")
    assert soup.select_one("h3.app-tool__title").get_text() == (
        "Hybrid working team check (this site's own, not DfE's self-assessment)"
    )
    assert "9" not in soup.get_text()  # never a list presented as DfE's 9 conditions


def test_the_supervision_check_gives_the_standards_minimums_and_nothing_else(real_tools_html):
    soup = BeautifulSoup(real_tools_html["supervision-frequency"], "html.parser")
    groups = {
        fieldset.legend.get_text(): fieldset.select_one(".app-tool__hint").get_text()
        for fieldset in soup.select('[data-app-tool-part="groups"] fieldset.app-tool__question')
    }
    assert groups == {
        "Newly qualified social workers, first 6 weeks": "The minimum: a session every week.",
        "Newly qualified social workers, from 6 weeks to 6 months": "The minimum: a session at least every 2 weeks.",
        "Newly qualified social workers, after 6 months": "The minimum: a session at least every month.",
        "Other qualified social workers": "The minimum: a session at least every month.",
    }
    assert "Sessions held that lasted at least 90 minutes, uninterrupted" in soup.get_text()
    # No figure of its own: only standard 5's (6 weeks, 6 months, 2 weeks, 90 minutes) and its name and version.
    figures = set(re.findall(r"\b\d+\b", soup.select_one('[data-app-tool-part="groups"]').get_text(" ")))
    assert figures == {"2", "5", "6", "90", "2020"}
