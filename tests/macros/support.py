"""A small, fixed site for macro tests: one standard, one rule, two statistics, three pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import jinja2
import markdown
import yaml

from macros import blocks, charts, facts, links, tools
from macros.context import MacroContext
from site_model.data import AgencyRule, Series, SiteData, Source, Standard, Statistic
from site_model.pages import PageInfo
from site_model.tool_data import load_tools

REPO = Path(__file__).resolve().parents[2]
LGA = Source(
    "Standards for employers 2020: standard 5", "Local Government Association", "https://example.org/standard-5"
)
DFE = Source("Agency rules", "Department for Education", "https://example.org/agency-rules")
CASELOAD = Series("caseload", "average caseload", "number", DFE, "at 30 September {period}")
TURNOVER = Series("turnover", "turnover", "percent", DFE, "the year to 30 September {period}", date(2027, 3, 31))


def page(page_id: str, title: str, strand: str, audience: tuple[str, ...] = ("team-managers",)) -> PageInfo:
    return PageInfo(
        id=page_id,
        src=f"{page_id}.md",
        title=title,
        description=f"About {title.lower()}.",
        strand=strand,
        kind="guide",
        audience=audience,
        last_reviewed=date(2026, 11, 22),
        review_due=date(2027, 11, 22),
        sources=(LGA,),
    )


def make_site_data() -> SiteData:
    return SiteData(
        standards={
            5: Standard(
                5,
                "Supervision",
                "retention/standard-5-supervision",
                "Employers give protected supervision.",
                ("Sessions last at least 90 minutes.", "A **policy** exists."),
                LGA,
            )
        },
        agency_rules={
            "notice-periods": AgencyRule(
                "notice-periods",
                "Notice periods",
                "agency/notice-periods",
                "should",
                "Agency workers give 4 weeks' notice.",
                "New assignments from 31 October 2024.",
                ("Put the notice period in contracts.",),
                DFE,
                uncertain="Nothing is unconfirmed here.",
            )
        },
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
        self.meta: dict[str, Any] = {
            "sources": [{"title": "Agency rules", "publisher": "DfE", "url": "https://example.org/a"}]
        }
        self.text = ""


def make_macros(site_data: SiteData, current: Current) -> dict:
    pages = {
        p.id: p
        for p in (
            page("retention/standard-5-supervision", "Standard 5: Supervision", "retention", ("senior-leaders",)),
            page("workload/supervision", "Supervision and workload", "workload"),
            page("workload/index", "Reducing workload", "workload"),
            page("agency/notice-periods", "Notice periods", "agency", ("hr-procurement", "team-managers")),
        )
    }
    context = MacroContext(
        site_data,
        pages,
        current_src=lambda: current.src,
        current_meta=lambda: current.meta,
        current_text=lambda: current.text,
    )
    registered: dict = {}
    for family in (blocks, facts, tools, links, charts):
        registered.update(family.register(context))
    return registered


def render_macros(text: str, macros: dict) -> str:
    """A page's Markdown with its macro calls run, as mkdocs-macros runs them (mkdocs.yml's Jinja settings)."""
    environment = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        comment_start_string=JINJA["j2_comment_start_string"],
        comment_end_string=JINJA["j2_comment_end_string"],
    )
    return environment.from_string(text).render(**macros)


def to_page_html(text: str) -> str:
    """A page's Markdown as the site renders it: every Markdown extension mkdocs.yml lists, with its settings."""
    return markdown.markdown(text, extensions=list(MARKDOWN), extension_configs=MARKDOWN)


def to_html(text: str) -> str:
    """Macro output as the site renders it (the Markdown extensions the macros rely on)."""
    return markdown.markdown(
        text,
        extensions=["md_in_html", "tables", "attr_list", "footnotes", "macros.charts"],
        extension_configs={"footnotes": FOOTNOTES},
    )


def _site_config() -> dict:
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _markdown_settings(config: dict) -> dict[str, dict]:
    """Each Markdown extension in mkdocs.yml, in order, with its settings, so pages render here as on the site."""
    entries = [entry if isinstance(entry, dict) else {entry: {}} for entry in config["markdown_extensions"]]
    return {name: settings or {} for entry in entries for name, settings in entry.items()}


def _macros_settings(config: dict) -> dict:
    return next(entry["macros"] for entry in config["plugins"] if isinstance(entry, dict) and "macros" in entry)


_CONFIG = _site_config()
MARKDOWN = _markdown_settings(_CONFIG)
FOOTNOTES = MARKDOWN["footnotes"]
JINJA = _macros_settings(_CONFIG)
