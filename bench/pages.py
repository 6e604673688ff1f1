"""Full reruns of every dashboard page in Streamlit's AppTest, against a given database.

Every page runs inside the real entry file (dashboard.py), as a user's session does: the first
run of a page (module imports, migration check, empty caches) is left out; what is timed is
`at.run()` afterwards, which reruns the entry file and the page exactly as a widget change does.
Caches are process-wide (st.cache_data), as in a running app.
"""

from __future__ import annotations

import logging
import secrets
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ui import sitemap

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ROOT / "dashboard.py"
# Every page file under pages/, in the order the sidebar lists them; import_data needs an editor.
PAGES = tuple(page.name for page in sitemap.PAGES)
EDITOR_PAGE = "import_data"
# A cold rerun of a page at a million rows may take seconds; only a hang should fail.
RUN_TIMEOUT_S = 600.0
_ENVIRONMENT = {"DDN_NO_DEMO": "1", "DDN_LOGIN_REQUIRED": None, "DDN_DEMO_SCALE": None}
# Streamlit warns about running outside a server, which AppTest does by design.
_QUIET_LOGGERS = (
    "streamlit.runtime.scriptrunner_utils.script_run_context",
    "streamlit.runtime.caching.cache_data_api",
)


class PageFailed(RuntimeError):
    """A page showed an exception, so its rerun time means nothing."""


def page_rerun_ms(database_url: str, *, runs: int) -> dict[str, float]:
    """Median ms of `runs` reruns of each page with the filters unchanged (warm caches).

    Per page: a new AppTest session opens the entry file, switches to the page and runs it once
    more (not timed: imports, migration check, first queries); then `at.run()` is timed `runs`
    times. Each rerun redraws the whole page from the process-wide caches, as any widget change
    that leaves the filters alone does. Raises PageFailed if a page shows an exception.
    """
    with _app_test_frame(database_url):
        return {page: _median_ms(_timed_reruns(page, runs=runs, chosen=None)) for page in PAGES}


def page_rerun_cold_ms(database_url: str, *, runs: int) -> dict[str, float]:
    """Median ms of `runs` reruns of each page, each after a year-range change no cache holds.

    Opened as in page_rerun_ms; then, `runs` times, the sidebar's years slider is set to a range
    not chosen before in this call, on any page (narrowing from the full range), and `at.run()`
    is timed, so
    every chart query misses the cache while the option lists stay cached, as when a user in a
    running app picks new years. When the distinct ranges run out, Streamlit's data caches are
    cleared before the next change. Pages without a years slider (one year of data) are left out.
    """
    with _app_test_frame(database_url):
        result: dict[str, float] = {}
        chosen: set[tuple[int, int]] = set()
        for page in PAGES:
            times = _timed_reruns(page, runs=runs, chosen=chosen)
            if times:
                result[page] = _median_ms(times)
        return result


def _median_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000.0


def _timed_reruns(page: str, *, runs: int, chosen: set[tuple[int, int]] | None) -> list[float]:
    """Seconds of each timed `at.run()` of one page in a fresh AppTest session.

    With `chosen` (the year ranges set so far), each run follows a change to a new year range.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ENTRY), default_timeout=RUN_TIMEOUT_S)
    _run(at, page, "first run of the entry file")
    if page == EDITOR_PAGE:
        _sign_in_editor(at)
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
        _run(at, page, "switch to the page")
    _check_on_page(at, page)
    changes: Iterator[tuple[int, int]] | None = None
    if chosen is not None:
        years = [slider for slider in at.sidebar.slider if slider.key == "years"]
        if not years:
            return []
        changes = _year_ranges(int(years[0].min), int(years[0].max), chosen)
    times: list[float] = []
    for _ in range(runs):
        if changes is not None:
            at.slider(key="years").set_range(*next(changes))
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
        _check(at, page, "timed rerun")
    return times


def _year_ranges(low: int, high: int, chosen: set[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Year ranges but the full one and those in `chosen`, widest first; endless.

    Each range given is added to `chosen`; when none is left, Streamlit's data caches are
    cleared and every range is new again.
    """
    import streamlit as st

    ranges = [
        (start, start + width)
        for width in range(high - low - 1, -1, -1)
        for start in range(low, high - width + 1)
    ]
    while True:
        for years in ranges:
            if years not in chosen:
                chosen.add(years)
                yield years
        st.cache_data.clear()
        chosen.clear()


def _run(at: Any, page: str, what: str) -> None:
    at.run()
    _check(at, page, what)


def _check(at: Any, page: str, what: str) -> None:
    """Raise if the run ended in an exception: an error page must not pass for a fast rerun."""
    if at.exception:
        shown = "; ".join(str(error.value) for error in at.exception)
        raise PageFailed(f"page {page!r} shows an exception ({what}): {shown}")


def _check_on_page(at: Any, page: str) -> None:
    """Raise unless the page itself ran (its title is there), not a refusal or another page."""
    from i18n.catalogue import t

    titles = [str(title.value) for title in at.title]
    if t(f"page.{page}", "vi") not in titles:
        raise PageFailed(f"page {page!r} did not open; titles shown: {titles}")


def _sign_in_editor(at: Any) -> None:
    """Sign in with the password form as the temporary editor of _app_test_frame."""
    at.text_input(key="auth_name").input(_editor["name"])
    at.text_input(key="auth_password").input(_editor["password"])
    at.button(key="auth_submit").click()
    _run(at, EDITOR_PAGE, "editor sign-in")


# The temporary editor account of the current _app_test_frame (name and password).
_editor: dict[str, str] = {}


@contextmanager
def _app_test_frame(database_url: str) -> Iterator[None]:
    """The app's environment for AppTest: this database, no demo seed, a temporary editor.

    AppTest runs the app in this process, where it reads its settings from the environment.
    Also keeps AppTest in st.navigation mode between runs, and restores everything it changed
    on leaving.
    """
    import streamlit as st

    from testkit.apptest import navigation_mode
    from testkit.environ import overridden_environ

    # A filter, not a level: Streamlit resets its loggers' levels when AppTest loads its config.
    quiet = _BelowErrorDropped()
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).addFilter(quiet)
    try:
        with overridden_environ({**_ENVIRONMENT, "DATABASE_URL": database_url}):
            st.cache_data.clear()
            _create_editor(database_url)
            try:
                with navigation_mode():
                    yield
            finally:
                _delete_editor(database_url)
                st.cache_data.clear()
    finally:
        for name in _QUIET_LOGGERS:
            logging.getLogger(name).removeFilter(quiet)


class _BelowErrorDropped(logging.Filter):
    """Lets only errors through."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.ERROR


def _create_editor(database_url: str) -> None:
    """An editor account with a random name, so the import page can be opened."""
    from sqlmodel import Session

    from datastore.accounts import create_user
    from datastore.db import get_engine
    from datastore.migrate import migrate
    from datastore.models.accounts import Role

    # The app migrates on its first run anyway; the account table must exist before that.
    migrate(database_url)
    _editor.update(name=f"bench-{secrets.token_hex(4)}", password=secrets.token_urlsafe(16))
    with Session(get_engine(database_url)) as session:
        create_user(
            session=session, name=_editor["name"], role=Role.EDITOR, password=_editor["password"]
        )


def _delete_editor(database_url: str) -> None:
    from sqlmodel import Session

    from datastore.accounts import get_user
    from datastore.db import get_engine

    name = _editor.pop("name", None)
    _editor.pop("password", None)
    if name is None:
        return
    with Session(get_engine(database_url)) as session:
        account = get_user(session=session, name=name)
        if account is not None:
            session.delete(account)
            session.commit()
