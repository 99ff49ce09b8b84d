"""checks/print_page.py: the print page's notes link back to where each figure is cited."""

from __future__ import annotations

from pathlib import Path

from checks.print_page import remove_ignored_content

# As mkdocs-print-site writes a page with 2 notes: it prefixed the first note link (first tag on its line)
# but not the second (after a <span>), while it prefixed every link to them.
PRINTED = """<html><body><div id="print-site-page">
<section class="print-page" id="agency-index">
<p>
<sup id="agency-index-fnref:agency-index-a"><a href="#agency-index-fn:agency-index-a">[note 1]</a></sup>
<span class="app-statistic">13.0%</span><sup id="fnref:agency-index-b"><a href="#agency-index-fn:agency-index-b">[note 2]</a></sup>
</p>
<ol>
<li id="agency-index-fn:agency-index-a"><a href="#agency-index-fnref:agency-index-a">Back to text</a></li>
<li id="agency-index-fn:agency-index-b"><a href="#agency-index-fnref:agency-index-b">Back to text</a></li>
</ol>
<p class="print-site-plugin-ignore"><a href="#authors-index">For authors</a></p>
</section>
</div></body></html>"""


def test_every_note_links_back_to_where_it_is_cited(tmp_path: Path) -> None:
    page = tmp_path / "print_page.html"
    page.write_text(PRINTED, encoding="utf-8")
    assert remove_ignored_content(page) == 2  # the ignored paragraph, and one note link
    html = page.read_text(encoding="utf-8")
    assert '<sup id="agency-index-fnref:agency-index-b">' in html
    assert '<sup id="agency-index-fnref:agency-index-a">' in html and "For authors" not in html


def test_a_page_with_nothing_to_change_is_left_alone(tmp_path: Path) -> None:
    page = tmp_path / "print_page.html"
    page.write_text(PRINTED.replace('<sup id="fnref:agency-index-b">', '<sup id="agency-index-fnref:agency-index-b">')
                    .replace('<p class="print-site-plugin-ignore"><a href="#authors-index">For authors</a></p>\n', ""),
                    encoding="utf-8")
    before = page.stat().st_mtime_ns
    assert remove_ignored_content(page) == 0
    assert page.stat().st_mtime_ns == before
