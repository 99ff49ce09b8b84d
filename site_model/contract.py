"""build/pages.json: written once by the build, read by every later stage through this module.

Validated against schemas/pages.schema.json on both sides, so a stage never works from a contract that
another stage wrote differently.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "pages.schema.json"


class ContractError(ValueError):
    """build/pages.json is missing or does not match its schema."""


def _check(contract: Any, where: str) -> None:
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=FormatChecker())
    problems = sorted(validator.iter_errors(contract), key=lambda error: list(map(str, error.absolute_path)))
    if problems:
        lines = [
            f"{where}: {'/'.join(map(str, error.absolute_path)) or 'the file'}: {error.message}" for error in problems
        ]
        raise ContractError("\n".join(lines[:10]) + "\nBuild the site again (make site) to rewrite it.")


def write_pages(path: Path, contract: dict[str, Any]) -> None:
    _check(contract, str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(contract, indent=2) + "\n", encoding="utf-8")


def read_contract(path: Path) -> dict[str, Any]:
    """The whole contract: the contact route and every page."""
    try:
        contract = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContractError(f"{path} is missing: build the site first (make site).") from None
    except json.JSONDecodeError as error:
        raise ContractError(f"{path}:{error.lineno}: not valid JSON ({error.msg}). Build the site again.") from None
    _check(contract, str(path))
    return contract


def read_pages(path: Path) -> list[dict[str, Any]]:
    """Every page the build wrote, as the contract describes it."""
    return read_contract(path)["pages"]


def resources(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pages that get a PDF and a Govspeak file."""
    return [page for page in pages if page["resource"]]
