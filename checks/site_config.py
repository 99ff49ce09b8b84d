"""Checks of the site configuration (mkdocs.yml) that the theme and the pages rely on."""

from __future__ import annotations

from typing import Any

CONTACT_KEYS = ("name", "link_text", "url")


def contact_problems(extra: dict[str, Any]) -> list[str]:
    """The contact route must be set, once, with a name, link text and a public web address."""
    contact = extra.get("contact")
    how = (
        "Set it under extra: contact: in mkdocs.yml, with name, link_text and url: a real, public way for readers "
        "to reach the publisher. The phase banner, the About page and the accessibility statement use it, and "
        "HANDOVER.md asks the DfE web team to confirm or replace it."
    )
    if not isinstance(contact, dict):
        return [f"mkdocs.yml: extra.contact is missing. {how}"]
    missing = [key for key in CONTACT_KEYS if not str(contact.get(key) or "").strip()]
    if missing:
        return [f"mkdocs.yml: extra.contact has no {', '.join(missing)}. {how}"]
    if not str(contact["url"]).startswith(("https://", "mailto:")):
        return [f"mkdocs.yml: extra.contact.url must start with https:// or mailto:, but is {contact['url']!r}. {how}"]
    return []
