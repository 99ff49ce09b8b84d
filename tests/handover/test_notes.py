"""HANDOVER.md and the changelog between two bundles' manifests."""

from __future__ import annotations

from handover.notes import Changes, changelog, handover_notes

CONTACT = {
    "name": "the Department for Education (DfE)",
    "link_text": "Contact the Department for Education",
    "url": "https://www.gov.uk/contact-dfe",
}


def manifest(**pages: str) -> dict:
    return {
        "file_count": 10,
        "pages": [
            {
                "path": path.replace("_", "/") + ".html",
                "sha256": digest,
                "title": path.title(),
                "source": f"docs/{path}.md",
                "last_reviewed": "2026-11-22",
                "review_due": "2027-11-22",
            }
            for path, digest in pages.items()
        ],
    }


def test_changelog_lists_pages_added_changed_and_removed():
    before = manifest(index="a", agency_rules="b", old="c")
    after = manifest(index="a", agency_rules="B", new="d")
    assert changelog(before, after) == Changes(added=["new.html"], changed=["agency/rules.html"], removed=["old.html"])


def test_no_previous_manifest_means_no_changelog():
    assert changelog(None, manifest(index="a")) is None


def test_unchanged_pages_are_no_change():
    assert changelog(manifest(index="a"), manifest(index="a")).empty()


def notes(previous=None, review_due="2027-11-22") -> str:
    current = manifest(index="a", new="d")
    current["pages"][0]["review_due"] = review_due
    report = {
        "passed": True,
        "standard": "WCAG2AA",
        "runners": ["axe", "htmlcs"],
        "pages": [
            {"url": "index.html", "issues": [], "ignored": [{"code": "H32.2", "reason": "No submit button."}]},
            {"url": "new.html", "issues": [], "ignored": [{"code": "H32.2", "reason": "No  submit\nbutton."}]},
        ],
    }
    info = {"commit": "abc123", "commit_date": "2026-11-22T10:00:00+00:00"}
    return handover_notes(current, report, info, ["index.md"], changelog(previous, current), previous, CONTACT)


def test_notes_summarise_the_gate_with_accepted_findings_grouped():
    text = notes()
    assert "- Result: **passed**, 2 pages tested" in text
    assert "- `H32.2` on 2 pages: No submit button." in text


def test_notes_list_changes_with_titles():
    text = notes(previous=manifest(index="a", gone="x"))
    assert "### Added (1)\n\n- New (`site/new.html`)" in text
    assert "### Removed (1)\n\n- Gone (`site/gone.html`)" in text


def test_notes_list_pages_due_for_review_within_90_days_of_the_commit():
    assert "No page is due for review" in notes()
    assert "| Index (`docs/index.md`) | 2027-01-15 |" in notes(review_due="2027-01-15")


def test_notes_say_how_to_get_a_changelog_without_a_previous_manifest():
    assert "make bundle PREVIOUS_MANIFEST=path/to/manifest.json" in notes()


def test_the_notes_ask_the_web_team_to_confirm_or_replace_the_contact_route():
    text = notes()
    section = text[text.index("## Before you publish: confirm the contact route") : text.index("## Accessibility")]
    assert "[Contact the Department for Education](https://www.gov.uk/contact-dfe)" in section
    assert "Confirm it, or replace it with your team's own route" in section
    assert "`extra.contact` in `mkdocs.yml`" in section
