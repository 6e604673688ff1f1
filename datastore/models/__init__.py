"""Every table of the dashboard's database, as SQLModel classes, one module per concept.

Importing any of them imports them all, so SQLModel.metadata always holds the whole schema
(Alembic compares against it) under one naming convention.
"""

from sqlmodel import SQLModel

# Named constraints, so later migrations (SQLite batch mode included) can drop or alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# After the convention: the modules register their tables on the metadata as they load.
from datastore.models import (  # noqa: E402, F401
    accounts,
    exchange_rollups,
    facts,
    loads,
    reference,
)
