"""What the yearly report reads beyond the chart queries: per-unit splits, organisations, sources.

Per-unit figures are keyed (unit id, year) on the units a headline comparison counts by
(`queries.reports.ReportingUnits`), so the report's changes follow the headline's rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, and_, func, or_, select
from sqlmodel import Session

from datastore.filters import Filters, conditions, yearly_pcpnn
from datastore.models.facts import DonorKind, Organization, OrganizationKind
from datastore.models.loads import ImportBatch
from datastore.models.reference import ProvinceList
from datastore.queries._base import (
    AID,
    EXCHANGE,
    MEMBERSHIP,
    PROVINCE,
    fetch,
    money_sum,
    table,
)
from datastore.queries.lineage import SUCCESSION
from datastore.queries.reports import FactKind, ReportingUnits

ORGANIZATION = table(Organization)
BATCH = table(ImportBatch)
# The label the demo seed gives its generated rows (see About): they cite no article.
SYNTHETIC = "synthetic"

Values = dict[tuple[Hashable, int], float]


@dataclass(frozen=True)
class Place:
    """The unit a report is about (None code: the nation)."""

    province_list: ProvinceList
    code: str | None
    unit_id: int | None
    name: str  # "Đồng Nai"; '' for the nation
    full_name: str  # "Tỉnh Đồng Nai", "Thành phố Hà Nội"; '' for the nation


def place(session: Session, province_list: ProvinceList, code: str | None) -> Place:
    """The unit of `province_list` with GSO code `code`, or the nation; ValueError if none."""
    if code is None:
        return Place(province_list, None, None, "", "")
    rows = fetch(
        session,
        select(PROVINCE.c.id, PROVINCE.c.short_name, PROVINCE.c.name).where(
            PROVINCE.c.province_list == province_list.value, PROVINCE.c.code == code
        ),
    )
    if not rows:
        raise ValueError(f"no province {code!r} in the {province_list.value} list")
    unit_id, name, full_name = rows[0]
    return Place(province_list, code, int(unit_id), str(name), str(full_name))


def _unit_ids(session: Session, where: Place) -> list[int]:
    """The units of the organisations' province column that make up `where` (old provinces)."""
    assert where.unit_id is not None
    if where.province_list is ProvinceList.LEGACY:
        return [where.unit_id]
    stmt = select(PROVINCE.c.id).where(
        or_(PROVINCE.c.id == where.unit_id, PROVINCE.c.current_unit_id == where.unit_id)
    )
    return [int(row[0]) for row in fetch(session, stmt)]


def union_name(session: Session, where: Place) -> str | None:
    """The recorded provincial union of the unit (the one named after it first), or None."""
    if where.code is None:
        kind = OrganizationKind.NATIONAL_UNION.value
        rows = fetch(session, select(ORGANIZATION.c.name).where(ORGANIZATION.c.kind == kind))
    else:
        rows = fetch(
            session,
            select(ORGANIZATION.c.name)
            .where(
                ORGANIZATION.c.kind == OrganizationKind.PROVINCIAL_UNION.value,
                ORGANIZATION.c.province_id.in_(_unit_ids(session, where)),
            )
            .order_by(ORGANIZATION.c.id),
        )
    names = [str(row[0]) for row in rows]
    own = [name for name in names if name.endswith(where.name)]
    found = own or names
    return found[0] if found else None


def exchange_splits(
    session: Session, filters: Filters, units: ReportingUnits, through: date | None
) -> dict[str, Values]:
    """Exchanges and participants per (unit, year), in all and by direction."""
    assert filters.year_from is not None and filters.year_to is not None
    unit = units.column(EXCHANGE)
    window = []
    if through is not None:
        before = through.replace(year=filters.year_from, day=min(through.day, 28))
        window.append(
            or_(
                and_(EXCHANGE.c.year == filters.year_to, EXCHANGE.c.date <= through),
                and_(EXCHANGE.c.year == filters.year_from, EXCHANGE.c.date <= before),
            )
        )
    stmt = (
        select(
            unit,
            EXCHANGE.c.year,
            EXCHANGE.c.direction,
            func.count(),
            func.coalesce(func.sum(EXCHANGE.c.participants), 0),
        )
        .where(*conditions(filters, EXCHANGE), *units.own_rows(EXCHANGE), *window)
        .group_by(unit, EXCHANGE.c.year, EXCHANGE.c.direction)
    )
    found: dict[str, Values] = defaultdict(lambda: defaultdict(float))
    for u, year, direction, count, people in fetch(session, stmt):
        key = (int(u), int(year))
        found["exchanges"][key] += float(count)
        found["participants"][key] += float(people)
        found[str(direction)][key] += float(count)
        found[f"{direction}_people"][key] += float(people)
    return {name: dict(values) for name, values in found.items()}


def aid_splits(session: Session, filters: Filters, units: ReportingUnits) -> dict[str, Values]:
    """Yearly foreign NGO aid per (unit, year): committed and disbursed, in VND and USD."""
    unit = units.column(AID)
    stmt = (
        select(
            unit,
            AID.c.year,
            AID.c.measure,
            money_sum(AID.c.amount_vnd),
            money_sum(AID.c.amount_usd),
        )
        .where(
            *conditions(filters.with_(measure=None), AID),
            *yearly_pcpnn(AID),
            *units.own_rows(AID),
        )
        .group_by(unit, AID.c.year, AID.c.measure)
    )
    found: dict[str, Values] = defaultdict(dict)
    for u, year, measure, vnd, usd in fetch(session, stmt):
        found[f"{measure}_vnd"][(int(u), int(year))] = float(vnd)
        found[f"{measure}_usd"][(int(u), int(year))] = float(usd)
    return dict(found)


