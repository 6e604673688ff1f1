"""A first start seen from the dashboard: no partial figures while the demo data loads."""

from __future__ import annotations

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from datastore.config import PROJECT_ROOT
from datastore.db import get_engine
from datastore.status import DemoState, demo_state, mark_demo_loaded, mark_demo_loading
from i18n.catalogue import Lang, t
from seed.run import seed_database
from seed.synthetic.world import YEARS
from testkit.apptest import clear_streamlit_caches

ENTRY = PROJECT_ROOT / "dashboard.py"
TIMEOUT = 60
SEED_TIMEOUT = 600
DEMO_SCALE = "0.01"


def infos(at: AppTest) -> list[str]:
    """The texts of the st.info boxes on the page."""
    return [str(box.value) for box in at.info]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_session_opened_while_the_demo_data_loads_sees_a_notice_and_no_chart(
    small_database: str, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    monkeypatch.delenv("DDN_NO_DEMO")
    with Session(get_engine(small_database)) as session:
        mark_demo_loading(session=session)  # another session or replica is loading
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.run()
    if lang != "vi":
        at.segmented_control(key="lang").set_value(lang).run()

    assert not at.exception, [e.value for e in at.exception]
    assert t("bootstrap.loading_elsewhere", lang) in infos(at)
    assert not at.get("plotly_chart")
    assert not at.multiselect  # no filters either: they would list partial options

    with Session(get_engine(small_database)) as session:
        mark_demo_loaded(session=session)
    at.run()
    assert t("bootstrap.loading_elsewhere", lang) not in infos(at)
    assert at.get("plotly_chart")


class Stopped(Exception):
    """The process went away in the middle of the demo load."""


@pytest.mark.slow
def test_the_next_start_completes_a_demo_load_that_stopped(
    empty_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def stop_half_way(message: str, fraction: float) -> None:
        if fraction > 0.5:
            raise Stopped(message)

    with pytest.raises(Stopped):
        seed_database(url=empty_database_url, scale=float(DEMO_SCALE), progress=stop_half_way)
    monkeypatch.setenv("DATABASE_URL", empty_database_url)
    monkeypatch.delenv("DDN_NO_DEMO", raising=False)
    monkeypatch.setenv("DDN_DEMO_SCALE", DEMO_SCALE)
    clear_streamlit_caches()
    try:
        at = AppTest.from_file(str(ENTRY), default_timeout=SEED_TIMEOUT)
        at.run()

        assert not at.exception, [e.value for e in at.exception]
        assert [status.label for status in at.status] == [t("bootstrap.seeded", "vi")]
        assert demo_state(empty_database_url) is DemoState.READY
        at.switch_page("pages/aid.py").run()
        years = at.slider(key="years").value
        assert tuple(years) == (min(YEARS), max(YEARS))
    finally:
        clear_streamlit_caches()
