"""The author guide documents every macro an author can call, and the README's commands are the real ones."""

from __future__ import annotations

import re

from tests.support import REPO
from macros import FAMILIES
from macros.context import MacroContext
from macros.data import SiteData


def registered_macros() -> set[str]:
    """What define_env registers: every family's macros, asked of the code itself."""
    context = MacroContext(SiteData({}, {}, {}, {}), {}, current_src=lambda: "", current_meta=dict)
    return {name for family in FAMILIES for name in family.register(context)}


def test_every_registered_macro_has_a_section_in_the_author_guide():
    guide = (REPO / "docs" / "authors" / "macros.md").read_text(encoding="utf-8")
    sections = set(re.findall(r"^## ([a-z_]+)$", guide, flags=re.M))
    assert registered_macros() - sections == set(), "add a '## <macro name>' section to docs/authors/macros.md"


def test_the_macros_found_are_the_ones_define_env_registers():
    assert {"callout", "checklist", "statistic", "sources_section", "self_assessment"} <= registered_macros()
