"""Undo never takes what a later load still holds, and leaves nothing owned by an undone load.

Each test runs on SQLite and on PostgreSQL (the `session` fixture).
"""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import Session, col, select

from datastore.load.imports import import_file
from datastore.load.undo import undo_load
from datastore.models.facts import Membership, Organization
from datastore.models.loads import ImportBatch
from datastore.vocabulary import DataKind
from tests.utils.bad_files import csv_bytes
from tests.utils.small_dataset import CAMBODIA_DONG_NAI, EXCHANGES, MEMBERS

LAO_DONG_NAI = "Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai"


def load(session: Session, kind: DataKind, data: list[dict[str, Any]], name: str) -> Any:
    return import_file(
        session=session,
        kind=kind,
        data=csv_bytes(kind, data) if kind != "organizations" else _organizations_csv(data),
        file_name=name,
        created_by="cán bộ",
    )


def _organizations_csv(data: list[dict[str, Any]]) -> bytes:
    columns = ["kind", "organization", "province", "partner_country", "district"]
    return csv_bytes("organizations", data, columns=columns)


def exchanges(count: int, **cells: Any) -> list[dict[str, Any]]:
    """`count` delegations on different days of April 2014."""
    return [
        {**EXCHANGES[0], "date": f"{day + 1:02d}/04/2014", "title": f"Đoàn {day + 1}", **cells}
        for day in range(count)
    ]


def fingerprint(session: Session, table: str) -> set[tuple[str, str]]:
    """What a table says, whatever the row ids and labels: (natural key, content hash)."""
    found = session.execute(text(f"SELECT row_key, row_hash FROM {table}")).all()
    session.rollback()
    return {(key, content) for key, content in found}


def owned_by_undone_loads(session: Session) -> list[tuple[str, int, int]]:
    """(table, row id, load) of every row whose load is undone: there must be none."""
    found = []
    for table in ("organization", "membership", "aid", "exchange"):
        found += [
            (table, row_id, batch_id)
            for row_id, batch_id in session.execute(
                text(
                    f"SELECT t.id, t.batch_id FROM {table} t JOIN importbatch b "
                    "ON b.id = t.batch_id WHERE b.undone_at IS NOT NULL"
                )
            )
        ]
    session.rollback()
    return found


# A later load's rows stay -------------------------------------------------------------------


def test_undoing_a_load_keeps_the_rows_a_later_load_loaded_unchanged(session: Session) -> None:
    first = load(session, "exchanges", exchanges(3), "a.csv").batch_id
    second = load(session, "exchanges", exchanges(4), "b.csv")  # A's three rows and one more
    assert (second.added, second.unchanged) == (1, 3)
    held = fingerprint(session, "exchange")

    undone = undo_load(session=session, batch_id=first, user="x")

    assert fingerprint(session, "exchange") == held  # B keeps its 4 rows, not 1
    assert (undone.rows_removed, undone.rows_restored, undone.rows_kept) == (0, 0, 3)
    assert undone.kept_by == (second.batch_id,)
    assert owned_by_undone_loads(session) == []
    sources = set(session.execute(text("SELECT source FROM exchange")).scalars())
    assert sources == {f"Lượt nạp #{second.batch_id}: b.csv"}
    undo_load(session=session, batch_id=second.batch_id, user="x")
    assert fingerprint(session, "exchange") == set()


def test_undoing_a_load_keeps_the_rows_a_later_load_corrected_with_their_corrected_values(
    session: Session,
) -> None:
    first = load(session, "exchanges", exchanges(3), "a.csv").batch_id
    second = load(session, "exchanges", exchanges(2, participants=99), "b.csv").batch_id
    held_by_second = fingerprint(session, "exchange")

    undone = undo_load(session=session, batch_id=first, user="x")

    assert (undone.rows_removed, undone.rows_kept, undone.kept_by) == (1, 2, (second,))
    assert len(fingerprint(session, "exchange")) == 2
    assert fingerprint(session, "exchange") < held_by_second
    participants = session.execute(text("SELECT participants FROM exchange")).scalars().all()
    assert participants == [99, 99]
    undone = undo_load(session=session, batch_id=second, user="x")
    assert (undone.rows_removed, undone.rows_restored) == (2, 0)  # A's values are not back
    assert fingerprint(session, "exchange") == set()


