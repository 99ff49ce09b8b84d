"""Checks of rendered page content: unsafe HTML, headings, section order, empty pages."""

from __future__ import annotations

from bs4 import BeautifulSoup

from checks import content

SOURCE = 'Intro.\n\n## Part\n\n<div onclick="x()">Hi</div>\n\n<script>alert(1)</script>\n'


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_script_iframe_and_event_handlers_are_refused_with_their_line():
    problems = content.unsafe_html(
        soup('<h1>T</h1><div onclick="x()">Hi</div><script>alert(1)</script><iframe src="x"></iframe>'),
        SOURCE,
        "docs/p.md",
    )
    assert "docs/p.md:7: raw <script> is not allowed in content" in problems[0]
    assert problems[1].startswith("docs/p.md: an <iframe> is not allowed")
    assert "docs/p.md:5: the 'onclick' attribute on <div> runs JavaScript" in problems[2]


def test_an_image_without_alt_is_refused_but_empty_alt_is_decoration():
    problems = content.unsafe_html(
        soup('<img src="a/chart.png"><img src="b.png" alt="">'), "![x](a/chart.png)\n", "docs/p.md"
    )
    assert problems == [
        "docs/p.md:1: an image has no alt text. Write ![what the image shows](file.png), "
        "or ![](file.png) only if the image is decoration."
    ]


def test_a_second_h1_is_refused():
    problems = content.heading_structure(soup("<h1>Title</h1><h1>Another</h1>"), "# Another\n", "docs/p.md")
    assert problems == [
        "docs/p.md:1: the page has a second top-level heading 'Another'. "
        "The title in the front matter is the page's only H1: start sections at '##'."
    ]


def test_skipped_heading_levels_are_refused():
    problems = content.heading_structure(soup("<h1>T</h1><h2>A</h2><h4>Deep</h4>"), "## A\n#### Deep\n", "docs/p.md")
    assert problems == [
        "docs/p.md:2: heading 'Deep' is level 4 after level 2. Do not skip heading levels: use level 3 here."
    ]


def test_good_headings_pass():
    assert content.heading_structure(soup("<h1>T</h1><h2>A</h2><h3>B</h3><h2>C</h2>"), "", "docs/p.md") == []


def h2s(*names: str) -> BeautifulSoup:
    return soup("".join(f"<h2>{name}</h2>" for name in names))


def test_agency_rule_pages_need_their_sections_in_order():
    good = content.SECTION_ORDER["agency-rule"]
    assert content.section_order(h2s(*good), "agency-rule", "docs/a.md") == []
    assert content.section_order(h2s(*good[:-1], "Related resources", good[-1]), "agency-rule", "docs/a.md") == []
    problem = content.section_order(h2s(*good[1:]), "agency-rule", "docs/a.md")[0]
    assert problem.startswith(
        "docs/a.md: a 'agency-rule' page has these '##' sections in this order: What the rule says / From when"
    )
    assert problem.endswith("(missing: What the rule says).")


def test_sections_out_of_order_are_named_as_such():
    good = content.SECTION_ORDER["standard"]
    problem = content.section_order(h2s(good[1], good[0], *good[2:]), "standard", "docs/s.md")[0]
    assert problem.endswith("(the sections are out of order).")


def test_guides_end_with_sources():
    assert content.section_order(h2s("Anything", "Sources"), "guide", "docs/g.md") == []
    assert content.section_order(h2s("Sources", "Later"), "guide", "docs/g.md") == [
        "docs/g.md: a 'guide' page ends with its Sources: put {{ sources_section() }} on the page's last line."
    ]
    assert content.section_order(h2s("Anything"), "about", "docs/g.md") == []


def test_a_page_with_almost_no_words_is_refused():
    assert content.too_short(soup("<h1>Title</h1><p>Too short.</p>"), "docs/e.md") == [
        "docs/e.md: the page has only 3 words. A page needs real content (at least 30 words)."
    ]
