"""Reads YAML (data files and front matter) and validates it against the JSON Schemas in schemas/.

Errors name the file, the line and the field, and say what is allowed, so an author can fix
them without reading Python.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from site_model.errors import DataError

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


# libyaml's parser where PyYAML has it (its wheels do): several times faster than the pure-Python one, with
# the same line numbers on the nodes and in the errors.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DatesAsText(_SafeLoader):
    """A YAML loader that keeps dates as the text the author wrote, so the schema checks them."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, where: str, first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """The data and its node tree (for line numbers). `first_line` is where the text starts in its file."""
    loader = _DatesAsText(text)
    try:
        node = loader.get_single_node()  # parsed once: the data is built from the same nodes
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + first_line}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DataError(f"{where}{line}: this is not valid YAML ({problem}). Check indentation and quotes.") from None
    finally:
        loader.dispose()
    return data, node


@cache
def _validator(schema_name: str) -> Draft202012Validator:
    registry: Registry = Registry()
    for path in SCHEMA_DIR.glob("*.schema.json"):
        registry = registry.with_resource(path.name, Resource.from_contents(json.loads(path.read_text())))
    schema = json.loads((SCHEMA_DIR / schema_name).read_text())
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


def _line_of(node: yaml.Node | None, path: list[str | int]) -> int | None:
    """The 0-based line of the value at `path` in a composed YAML tree, or of its nearest parent."""
    line = node.start_mark.line if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            matches = [value for key, value in node.value if key.value == step]
            if not matches:
                break
            node = matches[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
        line = node.start_mark.line
    return line


def _field(path: list[str | int]) -> str:
    """'entry 2, source, url' rather than '1.source.url': positions counted from 1, as an author would."""
    if not path:
        return "the file"
    return ", ".join(f"entry {step + 1}" if isinstance(step, int) else str(step) for step in path)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _explain(error: ValidationError) -> str:
    field = _field(list(error.absolute_path))
    schema = error.schema if isinstance(error.schema, dict) else {}
    rule, value = error.validator, error.instance
    if rule == "required":
        return f"{field}: {error.message.replace(' is a required property', '')} is missing."
    if rule == "additionalProperties":
        allowed = ", ".join(sorted(schema.get("properties", {})))
        return f"{field}: {error.message}. Allowed keys: {allowed}."
    if rule == "enum":
        allowed = ", ".join(str(choice) for choice in schema["enum"])
        return f"{field}: {_shown(value)} is not allowed. Use one of: {allowed}."
    if rule == "format" and schema.get("format") == "date":
        return f"{field}: {_shown(value)} is not a real date. Write dates as YYYY-MM-DD, for example 2026-11-22."
    if rule == "minItems":
        least = schema["minItems"]
        return f"{field}: needs at least {least} {'entry' if least == 1 else 'entries'}, but has {len(value)}."
    if rule == "maxItems":
        return f"{field}: may have at most {schema['maxItems']} entries, but has {len(value)}."
    if rule == "minLength":
        return f"{field}: {_shown(value)} is too short (at least {schema['minLength']} characters)."
    if rule == "maxLength":
        return f"{field}: is {len(value)} characters long; the most allowed is {schema['maxLength']}."
    if rule == "pattern" and schema.get("description"):
        return f"{field}: {_shown(value)} is not {schema['description']}."
    if rule == "pattern":
        return f"{field}: {_shown(value)} is not in the expected form (it must match {schema['pattern']})."
    if rule == "type":
        return f"{field}: {_shown(value)} should be {schema['type']}."
    return f"{field}: {error.message[:200]}."


def validate(data: Any, node: yaml.Node | None, schema_name: str, where: str, first_line: int = 1) -> None:
    """Raise one DataError listing every way `data` breaks the schema, each with its line."""
    errors = sorted(_validator(schema_name).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    lines = []
    for error in errors:
        line = _line_of(node, list(error.absolute_path))
        location = f"{where}:{line + first_line}" if line is not None else where
        lines.append(f"{location}: {_explain(error)}")
    raise DataError("\n".join(lines))


def load_yaml_file(path: Path, schema_name: str, root: Path) -> Any:
    """Read, parse and validate one data file; `root` makes the path in messages relative."""
    where = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    data, node = parse_yaml(path.read_text(encoding="utf-8"), where)
    validate(data, node, schema_name, where)
    return data
