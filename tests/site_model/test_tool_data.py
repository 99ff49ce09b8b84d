"""data/tools/*.yml: each kind of bad tool data fails with the file, the line, the field and what is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_model.errors import DataError
from site_model.tool_data import load_tools
from tests.macros.support import REPO

GOOD = """\
title: A check
version: 1
scale:
  - {value: not-yet, label: Not yet}
  - {value: fully, label: Fully}
sections:
  - id: basics
    title: The basics
    kind: rating
    questions:
      - {id: policy, text: "A written policy"}
  - id: counts
    title: Sessions
    kind: fields
    fields:
      - {id: due, label: Due, kind: number}
      - {id: held, label: Held, kind: number}
      - {id: held-90, label: Held for 90 minutes, kind: number}
    gaps:
      - {label: Missed, from: due, minus: held}
    questions:
      - {id: nqsw, text: "Newly qualified"}
  - id: plan
    title: Plan
    kind: rows
    row_label: Action
    fields:
      - {id: step, label: Next step, kind: text}
"""


def load(tmp_path: Path, text: str, name: str = "a-check.yml") -> dict:
    folder = tmp_path / "data" / "tools"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return load_tools(tmp_path / "data", tmp_path)


def error_of(tmp_path: Path, text: str, name: str = "a-check.yml") -> str:
    with pytest.raises(DataError) as error:
        load(tmp_path, text, name)
    return str(error.value)


def test_the_good_tool_loads(tmp_path):
    tool = load(tmp_path, GOOD)["a-check"]
    assert [section.kind for section in tool.sections] == ["rating", "fields", "rows"]
    assert tool.sections[2].rows == 3 and tool.sections[2].max_rows == 20  # the defaults
    assert tool.sections[0].fields == ()  # no tool-wide fields given


def test_every_real_tool_loads():
    tools = load_tools(REPO / "data", REPO)
    assert {
        "employer-standards",
        "agency-compliance",
        "workload-drivers-audit",
        "hybrid-team-check",
        "agency-assignment",
        "agency-data-return",
        "supervision-frequency",
    } <= set(tools)


BAD = {
    "not YAML": (
        GOOD.replace("title: The basics", "title: [The basics"),
        "data/tools/a-check.yml:9: this is not valid YAML",
    ),
    "a required key missing": (
        GOOD.replace("title: A check\n", ""),
        "data/tools/a-check.yml:1: the file: 'title' is missing.",
    ),
    "a key the schema does not know": (
        GOOD.replace("version: 1\n", "version: 1\ncolour: red\n"),
        "data/tools/a-check.yml:1: the file: Additional properties are not allowed ('colour' was unexpected). "
        "Allowed keys: fields, scale, sections, title, version.",
    ),
    "a kind of section that does not exist": (
        GOOD.replace("kind: rating", "kind: ratings"),
        "data/tools/a-check.yml:9: sections, entry 1, kind: 'ratings' is not allowed. Use one of: rating, checklist, "
        "fields, rows.",
    ),
    "an id that is not lower-case with hyphens": (
        GOOD.replace("id: policy", "id: Written Policy"),
        "data/tools/a-check.yml:11: sections, entry 1, questions, entry 1, id: 'Written Policy' is not an id of "
        "lower-case letters, digits and single hyphens, such as next-step.",
    ),
    "a version that is not a whole number": (
        GOOD.replace("version: 1", "version: one"),
        "data/tools/a-check.yml:2: version: 'one' should be integer.",
    ),
    "a kind of field that does not exist": (
        GOOD.replace("{id: step, label: Next step, kind: text}", "{id: step, label: Next step, kind: email}"),
        "data/tools/a-check.yml:28: sections, entry 3, fields, entry 1, kind: 'email' is not allowed. Use one of: "
        "text, textarea, number, date, choice.",
    ),
    "two questions with one id": (
        GOOD.replace('id: nqsw, text: "Newly qualified"', 'id: policy, text: "Newly qualified"'),
        "data/tools/a-check.yml:22: sections, entry 2, questions, entry 1, id: 'policy' is already used by a question "
        "in section 'basics'. Each question of a tool needs its own id: saved answers are kept under it.",
    ),
    "two sections with one id": (
        GOOD.replace("id: plan", "id: basics"),
        "data/tools/a-check.yml:7: sections, entry 1, id: 'basics' is used by more than one section.",
    ),
    "a rating section without a scale": (
        GOOD.replace("scale:\n  - {value: not-yet, label: Not yet}\n  - {value: fully, label: Fully}\n", ""),
        "data/tools/a-check.yml:6: sections, entry 1, kind: a rating section needs the tool's scale: add 'scale' at "
        "the top of the file, a list of at least 2 ratings, each with value and label.",
    ),
    "a rows section with questions": (
        GOOD.replace(
            "    row_label: Action\n", '    row_label: Action\n    questions:\n      - {id: q, text: "A question"}\n'
        ),
        "data/tools/a-check.yml:28: sections, entry 3, questions: a rows section does not take 'questions'. It takes: "
        "fields, hint, id, kind, max_rows, row_label, rows, see, title.",
    ),
    "a fields section without fields": (
        GOOD.replace(
            "    fields:\n      - {id: due, label: Due, kind: number}\n      - {id: held, label: Held, kind: number}\n"
            "      - {id: held-90, label: Held for 90 minutes, kind: number}\n    gaps:\n"
            "      - {label: Missed, from: due, minus: held}\n",
            "",
        ),
        "data/tools/a-check.yml:12: sections, entry 2: a fields section needs 'fields'.",
    ),
    "a choice without options": (
        GOOD.replace("{id: step, label: Next step, kind: text}", "{id: step, label: Next step, kind: choice}"),
        "data/tools/a-check.yml:28: sections, entry 3, fields, entry 1: a choice field needs options: a list of at "
        "least 2, each with value and label.",
    ),
    "a gap naming a field that is not a number": (
        GOOD.replace("minus: held}", "minus: helds}"),
        "data/tools/a-check.yml:20: sections, entry 2, gaps, entry 1, minus: 'helds' is not a number field of this "
        "section. Use one of: due, held, held-90.",
    ),
    "a field id the form keeps for itself": (
        GOOD.replace("{id: step, label: Next step, kind: text}", "{id: rating, label: Next step, kind: text}"),
        "data/tools/a-check.yml:28: sections, entry 3, fields, entry 1, id: 'rating' is reserved for the form's own "
        "answers. Use another id, not rating or done.",
    ),
    "fewer max_rows than rows": (
        GOOD.replace("    row_label: Action\n", "    row_label: Action\n    rows: 5\n    max_rows: 2\n"),
        "data/tools/a-check.yml:28: sections, entry 3, max_rows: max_rows (2) is fewer than rows (5): it must be at "
        "least as many.",
    ),
    "a question id that looks like a row": (
        GOOD.replace('id: nqsw, text: "Newly qualified"', 'id: plan-2, text: "Newly qualified"'),
        "data/tools/a-check.yml:22: sections, entry 2, questions, entry 1, id: 'plan-2' looks like a row of section "
        "'plan' (plan-1, plan-2...). Choose another id.",
    ),
}


@pytest.mark.parametrize(("text", "message"), BAD.values(), ids=BAD.keys())
def test_bad_tool_data_names_the_file_line_field_and_what_is_allowed(tmp_path, text, message):
    assert message in error_of(tmp_path, text)


def test_a_file_name_that_cannot_be_an_id_is_refused(tmp_path):
    assert error_of(tmp_path, GOOD, name="A Check.yml") == (
        "data/tools/A Check.yml: a tool's file name is its id, so it must be lower-case letters, digits and single "
        "hyphens, such as supervision-check.yml. Rename the file."
    )


def test_a_file_that_is_not_yaml_is_refused(tmp_path):
    (tmp_path / "data" / "tools").mkdir(parents=True)
    (tmp_path / "data" / "tools" / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(DataError, match=r"data/tools/notes.txt: a tool is a .yml file; rename or remove this file."):
        load_tools(tmp_path / "data", tmp_path)


def test_every_problem_of_every_file_is_listed_at_once(tmp_path):
    folder = tmp_path / "data" / "tools"
    folder.mkdir(parents=True)
    (folder / "first.yml").write_text(GOOD.replace("kind: rating", "kind: ratings"), encoding="utf-8")
    (folder / "second.yml").write_text(
        GOOD.replace("minus: held}", "minus: nothing}").replace("from: due", "from: dew"), encoding="utf-8"
    )
    with pytest.raises(DataError) as error:
        load_tools(tmp_path / "data", tmp_path)
    lines = str(error.value).split("\n")
    assert lines[0].startswith("data/tools/first.yml:9: sections, entry 1, kind:")
    assert lines[1].startswith("data/tools/second.yml:20: sections, entry 2, gaps, entry 1, from: 'dew'")
    assert lines[2].startswith("data/tools/second.yml:20: sections, entry 2, gaps, entry 1, minus: 'nothing'")
