"""Fixtures of the data layer's tests."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from tests.utils.extract_dataset import load_extract_fixture


@pytest.fixture
def loaded(session: Session) -> Session:
    """The session after the extract fixture has been loaded."""
    load_extract_fixture(session)
    return session
