"""build/readability.json: each page's reading grade and its long sentences, with a warning for each page above
the aim. The measures themselves are checks/readability.py's."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from checks.readability import LONG_SENTENCE_WORDS
from site_model.errors import notices


def write_readability_report(
    path: Path, grades: Mapping[str, float], long_sentences: Mapping[str, list[str]], max_grade: float
) -> None:
    grades = dict(sorted(grades.items()))
    above = {src: value for src, value in grades.items() if value > max_grade}
    for src, value in above.items():
        notices.warning("readability: docs/%s reads at grade %.1f (aim for %.0f or lower)", src, value, max_grade)
    long = {src: found for src, found in sorted(long_sentences.items()) if found}
    if long:
        notices.info(
            "readability: %d sentences over %d words on %d pages are listed in build/readability.json",
            sum(map(len, long.values())),
            LONG_SENTENCE_WORDS,
            len(long),
        )
    report = {
        "measure": "Flesch-Kincaid grade",
        "max_grade": max_grade,
        "pages": grades,
        "above_max": sorted(above),
        "long_sentence_words": LONG_SENTENCE_WORDS,
        "long_sentences": long,
    }
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
