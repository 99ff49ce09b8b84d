"""The print page: each note's link back to its "[note N]" marker works once print-site has renamed ids."""

from __future__ import annotations

from bs4 import BeautifulSoup

from checks.print_page import prefix_note_markers

# As mkdocs-print-site writes a page's note: the note's id and both links carry the page prefix, the
# marker's own id does not.
SECTION = """
<section class="print-page" id="workload-index">
<p>It was 63%<sup id="fnref:workload-index-wave-5"><a class="footnote-ref" href="#workload-index-fn:workload-index-wave-5">[note 1]</a></sup>.</p>
<div class="footnote"><ol><li id="workload-index-fn:workload-index-wave-5"><p>Autumn 2022.
<a class="footnote-backref" href="#workload-index-fnref:workload-index-wave-5">Back to text</a></p></li></ol></div>
</section>
"""


def test_every_link_back_from_a_note_finds_its_marker():
    soup = BeautifulSoup(SECTION, "html.parser")
    assert prefix_note_markers(soup) == 1
    ids = {element["id"] for element in soup.find_all(id=True)}
    assert all(link["href"][1:] in ids for link in soup.select("a[href^='#']"))


def test_a_marker_already_prefixed_is_left_alone():
    soup = BeautifulSoup(SECTION, "html.parser")
    prefix_note_markers(soup)
    assert prefix_note_markers(BeautifulSoup(str(soup), "html.parser")) == 0
