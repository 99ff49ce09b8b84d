"""A chart in a PDF is described as on the web page: its title and trend in words become the Figure's /Alt."""

from __future__ import annotations

import pikepdf

from pdfs.pdf_ua import describe_figures, drawing_texts

PAGE = """<html><body><p><img src="a.png" alt="A photo"></p>
<svg role="img"><title>Vacancy rate, 2022 to 2025</title><desc>Fell from 20% in 2022 to 14.2% in 2025.</desc></svg>
<svg aria-hidden="true"><title>decoration</title></svg></body></html>"""


def test_each_drawing_gives_its_title_and_description_in_order(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert drawing_texts(page) == ["Vacancy rate, 2022 to 2025. Fell from 20% in 2022 to 14.2% in 2025."]


def test_only_figures_without_a_text_alternative_are_described():
    pdf = pikepdf.new()
    image = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Figure, Alt=pikepdf.String("A photo")))
    chart = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Figure))
    section = pikepdf.Dictionary(S=pikepdf.Name.Sect, K=pikepdf.Array([image, chart]))
    pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=section))
    assert describe_figures(pdf, ["Vacancy rate. Fell."]) == 1
    assert str(chart.Alt) == "Vacancy rate. Fell." and str(image.Alt) == "A photo"
