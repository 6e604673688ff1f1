"""Database errors name their cause in a short message: no SQL, no values, no password hash."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from datastore.db import get_engine
from datastore.errors import database_cause, database_message
from i18n.catalogue import t
from tests.utils.cli import run_cli

PASSWORD = "mật-khẩu đủ dài 2026"
# What SQLAlchemy's text of an error carries and a message must never show.
LEAKS = ("INSERT", "SELECT", "[SQL", "parameters", "$argon2", PASSWORD, "sqlalche.me")


def _add_user(url: str) -> tuple[int, str]:
    result = run_cli(
        *("user", "add", "lan", "--role", "editor", "--password-stdin"),
        database_url=url,
        stdin=PASSWORD + "\n",
    )
    return result.returncode, result.stderr


def _assert_short_message(stderr: str, cause: str) -> None:
    for lang in ("vi", "en"):
        assert t(f"database.{cause}", lang, kind="") in stderr
    for leak in LEAKS:
        assert leak not in stderr
    assert len(stderr.splitlines()) == 1


def _with_query(url: str, **query: str) -> str:
    return make_url(url).update_query_dict(query).render_as_string(hide_password=False)


@contextmanager
def _holding_lock(url: str) -> Iterator[None]:
    """Another connection holding the write lock (SQLite) or the accounts table (PostgreSQL)."""
    if url.startswith("sqlite"):
        holder = sqlite3.connect(make_url(url).database or "", isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    engine = create_engine(url)
    with engine.connect() as connection:
        connection.execute(text("LOCK TABLE useraccount IN ACCESS EXCLUSIVE MODE"))
        try:
            yield
        finally:
            connection.rollback()
    engine.dispose()


def test_a_read_only_database_says_so_and_shows_no_sql_or_hash(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        path = make_url(database_url).database
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
    else:
        name = make_url(database_url).database
        with get_engine(database_url).connect() as connection:
            connection.execute(
                text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
            )
            connection.commit()
        get_engine(database_url).dispose()
        url = database_url
    code, stderr = _add_user(url)
    assert code == 1
    _assert_short_message(stderr, "read_only")


def test_a_locked_database_says_so_after_a_short_wait(database_url: str) -> None:
    if database_url.startswith("sqlite"):
        url = _with_query(database_url, timeout="0.2")
    else:
        url = _with_query(database_url, options="-c lock_timeout=200")
    with _holding_lock(database_url):
        code, stderr = _add_user(url)
    get_engine(url).dispose()
    assert code == 1
    _assert_short_message(stderr, "locked")


def test_a_missing_table_says_the_schema_is_out_of_date(database_url: str) -> None:
    with get_engine(database_url).begin() as connection:
        connection.execute(text("DROP TABLE useraccount"))
    result = run_cli("user", "list", database_url=database_url)
    assert result.returncode == 1
    _assert_short_message(result.stderr, "schema")


def test_a_full_disk_is_named_from_sqlites_own_error(tmp_path: Path) -> None:
    connection = sqlite3.connect(tmp_path / "small.sqlite3")
    connection.execute("PRAGMA max_page_count = 2")  # a disk that holds two pages
    with pytest.raises(sqlite3.Error) as raised:
        connection.execute("CREATE TABLE t (x TEXT)")
        connection.executemany("INSERT INTO t VALUES (?)", [("x" * 4000,)] * 10)
    connection.close()
    assert database_cause(raised.value) == "disk_full"
    assert database_message(raised.value, "en") == t("database.disk_full", "en")


def test_an_error_that_is_not_from_a_database_has_no_cause() -> None:
    assert database_cause(ValueError("x")) is None


def test_a_uri_filename_creates_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///file:{tmp_path / 'absent' / 'db.sqlite3'}?mode=ro&uri=true"
    get_engine(url)
    # SQLite parses the URI itself; nothing named `file:` (or `absent`) may appear.
    assert sorted(path.name for path in tmp_path.iterdir()) == []
