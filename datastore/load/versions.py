"""Taking a load's rows out: each row gets what the latest load still in place says of it.

A row is held by the load that wrote it (its batch_id), by the loads whose earlier versions of
it RowChange keeps, and by the loads that loaded it again unchanged (RowHeld). When a load is
undone or replaced, each row it owns or changed takes the version of the latest load still in
place that holds it (owned by that load), or goes when no such load remains. So a later load's
rows stay as it loaded them, an earlier load's values come back, and no row is left owned by an
undone load. An organisation that rows still in place point to is never removed: it is handed
to the load of those rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlmodel import Session, col

from datastore import rollups
from datastore.load.idset import row_ids
from datastore.load.lineage import LINK, settle_successions
from datastore.models.facts import Membership, Organization
from datastore.models.loads import ImportBatch, RowChange, RowHeld
from datastore.vocabulary import MODELS, DataKind

CHUNK = 1000
SHOWN = 20  # rows kept for a preview, per kind of change
ORGANIZATION = Organization.__table__  # type: ignore[attr-defined]


@dataclass
class Withdrawal:
    """What taking a load's rows out of one or more tables did."""

    removed: dict[str, int] = field(default_factory=dict)  # table -> rows removed
    restored: dict[str, int] = field(default_factory=dict)  # given an earlier load's values
    kept: dict[int, int] = field(default_factory=dict)  # load -> rows kept because it holds them
    shown: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # change, table, row
    pending: dict[str, list[int]] = field(default_factory=dict)  # table -> rows to remove
    # Rows to write back, and RowChange rows to insert, in one statement each (per table).
    writes: list[dict[str, Any]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)

    def keep(self, batch_id: int) -> None:
        self.kept[batch_id] = self.kept.get(batch_id, 0) + 1

    def count(self, counts: dict[str, int], table: Table, rows: int = 1) -> None:
        counts[table.name] = counts.get(table.name, 0) + rows

    def show(self, change: str, table: Table, row: dict[str, Any]) -> None:
        if sum(1 for shown, _, _ in self.shown if shown == change) < SHOWN:
            self.shown.append((change, table.name, row))


def active_loads(session: Session) -> dict[int, str]:
    """Every load still in place, with the source label of its rows."""
    statement = select(col(ImportBatch.id), col(ImportBatch.source)).where(
        col(ImportBatch.undone_at).is_(None)
    )
    return {batch_id: source for batch_id, source in session.execute(statement)}


def take_out(
    session: Session, *, kind: DataKind, gone: int, done: Withdrawal, record_for: int | None = None
) -> None:
    """Take load `gone` out of its table (and the associations a members load created)."""
    # Associations first get their versions (a members row put back needs its association),
    # and go last, once the members rows pointing to them are gone.
    active = active_loads(session)
    table = MODELS[kind].__table__  # type: ignore[attr-defined]
    tables = [ORGANIZATION, table] if kind == "members" else [table]
    for each in tables:
        withdraw(session, table=each, gone=gone, active=active, done=done, record_for=record_for)
    for each in reversed(tables):
        remove(session, table=each, done=done, record_for=record_for)
    if kind == "organizations":
        # Links have no load of their own: they follow the loads in place (load.lineage).
        done.count(done.restored, LINK, settle_successions(session, gone=gone, active=active))


def withdraw(
    session: Session,
    *,
    table: Table,
    gone: int,
    active: dict[int, str],
    done: Withdrawal,
    record_for: int | None = None,
) -> None:
    """Give every row that load `gone` owns or changed the version of the latest load in place.

    Rows no load in place holds are listed in `done.pending`, for `remove` (organisations go
    after the rows that point to them). `record_for`: the load doing this (a replace), under
    which every change is recorded so that undoing it puts the rows back.
    """
    owned = select(table.c.id).where(table.c.batch_id == gone)
    changed = select(col(RowChange.row_id)).where(
        col(RowChange.batch_id) == gone, col(RowChange.table_name) == table.name
    )
    candidates = owned.union(changed).subquery()
    changes: dict[int, list[tuple[int, str]]] = {}
    for row_id, batch_id, previous in session.execute(
        select(col(RowChange.row_id), col(RowChange.batch_id), col(RowChange.previous))
        .where(col(RowChange.table_name) == table.name)
        .where(col(RowChange.row_id).in_(select(candidates.c.id)))
        .order_by(col(RowChange.id))
    ):
        changes.setdefault(row_id, []).append((batch_id, previous))
    held: dict[int, dict[int, str]] = {}
    for row_id, batch_id, row_hash in session.execute(
        select(col(RowHeld.row_id), col(RowHeld.batch_id), col(RowHeld.row_hash))
        .where(col(RowHeld.table_name) == table.name)
        .where(col(RowHeld.row_id).in_(select(candidates.c.id)))
    ):
        held.setdefault(row_id, {})[batch_id] = row_hash
    with_history = sorted(set(changes) | set(held))
    current = _rows(session, table, with_history)
    for row_id in with_history:
        versions = [
            (batch_id, _typed_row(table, json.loads(previous)))
            for batch_id, previous in changes.get(row_id, [])
        ]
        _settle(
            session,
            table,
            row_id,
            current.get(row_id),
            versions,
            held.get(row_id, {}),
            gone=gone,
            active=active,
            done=done,
            record_for=record_for,
        )
    _flush(session, table, done)
    history = set(with_history)
    pending = done.pending.setdefault(table.name, [])
    pending.extend(i for i in session.scalars(owned) if i not in history)
    _count_overwritten(session, table, gone, history, active, done, record_for)


