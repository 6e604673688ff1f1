"""Settings read from the environment: where the database lives."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "diplomacy.sqlite3"


def database_url() -> str:
    """The database to use: `DATABASE_URL`, else the embedded SQLite file under `data/`."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{DEFAULT_SQLITE_PATH}"
    # Accept the bare scheme that hosting platforms hand out, and use psycopg 3 for it.
    for bare in ("postgres://", "postgresql://"):
        if url.startswith(bare):
            return "postgresql+psycopg://" + url[len(bare) :]
    return url
