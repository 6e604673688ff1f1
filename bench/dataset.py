"""The benchmark's database: where it is, building it once with the demo seed, what it holds."""

from __future__ import annotations

import os
import platform
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlmodel import Session

from datastore.config import PROJECT_ROOT
from datastore.db import get_engine
from datastore.migrate import migrate
from datastore.models.facts import Exchange
from seed.run import seed_database

Say = Callable[[str], None]


def default_url(scale: float) -> str:
    """A SQLite file per scale under data/ (ignored by git), e.g. data/bench-scale10.sqlite3."""
    label = f"{scale:g}".replace(".", "_")
    return f"sqlite:///{PROJECT_ROOT / 'data' / f'bench-scale{label}.sqlite3'}"


def count_exchanges(url: str) -> int:
    """Rows in the exchange fact table."""
    with Session(get_engine(url)) as session:
        return int(session.scalar(select(func.count()).select_from(Exchange)) or 0)


def ensure_dataset(url: str, *, scale: float, say: Say) -> tuple[int, bool]:
    """Migrate; seed at `scale` unless exchanges are there; (exchange rows, whether seeded)."""
    say("Migrating the database …")
    migrate(url)
    rows = count_exchanges(url)
    if rows:
        say(f"Reusing the dataset: {rows:,} exchanges.")
        return rows, False
    say(f"Building the dataset at scale {scale:g} (python -m seed) …")

    def progress(message: str, fraction: float) -> None:
        say(f"  [{fraction:6.1%}] {message}")

    seed_database(url=url, scale=scale, progress=progress)
    return count_exchanges(url), True


def backend(url: str) -> str:
    """'sqlite' or 'postgresql'."""
    return get_engine(url).dialect.name


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for any other database or an in-memory one."""
    engine = get_engine(url)
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def machine(url: str) -> dict[str, Any]:
    """Cores, memory, Python and database versions, to read the figures against."""
    info: dict[str, Any] = {
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
    }
    if backend(url) == "postgresql":
        with get_engine(url).connect() as connection:
            info["postgresql"] = connection.execute(text("SHOW server_version")).scalar_one()
    return info


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        return None
    return None
