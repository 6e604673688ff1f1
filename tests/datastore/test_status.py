"""The first-start test: a database holds data once any load reached it."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import func, select
from sqlmodel import Session

from datastore.db import get_engine
from datastore.load.undo import undo_load
from datastore.models import ImportBatch
from datastore.status import holds_data
from tests.utils.small_dataset import load_small_fixture


def test_a_migrated_database_with_only_reference_data_holds_no_data(database_url: str) -> None:
    assert holds_data(database_url) is False


def test_a_database_holds_data_after_a_load_and_still_after_undoing_it(small_url: str) -> None:
    assert holds_data(small_url) is True
    with Session(get_engine(small_url)) as session:
        latest = session.execute(select(func.max(ImportBatch.id))).scalar_one()
        undo_load(session=session, batch_id=latest, user="test")
    assert holds_data(small_url) is True


def test_the_module_exits_zero_only_for_an_empty_database(sqlite_url: str) -> None:
    def status() -> int:
        env = {"DATABASE_URL": sqlite_url, "PATH": "/usr/bin:/bin"}
        command = [sys.executable, "-m", "datastore.status"]
        return subprocess.run(command, env=env, check=False).returncode

    assert status() == 0
    with Session(get_engine(sqlite_url)) as session:
        load_small_fixture(session=session)
    assert status() == 1
