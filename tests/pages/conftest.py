"""Fixtures of the AppTest page tests: pages found through st.navigation, the app's database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from testkit.apptest import clear_streamlit_caches, navigation_mode


@pytest.fixture(autouse=True)
def _navigation_pages() -> Iterator[None]:
    with navigation_mode():
        yield


@pytest.fixture
def small_database(small_sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A migrated SQLite database holding the small dataset, set as the app's DATABASE_URL."""
    monkeypatch.setenv("DATABASE_URL", small_sqlite_url)
    monkeypatch.setenv("DDN_NO_DEMO", "1")
    monkeypatch.delenv("DDN_DEMO_SCALE", raising=False)
    clear_streamlit_caches()
    yield small_sqlite_url
    clear_streamlit_caches()
