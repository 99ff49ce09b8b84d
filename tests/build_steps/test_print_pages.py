"""The print page: each note's link back to its "[note N]" marker works once print-site has renamed ids, and each
tool's boxes keep their labels."""

from __future__ import annotations

from bs4 import BeautifulSoup

from build_steps.print_pages import prefix_note_markers, restore_tool_controls

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


# As mkdocs-print-site writes a tool: an input's id and name and a label's target get the page prefix (it does this
# for Material's content tabs), a text area's id does not, so its label would point nowhere.
TOOL = """
<section class="print-page" id="retention-self-assessment">
<div class="app-tool" id="tool-check" data-app-tool="check">
<input id="retention-self-assessment-tool-check--policy--rating--no" name="retention-self-assessment-tool-check--policy--rating" type="radio" value="no">
<label for="retention-self-assessment-tool-check--policy--rating--no">No</label>
<label for="retention-self-assessment-tool-check--policy--evidence">Evidence</label>
<textarea id="tool-check--policy--evidence" name="tool-check--policy--evidence"></textarea>
</div>
<input id="retention-self-assessment-__tabbed_1_1" name="retention-self-assessment-__tabbed_1" type="radio">
</section>
"""


def test_a_tools_boxes_get_their_own_ids_back_so_every_label_finds_its_box():
    soup = BeautifulSoup(TOOL, "html.parser")
    assert restore_tool_controls(soup) == 4  # the radio's id and name, and both labels
    radio = soup.select_one(".app-tool input")
    assert (radio["id"], radio["name"]) == ("tool-check--policy--rating--no", "tool-check--policy--rating")
    ids = {element["id"] for element in soup.find_all(id=True)}
    assert all(label["for"] in ids for label in soup.find_all("label"))
    assert soup.find(id="retention-self-assessment-__tabbed_1_1") is not None  # outside tools, print-site's ids stay
