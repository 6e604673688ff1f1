"""Alembic environment: the schema of datastore.models, on SQLite or PostgreSQL.

The connection (or URL) is handed over programmatically by datastore.migrate, so no
alembic.ini is needed.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import datastore.models  # noqa: F401  (registers every table on SQLModel.metadata)
from datastore.config import database_url
from datastore.db import get_engine

config = context.config
target_metadata = SQLModel.metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch blocks rebuild the table there and run as
        # plain ALTER statements on PostgreSQL, so revisions are always rendered that way.
        render_as_batch=True,
        compare_type=True,
    )


def run_migrations_offline() -> None:
    """Emit SQL to stdout instead of running it (`--sql`)."""
    url = config.get_main_option("sqlalchemy.url") or database_url()
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run against the connection passed in, or open one on the configured database."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url") or database_url()
    with get_engine(url).begin() as own_connection:
        _configure(own_connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
