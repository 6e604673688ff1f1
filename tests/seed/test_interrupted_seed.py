"""A first start stopped half-way: marked unfinished, shown as loading, completed by the next."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import select
from sqlmodel import Session, col

from datastore.config import PROJECT_ROOT
from datastore.db import get_engine
from datastore.models.facts import Aid, Exchange, Membership
from seed.run import seed_database
from seed.synthetic.world import YEARS

SCALE = 0.02


class Stopped(Exception):
    """The process went away in the middle of the demo load."""


def start_would_seed(url: str) -> bool:
    """What scripts/start.sh decides: `python -m datastore.status` exits 0 to load demo data."""
    done = subprocess.run(
        [sys.executable, "-m", "datastore.status"],
        env={"DATABASE_URL": url, "PATH": "/usr/bin:/bin"},
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode == 0


def years_of(url: str) -> dict[str, set[int]]:
    """The years each fact table holds."""
    with Session(get_engine(url)) as session:
        return {
            model.__name__: set(session.execute(select(col(model.year)).distinct()).scalars())
            for model in (Membership, Aid, Exchange)
        }


def test_a_demo_load_stopped_half_way_is_completed_by_the_next_start(database_url: str) -> None:
    def stop_half_way(message: str, fraction: float) -> None:
        if fraction > 0.5:  # in the aid years, before the first synthetic exchange
            raise Stopped(message)

    with pytest.raises(Stopped):
        seed_database(url=database_url, scale=SCALE, seed=42, progress=stop_half_way)
    partial = years_of(database_url)
    assert partial != {name: set(YEARS) for name in partial}
    assert start_would_seed(database_url)

    seed_database(url=database_url, scale=SCALE, seed=42)

    assert years_of(database_url) == {name: set(YEARS) for name in partial}
    assert not start_would_seed(database_url)
    again = seed_database(url=database_url, scale=SCALE, seed=42)
    assert all(total["added"] == total["updated"] == 0 for total in again.values())
