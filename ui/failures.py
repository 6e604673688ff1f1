"""A database failure on any page shown as one line naming its cause, never SQL or values."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from datastore.errors import database_cause, database_message
from i18n.catalogue import Lang


@contextmanager
def database_failures_shown(lang: Lang) -> Iterator[None]:
    """Run a page; a database error (locked, read-only, schema out of date...) becomes a message.

    Any other error goes on to Streamlit as before, and so do st.stop and st.rerun, which are
    not Exceptions.
    """
    try:
        yield
    except Exception as error:
        if database_cause(error) is None:
            raise
        st.error(database_message(error, lang), icon=":material/database:")
