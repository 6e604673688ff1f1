"""Matching keys that keep every script: rows whose key changes are re-keyed, merges reported.

Until this revision a key dropped every letter outside the Latin alphabet, so two delegations
with Cyrillic titles, or a Russian- and a Chinese-named association, had one key and the second
file overwrote the first. The key now keeps them (datastore.vietnamese.fold). This revision
recomputes `row_key` of organisations, memberships, aid and exchanges (and of the rows kept in
the undo records), changing only the keys that differ, and reports on the `datastore.migrations`
logger (a warning per finding, printed to standard error when logging is not configured):

- rows that two files merged before: a load's undo record holds content that the new key tells
  apart from what the row holds now. Both stay exactly as they are (the row as the later file
  wrote it, the earlier content in the undo record); undoing that load and loading its file
  again keeps both records.
- rows that now share a key (names written with compatibility forms such as full-width letters,
  which the key now reads as ordinary ones): the row whose key is unchanged, else the oldest,
  keeps the key; the other is left as it is with a key no file produces, so no file merges them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 10:00:00
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_log = logging.getLogger("datastore.migrations")

# The key as datastore.vietnamese.fold and datastore.load.records build it at this revision,
# written out here: a migration keeps meaning what it meant when it was written.
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SHARED_MARKS = (
    (0x0300, 0x036F),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),
)


def _fold_character(ch: str) -> str:
    """One character of NFKC, case-folded text as it appears in a key."""
    if ch == "đ":
        return "d"
    if any(first <= ord(ch) <= last for first, last in _SHARED_MARKS):
        return ""
    if unicodedata.name(ch, "").startswith("LATIN "):
        return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    if ch.isalnum() or unicodedata.category(ch)[0] == "M":
        return ch
    return ""


class _FoldTable(dict[int, str]):
    def __missing__(self, code: int) -> str:
        self[code] = _fold_character(chr(code))
        return self[code]


_FOLD_TABLE = _FoldTable()


def _fold(text: str) -> str:
    """Case and Latin diacritics folded, spaces and punctuation dropped, every script kept."""
    if text.isascii():
        return _NON_ALNUM.sub("", text.lower())
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return folded.translate(_FOLD_TABLE)


def _digest(*parts: object) -> str:
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# Per table: the columns its key is built from, and the one that names a row in the report.
_KEY_COLUMNS: dict[str, tuple[tuple[str, sa.types.TypeEngine[Any]], ...]] = {
    "organization": (("name", sa.String()), ("province_id", sa.Integer())),
    "membership": (("organization_id", sa.Integer()), ("year", sa.Integer())),
    "aid": (
        ("year", sa.Integer()),
        ("province_id", sa.Integer()),
        ("donor", sa.String()),
        ("sector_code", sa.String()),
        ("measure", sa.String()),
        ("title", sa.String()),
    ),
    "exchange": (
        ("date", sa.Date()),
        ("province_id", sa.Integer()),
        ("country_code", sa.String()),
        ("direction", sa.String()),
        ("kind", sa.String()),
        ("title", sa.String()),
    ),
}
_LABEL = {
    "organization": "name",
    "membership": "organization_id",
    "aid": "title",
    "exchange": "title",
}


def _key(table: str, row: Mapping[Any, Any], organization_keys: Mapping[int, str]) -> str | None:
    """The key a load computes for this content (None: its organisation is gone)."""
    if table == "organization":
        return _digest("organization", _fold(row["name"] or ""), row["province_id"])
    if table == "membership":
        organization = organization_keys.get(row["organization_id"])
        return None if organization is None else _digest("members", organization, row["year"])
    if table == "aid":
        return _digest(
            "aid",
            row["year"],
            row["province_id"],
            _fold(row["donor"] or ""),
            row["sector_code"],
            row["measure"],
            _fold(row["title"] or ""),
        )
    return _digest(
        "exchanges",
        row["date"],  # a date from the table, its ISO text from an undo record: the same str()
        row["province_id"],
        row["country_code"],
        row["direction"],
        row["kind"],
        _fold(row["title"] or ""),
    )


def _table(name: str) -> sa.TableClause:
    columns = (sa.column(column, kind) for column, kind in _KEY_COLUMNS[name])
    return sa.table(
        name, sa.column("id", sa.Integer()), sa.column("row_key", sa.String()), *columns
    )


_CHUNK = 1000


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _labels(connection: Connection, name: str, ids: Sequence[int]) -> dict[int, Any]:
    """What names each of a few rows in the report (a title, a name)."""
    table = _table(name)
    label = table.c[_LABEL[name]]
    return dict(connection.execute(sa.select(table.c.id, label).where(table.c.id.in_(ids))).all())


def _rekey(connection: Connection, name: str, organization_keys: Mapping[int, str]) -> int:
    """Give every row of a table the key a load computes now; the number of keys changed."""
    table = _table(name)
    # Only the rows whose key changes are kept in memory: a table may hold millions.
    wanted: dict[int, str] = {}
    rows = connection.execute(sa.select(table).execution_options(yield_per=10_000)).mappings()
    for row in rows:
        key = _key(name, row, organization_keys)
        if key is not None and key != row["row_key"]:
            wanted[row["id"]] = key
    holders: dict[str, int] = {}
    for chunk in _chunks(sorted(set(wanted.values()))):
        query = sa.select(table.c.row_key, table.c.id).where(table.c.row_key.in_(chunk))
        holders.update((key, row_id) for key, row_id in connection.execute(query).all())
    claimants: dict[str, list[int]] = defaultdict(list)
    for row_id, key in wanted.items():
        claimants[key].append(row_id)
    final: dict[int, str] = {}
    for key, ids in claimants.items():
        # A row that keeps its key keeps it; otherwise the oldest of those that want it.
        holder = holders.get(key)
        keeper = holder if holder is not None and holder not in wanted else min(ids)
        for other in sorted(set(ids) - {keeper}):
            final[other] = _digest("unmatched", name, other)
            labels = _labels(connection, name, [keeper, other])
            _log.warning(
                "0005: %s rows %d (%r) and %d (%r) now have the same matching key; both are "
                "kept as they are: files update row %d, and row %d keeps a key no file matches",
                name,
                keeper,
                labels.get(keeper),
                other,
                labels.get(other),
                keeper,
                other,
            )
        if keeper in wanted:
            final[keeper] = key
    if final:
        statement = (
            sa.update(table)
            .where(table.c.id == sa.bindparam("row_id"))
            .values(row_key=sa.bindparam("new_key"))
        )
        # Through a temporary key first: a row's new key may be another's old one, and the
        # unique constraint is checked row by row.
        connection.execute(statement, [{"row_id": i, "new_key": f"rekey:{i}"} for i in final])
        connection.execute(statement, [{"row_id": i, "new_key": k} for i, k in final.items()])
    _log.info("0005: %s: %d keys changed", name, len(final))
    return len(final)


def _rekey_undo_records(connection: Connection, organization_keys: Mapping[int, str]) -> None:
    """New keys in the content kept for undo; report the loads that merged two records."""
    change = sa.table(
        "rowchange",
        sa.column("id", sa.Integer()),
        sa.column("batch_id", sa.Integer()),
        sa.column("table_name", sa.String()),
        sa.column("row_id", sa.Integer()),
        sa.column("previous", sa.String()),
    )
    batch = sa.table(
        "importbatch",
        sa.column("id", sa.Integer()),
        sa.column("file_name", sa.String()),
        sa.column("undone_at", sa.DateTime()),
    )
    records = connection.execute(
        sa.select(change, batch.c.file_name, batch.c.undone_at)
        .join(batch, batch.c.id == change.c.batch_id)
        .where(change.c.table_name.in_(list(_KEY_COLUMNS)))
        .order_by(change.c.id)
        .execution_options(yield_per=_CHUNK)
    ).mappings()
    updates: list[dict[str, Any]] = []
    merged: list[tuple[Mapping[str, Any], dict[str, Any], str]] = []
    for record in records:
        name = record["table_name"]
        previous = json.loads(record["previous"])
        key = _key(name, previous, organization_keys)
        if key is None:
            continue
        if previous.get("row_key") != key:
            previous["row_key"] = key
            text = json.dumps(previous, default=str, ensure_ascii=False)
            updates.append({"change_id": record["id"], "previous_text": text})
        if record["undone_at"] is None:
            merged.append((dict(record), previous, key))
    # The load that wrote each earlier version: undo now takes back only versions under the
    # row's own key, so its file has to be sent again too.
    earlier = {entry[1].get("batch_id") for entry in merged} - {None}
    files = dict(
        connection.execute(
            sa.select(batch.c.id, batch.c.file_name).where(batch.c.id.in_(sorted(earlier)))
        ).all()
    )
    for name in _KEY_COLUMNS:
        table = _table(name)
        mine = [entry for entry in merged if entry[0]["table_name"] == name]
        for chunk in _chunks(mine):
            ids = [entry[0]["row_id"] for entry in chunk]
            found = connection.execute(sa.select(table).where(table.c.id.in_(ids))).mappings()
            rows = {row["id"]: row for row in found}
            for record, previous, key in chunk:
                row = rows.get(record["row_id"])
                if row is None or _key(name, row, organization_keys) == key:
                    continue
                _log.warning(
                    "0005: %s row %d: load #%d (%r) replaced %r with %r, two records under the "
                    "new key; both are kept as they were (the earlier one in the load's undo "
                    "record): undo load #%d, then load again the file of load #%s (%r) and %r "
                    "to keep both",
                    name,
                    record["row_id"],
                    record["batch_id"],
                    record["file_name"],
                    previous.get(_LABEL[name]),
                    row[_LABEL[name]],
                    record["batch_id"],
                    previous.get("batch_id"),
                    files.get(previous.get("batch_id")),
                    record["file_name"],
                )
    for chunk in _chunks(updates):
        connection.execute(
            sa.update(change)
            .where(change.c.id == sa.bindparam("change_id"))
            .values(previous=sa.bindparam("previous_text")),
            list(chunk),
        )


def upgrade() -> None:
    """Recompute the matching keys; report rows merged before and rows that now share a key."""
    connection = op.get_bind()
    organization = _table("organization")
    # Organisations first: a membership's key is built from its organisation's.
    _rekey(connection, "organization", {})
    organization_keys = dict(
        connection.execute(sa.select(organization.c.id, organization.c.row_key)).all()
    )
    for name in ("membership", "aid", "exchange"):
        _rekey(connection, name, organization_keys)
    _rekey_undo_records(connection, organization_keys)


def downgrade() -> None:
    """Keep the keys: the Latin-only ones would merge the very records this revision separated."""
