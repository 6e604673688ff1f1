"""Extracts on SQLite read through the app's own SQLite library and never damage the live file.

A second SQLite library in the same process (the ADBC driver's copy) cannot see this process's
POSIX locks: closing its connection deleted the -wal and -shm files the app still held open, and
the next writes from two processes left "database disk image is malformed".
"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from datastore.db import get_engine
from datastore.export import export, export_bytes, write_csv, write_xlsx
from datastore.extracts.reading import count_rows, data_date, iter_extract, read_extract
from datastore.filters import Filters
from datastore.vocabulary import DATA_KINDS
from tests.utils.extract_dataset import load_extract_fixture

OTHER_PROCESS_WRITE = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], timeout=30)
connection.execute("INSERT INTO scratch (who) VALUES ('other process')")
connection.commit()
connection.close()
"""


def run_every_extract_path(url: str) -> None:
    """Every way the Data page and the CLI read an extract, on every kind."""
    engine = get_engine(url)
    for kind in DATA_KINDS:
        with Session(engine) as session:
            list(iter_extract(kind, session=session, filters=Filters(), chunk_size=2))
            read_extract(kind, session=session, filters=Filters(), limit=3)
            count_rows(kind, session=session, filters=Filters())
            write_csv(kind, iter_extract(kind, session=session, filters=Filters()), io.BytesIO())
            write_xlsx(
                kind,
                iter_extract(kind, session=session, filters=Filters()),
                io.BytesIO(),
                filters=Filters(),
                data_date=data_date(session=session, kind=kind),
            )
        for fmt in ("csv", "xlsx"):
            export(kind, engine=engine, filters=Filters(), fmt=fmt, out=io.BytesIO())
            export_bytes(kind, engine=engine, filters=Filters(), fmt=fmt)


@pytest.fixture
def loaded_file(sqlite_url: str) -> tuple[str, Path]:
    """A SQLite file with the extract fixture and a scratch table for the writes."""
    engine = get_engine(sqlite_url)
    with Session(engine) as session:
        load_extract_fixture(session)
        session.execute(text("CREATE TABLE scratch (id INTEGER PRIMARY KEY, who TEXT)"))
        session.commit()
    database = make_url(sqlite_url).database
    assert database
    return sqlite_url, Path(database)


def test_extracts_leave_the_live_database_whole_for_writers_in_two_processes(
    loaded_file: tuple[str, Path],
) -> None:
    url, path = loaded_file
    engine = get_engine(url)
    with engine.connect() as app:
        # The app's connection has read the database, so it holds the -wal and -shm files.
        assert app.execute(text("SELECT count(*) FROM exchange")).scalar_one() > 0
        run_every_extract_path(url)
        subprocess.run([sys.executable, "-c", OTHER_PROCESS_WRITE, str(path)], check=True)
        app.execute(text("INSERT INTO scratch (who) VALUES ('app')"))
        app.commit()
        assert app.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        whos = [row[0] for row in check.execute("SELECT who FROM scratch ORDER BY id")]
    assert whos == ["other process", "app"]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux's /proc")
def test_extracts_leave_no_deleted_database_file_open(loaded_file: tuple[str, Path]) -> None:
    url, path = loaded_file
    with get_engine(url).connect() as app:
        app.execute(text("SELECT count(*) FROM exchange")).scalar_one()
        run_every_extract_path(url)
        targets = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                targets.append(os.readlink(f"/proc/self/fd/{fd}"))
            except OSError:
                continue  # closed between listing and reading
    ours = [t for t in targets if t.startswith(str(path))]
    assert ours, targets  # the app's connection holds the database open
    assert not [t for t in ours if t.endswith("(deleted)")], ours
