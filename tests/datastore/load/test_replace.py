"""A load that replaces an earlier one: the earlier rows the new file has not go, atomically, and
undoing the replace puts the earlier load back. On SQLite and PostgreSQL (the `session` fixture).
"""

from __future__ import annotations

import hashlib
import random
from typing import Any

import pytest
from sqlalchemy import func, text
from sqlmodel import Session, col, select

from datastore.load.imports import import_file
from datastore.load.replace import ReplaceRefused, changes_frame
from datastore.load.undo import undo_load
from datastore.models.facts import Exchange, Membership, Organization
from datastore.models.loads import ImportBatch
from datastore.vocabulary import DataKind
from tests.datastore.load.test_undo import (
    _replayed,
    exchanges,
    fingerprint,
    owned_by_undone_loads,
)
from tests.utils.bad_files import csv_bytes
from tests.utils.small_dataset import AID, MEMBERS

TABLES = ("importbatch", "rowchange", "rowheld", "organization", "membership", "aid", "exchange")


def load(
    session: Session,
    kind: DataKind,
    data: list[dict[str, Any]],
    name: str,
    **options: Any,
) -> Any:
    return import_file(
        session=session,
        kind=kind,
        data=csv_bytes(kind, data),
        file_name=name,
        created_by="cán bộ",
        **options,
    )


def digest(session: Session, tables: tuple[str, ...] = TABLES) -> dict[str, str]:
    """A fingerprint of every row, ids and labels included."""
    prints = {}
    for table in tables:
        found = session.execute(text(f"SELECT * FROM {table} ORDER BY id")).all()
        prints[table] = hashlib.sha256(repr(found).encode()).hexdigest()
    session.rollback()
    return prints


def countries(session: Session) -> list[str | None]:
    found = session.scalars(select(Exchange.country_code).order_by(col(Exchange.date))).all()
    session.rollback()
    return list(found)


def test_a_file_with_a_corrected_partner_country_replaces_the_delegation_instead_of_adding_one(
    session: Session,
) -> None:
    sent = exchanges(3)  # three delegations from Cambodia
    first = load(session, "exchanges", sent, "doan.csv").batch_id
    corrected = [*sent[:2], {**sent[2], "partner_country": "Lào"}]

    summary = load(session, "exchanges", corrected, "doan_sua.csv", replaces=first)

    assert (summary.added, summary.updated, summary.unchanged) == (1, 0, 2)
    assert (summary.removed, summary.restored, summary.kept, summary.replaces) == (1, 0, 0, first)
    assert countries(session) == ["KHM", "KHM", "LAO"]  # counted once, from Laos
    assert owned_by_undone_loads(session) == []
    replaced = session.get(ImportBatch, first)
    assert replaced is not None and replaced.undone_at is not None
    assert replaced.undone_by == "cán bộ"
    replacing = session.get(ImportBatch, summary.batch_id)
    assert replacing is not None and replacing.replaces_id == first
    sources = set(session.scalars(select(Exchange.source)).all())
    assert sources == {f"Lượt nạp #{summary.batch_id}: doan_sua.csv"}


def test_a_dry_run_of_a_replace_shows_the_rows_added_changed_and_removed_and_writes_nothing(
    session: Session,
) -> None:
    sent = exchanges(4)
    first = load(session, "exchanges", sent, "doan.csv").batch_id
    before = digest(session)
    new = [{**sent[0], "participants": 40}, sent[1], {**sent[3], "partner_country": "Lào"}]

    summary = load(session, "exchanges", new, "doan_sua.csv", replaces=first, dry_run=True)

    assert digest(session) == before
    assert summary.batch_id is None and summary.dry_run
    assert (summary.added, summary.updated, summary.unchanged, summary.removed) == (1, 1, 1, 2)
    frame = changes_frame(session=session, kind="exchanges", shown=summary.shown)
    assert list(frame.columns) == [
        "change",
        "date",
        "partner_country",
        "partner_locality",
        "participants",
        "title",
    ]
    assert frame[["change", "partner_country", "participants", "title"]].values.tolist() == [
        ["added", "LAO", "12", "Đoàn 4"],
        ["updated", "KHM", "40", "Đoàn 1"],
        ["removed", "KHM", "12", "Đoàn 3"],
        ["removed", "KHM", "12", "Đoàn 4"],
    ]


