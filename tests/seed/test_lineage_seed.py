"""The demo's 2025 associations succeed the old ones, so 2025 compares with 2024 everywhere."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from datastore.db import get_engine
from datastore.filters import Filters
from datastore.models.facts import Organization, OrganizationSuccession
from datastore.models.reference import Province
from datastore.queries.comparisons import Status, headline
from seed.synthetic.organizations import successor_rows
from seed.synthetic.plan import build_plan


@pytest.fixture
def session(seeded: tuple[str, list[str]]) -> Iterator[Session]:
    """A session on the seeded demo database."""
    with Session(get_engine(seeded[0])) as session:
        yield session


def _links(session: Session) -> list[tuple[str, str, str, str, str, date]]:
    """(successor, its list:code, predecessor, its list:code, country, date) of every link."""
    successor, predecessor = aliased(Organization), aliased(Organization)
    to_province, from_province = aliased(Province), aliased(Province)
    link = OrganizationSuccession
    rows = session.execute(
        select(
            col(successor.name),
            col(to_province.province_list) + ":" + col(to_province.code),
            col(predecessor.name),
            col(from_province.province_list) + ":" + col(from_province.code),
            col(successor.country_code),
            col(link.date),
        )
        .join(successor, col(successor.id) == col(link.successor_id))
        .join(predecessor, col(predecessor.id) == col(link.predecessor_id))
        .join(to_province, col(to_province.id) == col(successor.province_id))
        .join(from_province, col(from_province.id) == col(predecessor.province_id))
    ).all()
    return [(a, b, c, d, e or "", f) for a, b, c, d, e, f in rows]


def test_every_old_association_has_one_successor_of_its_unit_on_1_july_2025(
    session: Session,
) -> None:
    plan = build_plan(seed=42)
    links = _links(session)
    successors: dict[str, set[str]] = defaultdict(set)
    for name, to, predecessor, source, _, day in links:
        assert to.startswith("34:") and source.startswith("63:") and day == date(2025, 7, 1)
        successors[f"{source} {predecessor}"].add(f"{to} {name}")
    old = {
        f"63:{p.record.code} {a.name}"
        for p in plan.provinces
        for a in p.associations
        if a.founded_on < date(2025, 7, 1)
    }
    assert set(successors) == old
    assert all(len(found) == 1 for found in successors.values())
    # Each of the 34 units has its associations, and every one succeeds at least one.
    assert len({to for _, to, *_ in links}) == 34
    assert len({(to, name) for name, to, *_ in links}) == len(successor_rows(plan))


def test_dong_nais_laos_association_succeeds_those_of_dong_nai_and_binh_phuoc(
    session: Session,
) -> None:
    laos = "Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai"
    found = sorted(
        (predecessor, source)
        for name, to, predecessor, source, *_ in _links(session)
        if (name, to) == (laos, "34:75")
    )
    plan = build_plan(seed=42)
    expected = sorted(
        (a.name, f"63:{p.record.code}")
        for p in plan.provinces
        if p.record.code in {"75", "70"}
        for a in p.associations
        if a.country == "LAO"
    )
    assert found == expected and ("Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai", "63:75") in found


def test_the_national_and_dong_nai_headlines_compare_2025_members_and_associations(
    session: Session,
) -> None:
    today = date(2026, 11, 30)
    for filters, units in ((Filters(), 34), (Filters(provinces=("75",)), 1)):
        result = headline(session=session, filters=filters, today=today)
        assert result is not None and result.year == 2025
        changes = {c.metric: c for c in result.changes}
        assert changes["members"].status is Status.COMPARED
        associations = changes["associations"]
        assert (associations.status, associations.compared) == (Status.COMPARED, units)
        assert associations.current == associations.value
