"""Periods are written as their source gives them, never with a day, and order within a series."""

from __future__ import annotations

import json
import re

import pytest

from site_model.periods import period_end
from site_model.validation import SCHEMA_DIR

PATTERN = json.loads((SCHEMA_DIR / "statistics.schema.json").read_text())["properties"]["figures"]["items"][
    "properties"
]["period"]["pattern"]


@pytest.mark.parametrize(
    ("period", "end"),
    [
        ("2025", (2025, 12)),
        ("2023 to 2024", (2024, 12)),
        ("May 2024", (2024, 5)),
        ("autumn 2022", (2022, 11)),
        ("February to April 2024", (2024, 4)),
        ("November 2018 to March 2019", (2019, 3)),
        ("early 2025", (2025, 4)),
    ],
)
def test_a_period_in_the_sources_words_is_allowed_and_ordered(period, end):
    assert re.match(PATTERN, period)
    assert period_end(period) == end


@pytest.mark.parametrize("period", ["30 September 2025", "2025-09-30", "Sept 2024", "9/5/2024", "2025 Q1", "recently"])
def test_a_day_or_a_made_up_form_is_refused_by_the_schema(period):
    assert not re.match(PATTERN, period)


def test_later_periods_sort_later():
    periods = ["2025", "autumn 2022", "November 2018 to March 2019", "2023 to 2024", "February to April 2024"]
    assert sorted(periods, key=period_end) == [
        "November 2018 to March 2019",
        "autumn 2022",
        "February to April 2024",
        "2023 to 2024",
        "2025",
    ]