def test_undoing_a_replace_puts_the_replaced_load_back_exactly(session: Session) -> None:
    sent = exchanges(4)
    first = load(session, "exchanges", sent, "doan.csv").batch_id
    before = digest(session, ("organization", "membership", "aid", "exchange"))
    new = [{**sent[0], "participants": 40}, sent[1], {**sent[3], "partner_country": "Lào"}]
    second = load(session, "exchanges", new, "doan_sua.csv", replaces=first).batch_id

    undone = undo_load(session=session, batch_id=second, user="trưởng ban")

    # Laos's row goes; the corrected, the unchanged and the two removed rows are as they were.
    assert (undone.rows_removed, undone.rows_restored, undone.replaced) == (1, 4, first)
    # The same rows, ids, values, loads and labels as before the replace.
    assert digest(session, ("organization", "membership", "aid", "exchange")) == before
    replaced = session.get(ImportBatch, first)
    assert replaced is not None and replaced.undone_at is None and replaced.undone_by is None
    assert owned_by_undone_loads(session) == []
    # In place again, the replaced load can be undone (or replaced) as any other.
    undo_load(session=session, batch_id=first, user="x")
    assert fingerprint(session, "exchange") == set()


def test_a_replace_leaves_the_rows_another_load_in_place_also_holds(session: Session) -> None:
    sent = exchanges(3)
    first = load(session, "exchanges", sent, "a.csv").batch_id
    other = load(session, "exchanges", sent[2:], "b.csv").batch_id  # Đoàn 3 again

    summary = load(session, "exchanges", sent[:1], "a_sua.csv", replaces=first)

    assert (summary.removed, summary.kept, summary.kept_by) == (1, 1, (other,))
    titles = set(session.scalars(select(Exchange.title)).all())
    assert titles == {"Đoàn 1", "Đoàn 3"}
    owner = session.scalars(select(Exchange.batch_id).where(Exchange.title == "Đoàn 3")).one()
    assert owner == other


@pytest.mark.parametrize(
    ("replaces", "message_id", "words"),
    [
        (99, "replace.not_found", "there is no load #99 to replace"),
        (1, "replace.other_kind", "cannot replace load #1: it loaded foreign NGO aid, not exch"),
        (2, "replace.undone", "cannot replace load #2: it was undone at"),
    ],
)
def test_a_replace_of_an_unknown_undone_or_other_kind_of_load_is_refused_naming_it(
    session: Session, replaces: int, message_id: str, words: str
) -> None:
    load(session, "aid", AID, "vien_tro.csv")
    undone = load(session, "exchanges", exchanges(2), "doan.csv").batch_id
    undo_load(session=session, batch_id=undone, user="an")
    before = digest(session)
    with pytest.raises(ReplaceRefused) as refused:
        load(session, "exchanges", exchanges(1), "doan_sua.csv", replaces=replaces)
    assert refused.value.message_id == message_id
    assert refused.value.message_en.startswith(words)
    assert f"#{replaces}" in refused.value.message_vi
    assert digest(session) == before


def test_a_members_load_replaced_takes_its_associations_and_its_undo_brings_them_back(
    session: Session,
) -> None:
    first = load(session, "members", MEMBERS[:3], "hoi_vien.csv").batch_id
    before = digest(session, ("organization", "membership"))
    summary = load(session, "members", MEMBERS[1:2], "hoi_vien_sua.csv", replaces=first)
    assert (summary.unchanged, summary.removed) == (1, 2)
    names = session.scalars(select(Organization.name)).all()
    assert names == [MEMBERS[1]["organization"]]
    assert session.scalar(select(func.count()).select_from(Membership)) == 1
    assert owned_by_undone_loads(session) == []

    undo_load(session=session, batch_id=summary.batch_id, user="x")

    assert digest(session, ("organization", "membership")) == before


@pytest.mark.parametrize("seed", range(4))
def test_after_any_loads_replaces_and_undos_the_table_says_what_the_loads_in_place_say(
    session: Session, seed: int
) -> None:
    rng = random.Random(seed)
    files: dict[int, list[dict[str, Any]]] = {}
    for step in range(10):
        active = _in_place(session)
        if active and rng.random() < 0.3:
            undo_load(session=session, batch_id=rng.choice(active), user="x")
        else:
            chosen = sorted(rng.sample(range(6), rng.randint(1, 6)))
            rows = [{**exchanges(6)[day], "participants": rng.choice((1, 2))} for day in chosen]
            replaces = rng.choice(active) if active and rng.random() < 0.5 else None
            batch_id = load(session, "exchanges", rows, f"{step}.csv", replaces=replaces).batch_id
            files[batch_id] = rows
        active = _in_place(session)
        assert fingerprint(session, "exchange") == _replayed(files, active), step
        assert owned_by_undone_loads(session) == []


def _in_place(session: Session) -> list[int]:
    found = session.scalars(
        select(ImportBatch.id)
        .where(col(ImportBatch.undone_at).is_(None))
        .order_by(col(ImportBatch.id))
    ).all()
    session.rollback()
    return [batch_id for batch_id in found if batch_id is not None]
