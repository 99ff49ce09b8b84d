"""HANDOVER.md: what the DfE web team needs to publish the bundle, written from the bundle's own data.

Everything here is computed (from the manifest, the accessibility report, the build information and
the previous bundle's manifest), so the notes cannot drift from what is in the zip.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

DUE_SOON = timedelta(days=90)


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def changelog(previous: dict[str, Any] | None, current: dict[str, Any]) -> Changes | None:
    """Pages added, changed (different sha256) and removed since the previous manifest; None if there is none."""
    if previous is None:
        return None
    before = {page["path"]: page["sha256"] for page in previous.get("pages", [])}
    after = {page["path"]: page["sha256"] for page in current["pages"]}
    return Changes(
        added=sorted(set(after) - set(before)),
        changed=sorted(path for path in set(after) & set(before) if after[path] != before[path]),
        removed=sorted(set(before) - set(after)),
    )


def _titles(manifest: dict[str, Any]) -> dict[str, str]:
    return {page["path"]: page["title"] for page in manifest.get("pages", [])}


def _change_lines(changes: Changes | None, current: dict[str, Any], previous: dict[str, Any] | None) -> list[str]:
    if changes is None:
        return [
            "No previous manifest was given, so there is no list of changes. Pass the manifest of the last "
            "bundle you received (`make bundle PREVIOUS_MANIFEST=path/to/manifest.json`) to get one."
        ]
    if changes.empty():
        return ["No page has changed since the previous bundle."]
    titles = {**_titles(previous or {}), **_titles(current)}
    lines = []
    for heading, paths in (("Added", changes.added), ("Changed", changes.changed), ("Removed", changes.removed)):
        if paths:
            lines += (
                [f"### {heading} ({len(paths)})", ""] + [f"- {titles.get(p, p)} (`site/{p}`)" for p in paths] + [""]
            )
    return lines


def _review_lines(manifest: dict[str, Any], on: date) -> list[str]:
    due = sorted(
        (
            page
            for page in manifest["pages"]
            if page["review_due"] and date.fromisoformat(page["review_due"]) <= on + DUE_SOON
        ),
        key=lambda page: (page["review_due"], page["path"]),
    )
    if not due:
        return [f"No page is due for review within {DUE_SOON.days} days of {on.isoformat()}."]
    return ["| Page | Review due |", "|---|---|"] + [
        f"| {p['title']} (`{p['source']}`) | {p['review_due']} |" for p in due
    ]


def _accessibility_lines(report: dict[str, Any]) -> list[str]:
    pages = report.get("pages", [])
    ignored: dict[tuple[str, str], int] = {}
    for page in pages:
        for issue in page.get("ignored", []):
            key = (issue["code"], " ".join(issue.get("reason", "").split()))
            ignored[key] = ignored.get(key, 0) + 1
    lines = [
        f"- Result: **{'passed' if report.get('passed') else 'failed'}**, {len(pages)} pages tested "
        f"(every HTML page, the print page and the 404 page included), "
        f"{sum(len(p.get('issues', [])) for p in pages)} issues.",
        f"- Standard: {report.get('standard', 'WCAG2AA')}, with the runners {', '.join(report.get('runners', []))}.",
        "- The full report is `reports/accessibility.html` (readable) and `reports/accessibility.json`.",
    ]
    if ignored:
        lines += ["", "Accepted findings, each with a reason and a review date in `accessibility/ignores.yml`:", ""]
        lines += [
            f"- `{code}` on {count} page{'s' if count != 1 else ''}: {reason}"
            for (code, reason), count in sorted(ignored.items())
        ]
    lines += [
        "",
        "Automated tests cannot find every barrier. Before publishing, test by hand what the tools cannot: "
        "see 'What still needs manual testing' in `accessibility/README.md` in the source repository.",
    ]
    return lines


def handover_notes(
    manifest: dict[str, Any],
    report: dict[str, Any],
    build_info: dict[str, Any],
    govspeak_files: list[str],
    changes: Changes | None,
    previous: dict[str, Any] | None,
    contact: dict[str, str],
) -> str:
    """The text of HANDOVER.md. Dates come from the commit, so the same commit gives the same notes."""
    on = date.fromisoformat(build_info["commit_date"][:10])
    lines = [
        "# Handover: Social work workforce resources",
        "",
        f"Built from commit `{build_info['commit']}` ({build_info['commit_date'][:10]}). "
        f"The site has {len(manifest['pages'])} pages and {manifest['file_count']} files.",
        "",
        "## What is in this bundle",
        "",
        "| Path | What it is |",
        "|---|---|",
        "| `site/` | The whole website as static HTML. It passed the accessibility gate before this bundle was written. |",
        "| `site/pdf/` | Each resource as a tagged PDF with its title and language set, linked from its page. HTML is the main format. |",
        "| `govspeak/` | Each resource page in Govspeak, ready to paste into Whitehall publisher; `govspeak/index.md` lists them. |",
        "| `manifest.json` | Every page: its path, source file, title, SHA-256 and review dates, and `site_sha256` for the whole site. |",
        "| `build-info.json` | The commit and the versions of every tool used. |",
        "| `reports/` | The accessibility reports. |",
        "| `HANDOVER.md` | These notes. |",
        "",
        "Outside the zip, `SHA256SUMS` holds the zip's checksum. Check it after moving the zip: "
        "`sha256sum -c SHA256SUMS`. Two bundles of the same commit are byte for byte the same.",
        "",
        "## Hosting the HTML as it is",
        "",
        "Copy `site/` to any web server, at the root or under any path (for example `/social-work-resources/`). "
        "Every link is relative, and no page asks another host for anything (no fonts, scripts or analytics). "
        "The pages also work opened straight from the file system, search included.",
        "",
        "Set the server to show `404.html` for missing pages. Its links are relative to the site root, so it looks "
        "right for a missing page at the top level; deeper down, its styling may not load, but its text and links "
        "to the home page still work.",
        "",
        "## Publishing on GOV.UK through Whitehall publisher",
        "",
        f"There are {len(govspeak_files)} Govspeak files, one for each resource page.",
        "",
        "1. Create an HTML attachment (or a guidance page) for the resource and use the title from "
        "`govspeak/index.md`: the title is not repeated in the body.",
        "2. Paste the whole Govspeak file into the body. Headings start at level 2.",
        '3. Whitehall numbers H2 headings automatically in HTML publications: choose "manually numbered headings" '
        "if you do not want numbers.",
        "4. Links between pages point to the other page's Govspeak file (for example `../agency/notice-periods.md`): "
        "replace each with the page's GOV.UK address once it is published. `govspeak/index.md` lists them.",
        "5. Upload any file listed in a page's `.assets.txt` as an attachment.",
        "6. Tools (forms to fill in, such as the self-assessments) become checklists to print, each with a link to "
        "its form in the hosted site, where readers keep, download and print their answers. `govspeak/index.md` "
        "lists these links: change each to the page's address where you host `site/`.",
        "",
        "Govspeak has no collapsible sections and no checkboxes: checklists become bulleted lists, and the boxes "
        "that summarise a standard or an agency rule become a section with a bold lead-in.",
        "",
        "## Before you publish: confirm the contact route",
        "",
        f"Every page's phase banner, the About page and the accessibility statement send readers to one contact "
        f"route: [{contact['link_text']}]({contact['url']}), run by {contact['name']}. It is a real, public route today, "
        "but it is DfE's general contact page, not a team that owns these resources.",
        "",
        "Confirm it, or replace it with your team's own route (a form or a mailbox that someone reads), before you "
        "publish. Change it in one place, `extra.contact` in `mkdocs.yml`, and build the bundle again. The "
        "accessibility statement must give a way to report a problem that gets an answer.",
        "",
        "## Accessibility",
        "",
        *_accessibility_lines(report),
        "",
        "## Pages due for review",
        "",
        *_review_lines(manifest, on),
        "",
        "## Changes since the previous bundle",
        "",
        *_change_lines(changes, manifest, previous),
    ]
    return "\n".join(lines).rstrip() + "\n"