@pytest.mark.parametrize("seed", range(4))
def test_after_any_loads_and_undos_the_table_says_what_the_loads_still_in_place_say(
    session: Session, seed: int
) -> None:
    # The oracle: loading the files of the loads still in place, in their order, into an empty
    # table gives the same keys and contents as what undo left.
    rng = random.Random(seed)
    files: dict[int, list[dict[str, Any]]] = {}
    for number in range(5):
        chosen = rng.sample(range(6), rng.randint(1, 6))
        rows = [{**exchanges(6)[day], "participants": rng.choice((1, 2))} for day in sorted(chosen)]
        files[load(session, "exchanges", rows, f"{number}.csv").batch_id] = rows
    order = list(files)
    rng.shuffle(order)
    active = list(files)
    for batch_id in order:
        undo_load(session=session, batch_id=batch_id, user="x")
        active.remove(batch_id)
        assert fingerprint(session, "exchange") == _replayed(files, active), (order, batch_id)
        assert owned_by_undone_loads(session) == []


def _replayed(files: dict[int, list[dict[str, Any]]], active: list[int]) -> set[tuple[str, str]]:
    """The keys and contents loading these files in order gives, in a scratch database."""
    from datastore.load.records import validate_rows

    with Session(_scratch()) as scratch:
        state: dict[str, str] = {}
        for batch_id in sorted(active):
            records, problems = validate_rows(
                session=scratch, kind="exchanges", rows=files[batch_id]
            )
            assert problems == []
            state.update({record["row_key"]: record["row_hash"] for record in records})
    return set(state.items())


_SCRATCH: list[Any] = []


def _scratch() -> Any:
    """An engine on an empty, migrated SQLite database, for validating rows (made once)."""
    if not _SCRATCH:
        import tempfile

        from datastore.db import get_engine
        from datastore.migrate import migrate

        url = f"sqlite:///{tempfile.mkdtemp()}/scratch.sqlite3"
        migrate(url)
        _SCRATCH.append(get_engine(url))
    return _SCRATCH[0]


# Organisations ------------------------------------------------------------------------------


def _association(**cells: Any) -> dict[str, Any]:
    return {
        "kind": "friendship_association",
        "organization": CAMBODIA_DONG_NAI,
        "province": "Đồng Nai",
        "partner_country": "Campuchia",
        **cells,
    }


@pytest.mark.parametrize("district", [None, "Biên Hòa"], ids=["unchanged", "corrected"])
@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_no_organisation_is_owned_by_an_undone_load_whatever_the_order_of_undos(
    session: Session, order: tuple[int, ...], district: str | None
) -> None:
    # A members load creates two associations; an organisations load loads one of them (as it
    # was, or with its district); a later members load uses it too.
    batches = [
        load(session, "members", MEMBERS[1:3], "hoi_vien_2019.csv").batch_id,
        load(session, "organizations", [_association(district=district)], "to_chuc.csv").batch_id,
        load(session, "members", [MEMBERS[3]], "hoi_vien_2020.csv").batch_id,
    ]
    for step, index in enumerate(order):
        undo_load(session=session, batch_id=batches[index], user="x")
        assert owned_by_undone_loads(session) == [], (order, step)
        active = [batches[i] for i in range(3) if i not in order[: step + 1]]
        names = set(session.scalars(select(Organization.name)).all())
        # Every load still in place keeps the associations it loaded or used.
        expected = {CAMBODIA_DONG_NAI} if active else set()
        if batches[0] in active:
            expected.add(LAO_DONG_NAI)
        assert names == expected, (order, step)
        districts = set(
            session.scalars(
                select(Organization.district).where(Organization.name == CAMBODIA_DONG_NAI)
            ).all()
        )
        # Its district while the organisations load is in place, as the members rows made it
        # otherwise.
        assert districts == ({district} if batches[1] in active else {None} if active else set())
        memberships = session.scalars(select(Membership.batch_id)).all()
        assert set(memberships) <= set(active)
    in_place = select(ImportBatch.id).where(col(ImportBatch.undone_at).is_(None))
    assert session.scalars(in_place).all() == []
