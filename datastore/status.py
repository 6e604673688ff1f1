"""Whether a database already holds data: the one test for "first start" everywhere."""

from __future__ import annotations

import sys

from sqlalchemy import func, select
from sqlmodel import Session

from datastore.db import get_engine
from datastore.models import ImportBatch


def holds_data(url: str | None = None) -> bool:
    """True once any load (demo or import, undone or not) has reached the database."""
    # Loads, not fact rows: a database whose every load was undone is not "new" and must not
    # get the demo data mixed into it.
    with Session(get_engine(url)) as session:
        return bool(session.execute(select(func.count()).select_from(ImportBatch)).scalar_one())


if __name__ == "__main__":
    # Exit status for shell scripts: 0 when the database is empty, 1 when it holds data.
    sys.exit(1 if holds_data() else 0)