def chapters(
    session: Session, filters: Filters, units: ReportingUnits
) -> dict[tuple[int, int, int], float]:
    """Chapters per (association, unit, year), as the headline keys members; unknown adds none."""
    unit = units.column(MEMBERSHIP)
    stmt = (
        select(
            MEMBERSHIP.c.organization_id,
            unit,
            MEMBERSHIP.c.year,
            func.coalesce(func.sum(MEMBERSHIP.c.chapters), 0),
        )
        .where(*conditions(filters, MEMBERSHIP), *units.own_rows(MEMBERSHIP))
        .group_by(MEMBERSHIP.c.organization_id, unit, MEMBERSHIP.c.year)
    )
    return {(int(o), int(u), int(y)): float(v) for o, u, y, v in fetch(session, stmt)}


def new_associations(session: Session, where: Place, year: int) -> list[str]:
    """Friendship associations of the unit (or the nation) founded in `year`, by name.

    A successor of a merger is not new: the lineage sentence tells of it.
    """
    stmt = select(ORGANIZATION.c.name).where(
        ORGANIZATION.c.kind == OrganizationKind.FRIENDSHIP_ASSOCIATION.value,
        ORGANIZATION.c.founded_on.between(date(year, 1, 1), date(year, 12, 31)),
        ORGANIZATION.c.id.not_in(select(SUCCESSION.c.successor_id)),
    )
    if where.code is not None:
        stmt = stmt.where(ORGANIZATION.c.province_id.in_(_unit_ids(session, where)))
    return sorted(str(row[0]) for row in fetch(session, stmt))


def successions(session: Session, where: Place, year: int) -> tuple[int, int]:
    """(predecessors, successors) of the successions dated in `year` into the unit's bodies."""
    successor = ORGANIZATION.alias("successor")
    stmt = (
        select(SUCCESSION.c.predecessor_id, SUCCESSION.c.successor_id)
        .join(successor, successor.c.id == SUCCESSION.c.successor_id)
        .where(SUCCESSION.c.date.between(date(year, 1, 1), date(year, 12, 31)))
    )
    if where.code is not None:
        stmt = stmt.where(successor.c.province_id.in_(_unit_ids(session, where)))
    rows = fetch(session, stmt)
    return len({row[0] for row in rows}), len({row[1] for row in rows})


def documented_events(session: Session, filters: Filters) -> list[tuple[date, str, str, str]]:
    """Exchanges citing their own source (an article): day, place, title, source."""
    stmt = (
        select(EXCHANGE.c.date, PROVINCE.c.short_name, EXCHANGE.c.title, EXCHANGE.c.source)
        .join(PROVINCE, PROVINCE.c.id == EXCHANGE.c.province_id)
        .join(BATCH, BATCH.c.id == EXCHANGE.c.batch_id)
        .where(*_cited(EXCHANGE), *conditions(filters, EXCHANGE))
        .order_by(EXCHANGE.c.date, EXCHANGE.c.id)
    )
    return [(_day(d), str(p), str(t), str(s)) for d, p, t, s in fetch(session, stmt)]


def _cited(fact: Table) -> list[Any]:
    """Rows whose source is their own citation, neither their load's label nor generated."""
    return [fact.c.source != BATCH.c.source, fact.c.source != SYNTHETIC]


def is_cited(source: str, batch_source: str) -> bool:
    """Whether a row's source names an article (or another document) of its own."""
    return source not in (batch_source, SYNTHETIC)


def other_aid(session: Session, filters: Filters) -> float:
    """Aid of the filters' years given by others than foreign NGOs, in VND (shown apart)."""
    stmt = select(money_sum(AID.c.amount_vnd)).where(
        *conditions(filters.with_(measure=None), AID),
        AID.c.donor_kind != DonorKind.FOREIGN_NGO.value,
    )
    return float(fetch(session, stmt)[0][0])


@dataclass(frozen=True)
class Origin:
    """Where some of the report's rows come from: a row source, what it gave, when loaded."""

    source: str
    batch_source: str
    rows: dict[FactKind, int]
    loaded: datetime | None
    years: tuple[int, int]  # the first and last year of its rows: the date of the data


def origins(session: Session, filters: Filters) -> list[Origin]:
    """Every source of the rows the report reads, most rows first."""
    found: dict[tuple[str, str], dict[FactKind, int]] = defaultdict(dict)
    loaded: dict[tuple[str, str], datetime | None] = {}
    years: dict[tuple[str, str], set[int]] = defaultdict(set)
    facts: dict[FactKind, Table] = {"members": MEMBERSHIP, "aid": AID, "exchanges": EXCHANGE}
    for kind, fact in facts.items():
        # A generated row has no citation: its load's label names it.
        source = func.coalesce(
            func.nullif(fact.c.source, SYNTHETIC), func.coalesce(BATCH.c.source, fact.c.source)
        )
        stmt = (
            select(
                source,
                func.min(BATCH.c.source),
                func.count(),
                func.max(BATCH.c.created_at),
                func.min(fact.c.year),
                func.max(fact.c.year),
            )
            .select_from(fact.outerjoin(BATCH, BATCH.c.id == fact.c.batch_id))
            .where(*conditions(filters, fact))
            .group_by(source)
        )
        for label, batch_source, count, moment, first, last in fetch(session, stmt):
            key = (str(label), str(batch_source or label))
            found[key][kind] = int(count)
            years[key] |= {int(first), int(last)}
            when = _moment(moment)
            before = loaded.get(key)
            loaded[key] = max(m for m in (before, when) if m) if (before or when) else None
    result = [
        Origin(label, batch, rows, loaded[key], (min(years[key]), max(years[key])))
        for key, rows in found.items()
        for label, batch in [key]
    ]
    return sorted(result, key=lambda o: (-sum(o.rows.values()), o.source))


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _moment(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
