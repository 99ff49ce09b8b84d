"""The words the site is organised by, defined once.

schemas/page.schema.json lists the same values for front matter; tests/site_model/test_vocabulary.py
fails if the two disagree, and the author guide's tables are rendered from here (vocabulary_table()).
"""

from __future__ import annotations

# Strand id -> the heading readers see. Order is the order of the navigation and of role pages.
STRANDS: dict[str, str] = {
    "retention": "Retaining social workers",
    "agency": "Agency social workers",
    "workload": "Reducing workload",
    "about": "About these resources",
    "authors": "For authors",
}

# Audience id -> who that is, in readers' words.
AUDIENCES: dict[str, str] = {
    "practitioners": "Social workers",
    "team-managers": "Team managers",
    "senior-leaders": "Senior leaders and principal social workers",
    "hr-procurement": "HR and procurement",
    "authors": "Authors",
}

# Kind id -> what such a page is for.
KINDS: dict[str, str] = {
    "standard": "one employer standard: what it expects and how to meet it",
    "agency-rule": "one of DfE's agency rules: what it says and what your council must do",
    "guide": "practical guidance on a topic",
    "tool": "a tool to fill in, print or both",
    "overview": "a strand's overview page",
    "about": "about the collection: home, about, accessibility, abbreviations, role pages",
}

# The '##' sections every page of a kind has, in this order, so readers know where to look.
SECTION_ORDER: dict[str, list[str]] = {
    "standard": [
        "What the standard expects",
        "What good looks like",
        "Why it matters for retention",
        "Practical actions",
        "Common challenges",
        "Reflective questions",
        "Self-assessment checklist",
        "Evidence you could show",
        "Sources",
    ],
    "agency-rule": [
        "What the rule says",
        "From when",
        "What your council must do",
        "Common questions",
        "Compliance checklist",
        "Sources",
    ],
}
# Kinds with any sections, as long as they end with their Sources.
ENDS_WITH_SOURCES = ("guide", "tool", "overview")
# Sections that macros add just before Sources when a page needs them: related_resources() and the
# numbered notes of the figures a page cites (sources_section()).
OPTIONAL_BEFORE_SOURCES = ("Related resources", "Notes")

# Callout kind -> the title its box shows unless the author gives one. The callout() macro writes it, and the
# Govspeak export drops it where GOV.UK's own box already says the same (handover/govspeak/blocks.py).
CALLOUT_TITLES: dict[str, str] = {
    "information": "Information",
    "warning": "Warning",
    "important": "Important",
    "england": "Applies in England",
}

# Strands with an overview page and a print view of their own (print-<strand>.html).
PRINTED_STRANDS = ("retention", "agency", "workload")


def is_resource(kind: str, strand: str) -> bool:
    """A resource is a page a practitioner uses: it gets a PDF and a Govspeak file. About pages and the
    author guide are not resources."""
    return kind != "about" and strand != "authors"


def print_view(src: str) -> str | None:
    """The strand print view a page links to: only a printed strand's overview (retention/index.md) has one."""
    strand, _, name = src.partition("/")
    return f"print-{strand}.html" if strand in PRINTED_STRANDS and name == "index.md" else None


def pdf_path(src: str, kind: str, strand: str) -> str | None:
    """Where a resource's PDF is written in the built site (pdf/<path>.pdf), or None for other pages."""
    return f"pdf/{src[: -len('.md')]}.pdf" if is_resource(kind, strand) else None
