"""The one write path for facts: validates every row, then writes all of them or none.

A load is one transaction: the import batch, every inserted and updated row and the previous
content of every updated row (RowChange, for undo) are committed together or not at all, so a
load killed half-way leaves nothing behind. Loads are serialised: PostgreSQL takes a
transaction-scoped advisory lock, SQLite allows one writer at a time. Should a concurrent load
still insert the same natural key first (a unique-key violation) or hold the SQLite database
past its busy timeout, the write phase is retried once from the start on the new state.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, SQLModel

from datastore import rollups
from datastore.load.idset import among, insert_rows
from datastore.load.lineage import write_successions
from datastore.load.problems import LoadRejected
from datastore.load.records import (
    CHUNK,
    VALIDATION_SHARE,
    Progress,
    digest,
    validate_rows,
)
from datastore.load.replace import claim_replaced
from datastore.load.values import clean_label
from datastore.load.versions import SHOWN, Withdrawal, take_out
from datastore.models.facts import Organization, OrganizationKind
from datastore.models.loads import ImportBatch, RowChange, RowHeld
from datastore.reference.directory import Directory
from datastore.vocabulary import MODELS, DataKind
from i18n.catalogue import t

# Any fixed number: every load takes this advisory lock on PostgreSQL.
_LOAD_LOCK = 4_104_2025


@dataclass
class LoadSummary:
    """What a load did, row by row."""

    kind: DataKind
    batch_id: int | None
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    sheet: str | None = None  # the workbook's sheet read; None for a CSV file
    # A replace: the load replaced, and what taking its rows out did.
    replaces: int | None = None
    removed: int = 0
    restored: int = 0  # given back the values of an earlier load
    kept: int = 0  # left because another load in place holds them
    kept_by: tuple[int, ...] = ()
    # Some rows of each change (added, updated, removed, restored) as (change, table, row).
    shown: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class BatchInfo:
    """Who loads what, from where."""

    file_name: str
    checksum: str = ""
    created_by: str = "system"
    is_demo: bool = False
    # The source label of every written row; None: "Lượt nạp #<batch id>: <file name>".
    source: str | None = None
    keep_row_source: bool = False  # the seed labels each row with its article
    replaces: int | None = None  # an earlier load of the same kind that this one replaces


def load_rows(
    *,
    session: Session,
    kind: DataKind,
    rows: Iterable[Mapping[str, Any]],
    batch: BatchInfo,
    first_row_number: int = 2,
    row_numbers: Sequence[int] | None = None,
    dry_run: bool = False,
    directory: Directory | None = None,
    progress: Progress | None = None,
) -> LoadSummary:
    """Validate all rows of one kind, then insert new ones and update changed ones atomically."""
    # Rows are numbered from `first_row_number`, or by `row_numbers` (the spreadsheet rows they
    # came from); LoadRejected lists every problem before anything is written. `progress` gets
    # the fraction done, per chunk of validation and of writing.
    records, problems = validate_rows(
        session=session,
        kind=kind,
        rows=rows,
        first_row_number=first_row_number,
        row_numbers=row_numbers,
        directory=directory,
        progress=progress,
        keep_row_source=batch.keep_row_source,
    )
    if problems:
        raise LoadRejected(problems)
    for attempt in (1, 2):
        try:
            summary = _write_all(session, kind, records, batch, dry_run=dry_run, progress=progress)
        except (IntegrityError, OperationalError) as error:
            session.rollback()
            if attempt == 2 or not _is_conflict(error):
                raise
            continue
        except BaseException:
            session.rollback()
            raise
        if progress is not None:
            progress(1.0)
        return summary
    raise AssertionError("unreachable")  # pragma: no cover


def load_source(batch_id: int, file_name: str) -> str:
    """The source label of rows written by a user's load."""
    return t("load.source", "vi", batch=batch_id, file=file_name)[:255]


def take_load_lock(session: Session) -> None:
    """Serialise loads and undos: a PostgreSQL advisory lock, held until the transaction ends."""
    # On SQLite the first write of the transaction takes the database's single write lock.
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOAD_LOCK})


