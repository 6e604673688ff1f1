"""Whether a database already holds data, and whether its demo load finished: "first start".

A demo load writes a marker (`AppState` "demo_load") before its first batch, refreshes it after
each batch and removes it once the last one is in. While the marker is there the figures are
partial: the dashboard says the demo data is loading, and the next start loads the rest.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy import delete, func, select
from sqlmodel import Session, col

from datastore.db import get_engine
from datastore.models.loads import AppState, ImportBatch

DEMO_LOAD = "demo_load"
# A marker not refreshed for this long belongs to a load that stopped (killed, crashed): no
# batch of the demo data takes nearly as long.
DEMO_LOAD_STALE_AFTER = timedelta(minutes=10)


class DemoState(StrEnum):
    """Where a database stands with the demo data."""

    EMPTY = "empty"  # nothing loaded yet: a first start loads the demo data
    LOADING = "loading"  # a demo load is under way (its marker is fresh)
    INTERRUPTED = "interrupted"  # a demo load stopped before its end: load the rest
    READY = "ready"  # data is there and no demo load is unfinished


def holds_data(url: str | None = None) -> bool:
    """True once any load (demo or import, undone or not) has reached the database."""
    # Loads, not fact rows: a database whose every load was undone is not "new" and must not
    # get the demo data mixed into it.
    with Session(get_engine(url)) as session:
        return bool(session.execute(select(func.count()).select_from(ImportBatch)).scalar_one())


def demo_state(url: str | None = None, *, now: datetime | None = None) -> DemoState:
    """Whether the demo data is to be loaded, being loaded, to be completed, or done with."""
    with Session(get_engine(url)) as session:
        marker = session.get(AppState, DEMO_LOAD)
    if marker is not None:
        moment = now or datetime.now(UTC)
        since = moment - marker.updated_at if marker.updated_at is not None else None
        fresh = since is not None and since < DEMO_LOAD_STALE_AFTER
        return DemoState.LOADING if fresh else DemoState.INTERRUPTED
    return DemoState.READY if holds_data(url) else DemoState.EMPTY


def mark_demo_loading(*, session: Session, now: datetime | None = None) -> None:
    """Say (again) that a demo load is under way; called before and after every batch."""
    marker = session.get(AppState, DEMO_LOAD) or AppState(key=DEMO_LOAD, value="loading")
    marker.updated_at = now or datetime.now(UTC)
    session.add(marker)
    session.commit()


def mark_demo_interrupted(*, session: Session) -> None:
    """Say that the demo load stopped, so the next start completes it without waiting."""
    marker = session.get(AppState, DEMO_LOAD) or AppState(key=DEMO_LOAD, value="loading")
    marker.updated_at = None
    session.add(marker)
    session.commit()


def mark_demo_loaded(*, session: Session) -> None:
    """Remove the marker: the demo data is complete."""
    session.execute(delete(AppState).where(col(AppState.key) == DEMO_LOAD))
    session.commit()


if __name__ == "__main__":
    # Exit status for scripts/start.sh, run before the dashboard starts: 0 when the demo data is
    # to be loaded, 1 otherwise. A demo load unfinished at that moment is one that stopped,
    # however fresh its marker: nothing else loads it before the dashboard runs.
    sys.exit(1 if demo_state() is DemoState.READY else 0)
