"""AppTest as a running server behaves: shared by the page tests and the benchmark's reruns."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st
import streamlit.testing.v1.app_test as app_test_module
from streamlit.runtime.pages_manager import PagesManager


class _NavigationPagesManager(PagesManager):
    """Keeps Streamlit from treating the app as an old-style `pages/` folder app.

    AppTest (Streamlit 1.67) resets `PagesManager.uses_pages_directory` to None before every run,
    and a new PagesManager then sets it to True because a `pages/` folder sits next to
    dashboard.py. From the second run on, the script runner then runs the page file alone, never
    the entry file, so the sidebar filters vanish. In a real server st.navigation sets the flag
    to False on the first run and it stays so; this does the same before every run.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        PagesManager.uses_pages_directory = False
        super().__init__(*args, **kwargs)


@contextmanager
def navigation_mode() -> Iterator[None]:
    """AppTest runs the entry file on every rerun inside the block; put back on leaving."""
    saved_manager = app_test_module.PagesManager
    saved_flag = PagesManager.uses_pages_directory
    app_test_module.PagesManager = _NavigationPagesManager  # type: ignore[misc]
    PagesManager.uses_pages_directory = False
    try:
        yield
    finally:
        app_test_module.PagesManager = saved_manager  # type: ignore[misc]
        PagesManager.uses_pages_directory = saved_flag


def clear_streamlit_caches() -> None:
    """Forget every cached result and resource, so no test's database answers for another's."""
    st.cache_data.clear()
    st.cache_resource.clear()