def _count_overwritten(
    session: Session,
    table: Table,
    gone: int,
    settled: set[int],
    active: dict[int, str],
    done: Withdrawal,
    record_for: int | None,
) -> None:
    """Rows `gone` wrote that a later load in place changed since: they stay, and are counted."""
    # The JSON text is searched first (written by json.dumps, so spaced the same way), then
    # read, so that batch 1 does not match batch 12.
    found = session.execute(
        select(col(RowChange.row_id), col(RowChange.batch_id), col(RowChange.previous)).where(
            col(RowChange.table_name) == table.name,
            col(RowChange.batch_id) > gone,
            col(RowChange.previous).contains(f'"batch_id": {gone}'),
        )
    )
    kept: dict[int, int] = {}
    for row_id, batch_id, previous in found:
        if row_id in settled or batch_id not in active or batch_id == record_for:
            continue
        if json.loads(previous).get("batch_id") == gone:
            kept.setdefault(row_id, batch_id)
    for batch_id in kept.values():
        done.keep(batch_id)


def remove(
    session: Session, *, table: Table, done: Withdrawal, record_for: int | None = None
) -> None:
    """Delete the rows `withdraw` found no load in place for; organisations still used stay."""
    # Newest first: an organisation's children were most likely loaded after it.
    ids = sorted(set(done.pending.pop(table.name, [])), reverse=True)
    if table is ORGANIZATION:
        ids = _hand_over_used(session, ids, done, record_for)
    if record_for is not None:  # a replace: kept for its undo, and shown in its preview
        for start in range(0, len(ids), CHUNK):
            for row in _rows(session, table, ids[start : start + CHUNK]).values():
                _record(session, table, row, record_for)
                done.show("removed", table, row)
    if not ids:
        return
    # Set-wise: their counts leave the rollups, then they go, each in one statement.
    removed = row_ids(session, ids)
    rollups.take_rows(session=session, table=table, ids=removed)
    result = session.execute(delete(table).where(table.c.id.in_(removed)))
    done.count(done.removed, table, result.rowcount)  # type: ignore[attr-defined]


def _settle(
    session: Session,
    table: Table,
    row_id: int,
    row: dict[str, Any] | None,
    versions: list[tuple[int, dict[str, Any]]],
    held: dict[int, str],
    *,
    gone: int,
    active: dict[int, str],
    done: Withdrawal,
    record_for: int | None,
) -> None:
    """One row: the version of the latest load in place holding it, kept, restored or removed."""
    # Versions: the content before each change (RowChange, owned by the load that had written
    # it), and the row itself. A row id SQLite handed out again after a delete has other keys.
    known = [(prev["batch_id"], prev) for _, prev in versions]
    if row is not None:
        known.append((row["batch_id"], row))
    if not known:
        return
    key = row["row_key"] if row is not None else known[-1][1]["row_key"]
    known = [(owner, content) for owner, content in known if content["row_key"] == key]
    holders = {owner for owner, _ in known} | set(held)
    target: dict[str, Any] | None = None
    holder = None
    for candidate in sorted((b for b in holders if b in active and b != gone), reverse=True):
        found = _version_of(candidate, known, held.get(candidate))
        if found is not None:
            holder, target = candidate, found
            if found["batch_id"] != candidate:
                target = {**found, "batch_id": candidate, "source": active[candidate]}
            break
    if target is None or holder is None:
        if row is not None:
            done.pending.setdefault(table.name, []).append(row_id)
        return
    counted = holder != record_for
    if row is None:
        _put_back(session, table, row_id, target, done)
    elif target != row:
        if record_for is not None:
            done.records.append(_change(table, row, record_for))
        done.writes.append({**target, "id": row_id})
        if holder < gone and counted:
            done.count(done.restored, table)
            done.show("restored", table, target)
        elif counted:
            done.keep(holder)
    elif holder > gone and counted:
        done.keep(holder)


def _version_of(
    holder: int, known: list[tuple[int, dict[str, Any]]], held_hash: str | None
) -> dict[str, Any] | None:
    """What `holder` loaded: a version it owned, else one with the content it held."""
    owned = [content for owner, content in known if owner == holder]
    same = [content for _, content in known if held_hash and content["row_hash"] == held_hash]
    found = owned or same
    return found[-1] if found else None


