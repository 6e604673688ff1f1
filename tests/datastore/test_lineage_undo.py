"""Undoing (or replacing) an organisations load puts back the succession links it changed.

Load A (tests/utils/lineage_dataset.py) links the 2025 Cambodia association of Đồng Nai to
its two predecessors; load B names only Đồng Nai's own; load C names only Bình Phước's.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from datastore.load.undo import undo_load
from datastore.load.write import BatchInfo, load_rows
from tests.utils.lineage_dataset import CAMBODIA_BINH_PHUOC, CAMBODIA_DONG_NAI, load_merger

LINKS = "SELECT successor_id, predecessor_id, date FROM organization_succession"


def _links(session: Session) -> set[tuple[Any, ...]]:
    return {tuple(row) for row in session.execute(text(LINKS))}


def _named(session: Session) -> set[tuple[str, str]]:
    """(successor founded on, predecessor's name) of the 2025 Cambodia association's links."""
    rows = session.execute(
        text(
            "SELECT s.founded_on, p.name FROM organization_succession l "
            "JOIN organization s ON s.id = l.successor_id "
            "JOIN organization p ON p.id = l.predecessor_id WHERE s.name = :name"
        ),
        {"name": CAMBODIA_DONG_NAI},
    )
    return {(str(founded), name) for founded, name in rows}


def _succeeds(session: Session, predecessors: str, label: str, **batch: Any) -> int:
    row = {
        "kind": "friendship_association",
        "organization": CAMBODIA_DONG_NAI,
        "province": "Đồng Nai",
        "partner_country": "Campuchia",
        "founded_on": "2025-07-01",
        "succeeds": predecessors,
    }
    summary = load_rows(
        session=session, kind="organizations", rows=[row], batch=BatchInfo(label, **batch)
    )
    assert summary.batch_id is not None
    return summary.batch_id


def test_undoing_a_load_that_changed_the_predecessors_puts_the_earlier_links_back(
    session: Session,
) -> None:
    load_merger(session)
    after_a = _links(session)
    assert _named(session) == {
        ("2025-07-01", CAMBODIA_DONG_NAI),
        ("2025-07-01", CAMBODIA_BINH_PHUOC),
    }
    b = _succeeds(session, CAMBODIA_DONG_NAI, "B")
    assert _named(session) == {("2025-07-01", CAMBODIA_DONG_NAI)}
    undo_load(session=session, batch_id=b, user="x")
    assert _links(session) == after_a


def test_a_later_load_still_in_place_keeps_its_links_until_it_is_undone_too(
    session: Session,
) -> None:
    load_merger(session)
    after_a = _links(session)
    b = _succeeds(session, CAMBODIA_DONG_NAI, "B")
    c = _succeeds(session, CAMBODIA_BINH_PHUOC, "C")
    after_c = _links(session)
    undo_load(session=session, batch_id=b, user="x")
    assert _links(session) == after_c  # C, still in place, set them last
    undo_load(session=session, batch_id=c, user="x")
    assert _links(session) == after_a


def test_a_replace_and_its_undo_set_the_links_of_the_load_in_place(session: Session) -> None:
    load_merger(session)
    after_a = _links(session)
    b = _succeeds(session, CAMBODIA_DONG_NAI, "B")
    after_b = _links(session)
    replacing = _succeeds(session, CAMBODIA_BINH_PHUOC, "B again", replaces=b)
    assert _named(session) == {("2025-07-01", CAMBODIA_BINH_PHUOC)}
    undo_load(session=session, batch_id=replacing, user="x")
    assert _links(session) == after_b  # B is in place again
    undo_load(session=session, batch_id=b, user="x")
    assert _links(session) == after_a
