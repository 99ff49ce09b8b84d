"""checks/print_page.py: links on the print page reach their targets."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from checks import print_page

# What print-site writes for a note cited right after a statistic: the back-link is prefixed with the
# page's id, but its regular expression missed the <sup> that follows the <span> on the same line.
PRINTED = """<html><body><div id="print-site-page">
<section class="print-page" id="workload-index">
<p>A list of <span class="app-statistic">31</span><sup id="fnref:workload-index-nwag"><a href="#workload-index-fn:workload-index-nwag">[note 1]</a></sup>.</p>
<ol><li id="workload-index-fn:workload-index-nwag"><p>NWAG. <a href="#workload-index-fnref:workload-index-nwag">Back to text</a></p></li></ol>
<p><a href="#workload-index-nowhere">A link with no target at all stays as it is</a></p>
</section></div></body></html>"""


def test_missed_ids_are_renamed_so_back_links_work(tmp_path: Path) -> None:
    page = tmp_path / "print_page.html"
    page.write_text(PRINTED, encoding="utf-8")
    print_page.remove_ignored_content(page)
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    ids = {element["id"] for element in soup.find_all(id=True)}
    assert "workload-index-fnref:workload-index-nwag" in ids
    assert "fnref:workload-index-nwag" not in ids
    missing = [a["href"] for a in soup.select('a[href^="#"]') if a["href"][1:] not in ids]
    assert missing == ["#workload-index-nowhere"]
