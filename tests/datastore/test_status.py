"""The first-start test: a database holds data once any load reached it; a demo load is marked."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from datastore.db import get_engine
from datastore.load.undo import undo_load
from datastore.models.loads import ImportBatch
from datastore.status import (
    DEMO_LOAD_STALE_AFTER,
    DemoState,
    demo_state,
    holds_data,
    mark_demo_interrupted,
    mark_demo_loaded,
    mark_demo_loading,
)
from tests.utils.small_dataset import load_small_fixture

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def test_a_migrated_database_with_only_reference_data_holds_no_data(database_url: str) -> None:
    assert holds_data(database_url) is False
    assert demo_state(database_url) is DemoState.EMPTY


def test_a_database_holds_data_after_a_load_and_still_after_undoing_it(small_url: str) -> None:
    assert holds_data(small_url) is True
    assert demo_state(small_url) is DemoState.READY
    with Session(get_engine(small_url)) as session:
        latest = session.execute(select(func.max(ImportBatch.id))).scalar_one()
        undo_load(session=session, batch_id=latest, user="test")
    assert holds_data(small_url) is True


def test_a_demo_load_is_loading_while_fresh_then_interrupted_until_it_ends(
    small_url: str,
) -> None:
    engine = get_engine(small_url)
    with Session(engine) as session:
        mark_demo_loading(session=session, now=T0)
    assert demo_state(small_url, now=T0 + timedelta(seconds=5)) is DemoState.LOADING
    stale = T0 + DEMO_LOAD_STALE_AFTER
    assert demo_state(small_url, now=stale) is DemoState.INTERRUPTED
    with Session(engine) as session:
        mark_demo_loading(session=session, now=stale)  # the next batch is in: fresh again
    assert demo_state(small_url, now=stale) is DemoState.LOADING
    with Session(engine) as session:
        mark_demo_interrupted(session=session)
    assert demo_state(small_url, now=stale) is DemoState.INTERRUPTED
    with Session(engine) as session:
        mark_demo_loaded(session=session)
    assert demo_state(small_url, now=stale) is DemoState.READY


def test_the_module_exits_zero_for_an_empty_database_or_an_unfinished_demo_load(
    sqlite_url: str,
) -> None:
    def status() -> int:
        env = {"DATABASE_URL": sqlite_url, "PATH": "/usr/bin:/bin"}
        command = [sys.executable, "-m", "datastore.status"]
        return subprocess.run(command, env=env, check=False).returncode

    assert status() == 0
    with Session(get_engine(sqlite_url)) as session:
        load_small_fixture(session=session)
    assert status() == 1
    # Before the dashboard starts, a marker, however fresh, is that of a load that stopped.
    with Session(get_engine(sqlite_url)) as session:
        mark_demo_loading(session=session)
    assert status() == 0
    with Session(get_engine(sqlite_url)) as session:
        mark_demo_loaded(session=session)
    assert status() == 1
