"""Bring a database to the current schema with Alembic, then refresh the reference data."""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.operations.ops import MigrationScript
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection
from sqlmodel import Session

from datastore.db import get_engine
from datastore.reference.load import load_reference_data

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(*, connection: Connection | None = None, url: str | None = None) -> Config:
    """An Alembic configuration built in code, so the repository needs no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        # ConfigParser treats "%" as interpolation; a password may contain one.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def migrate(url: str | None = None) -> None:
    """Upgrade the database at `url` (default: the configured one) to head and load references."""
    engine = get_engine(url)
    with (
        engine.connect() as connection,
        _foreign_keys_deferred_on_sqlite(connection),
        connection.begin(),
    ):
        command.upgrade(alembic_config(connection=connection), "head")
        _check_foreign_keys_on_sqlite(connection)
    with Session(engine) as session:
        load_reference_data(session=session)


@contextmanager
def _foreign_keys_deferred_on_sqlite(connection: Connection) -> Iterator[None]:
    """Turn SQLite's foreign-key enforcement off while migrations run, and back on after."""
    # Batch migrations rebuild SQLite tables (copy, drop, rename); with enforcement on,
    # dropping a table that others reference would fail or delete their rows.
    if connection.dialect.name != "sqlite":
        yield
        return
    # The pragma is ignored inside a transaction, so it runs (and is committed) on its own.
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    connection.commit()
    try:
        yield
    finally:
        # The connection goes back to the pool: the app expects enforcement on.
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()


def _check_foreign_keys_on_sqlite(connection: Connection) -> None:
    """Refuse to commit a migration that left dangling references behind."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"migration left broken foreign keys: {broken[:10]}")


def current_revision(url: str | None = None) -> str | None:
    """The revision the database is at; None when it was never migrated."""
    with get_engine(url).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The newest revision in datastore/migrations/versions."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError(f"no migration found in {MIGRATIONS_DIR / 'versions'}")
    return head


def new_revision(message: str) -> Path | None:
    """Autogenerate a revision from the models; None when models and migrations agree.

    It compares against a scratch SQLite database upgraded to head, so nobody's data is touched,
    and batch rendering keeps the generated operations valid on SQLite and PostgreSQL alike.
    """

    def skip_empty(
        _context: MigrationContext, _revision: object, directives: list[MigrationScript]
    ) -> None:
        if all(ops.is_empty() for ops in directives[0].upgrade_ops_list):
            directives[:] = []

    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'scratch.sqlite3'}"
        engine = get_engine(url)
        try:
            with engine.begin() as connection:
                config = alembic_config(connection=connection)
                command.upgrade(config, "head")
                result = command.revision(
                    config,
                    message=message,
                    autogenerate=True,
                    rev_id=_next_revision_id(config),
                    process_revision_directives=skip_empty,
                )
        finally:
            engine.dispose()
    scripts = result if isinstance(result, list) else [result]
    created = [Path(script.path) for script in scripts if script is not None]
    return created[0] if created else None


def _next_revision_id(config: Config) -> str:
    """Revisions are numbered 0001, 0002, ... so the folder lists them in order."""
    numbers = [
        int(script.revision)
        for script in ScriptDirectory.from_config(config).walk_revisions()
        if script.revision.isdigit()
    ]
    return f"{max(numbers, default=0) + 1:04d}"


def main(argv: list[str] | None = None) -> None:
    """`python -m datastore.migrate revision -m "add users"`: write a new revision file."""
    parser = argparse.ArgumentParser(prog="python -m datastore.migrate")
    commands = parser.add_subparsers(dest="command", required=True)
    revision = commands.add_parser("revision", help="autogenerate a revision from the models")
    revision.add_argument("-m", "--message", required=True)
    args = parser.parse_args(argv)
    if args.command == "revision":
        path = new_revision(args.message)
        print(path if path else "No change: the models match the migrations.")


if __name__ == "__main__":
    main()
