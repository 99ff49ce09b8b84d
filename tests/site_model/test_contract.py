"""build/pages.json is checked against its schema when it is written and when it is read."""

from __future__ import annotations

import json

import pytest

from site_model.contract import ContractError, read_contract, read_pages, resources, write_pages

PAGE = {
    "id": "workload/supervision",
    "source": "docs/workload/supervision.md",
    "html": "workload/supervision.html",
    "title": "Supervision",
    "strand": "workload",
    "kind": "guide",
    "resource": True,
    "pdf": "pdf/workload/supervision.pdf",
    "print_view": None,
    "last_reviewed": "2026-11-29",
    "review_due": "2027-05-29",
}
CONTACT = {"name": "DfE", "link_text": "Contact DfE", "url": "https://www.gov.uk/contact-dfe"}


def test_a_good_contract_round_trips(tmp_path):
    path = tmp_path / "build" / "pages.json"
    write_pages(path, {"contact": CONTACT, "pages": [PAGE]})
    assert read_pages(path) == [PAGE] and read_contract(path)["contact"] == CONTACT
    assert resources([PAGE, {**PAGE, "resource": False}]) == [PAGE]


def test_a_bad_contract_is_never_written(tmp_path):
    path = tmp_path / "pages.json"
    with pytest.raises(ContractError, match="pages/0: 'resource' is a required property"):
        write_pages(path, {"contact": CONTACT, "pages": [{k: v for k, v in PAGE.items() if k != "resource"}]})
    assert not path.exists()


def test_a_contract_changed_by_hand_is_refused_when_read(tmp_path):
    path = tmp_path / "pages.json"
    path.write_text(json.dumps({"contact": CONTACT, "pages": [{**PAGE, "last_reviewed": "22/11/2026"}]}))
    with pytest.raises(ContractError, match="pages/0/last_reviewed: '22/11/2026' is not a 'date'"):
        read_pages(path)


def test_a_missing_contract_says_to_build_first(tmp_path):
    with pytest.raises(ContractError, match="is missing: build the site first"):
        read_pages(tmp_path / "pages.json")
