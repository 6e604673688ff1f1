"""The history of loads, and undoing one as a whole: the reverse of datastore.load.write.

Every load can be undone as a whole, demo loads included. Rows that a later load still in place
also loaded stay, as that load has them (see datastore.load.versions); undoing a load that
replaced another puts the replaced one back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlmodel import Session, col

from datastore import rollups
from datastore.load.values import clean_label
from datastore.load.versions import ORGANIZATION, Withdrawal, take_out
from datastore.load.write import take_load_lock
from datastore.models.loads import ImportBatch
from datastore.problems import DataProblem
from datastore.vocabulary import MODELS, DataKind, as_kind
from i18n.formatting import format_moment

if TYPE_CHECKING:
    import pandas as pd

LOAD_COLUMNS = (
    "id",
    "kind",
    "file_name",
    "checksum",
    "created_at",
    "created_by",
    "rows_added",
    "rows_updated",
    "rows_unchanged",
    "is_demo",
    "undone_at",
    "undone_by",
    "replaces_id",
)


class UndoRefused(DataProblem):
    """A load that cannot be undone: unknown, or undone already."""


@dataclass(frozen=True)
class UndoSummary:
    """What undoing a load did."""

    batch_id: int
    kind: DataKind
    rows_removed: int
    rows_restored: int
    organizations_removed: int = 0
    rows_kept: int = 0  # left in place because a later load still holds them
    kept_by: tuple[int, ...] = ()  # those loads
    replaced: int | None = None  # the load this one had replaced, in place again


def list_loads(*, session: Session, limit: int = 100) -> pd.DataFrame:
    """The latest loads, newest first: who loaded which file when, with what result."""
    import pandas as pd

    statement = select(ImportBatch).order_by(col(ImportBatch.id).desc()).limit(limit)
    batches = session.scalars(statement).all()
    records = [{name: getattr(batch, name) for name in LOAD_COLUMNS} for batch in batches]
    return pd.DataFrame.from_records(records, columns=list(LOAD_COLUMNS))


def undo_load(*, session: Session, batch_id: int, user: str) -> UndoSummary:
    """Reverse a whole load in one transaction: its new rows go, its updated rows come back."""
    # Refused (UndoRefused) when there is no such load or when it is undone already.
    try:
        summary = _undo(session, batch_id, user)
    except BaseException:
        session.rollback()
        raise
    session.commit()
    return summary


def _undo(session: Session, batch_id: int, user: str) -> UndoSummary:
    take_load_lock(session)
    # The first statement writes, so SQLite takes its write lock before anything is read.
    claimed = session.execute(
        update(ImportBatch)
        .where(col(ImportBatch.id) == batch_id, col(ImportBatch.undone_at).is_(None))
        .values(undone_at=datetime.now(UTC), undone_by=clean_label(user)[:80])
    )
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise UndoRefused("undo.not_found", batch=batch_id)
    if not claimed.rowcount:  # type: ignore[attr-defined]
        when = f"{format_moment(batch.undone_at)} UTC" if batch.undone_at else "?"
        raise UndoRefused("undo.already_undone", batch=batch_id, when=when, user=batch.undone_by)
    if batch.replaces_id is not None:
        # Undoing a replace puts the replaced load back in place, with the rows it took out.
        session.execute(
            update(ImportBatch)
            .where(col(ImportBatch.id) == batch.replaces_id)
            .values(undone_at=None, undone_by=None)
        )
    kind = as_kind(batch.kind)  # stored as text; only a load of a known kind wrote it
    done = Withdrawal()
    take_out(session, kind=kind, gone=batch_id, done=done)
    table = MODELS[kind].__table__  # type: ignore[attr-defined]
    rollups.apply_changes(session=session, table=table)
    return UndoSummary(
        batch_id=batch_id,
        kind=kind,
        rows_removed=done.removed.get(table.name, 0),
        rows_restored=done.restored.get(table.name, 0),
        organizations_removed=done.removed.get(ORGANIZATION.name, 0) if kind == "members" else 0,
        rows_kept=sum(done.kept.values()),
        kept_by=tuple(sorted(done.kept)),
        replaced=batch.replaces_id,
    )
