"""Lists built from page front matter: related resources, a page's sources, pages for a role, the glossary."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from macros.arguments import checked
from macros.context import MacroContext
from macros.errors import macro_error, one_of
from macros.facts import notes_section
from site_model.vocabulary import AUDIENCES, STRANDS


def _markdown_link_text(text: str) -> str:
    return text.replace("[", "(").replace("]", ")")


def register(context: MacroContext) -> dict[str, Callable[..., str]]:
    def link_line(page_id: str) -> str:
        page = context.pages[page_id]
        return f"- [{_markdown_link_text(page.title)}]({context.link_to(page_id)}): {page.description}"

    @checked("related_resources")
    def related_resources(page_ids: list[str], title: str = "Related resources") -> str:
        """A section of links to other pages, by page id, with each page's title and description."""
        if not page_ids:
            raise macro_error("related_resources", "argument 'page_ids' must list at least one page id.")
        for page_id in page_ids:
            if page_id not in context.pages:
                close = difflib.get_close_matches(page_id, list(context.pages), n=1)
                hint = f' Did you mean "{close[0]}"?' if close else ""
                raise macro_error(
                    "related_resources",
                    f"there is no page with id {page_id!r}.{hint} A page id is the path under docs/ without '.md'.",
                )
        return "\n\n## " + title + "\n\n" + "\n".join(link_line(page_id) for page_id in page_ids) + "\n\n"

    @checked("sources_section")
    def sources_section() -> str:
        """The page's Sources section, from the `sources` in its front matter."""
        page_sources = context.current_meta().get("sources") or []
        if not page_sources:
            raise macro_error("sources_section", "this page lists no sources in its front matter.")
        lines = [f"- [{_markdown_link_text(s['title'])}]({s['url']}), {s['publisher']}" for s in page_sources]
        return notes_section(context) + "\n\n## Sources\n\n" + "\n".join(lines) + "\n"

    @checked("pages_for")
    def pages_for(audience: str) -> str:
        """Every page whose front matter names this audience, grouped by strand, as linked lists."""
        if audience not in AUDIENCES:
            raise macro_error("pages_for", f'audience "{audience}" is not allowed. Use {one_of(list(AUDIENCES))}.')
        sections = []
        for strand, heading in STRANDS.items():
            ids = sorted(
                (
                    page.id
                    for page in context.pages.values()
                    if audience in page.audience and page.strand == strand and not context.is_current(page.id)
                ),
                key=lambda page_id: (not page_id.endswith("index"), context.pages[page_id].title),
            )
            if ids:
                sections.append(f"## {heading}\n\n" + "\n".join(link_line(page_id) for page_id in ids))
        if not sections:
            raise macro_error("pages_for", f'no page names "{audience}" in its audience.')
        return "\n\n" + "\n\n".join(sections) + "\n\n"

    @checked("glossary")
    def glossary() -> str:
        """A table of every abbreviation in data/glossary.yml and what it stands for."""
        rows = [
            f"| {short} | {long} |"
            for short, long in sorted(context.data.glossary.items(), key=lambda kv: kv[0].lower())
        ]
        return "\n\n| Abbreviation | Meaning |\n|---|---|\n" + "\n".join(rows) + "\n\n"

    @checked("contact_link")
    def contact_link() -> str:
        """A link to the publisher's contact route, set once as extra.contact in mkdocs.yml."""
        if not context.contact:
            raise macro_error("contact_link", "mkdocs.yml has no extra.contact to link to.")
        return f"[{context.contact['link_text']}]({context.contact['url']})"

    return {
        "contact_link": contact_link,
        "related_resources": related_resources,
        "sources_section": sources_section,
        "pages_for": pages_for,
        "glossary": glossary,
    }
