"""First start: migrate the database and, when it holds nothing yet, load the demo data."""

from __future__ import annotations

import os

import streamlit as st

from datastore.config import database_url
from datastore.status import holds_data
from i18n.catalogue import t


@st.cache_resource(show_spinner=False)
def _migrated(url: str) -> bool:
    """Bring the schema up to date once per process."""
    from datastore.migrate import migrate

    migrate(url)
    return True


@st.cache_resource(show_spinner=False)
def _seeded(url: str, lang: str) -> bool:
    """Load the demo data once per process, showing progress to whoever opened the app first."""
    from seed import seed_database

    with st.status(t("bootstrap.seeding", lang), expanded=True) as status:
        bar = st.progress(0.0)

        def report(message: str, fraction: float) -> None:
            bar.progress(min(max(fraction, 0.0), 1.0), text=message)

        # DDN_DEMO_SCALE lets tests and small machines ask for less demo data.
        scale = float(os.environ.get("DDN_DEMO_SCALE", "1"))
        seed_database(url=url, scale=scale, progress=report)
        status.update(label=t("bootstrap.seeded", lang), state="complete", expanded=False)
    return True


def ensure_database(lang: str) -> None:
    """Migrate, then seed the demo data if the database is empty (unless DDN_NO_DEMO=1)."""
    url = database_url()
    _migrated(url)
    if os.environ.get("DDN_NO_DEMO") == "1" or holds_data(url):
        return
    _seeded(url, lang)
