"""One engine per database URL, and sessions bound to it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

from datastore.config import settings

SQLITE_BUSY_SECONDS = 30.0


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    """Build the engine for a URL; SQLite gets its folder created and WAL journaling."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # A URI filename (`file:...?uri=true`, e.g. a read-only open) is SQLite's to parse;
        # creating its "parent" would litter the working folder with a `file:` directory.
        is_uri = parsed.query.get("uri") == "true"
        if parsed.database and parsed.database != ":memory:" and not is_uri:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # How long a write waits for another's lock; `?timeout=SECONDS` in the URL changes it.
        timeout = float(parsed.query.get("timeout", SQLITE_BUSY_SECONDS))  # type: ignore[arg-type]
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": timeout})
        event.listen(engine, "connect", partial(_configure_sqlite, timeout=timeout))
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def _configure_sqlite(dbapi_connection: Any, _record: Any, *, timeout: float) -> None:
    """WAL lets the dashboard read while a load writes; foreign keys are off by default."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
    cursor.close()


def get_engine(url: str | None = None) -> Engine:
    """The engine for `url`, or for the configured database."""
    return _engine_for(url or settings().database_url)


def is_sqlite(engine: Engine) -> bool:
    """Whether the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(engine or get_engine()) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
