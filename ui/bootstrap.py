"""First start: migrate the database and, when it holds nothing yet, load the demo data.

While a demo load is under way (here or in another process), every other session sees a notice
instead of partial figures; a demo load that stopped half-way is completed by the next start.
"""

from __future__ import annotations

import streamlit as st

from datastore.config import settings
from datastore.status import DemoState, demo_state
from i18n.catalogue import Lang, t


@st.cache_resource(show_spinner=False)
def _migrated(url: str) -> bool:
    """Bring the schema up to date once per process."""
    from datastore.migrate import migrate

    migrate(url)
    return True


@st.cache_resource(show_spinner=False)
def _seeded(url: str, lang: Lang) -> bool:
    """Load the demo data once per process, showing progress to whoever opened the app first."""
    from seed import seed_database

    with st.status(t("bootstrap.seeding", lang), expanded=True) as status:
        bar = st.progress(0.0)

        def report(message: str, fraction: float) -> None:
            bar.progress(min(max(fraction, 0.0), 1.0), text=message)

        seed_database(url=url, scale=settings().demo_scale, progress=report)
        status.update(label=t("bootstrap.seeded", lang), state="complete", expanded=False)
    return True


def ensure_database(lang: Lang) -> None:
    """Migrate, then seed the demo data if the database is empty (unless DDN_NO_DEMO=1).

    Stops the run with a notice while another session or process is loading the demo data.
    """
    chosen = settings()
    url = chosen.database_url
    _migrated(url)
    if chosen.no_demo:
        return
    state = demo_state(url)
    if state is DemoState.READY:
        return
    if state is DemoState.LOADING:
        st.info(t("bootstrap.loading_elsewhere", lang), icon=":material/hourglass_top:")
        st.stop()
    # Empty, or a load that stopped: this session loads (the rest of) the demo data.
    _seeded(url, lang)