def _is_conflict(error: IntegrityError | OperationalError) -> bool:
    """Whether a failed write may succeed on a retry: a concurrent insert, a busy database."""
    if isinstance(error, IntegrityError):
        return True
    return "locked" in str(error.orig).lower() or "busy" in str(error.orig).lower()


def _write_all(
    session: Session,
    kind: DataKind,
    records: list[dict[str, Any]],
    batch: BatchInfo,
    *,
    dry_run: bool,
    progress: Progress | None,
) -> LoadSummary:
    """The write phase, in one transaction, with the load lock held."""
    # The batch row is written first, so that SQLite takes its write lock before the existing
    # rows are read: a concurrent load then waits instead of working on a stale state.
    model = MODELS[kind]
    summary = LoadSummary(kind=kind, batch_id=None, rows=len(records), dry_run=dry_run)
    batch_row = ImportBatch(
        kind=kind,
        file_name=clean_label(batch.file_name)[:255],
        checksum=batch.checksum,
        source=clean_label(batch.source)[:255],
        created_at=datetime.now(UTC),
        created_by=clean_label(batch.created_by)[:80],
        is_demo=batch.is_demo,
    )
    take_load_lock(session)
    session.add(batch_row)
    session.flush()
    assert batch_row.id is not None
    summary.batch_id = batch_row.id
    if batch.source is None:
        batch_row.source = load_source(batch_row.id, batch_row.file_name)
    rows = [_row_to_write(record, batch, batch_row) for record in records]
    if batch.replaces is not None:
        claim_replaced(session, batch.replaces, kind=kind, by=batch_row)
    if kind == "members":
        _link_organizations(session, records, rows, batch_row)
    table = model.__table__  # type: ignore[attr-defined]
    for start in range(0, len(rows), CHUNK):
        _write_chunk(session, model, rows[start : start + CHUNK], batch_row, summary)
        if progress is not None and rows:
            done = min(start + CHUNK, len(rows)) / len(rows)
            progress(VALIDATION_SHARE + (1 - VALIDATION_SHARE) * 0.99 * done)
    # Before a replace takes rows out: those then change the rollups on their own.
    rollups.add_load(session=session, table=table, batch_id=batch_row.id)
    if kind == "organizations":
        write_successions(session, records, batch_row.id)
    if batch.replaces is not None:
        _take_out_replaced(session, kind, batch.replaces, batch_row, summary)
    batch_row.rows_added = summary.added
    batch_row.rows_updated = summary.updated
    batch_row.rows_unchanged = summary.unchanged
    session.add(batch_row)
    if dry_run:
        session.rollback()
        summary.batch_id = None
    else:
        rollups.apply_changes(session=session, table=table)
        session.commit()
    return summary


def _row_to_write(
    record: dict[str, Any], batch: BatchInfo, batch_row: ImportBatch
) -> dict[str, Any]:
    """A validated record as the row to write: the load's source unless the seed keeps its own."""
    row = {k: v for k, v in record.items() if k[0] != "_"}
    if not (batch.keep_row_source and row.get("source")):
        row["source"] = batch_row.source
    row["batch_id"] = batch_row.id
    return row


def _write_chunk(
    session: Session,
    model: type[SQLModel],
    rows: list[dict[str, Any]],
    batch: ImportBatch,
    summary: LoadSummary,
) -> None:
    """Insert the rows whose key is new, update those whose content changed."""
    table = model.__table__  # type: ignore[attr-defined]
    keys = [row["row_key"] for row in rows]
    existing = {
        key: (row_id, row_hash)
        for row_id, key, row_hash in session.execute(
            select(table.c.id, table.c.row_key, table.c.row_hash).where(
                among(session, table.c.row_key, keys)
            )
        )
    }
    new_rows: list[dict[str, Any]] = []
    changed_rows: list[dict[str, Any]] = []
    held: list[dict[str, Any]] = []
    for row in rows:
        found = existing.get(row["row_key"])
        if found is None:
            new_rows.append(row)
        elif found[1] != row["row_hash"]:
            changed_rows.append({**row, "id": found[0]})
        else:
            held.append(_held(batch, table.name, found[0], row["row_hash"]))
    if new_rows:
        insert_rows(session, table, new_rows)
        summary.added += len(new_rows)
    if changed_rows:
        changed_ids = [row["id"] for row in changed_rows]
        _record_previous(session, table, changed_ids, batch)
        rollups.take_rows(session=session, table=table, ids=changed_ids)
        session.execute(update(model), changed_rows)
        summary.updated += len(changed_rows)
    if held:
        # So that undoing the load that wrote these rows leaves them to this one.
        session.execute(insert(RowHeld), held)
        summary.unchanged += len(held)
    for change, shown in (("added", new_rows), ("updated", changed_rows)):
        room = SHOWN - sum(1 for done, _, _ in summary.shown if done == change)
        summary.shown.extend((change, table.name, row) for row in shown[: max(room, 0)])


