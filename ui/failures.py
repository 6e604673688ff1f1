"""A database failure on any page shown as one line naming its cause, never SQL or values."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import streamlit as st

from datastore.errors import database_cause, database_message
from datastore.filters import Filters
from i18n.catalogue import Lang

# A page's body inside its fragment: drawn for the language and the shared (sidebar) filters.
PageBody = Callable[[Lang, Filters], None]


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


def page_fragment(body: PageBody) -> PageBody:
    """The page's own filters and all they change as a fragment: changing one reruns only it.

    Streamlit stops a fragment's errors at the fragment, out of reach of the entry file's
    handler, so a database failure is turned into its one-line message in here too.
    """

    # wraps keeps the body's module and name, from which Streamlit tells one page's fragment
    # from another's.
    @functools.wraps(body)
    def shown(lang: Lang, shared: Filters) -> None:
        with database_failures_shown(lang):
            body(lang, shared)

    return st.fragment(shown)
