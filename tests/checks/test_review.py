"""Review dates: due pages are reported, pages overdue beyond the grace period fail the build."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checks.review import due_and_overdue, overdue_message
from site_model.pages import PageInfo

PAGE = PageInfo(
    "a", "a.md", "A", "About a.", "workload", "guide", ("practitioners",), date(2025, 1, 1), date(2026, 1, 1), ()
)


def test_pages_within_grace_are_due_and_beyond_it_overdue():
    due_page, overdue_page, fresh = (
        replace(PAGE, src="due.md"),
        replace(PAGE, src="late.md", review_due=date(2025, 6, 1)),
        replace(PAGE, src="new.md", review_due=date(2027, 1, 1)),
    )
    due, overdue = due_and_overdue([due_page, overdue_page, fresh], today=date(2026, 1, 20), grace_days=30)
    assert (due, overdue) == ([due_page], [overdue_page])


def test_overdue_message_names_the_file_and_says_what_to_do():
    assert overdue_message([PAGE], today=date(2026, 3, 1), grace_days=30) == (
        "docs/a.md: review_due is 2026-01-01, 59 days ago (the limit is 30). "
        "Review the page, then update last_reviewed and review_due in its front matter."
    )
