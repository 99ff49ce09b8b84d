"""The period of a statistic, as its source gives it: '2025', 'autumn 2022', 'February to April 2024'.

A period never holds a day, so no figure can carry an invented date. schemas/statistics.schema.json
checks the form; this module orders periods, so the newest figure of a series is known.
"""

from __future__ import annotations

import re

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Where a season or a part of a year ends, as a month number: enough to order periods within a series.
SEASON_ENDS = {"early": 4, "spring": 5, "mid": 8, "summer": 8, "autumn": 11, "late": 12, "winter": 12}
_LAST_PART = re.compile(r"(?:(?P<word>[A-Za-z]+) )?(?P<year>[0-9]{4})$")


def period_end(period: str) -> tuple[int, int]:
    """(year, month) at which a period ends: '2023 to 2024' -> (2024, 12); 'autumn 2022' -> (2022, 11)."""
    match = _LAST_PART.search(period)
    if match is None:
        raise ValueError(f"{period!r} does not end in a year")
    word = match.group("word")
    if word in MONTHS:
        month = MONTHS.index(word) + 1
    else:
        month = SEASON_ENDS.get(word or "", 12)
    return int(match.group("year")), month
