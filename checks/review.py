"""Review dates: pages past their review date are reported; pages overdue beyond a grace period fail."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from site_model.pages import PageInfo


def due_and_overdue(pages: Iterable[PageInfo], today: date, grace_days: int) -> tuple[list[PageInfo], list[PageInfo]]:
    """Pages past review_due but within the grace period, and pages past it by more than grace_days."""
    late = sorted((page for page in pages if page.review_due < today), key=lambda page: page.src)
    overdue = [page for page in late if (today - page.review_due).days > grace_days]
    return [page for page in late if page not in overdue], overdue


def overdue_message(overdue: list[PageInfo], today: date, grace_days: int) -> str:
    lines = [
        f"docs/{page.src}: review_due is {page.review_due.isoformat()}, {(today - page.review_due).days} days ago "
        f"(the limit is {grace_days}). Review the page, then update last_reviewed and review_due in its front matter."
        for page in overdue
    ]
    return "\n".join(lines)
