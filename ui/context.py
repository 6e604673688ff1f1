"""What the entry file decided for this rerun (language, filters), read by every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from datastore.filters import Filters
from i18n.catalogue import Lang, as_lang

_LANG = "_lang"
_FILTERS = "_filters"
_FRAMED = "_framed"
ENTRY_FILE = "dashboard.py"


def set_current(*, lang: Lang, filters: Filters) -> None:
    """Called by the entry file once the sidebar has been drawn, just before the page runs."""
    st.session_state[_LANG] = lang
    st.session_state[_FILTERS] = filters
    st.session_state[_FRAMED] = True


_WANTED = "_wanted_page"


def require_frame(page_file: str) -> None:
    """Hand over to the entry file when a page script is run on its own.

    Until the entry file first calls st.navigation, Streamlit serves the pages/ folder by file,
    so an address like /members would run the page without sign-in, filters or banner. The
    entry file then sends the user on to the page asked for, with the same query parameters.
    """
    if not st.session_state.pop(_FRAMED, False):
        # Every value of every parameter: to_dict() keeps only the last one, which turned a
        # link's years=2020&years=2024 into 2024 alone on a fresh server's first visit.
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        st.session_state[_WANTED] = (Path(page_file).stem, params)
        try:
            st.switch_page(ENTRY_FILE, query_params=params)
        except StreamlitPageNotFoundError:
            # The page is itself the app (a test running the script alone): show nothing.
            st.stop()


def resume_wanted_page(pages: list[Any]) -> None:
    """In the entry file, once navigation exists: go on to the page a deep link asked for."""
    wanted = st.session_state.pop(_WANTED, None)
    if wanted is None:
        return
    for page in pages:  # only pages this user may see are in the list
        if page.url_path == wanted[0]:
            st.switch_page(page, query_params=wanted[1])


def lang() -> Lang:
    """The interface language of this rerun: "vi" or "en"."""
    return as_lang(st.session_state.get(_LANG, "vi"))


def filters() -> Filters:
    """The shared filters of this rerun."""
    value = st.session_state.get(_FILTERS)
    return value if isinstance(value, Filters) else Filters()
