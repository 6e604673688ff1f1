"""Fixtures of the data layer's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session

from datastore import accounts
from tests.utils.extract_dataset import load_extract_fixture


@pytest.fixture
def loaded(session: Session) -> Session:
    """The session after the extract fixture has been loaded."""
    load_extract_fixture(session)
    return session


@pytest.fixture
def forget_unknown_names() -> Iterator[None]:
    """Failures of names without an account live in memory for the whole process: forget them."""
    accounts.unknown_names.clear()
    yield
    accounts.unknown_names.clear()
