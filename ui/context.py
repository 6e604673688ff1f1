"""What the entry file decided for this rerun (language, filters), read by every page."""

from __future__ import annotations

import streamlit as st

from datastore.filters import Filters

_LANG = "_lang"
_FILTERS = "_filters"


def set_current(*, lang: str, filters: Filters) -> None:
    """Called by the entry file once the sidebar has been drawn."""
    st.session_state[_LANG] = lang
    st.session_state[_FILTERS] = filters


def lang() -> str:
    """The interface language of this rerun: "vi" or "en"."""
    return str(st.session_state.get(_LANG, "vi"))


def filters() -> Filters:
    """The shared filters of this rerun."""
    value = st.session_state.get(_FILTERS)
    return value if isinstance(value, Filters) else Filters()