def _put_back(
    session: Session, table: Table, row_id: int, target: dict[str, Any], done: Withdrawal
) -> None:
    """A row a replace took out comes back; if a later load added its key since, it stays."""
    taken = session.execute(
        select(table.c.id, table.c.batch_id).where(table.c.row_key == target["row_key"])
    ).first()
    if taken is not None:
        # Undoing that later load then gives this version back, as it would have had the load
        # found it in place.
        if taken.batch_id is not None:
            _record(session, table, {**target, "id": taken.id}, taken.batch_id)
            done.keep(taken.batch_id)
        return
    id_free = session.scalar(select(func.count()).where(table.c.id == row_id)) == 0
    values = _data(target) | ({"id": row_id} if id_free else {})
    added = session.execute(insert(table).values(**values))
    put_back = added.inserted_primary_key[0]  # type: ignore[attr-defined]
    rollups.add_rows(session=session, table=table, ids=[put_back])
    done.count(done.restored, table)
    done.show("restored", table, target)


def _hand_over_used(
    session: Session, ids: list[int], done: Withdrawal, record_for: int | None
) -> list[int]:
    """Organisations that members rows or other organisations still point to are handed to the
    load of those rows; the others are returned, to be removed."""
    users: dict[int, int | None] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for organization_id, batch_id in session.execute(
            select(col(Membership.organization_id), func.min(col(Membership.batch_id)))
            .where(col(Membership.organization_id).in_(chunk))
            .group_by(col(Membership.organization_id))
        ):
            users[organization_id] = batch_id
        for parent_id, batch_id in session.execute(
            select(col(Organization.parent_id), func.min(col(Organization.batch_id)))
            .where(col(Organization.parent_id).in_(chunk), col(Organization.id).not_in(ids))
            .group_by(col(Organization.parent_id))
        ):
            users.setdefault(parent_id, batch_id)
    handed = {i: b for i, b in users.items() if b is not None}  # rows of no load: left as are
    statement = select(col(ImportBatch.id), col(ImportBatch.source)).where(
        col(ImportBatch.id).in_(set(handed.values()))
    )
    sources: dict[int, str] = {batch_id: source for batch_id, source in session.execute(statement)}
    for organization_id, row in _rows(session, ORGANIZATION, handed).items():
        _record(session, ORGANIZATION, row, record_for)
        batch_id = handed[organization_id]
        session.execute(
            update(ORGANIZATION)
            .where(ORGANIZATION.c.id == organization_id)
            .values(batch_id=batch_id, source=sources.get(batch_id, row["source"]))
        )
        done.keep(batch_id)
    return [i for i in ids if i not in users]


def _record(session: Session, table: Table, row: dict[str, Any], record_for: int | None) -> None:
    """Keep a row's content before a change, under the load making it (none for an undo)."""
    if record_for is not None:
        session.execute(insert(RowChange).values(**_change(table, row, record_for)))


def _change(table: Table, row: dict[str, Any], record_for: int) -> dict[str, Any]:
    """The RowChange row keeping `row` as it was, under load `record_for`."""
    return {
        "batch_id": record_for,
        "table_name": table.name,
        "row_id": row["id"],
        "previous": json.dumps(row, default=str, ensure_ascii=False),
    }


def _flush(session: Session, table: Table, done: Withdrawal) -> None:
    """Write the rows `_settle` gave new versions, and the records of what they were."""
    if done.records:
        session.execute(insert(RowChange), done.records)
        done.records.clear()
    if not done.writes:
        return
    names = [column.name for column in table.columns if column.name != "id"]
    # Parameter names apart from the column names, which SQLAlchemy keeps for itself.
    statement = (
        update(table)
        .where(table.c.id == bindparam("w_id"))
        .values({name: bindparam(f"w_{name}") for name in names})
    )
    values = [
        {"w_id": row["id"], **{f"w_{name}": row[name] for name in names}} for row in done.writes
    ]
    ids = [row["id"] for row in done.writes]
    done.writes.clear()
    rollups.take_rows(session=session, table=table, ids=ids)
    for start in range(0, len(values), CHUNK):
        session.execute(statement, values[start : start + CHUNK])
    rollups.add_rows(session=session, table=table, ids=ids)


def _rows(session: Session, table: Table, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """The rows with these ids, as dicts."""
    wanted = list(ids)
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(wanted), CHUNK):
        statement = select(table).where(table.c.id.in_(wanted[start : start + CHUNK]))
        found.update({row["id"]: dict(row) for row in session.execute(statement).mappings()})
    return found


def _data(row: dict[str, Any]) -> dict[str, Any]:
    """A row's columns but its id."""
    return {name: value for name, value in row.items() if name != "id"}


def _typed_row(table: Table, values: dict[str, Any]) -> dict[str, Any]:
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
