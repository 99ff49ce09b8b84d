"""Fixtures for macro tests: a small fixed site (see support.py)."""

from __future__ import annotations

import pytest

from site_model.data import SiteData
from tests.macros.support import Current, make_macros, make_site_data


@pytest.fixture
def site_data() -> SiteData:
    return make_site_data()


@pytest.fixture
def current() -> Current:
    return Current()


@pytest.fixture
def macro(site_data: SiteData, current: Current) -> dict:
    return make_macros(site_data, current)
