"""The tools readers fill in (data/tools/<id>.yml): read, validated against schemas/tool.schema.json, then checked
for what a schema cannot say (ids used twice, a gap naming a field that is not a number, and so on).

Every error names the file, the line and the field, and says what is allowed, like every other data error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from site_model.errors import DataError
from site_model.validation import _field, _line_of, parse_yaml, validate

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Field ids the form uses itself: a rating's radios are "<question>--rating", a checklist's box "<question>--done".
RESERVED_FIELD_IDS = ("rating", "done")
DEFAULT_ROWS = 3
DEFAULT_MAX_ROWS = 20
# What each kind of section may hold, beyond id, title, kind, hint and see.
ALLOWED_BY_KIND = {
    "rating": {"questions", "fields", "question_label"},
    "checklist": {"questions", "question_label"},
    "fields": {"questions", "fields", "question_label", "gaps"},
    "rows": {"fields", "row_label", "rows", "max_rows"},
}
NEEDED_BY_KIND = {
    "rating": ("questions",),
    "checklist": ("questions",),
    "fields": ("questions", "fields"),
    "rows": ("fields", "row_label"),
}


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    kind: str  # text, textarea, number, date or choice
    hint: str | None = None
    required: bool = False
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    hint: str | None = None
    see: str | None = None  # a page id
    line: int = 0  # where it is written in its data file, for errors found while rendering


@dataclass(frozen=True)
class Gap:
    label: str
    from_field: str
    minus_field: str
    cannot_exceed: bool = False


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    kind: str  # rating, checklist, fields or rows
    hint: str | None = None
    see: str | None = None
    question_label: str | None = None
    fields: tuple[Field, ...] = ()
    questions: tuple[Question, ...] = ()
    gaps: tuple[Gap, ...] = ()
    row_label: str | None = None
    rows: int = DEFAULT_ROWS
    max_rows: int = DEFAULT_MAX_ROWS
    line: int = 0

    @property
    def column_label(self) -> str:
        """The heading of the questions' column in the download and the summary."""
        return self.question_label or {"rating": "Area", "checklist": "Statement"}.get(self.kind, "Item")


@dataclass(frozen=True)
class Tool:
    id: str
    title: str
    version: int
    scale: tuple[Option, ...]
    sections: tuple[Section, ...]
    where: str  # its data file, relative to the project, for messages

    def section(self, section_id: str) -> Section | None:
        return next((section for section in self.sections if section.id == section_id), None)


class _Checker:
    """Collects the problems of one tool file, each with its line, as validate() does for the schema."""

    def __init__(self, where: str, node: yaml.Node | None) -> None:
        self.where, self.node, self.problems = where, node, []

    def line(self, path: list[str | int]) -> int:
        found = _line_of(self.node, path)
        return (found or 0) + 1

    def add(self, path: list[str | int], message: str) -> None:
        self.problems.append(f"{self.where}:{self.line(path)}: {_field(path)}: {message}")


def _options(entries: list[dict[str, Any]] | None) -> tuple[Option, ...]:
    return tuple(Option(entry["value"], entry["label"]) for entry in entries or ())


def _fields(entries: list[dict[str, Any]] | None) -> tuple[Field, ...]:
    return tuple(
        Field(
            entry["id"],
            entry["label"],
            entry["kind"],
            entry.get("hint"),
            bool(entry.get("required")),
            _options(entry.get("options")),
        )
        for entry in entries or ()
    )


def _duplicates(values: list[str]) -> list[str]:
    return sorted({value for value in values if values.count(value) > 1})


def _check_fields(check: _Checker, entries: list[dict[str, Any]], path: list[str | int]) -> None:
    ids = [entry["id"] for entry in entries]
    for duplicate in _duplicates(ids):
        check.add(
            path + [ids.index(duplicate), "id"],
            f"'{duplicate}' is used by more than one field here. Give each field of a section its own id.",
        )
    for number, entry in enumerate(entries):
        if entry["id"] in RESERVED_FIELD_IDS:
            check.add(
                path + [number, "id"],
                f"'{entry['id']}' is reserved for the form's own answers. "
                f"Use another id, not {' or '.join(RESERVED_FIELD_IDS)}.",
            )
        if entry["kind"] == "choice" and not entry.get("options"):
            check.add(path + [number], "a choice field needs options: a list of at least 2, each with value and label.")
        if entry["kind"] != "choice" and "options" in entry:
            check.add(
                path + [number, "options"],
                f"only a choice field has options; this field's kind is "
                f"{entry['kind']}. Remove options, or make the kind choice.",
            )
        values = [option["value"] for option in entry.get("options") or ()]
        for duplicate in _duplicates(values):
            check.add(path + [number, "options"], f"the value '{duplicate}' is used by more than one option.")


