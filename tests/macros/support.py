"""A small, fixed site for macro tests: one standard, one rule, two statistics, three pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import markdown
import yaml

from macros import blocks, charts, facts, links, tools
from macros.context import MacroContext
from site_model.data import AgencyRule, Series, SiteData, Source, Standard, Statistic
from site_model.pages import PageInfo
from site_model.tool_data import load_tools

REPO = Path(__file__).resolve().parents[2]
LGA = Source("Standards for employers 2020: standard 5", "Local Government Association", "https://example.org/standard-5")
DFE = Source("Agency rules", "Department for Education", "https://example.org/agency-rules")
CASELOAD = Series("caseload", "average caseload", "number", DFE, "at 30 September {period}")
TURNOVER = Series("turnover", "turnover", "percent", DFE, "the year to 30 September {period}", date(2027, 3, 31))


def page(page_id: str, title: str, strand: str, audience: tuple[str, ...] = ("team-managers",)) -> PageInfo:
    return PageInfo(
        id=page_id, src=f"{page_id}.md", title=title, description=f"About {title.lower()}.", strand=strand,
        kind="guide", audience=audience, last_reviewed=date(2026, 11, 22), review_due=date(2027, 11, 22),
        sources=(LGA,),
    )


def make_site_data() -> SiteData:
    return SiteData(
        standards={5: Standard(5, "Supervision", "retention/standard-5-supervision", "Employers give protected supervision.",
                               ("Sessions last at least 90 minutes.", "A **policy** exists."), LGA)},
        agency_rules={"notice-periods": AgencyRule(
            "notice-periods", "Notice periods", "agency/notice-periods", "should", "Agency workers give 4 weeks' notice.",
            "New assignments from 31 October 2024.", ("Put the notice period in contracts.",), DFE,
            uncertain="Nothing is unconfirmed here.")},
        statistics={
            "caseload-2023": Statistic("caseload-2023", CASELOAD, "2023", "16.0"),
            "caseload": Statistic("caseload", CASELOAD, "2024", "15.4"),
            "turnover": Statistic("turnover", TURNOVER, "2024", "13.8%", "medium", caveat="One source only."),
        },
        glossary={"PSW": "principal social worker"},
        tools=load_tools(REPO / "tests" / "fixtures" / "macros", REPO),  # tests/fixtures/macros/tools/*.yml
    )


class Current:
    """Stands in for the page mkdocs-macros is rendering."""

    def __init__(self) -> None:
        self.src = "workload/supervision.md"
        self.meta: dict[str, Any] = {"sources": [{"title": "Agency rules", "publisher": "DfE", "url": "https://example.org/a"}]}
        self.text = ""


def make_macros(site_data: SiteData, current: Current) -> dict:
    pages = {p.id: p for p in (
        page("retention/standard-5-supervision", "Standard 5: Supervision", "retention", ("senior-leaders",)),
        page("workload/supervision", "Supervision and workload", "workload"),
        page("workload/index", "Reducing workload", "workload"),
        page("agency/notice-periods", "Notice periods", "agency", ("hr-procurement", "team-managers")),
    )}
    context = MacroContext(site_data, pages, current_src=lambda: current.src, current_meta=lambda: current.meta,
                           current_text=lambda: current.text)
    registered: dict = {}
    for family in (blocks, facts, tools, links, charts):
        registered.update(family.register(context))
    return registered


def to_html(text: str) -> str:
    """Macro output as the site renders it (the Markdown extensions the macros rely on)."""
    return markdown.markdown(
        text, extensions=["md_in_html", "tables", "attr_list", "footnotes", "macros.charts"],
        extension_configs={"footnotes": FOOTNOTES},
    )


def _footnote_settings() -> dict:
    """The footnote settings in mkdocs.yml, so notes render here as on the site."""
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return next(entry["footnotes"] for entry in config["markdown_extensions"] if isinstance(entry, dict) and "footnotes" in entry)


FOOTNOTES = _footnote_settings()
