"""Revision 0010: rows of a merged new unit stand under that unit in the 63 view, not its host.

On the small fixture (tests/utils/small_dataset.py): M7 (2026) and E7 (September 2025) are new
Đồng Nai's (34:75 = old Đồng Nai 63:75 + Bình Phước 63:70); M6 and E6 (2026) new Gia Lai's
(34:52 = old Gia Lai 63:64 + Bình Định 63:52, which hosts its centre).
"""

from __future__ import annotations

import json

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlmodel import Session

from datastore.db import get_engine
from datastore.load.write import BatchInfo, load_rows
from datastore.migrate import alembic_config, current_revision, head_revision, migrate
from datastore.rollups import ROLLUPS, rebuild_rollups
from tests.utils.small_dataset import MEMBERS, load_small_fixture


def _ids(url: str) -> dict[str, int]:
    with Session(get_engine(url)) as session:
        rows = session.execute(text("SELECT province_list, code, id FROM province")).all()
    return {f"{lst}:{code}": int(i) for lst, code, i in rows}


def _units(url: str, table: str) -> list[tuple[int, int, int]]:
    """(year, province_id, province_63_id) of the rows reported in 2025 or later."""
    with Session(get_engine(url)) as session:
        rows = session.execute(
            text(
                f"SELECT year, province_id, province_63_id FROM {table}"
                " WHERE year >= 2025 ORDER BY year, province_id"
            )
        ).all()
    return [(int(y), int(p), int(q)) for y, p, q in rows]


def _rollups(url: str) -> dict[str, list[tuple[object, ...]]]:
    # Below a later revision, the rollups it adds are not there yet.
    existing = set(inspect(get_engine(url)).get_table_names())
    with Session(get_engine(url)) as session:
        found = {}
        for rollup in (r for r in ROLLUPS if r.table.name in existing):
            columns = ", ".join((*rollup.dimensions, "exchanges", "participants"))
            found[rollup.table.name] = sorted(
                (
                    tuple(row)
                    for row in session.execute(text(f"SELECT {columns} FROM {rollup.table.name}"))
                ),
                key=repr,
            )
        return found


def _kept_63(url: str) -> list[int]:
    """province_63_id in the copies undo keeps of members rows."""
    with Session(get_engine(url)) as session:
        kept = session.execute(
            text("SELECT previous FROM rowchange WHERE table_name = 'membership' ORDER BY id")
        ).scalars()
        return [json.loads(previous)["province_63_id"] for previous in kept]


@pytest.fixture
def loaded_url(empty_database_url: str) -> str:
    """The small fixture at the head, and a reload of M7 that keeps its earlier copy for undo."""
    migrate(empty_database_url)
    with Session(get_engine(empty_database_url)) as session:
        load_small_fixture(session=session)
        m7 = next(row for row in MEMBERS if row["year"] == 2026 and row["province"] == "Đồng Nai")
        changed = {**m7, "members": 460}
        load_rows(session=session, kind="members", rows=[changed], batch=BatchInfo("m7"))
    return empty_database_url


def test_loads_put_a_merged_new_units_rows_under_that_unit(loaded_url: str) -> None:
    ids = _ids(loaded_url)
    new_dong_nai, new_gia_lai = ids["34:75"], ids["34:52"]
    assert _units(loaded_url, "membership") == [
        (2026, new_gia_lai, new_gia_lai),  # M6, not old Bình Định (63:52)
        (2026, new_dong_nai, new_dong_nai),  # M7, not old Đồng Nai (63:75)
    ]
    assert _units(loaded_url, "exchange") == [
        (2025, new_dong_nai, new_dong_nai),  # E7
        (2026, new_gia_lai, new_gia_lai),  # E6
    ]
    assert _kept_63(loaded_url) == [new_dong_nai]


def test_0010_moves_the_rows_from_the_host_and_back(loaded_url: str) -> None:
    url = loaded_url
    ids = _ids(url)
    at_head = {t: _units(url, t) for t in ("membership", "aid", "exchange")}
    rollups_at_head = _rollups(url)
    engine = get_engine(url)

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "0009")

    # Before 0010: under the old province hosting the new centre, in facts, rollups and copies.
    hosts = {ids["34:75"]: ids["63:75"], ids["34:52"]: ids["63:52"]}
    for table, rows in at_head.items():
        assert _units(url, table) == [(y, p, hosts[p]) for y, p, _ in rows]
    assert _kept_63(url) == [ids["63:75"]]
    e7 = (2025, ids["34:75"], ids["63:75"])
    assert any(row[:3] == e7 for row in _rollups(url)["exchange_rollup_province_country"])

    migrate(url)

    assert current_revision(url) == head_revision()
    for table, rows in at_head.items():
        assert _units(url, table) == rows
    assert _kept_63(url) == [ids["34:75"]]
    assert _rollups(url) == rollups_at_head
    # And the rollups are what a rebuild from the facts gives.
    with Session(engine) as session:
        rebuild_rollups(session=session)
        session.commit()
    assert _rollups(url) == rollups_at_head


def test_a_unit_that_stayed_as_it_was_keeps_its_old_province(empty_database_url: str) -> None:
    url = empty_database_url
    migrate(url)
    row = {
        "year": 2026,
        "province": "Cao Bằng",
        "organization": "Hội hữu nghị Việt Nam – Trung Quốc tỉnh Cao Bằng",
        "partner_country": "Trung Quốc",
        "members": 120,
    }
    with Session(get_engine(url)) as session:
        load_rows(session=session, kind="members", rows=[row], batch=BatchInfo("cao-bang"))
    ids = _ids(url)
    # Cao Bằng (34:04) is old Cao Bằng (63:04) alone: the same place, the same line in the 63 view.
    assert _units(url, "membership") == [(2026, ids["34:04"], ids["63:04"])]
