"""Data files are validated before the build: each error names the file, the line and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_model.data import load_site_data
from site_model.errors import DataError

REPO = Path(__file__).resolve().parents[2]

GOOD_STATISTIC = """\
series:
  caseload:
    measure: average caseload
    unit: number
    source: {title: Census, publisher: DfE, url: "https://example.org"}
    period_label: "at 30 September {period}"
figures:
  - id: caseload-2024
    series: caseload
    period: "2024"
    value: "15.4"
    confidence: high
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    return tmp_path


def write_statistics(root: Path, text: str) -> None:
    (root / "data" / "statistics" / "test.yml").write_text(text, encoding="utf-8")


def test_the_real_data_is_valid():
    data = load_site_data(REPO)
    assert sorted(data.standards) == list(range(1, 9))
    assert {
        "price-caps",
        "project-teams",
        "notice-periods",
        "cooling-off",
        "post-qualified-experience",
        "references",
        "data-collection",
    } <= set(data.agency_rules)
    assert data.glossary["PSW"] == "principal social worker"


def test_a_good_statistic_loads(root):
    write_statistics(root, GOOD_STATISTIC)
    assert load_site_data(root).statistics["caseload-2024"].value == "15.4"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('period: "2024"', 'period: "30 September 2024"'),
            "data/statistics/test.yml:10: figures, entry 1, period: '30 September 2024' is not a period in the source's own "
            "words, such as 2025, 2023 to 2024, May 2024, autumn 2022 or February to April 2024, never a day",
        ),
        (
            ('period: "2024"', "period: 2024-09-30"),
            "data/statistics/test.yml:10: figures, entry 1, period: '2024-09-30' is not a period",
        ),
        (
            ("confidence: high", "confidence: medium"),
            "data/statistics/test.yml:8: figures, entry 1: 'caveat' is missing.",
        ),
        (
            ("confidence: high", "confidence: certain"),
            "data/statistics/test.yml:12: figures, entry 1, confidence: 'certain' is not allowed. Use one of: high, medium, low.",
        ),
        (('    value: "15.4"\n', ""), "data/statistics/test.yml:8: figures, entry 1: 'value' is missing."),
        (
            ('    value: "15.4"\n', '    value: "15.4"\n    colour: red\n'),
            "data/statistics/test.yml:8: figures, entry 1: Additional properties are not allowed ('colour' was unexpected). Allowed keys:",
        ),
        (
            ("unit: number", "unit: apples"),
            "data/statistics/test.yml:4: series, caseload, unit: 'apples' is not allowed. Use one of: percent, count, number, money, text.",
        ),
        (
            ('period_label: "at 30 September {period}"', 'period_label: "at 30 September 2024"'),
            "data/statistics/test.yml:6: series, caseload, period_label: 'at 30 September 2024' is not in the expected form",
        ),
        (
            ('url: "https://example.org"', 'url: "example.org"'),
            "data/statistics/test.yml:5: series, caseload, source, url: 'example.org' is not in the expected form",
        ),
        (
            ("    measure: average caseload\n", "    measure: [average\n"),
            "data/statistics/test.yml:4: this is not valid YAML",
        ),
        (
            ("series: caseload\n", "series: caseloads\n"),
            "data/statistics/test.yml:8: figures, entry 1: series 'caseloads' is not defined in this file's series. Known: caseload.",
        ),
        (
            ('value: "15.4"', 'value: "15.4 cases"'),
            "data/statistics/test.yml:8: figures, entry 1, value: '15.4 cases' is not how a number is written here. "
            "Write a number such as 15.2, or give the series unit: text.",
        ),
    ],
)
def test_bad_statistics_name_file_line_and_field(root, change, message):
    write_statistics(root, GOOD_STATISTIC.replace(*change))
    with pytest.raises(DataError) as error:
        load_site_data(root)
    assert message in str(error.value)


def test_a_statistic_id_used_twice_names_both_files(root):
    write_statistics(root, GOOD_STATISTIC)
    (root / "data" / "statistics" / "zz-again.yml").write_text(GOOD_STATISTIC, encoding="utf-8")
    again = GOOD_STATISTIC.replace("  caseload:\n", "  caseload-again:\n").replace(
        "series: caseload\n", "series: caseload-again\n"
    )
    (root / "data" / "statistics" / "zz-again.yml").write_text(again, encoding="utf-8")
    with pytest.raises(
        DataError,
        match="data/statistics/zz-again.yml:8: figures, entry 1: statistic id 'caseload-2024' is already used in data/statistics/test.yml",
    ):
        load_site_data(root)


def test_a_series_defined_twice_names_both_files(root):
    write_statistics(root, GOOD_STATISTIC)
    (root / "data" / "statistics" / "zz-again.yml").write_text(
        GOOD_STATISTIC.replace("caseload-2024", "other"), encoding="utf-8"
    )
    with pytest.raises(
        DataError,
        match="data/statistics/zz-again.yml: series 'caseload' is already defined in data/statistics/test.yml",
    ):
        load_site_data(root)


def test_two_figures_of_a_series_for_the_same_period_are_refused(root):
    write_statistics(
        root, GOOD_STATISTIC + '  - {id: caseload-again, series: caseload, period: "2024", value: "15.0"}\n'
    )
    with pytest.raises(
        DataError,
        match="statistics 'caseload-2024' and 'caseload-again' are both caseload for a period ending at the same time",
    ):
        load_site_data(root)


def test_the_newest_figure_of_a_series_is_known(root):
    from site_model.data import newest_in_series

    write_statistics(
        root,
        GOOD_STATISTIC + '  - {id: caseload-autumn-2023, series: caseload, period: "autumn 2023", value: "16.0"}\n',
    )
    statistics = load_site_data(root).statistics
    assert newest_in_series(statistics, statistics["caseload-autumn-2023"]).id == "caseload-2024"


def test_standards_must_be_all_eight(root):
    path = root / "data" / "standards.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("- number: 8")], encoding="utf-8")
    with pytest.raises(DataError, match="data/standards.yml:\\d+: the file: needs at least 8 entries, but has 7."):
        load_site_data(root)


def test_agency_rule_status_is_must_or_should(root):
    path = root / "data" / "agency_rules.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: should", "status: maybe", 1), encoding="utf-8")
    with pytest.raises(
        DataError,
        match=r"data/agency_rules.yml:\d+: entry \d+, status: 'maybe' is not allowed. Use one of: must, should.",
    ):
        load_site_data(root)
