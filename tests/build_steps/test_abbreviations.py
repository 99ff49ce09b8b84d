"""Abbreviations are spelled out at their first use in running text, GOV.UK style."""

from __future__ import annotations

from bs4 import BeautifulSoup

from build_steps.abbreviations import expand_first_use

GLOSSARY = {"PSW": "principal social worker", "DfE": "Department for Education"}


def expanded(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    expand_first_use(soup, GLOSSARY)
    return str(soup)


def test_first_use_is_spelled_out_and_later_uses_are_not():
    assert expanded("<p>Ask the PSW. The PSW decides.</p>") == (
        '<p>Ask the principal social worker (<abbr title="principal social worker">PSW</abbr>). The PSW decides.</p>'
    )


def test_headings_links_and_code_are_left_alone():
    html = '<h2>PSW role</h2><p><a href="x">PSW page</a> <code>PSW</code></p><p>The PSW.</p>'
    assert expanded(html) == (
        '<h2>PSW role</h2><p><a href="x">PSW page</a> <code>PSW</code></p>'
        '<p>The principal social worker (<abbr title="principal social worker">PSW</abbr>).</p>'
    )


def test_an_abbreviation_the_author_spelled_out_is_not_expanded_again():
    html = "<p>The Department for Education (DfE) funds it. DfE says so.</p>"
    assert expanded(html) == html


def test_an_expansion_broken_across_source_lines_still_counts():
    html = "<p>The Department for\nEducation (DfE) funds it.</p>"
    assert expanded(html) == html


def test_two_abbreviations_in_one_sentence_are_both_expanded():
    assert expanded("<p>DfE asked each PSW.</p>") == (
        '<p>Department for Education (<abbr title="Department for Education">DfE</abbr>) asked each '
        'principal social worker (<abbr title="principal social worker">PSW</abbr>).</p>'
    )


def test_whole_words_only():
    assert expanded("<p>PSWs and XPSW.</p>") == "<p>PSWs and XPSW.</p>"
