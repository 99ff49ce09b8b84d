"""Data files are validated before the build: each error names the file, the line and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.data import load_site_data
from macros.errors import DataError

REPO = Path(__file__).resolve().parents[2]

GOOD_STATISTIC = """\
- id: caseload-2024
  value: "15.4"
  measure: average caseload
  as_at: 2024-09-30
  source: {title: Census, publisher: DfE, url: "https://example.org"}
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
    assert {"price-caps", "project-teams", "notice-periods", "cooling-off", "post-qualified-experience",
            "references", "data-collection"} <= set(data.agency_rules)
    assert data.glossary["PSW"] == "principal social worker"


def test_a_good_statistic_loads(root):
    write_statistics(root, GOOD_STATISTIC)
    assert load_site_data(root).statistics["caseload-2024"].value == "15.4"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("as_at: 2024-09-30", "as_at: 2024-13-45"),
         "data/statistics/test.yml:4: entry 1, as_at: '2024-13-45' is not a real date. Write dates as YYYY-MM-DD"),
        (("confidence: high", "confidence: medium"), "data/statistics/test.yml:1: entry 1: 'caveat' is missing."),
        (("confidence: high", "confidence: certain"),
         "data/statistics/test.yml:6: entry 1, confidence: 'certain' is not allowed. Use one of: high, medium, low."),
        (('  value: "15.4"\n', ""), "data/statistics/test.yml:1: entry 1: 'value' is missing."),
        (("  measure: average caseload\n", "  measure: average caseload\n  colour: red\n"),
         "data/statistics/test.yml:1: entry 1: Additional properties are not allowed ('colour' was unexpected). Allowed keys:"),
        (('url: "https://example.org"', 'url: "example.org"'), "data/statistics/test.yml:5: entry 1, source, url: 'example.org' is not in the expected form"),
        (("  measure: average caseload\n", "  measure: [average\n"), "data/statistics/test.yml:4: this is not valid YAML"),
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
    with pytest.raises(DataError, match="data/statistics/zz-again.yml: statistic id 'caseload-2024' is already used in data/statistics/test.yml"):
        load_site_data(root)


def test_standards_must_be_all_eight(root):
    path = root / "data" / "standards.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("- number: 8")], encoding="utf-8")
    with pytest.raises(DataError, match="data/standards.yml:\\d+: the file: needs at least 8 entries, but has 7."):
        load_site_data(root)


def test_agency_rule_status_is_must_or_should(root):
    path = root / "data" / "agency_rules.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: should", "status: maybe", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"data/agency_rules.yml:\d+: entry \d+, status: 'maybe' is not allowed. Use one of: must, should."):
        load_site_data(root)
