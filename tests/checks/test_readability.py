"""The readability report: prose only, and sentences over 30 words listed for their authors."""

from __future__ import annotations

from bs4 import BeautifulSoup

from checks.readability import long_sentences, prose_parts

LONG = "Long " + " ".join(["word"] * 30) + "."


def test_notes_and_their_markers_are_not_prose():
    soup = BeautifulSoup(
        '<p>The rate was 14.2%<sup id="fnref:x"><a href="#fn:x">[note 1]</a></sup>.</p>'
        '<div class="footnote"><ol><li id="fn:x"><p>Reporting year 2025: vacancy rate. DfE.</p></li></ol></div>',
        "html.parser",
    )
    assert prose_parts(soup) == ["The rate was 14.2% ."]


def test_a_sentence_over_30_words_is_listed_and_one_of_30_is_not():
    thirty = "Thirty " + " ".join(["word"] * 29) + "."
    soup = BeautifulSoup(f"<p>Short one. {LONG} {thirty}</p><ul><li>a list item</li></ul>", "html.parser")
    assert long_sentences(prose_parts(soup)) == [LONG]


def test_each_list_item_is_its_own_sentence():
    items = "".join(f"<li>item {n} has a few words in it</li>" for n in range(8))
    soup = BeautifulSoup(f"<p>You should:</p><ul>{items}</ul>", "html.parser")
    assert long_sentences(prose_parts(soup)) == []