def _held(batch: ImportBatch, table_name: str, row_id: int, row_hash: str) -> dict[str, Any]:
    """A RowHeld row: `batch` loaded this row again as it was."""
    return {"batch_id": batch.id, "table_name": table_name, "row_id": row_id, "row_hash": row_hash}


def _take_out_replaced(
    session: Session, kind: DataKind, replaced: int, batch: ImportBatch, summary: LoadSummary
) -> None:
    """The replaced load's rows the new file has not: removed, or as another load has them."""
    assert batch.id is not None
    done = Withdrawal()
    take_out(session, kind=kind, gone=replaced, done=done, record_for=batch.id)
    table_name = MODELS[kind].__table__.name  # type: ignore[attr-defined]
    summary.replaces = replaced
    summary.removed = done.removed.get(table_name, 0)
    summary.restored = done.restored.get(table_name, 0)
    summary.kept = sum(done.kept.values())
    summary.kept_by = tuple(sorted(done.kept))
    summary.shown.extend(shown for shown in done.shown if shown[1] == table_name)


def _record_previous(session: Session, table: Any, row_ids: list[int], batch: ImportBatch) -> None:
    """Keep what the rows held before this load changes them, so the load can be undone."""
    # FOR UPDATE (PostgreSQL): read the latest committed content and hold it until commit.
    statement = select(table).where(table.c.id.in_(row_ids)).with_for_update()
    previous = session.execute(statement).mappings().all()
    session.execute(
        insert(RowChange),
        [
            {
                "batch_id": batch.id,
                "table_name": table.name,
                "row_id": row["id"],
                "previous": json.dumps(dict(row), default=str, ensure_ascii=False),
            }
            for row in previous
        ],
    )


def _link_organizations(
    session: Session,
    records: list[dict[str, Any]],
    rows: list[dict[str, Any]],
    batch: ImportBatch,
) -> None:
    """Members rows may name an association not loaded before: create it, then link the rows."""
    # Read under the load lock, so that two loads never create the same association; one created
    # here belongs to the load (its batch) and goes when the load is undone.
    organizations = {org.row_key: org for org in session.scalars(select(Organization))}
    used: dict[int, str] = {}  # existing associations the rows point to, and their content
    for record, row in zip(records, rows, strict=True):
        key = record["_organization_key"]
        organization = organizations.get(key)
        if organization is not None and organization.batch_id != batch.id:
            assert organization.id is not None
            used[organization.id] = _association_hash(row)
        if organization is None:
            organization = Organization(
                kind=OrganizationKind.FRIENDSHIP_ASSOCIATION.value,
                name=record["_organization_name"],
                province_id=row["province_id"],
                country_code=row["country_code"],
                source=row["source"],
                batch_id=batch.id,
                row_key=key,
                row_hash=_association_hash(row),
            )
            session.add(organization)
            session.flush()
            organizations[key] = organization
        row["organization_id"] = organization.id
    if used:
        # Undoing the load that loaded one of these leaves it to this load, as it would create it.
        held = [_held(batch, "organization", i, row_hash) for i, row_hash in used.items()]
        session.execute(insert(RowHeld), held)


def _association_hash(row: dict[str, Any]) -> str:
    """The content hash of an association a members row creates."""
    # As an organizations load would hash it (no district, date, parent), so that loading the
    # organisations extract back changes nothing.
    return digest(
        OrganizationKind.FRIENDSHIP_ASSOCIATION.value, row["country_code"], None, None, None
    )
