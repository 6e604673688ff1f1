"""The history of loads, and undoing one as a whole: the reverse of datastore.load.write.

Every load can be undone as a whole, demo loads included, unless a later load that is still in
place changed rows that it wrote.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update
from sqlmodel import Session, col

from datastore.load.values import clean_label
from datastore.load.write import take_load_lock
from datastore.models import ImportBatch, Membership, Organization, RowChange
from datastore.problems import DataProblem
from datastore.rollups import refresh_rollups
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
)


class UndoRefused(DataProblem):
    """A load that cannot be undone (unknown, undone already, or changed by a later load)."""


@dataclass(frozen=True)
class UndoSummary:
    """What undoing a load did."""

    batch_id: int
    kind: DataKind
    rows_removed: int
    rows_restored: int
    organizations_removed: int = 0


def list_loads(*, session: Session, limit: int = 100) -> pd.DataFrame:
    """The latest loads, newest first: who loaded which file when, with what result."""
    import pandas as pd

    statement = select(ImportBatch).order_by(col(ImportBatch.id).desc()).limit(limit)
    batches = session.scalars(statement).all()
    records = [{name: getattr(batch, name) for name in LOAD_COLUMNS} for batch in batches]
    return pd.DataFrame.from_records(records, columns=list(LOAD_COLUMNS))


def undo_load(*, session: Session, batch_id: int, user: str) -> UndoSummary:
    """Reverse a whole load in one transaction: its new rows go, its updated rows come back."""
    # Refused (UndoRefused) when there is no such load, when it is undone already, or when a
    # later load still in place changed rows this load wrote (that one must be undone first).
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
    kind = as_kind(batch.kind)  # stored as text; only a load of a known kind wrote it
    model = MODELS[kind]
    table = model.__table__  # type: ignore[attr-defined]
    _refuse_if_changed_later(session, batch_id, table.name)
    changes = session.execute(
        select(col(RowChange.row_id), col(RowChange.previous)).where(
            col(RowChange.batch_id) == batch_id, col(RowChange.table_name) == table.name
        )
    ).all()
    restored = [_typed_row(table, json.loads(previous)) for _, previous in changes]
    created_organizations: list[int] = []
    if kind == "members":
        created_organizations = [
            organization_id
            for organization_id in session.scalars(
                select(col(Organization.id)).where(col(Organization.batch_id) == batch_id)
            )
            if organization_id is not None
        ]
    added_ids = set(
        session.scalars(select(table.c.id).where(table.c.batch_id == batch_id)).all()
    ) - {row["id"] for row in restored}
    organization_ids = set(created_organizations)
    if kind == "organizations":
        organization_ids = added_ids
    _refuse_if_organizations_in_use(session, batch_id, organization_ids, kind)
    years: set[int] = set()  # of the rows this undo removes or puts back, before and after
    if "year" in table.c:
        years.update(
            session.scalars(select(table.c.year).where(table.c.batch_id == batch_id).distinct())
        )
        years.update(row["year"] for row in restored)
    for start in range(0, len(restored), 1000):
        session.execute(update(model), restored[start : start + 1000])
    removed = 0
    ids = sorted(added_ids)
    for start in range(0, len(ids), 1000):
        result = session.execute(delete(table).where(table.c.id.in_(ids[start : start + 1000])))
        removed += result.rowcount  # type: ignore[attr-defined]
    organizations_removed = 0
    if created_organizations:
        result = session.execute(
            delete(Organization).where(col(Organization.id).in_(created_organizations))
        )
        organizations_removed = result.rowcount  # type: ignore[attr-defined]
    refresh_rollups(session=session, fact=table.name, years=years)
    return UndoSummary(
        batch_id=batch_id,
        kind=kind,
        rows_removed=removed,
        rows_restored=len(restored),
        organizations_removed=organizations_removed,
    )


def _refuse_if_changed_later(session: Session, batch_id: int, table_name: str) -> None:
    """Later loads still in place that overwrote rows last written by this one."""
    later = session.execute(
        select(col(RowChange.batch_id), col(RowChange.previous))
        .join(ImportBatch, col(ImportBatch.id) == col(RowChange.batch_id))
        .where(
            col(RowChange.batch_id) > batch_id,
            col(RowChange.table_name) == table_name,
            col(ImportBatch.undone_at).is_(None),
        )
    ).all()
    blocking: dict[int, int] = {}
    for later_id, previous in later:
        if json.loads(previous).get("batch_id") == batch_id:
            blocking[later_id] = blocking.get(later_id, 0) + 1
    if blocking:
        raise UndoRefused(
            "undo.later_loads",
            batch=batch_id,
            later=", ".join(f"#{number}" for number in sorted(blocking)),
            rows=sum(blocking.values()),
        )


def _refuse_if_organizations_in_use(
    session: Session, batch_id: int, organization_ids: set[int], kind: DataKind
) -> None:
    """Organisations this load created that rows of other loads still point to."""
    if not organization_ids:
        return
    ids = sorted(organization_ids)
    users: set[int | None] = set()
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        users.update(
            session.scalars(
                select(col(Membership.batch_id)).where(
                    col(Membership.organization_id).in_(chunk),
                    col(Membership.batch_id) != batch_id,
                )
            ).all()
        )
        users.update(
            session.scalars(
                select(col(Organization.batch_id)).where(
                    col(Organization.parent_id).in_(chunk),
                    col(Organization.id).not_in(ids),
                )
            ).all()
        )
    if users:
        raise UndoRefused(
            "undo.organizations_in_use",
            batch=batch_id,
            count=len(ids),
            later=", ".join(f"#{number}" for number in sorted(u for u in users if u)) or "?",
        )


def _typed_row(table: Any, values: dict[str, Any]) -> dict[str, Any]:
    """A row read back from its JSON copy, each value in its column's Python type."""
    row: dict[str, Any] = {}
    for column in table.columns:
        value = values.get(column.name)
        if value is None:
            row[column.name] = None
            continue
        try:
            python_type = column.type.python_type
        except NotImplementedError:
            python_type = str
        if python_type is datetime:
            row[column.name] = datetime.fromisoformat(value)
        elif python_type is date:
            row[column.name] = date.fromisoformat(value)
        elif python_type is Decimal:
            row[column.name] = Decimal(str(value))
        elif python_type is int and not isinstance(value, bool):
            row[column.name] = int(value)
        else:
            row[column.name] = value
    return row