def _check_section(check: _Checker, tool: dict[str, Any], number: int, entry: dict[str, Any]) -> None:
    path: list[str | int] = ["sections", number]
    kind = entry["kind"]
    allowed = ALLOWED_BY_KIND[kind] | {"id", "title", "kind", "hint", "see"}
    for key in entry:
        if key not in allowed:
            check.add(path + [key], f"a {kind} section does not take '{key}'. It takes: {', '.join(sorted(allowed))}.")
    for key in NEEDED_BY_KIND[kind]:
        if key not in entry:
            check.add(path, f"a {kind} section needs '{key}'.")
    if kind == "rating" and not tool.get("scale"):
        check.add(
            path + ["kind"],
            "a rating section needs the tool's scale: add 'scale' at the top of the file, "
            "a list of at least 2 ratings, each with value and label.",
        )
    if "fields" in entry:
        _check_fields(check, entry["fields"], path + ["fields"])
    numbers = {field["id"] for field in entry.get("fields") or () if field["kind"] == "number"}
    for gap_number, gap in enumerate(entry.get("gaps") or ()):
        for key in ("from", "minus"):
            if gap[key] not in numbers:
                check.add(
                    path + ["gaps", gap_number, key],
                    f"'{gap[key]}' is not a number field of this section. Use one of: "
                    f"{', '.join(sorted(numbers)) or 'none (add a field of kind number)'}.",
                )
        if gap["from"] == gap["minus"]:
            check.add(
                path + ["gaps", gap_number, "minus"],
                "a gap takes one number field from another: 'from' and 'minus' must be different fields.",
            )
    if kind == "rows" and entry.get("max_rows", DEFAULT_MAX_ROWS) < entry.get("rows", DEFAULT_ROWS):
        check.add(
            path + ["max_rows"],
            f"max_rows ({entry.get('max_rows')}) is fewer than rows "
            f"({entry.get('rows', DEFAULT_ROWS)}): it must be at least as many.",
        )


def _check(check: _Checker, tool: dict[str, Any]) -> None:
    values = [option["value"] for option in tool.get("scale") or ()]
    for duplicate in _duplicates(values):
        check.add(["scale"], f"the value '{duplicate}' is used by more than one rating.")
    if "fields" in tool:
        _check_fields(check, tool["fields"], ["fields"])
    sections = tool["sections"]
    ids = [section["id"] for section in sections]
    for duplicate in _duplicates(ids):
        check.add(["sections", ids.index(duplicate), "id"], f"'{duplicate}' is used by more than one section.")
    seen: dict[str, str] = {}
    for number, section in enumerate(sections):
        _check_section(check, tool, number, section)
        for question_number, question in enumerate(section.get("questions") or ()):
            if question["id"] in seen or question["id"] in ids:
                other = seen.get(question["id"], f"section '{question['id']}'")
                check.add(
                    ["sections", number, "questions", question_number, "id"],
                    f"'{question['id']}' is already used by {other}. Each question of a tool needs its own id: "
                    "saved answers are kept under it.",
                )
            seen.setdefault(question["id"], f"a question in section '{section['id']}'")
    # A rows section's rows are answered under "<section>-1", "<section>-2"...: no question may look like one.
    rows_sections = [section["id"] for section in sections if section["kind"] == "rows"]
    for number, section in enumerate(sections):
        for question_number, question in enumerate(section.get("questions") or ()):
            clash = next(
                (rows for rows in rows_sections if re.fullmatch(re.escape(rows) + r"-[0-9]+", question["id"])), None
            )
            if clash:
                check.add(
                    ["sections", number, "questions", question_number, "id"],
                    f"'{question['id']}' looks like a row of section '{clash}' ({clash}-1, {clash}-2...). "
                    "Choose another id.",
                )


def _build(tool_id: str, data: dict[str, Any], check: _Checker) -> Tool:
    tool_fields = _fields(data.get("fields"))
    sections = []
    for number, entry in enumerate(data["sections"]):
        questions = tuple(
            Question(
                q["id"],
                q["text"],
                q.get("hint"),
                q.get("see"),
                check.line(["sections", number, "questions", index, "see" if "see" in q else "id"]),
            )
            for index, q in enumerate(entry.get("questions") or ())
        )
        own_fields = _fields(entry.get("fields"))
        sections.append(
            Section(
                id=entry["id"],
                title=entry["title"],
                kind=entry["kind"],
                hint=entry.get("hint"),
                see=entry.get("see"),
                question_label=entry.get("question_label"),
                fields=own_fields or (tool_fields if entry["kind"] == "rating" else ()),
                questions=questions,
                gaps=tuple(
                    Gap(g["label"], g["from"], g["minus"], bool(g.get("cannot_exceed")))
                    for g in entry.get("gaps") or ()
                ),
                row_label=entry.get("row_label"),
                rows=entry.get("rows", DEFAULT_ROWS),
                max_rows=entry.get("max_rows", DEFAULT_MAX_ROWS),
                line=check.line(["sections", number, "see" if "see" in entry else "id"]),
            )
        )
    return Tool(tool_id, data["title"], data["version"], _options(data.get("scale")), tuple(sections), check.where)


def load_tool(path: Path, root: Path) -> Tool:
    """One tool file, validated; raises one DataError listing every problem with its line."""
    where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    tool_id = path.stem
    if not ID.match(tool_id):
        raise DataError(
            f"{where}: a tool's file name is its id, so it must be lower-case letters, digits and single "
            f"hyphens, such as supervision-check.yml. Rename the file."
        )
    data, node = parse_yaml(path.read_text(encoding="utf-8"), where)
    validate(data, node, "tool.schema.json", where)
    check = _Checker(where, node)
    _check(check, data)
    if check.problems:
        raise DataError("\n".join(check.problems))
    return _build(tool_id, data, check)


def load_tools(data_dir: Path, root: Path) -> dict[str, Tool]:
    """Every tool in data/tools/*.yml, by id. Raises one DataError for all the files that are wrong."""
    tools: dict[str, Tool] = {}
    problems: list[str] = []
    folder = data_dir / "tools"
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else ():
        try:
            tools[path.stem] = load_tool(path, root)
        except DataError as error:
            problems.append(str(error))
    others = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix != ".yml") if folder.is_dir() else []
    problems += [
        f"{folder.relative_to(root).as_posix()}/{name}: a tool is a .yml file; rename or remove this file."
        for name in others
    ]
    if problems:
        raise DataError("\n".join(problems))
    return tools
