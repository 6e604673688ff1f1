"""Who reported what, when: the units a comparison counts on, and the 2025 merger in the 63 view.

A unit "reported" a kind of figure (members, aid, exchanges) for a year when it has any row of
that kind in that year, whatever the other filters: a province with Cambodian exchanges only
has 0 exchanges with the USA, but a province with no exchange rows at all has not reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Literal

import pandas as pd
from sqlalchemy import ColumnElement, Table, case, distinct, func, literal, or_, select
from sqlmodel import Session

from datastore.filters import Filters, conditions
from datastore.models.loads import ImportBatch
from datastore.models.reference import ProvinceList
from datastore.queries._base import (
    AID,
    EXCHANGE,
    MEMBERSHIP,
    PROVINCE,
    exchange_rollup,
    fetch,
    frame,
    sort_frame,
    table,
)
from datastore.reference.provinces import REFORM_DATE
from i18n.catalogue import Lang, t

FactKind = Literal["members", "aid", "exchanges"]
FACT_TABLES: dict[FactKind, Table] = {"members": MEMBERSHIP, "aid": AID, "exchanges": EXCHANGE}
REFORM_YEAR = REFORM_DATE.year
# The last day an old province reported under its own name.
LAST_LEGACY_DAY = date(REFORM_YEAR, 6, 30)


@dataclass(frozen=True)
class Unit:
    """A provincial unit of either list, as the reports need it."""

    id: int
    province_list: ProvinceList
    code: str
    name: str
    current_unit_id: int


@dataclass(frozen=True)
class ReportingUnits:
    """Which province column a comparison groups by, and which old provinces merged in 2025.

    The nation and the 34 view group by the unit of the 34 list, so earlier years are restated
    on today's units. The 63 view with chosen provinces groups by the old province, and keeps
    under it only what it reported itself: after 1 July 2025 a merged old province has stopped
    reporting (its figures are its new unit's), rather than the host of the new centre taking
    the whole new unit's figures.
    """

    filters: Filters
    units: dict[int, Unit]
    whole_list: bool = False  # every unit of the filters' list, as the reporting status shows

    @classmethod
    def load(
        cls, *, session: Session, filters: Filters, whole_list: bool = False
    ) -> ReportingUnits:
        """The units of both lists (97 rows) for these filters."""
        rows = fetch(
            session,
            select(
                PROVINCE.c.id,
                PROVINCE.c.province_list,
                PROVINCE.c.code,
                PROVINCE.c.short_name,
                PROVINCE.c.current_unit_id,
            ),
        )
        units = {
            row[0]: Unit(row[0], ProvinceList(row[1]), row[2], row[3], row[4] or row[0])
            for row in rows
        }
        return cls(filters=filters, units=units, whole_list=whole_list)

    @property
    def by_old_province(self) -> bool:
        """True in the 63 view with provinces chosen: figures belong to old provinces."""
        chosen = bool(self.filters.provinces) or self.whole_list
        return self.filters.province_list is ProvinceList.LEGACY and chosen

    @cached_property
    def merged_units(self) -> frozenset[int]:
        """Units of the 34 list made of more than one old province."""
        olds: dict[int, int] = {}
        for unit in self.units.values():
            if unit.province_list is ProvinceList.LEGACY:
                olds[unit.current_unit_id] = olds.get(unit.current_unit_id, 0) + 1
        return frozenset(unit for unit, count in olds.items() if count > 1)

    @cached_property
    def merged_old_provinces(self) -> frozenset[int]:
        """Old provinces that became part of a larger unit on 1 July 2025."""
        return frozenset(
            unit.id
            for unit in self.units.values()
            if unit.province_list is ProvinceList.LEGACY
            and unit.current_unit_id in self.merged_units
        )

    def column(self, fact: Table) -> ColumnElement[Any]:
        """The province column of `fact` that units are counted by."""
        return fact.c.province_63_id if self.by_old_province else fact.c.province_2025_id

    def own_rows(self, fact: Table) -> list[ColumnElement[bool]]:
        """In the 63 view, leave a merged old province only the rows it reported itself."""
        if not self.by_old_province:
            return []
        # Rows reported under an old province carry it as both; since migration 0010 rows of a
        # merged new unit carry that unit as both too, so this only guards the invariant.
        return [
            or_(
                fact.c.province_id == fact.c.province_63_id,
                fact.c.province_63_id.not_in(sorted(self.merged_old_provinces)),
            )
        ]

    def stopped_reporting(self, unit_id: int, year: int, kind: FactKind) -> bool:
        """True when `unit_id` is an old province whose `kind` figures of `year` are its new unit's.

        Yearly figures of 2025 are year-end reports of the 34 units; exchanges of 2025 up to
        30 June are still the old province's own.
        """
        first = REFORM_YEAR + 1 if kind == "exchanges" else REFORM_YEAR
        return self.by_old_province and year >= first and unit_id in self.merged_old_provinces

    def chosen(self) -> list[Unit]:
        """The units the filters chose (none: the whole country)."""
        return [
            unit
            for unit in self.units.values()
            if unit.province_list is self.filters.province_list
            and (self.whole_list or unit.code in self.filters.provinces)
        ]

    def successor_name(self, unit: Unit) -> str:
        """The name of the 34-list unit an old province belongs to."""
        return self.units[unit.current_unit_id].name

    def merged_chosen(self, year: int) -> list[Unit]:
        """Chosen old provinces that, in `year`, report under a merged new unit."""
        if not self.by_old_province or year < REFORM_YEAR:
            return []
        return [unit for unit in self.chosen() if unit.id in self.merged_old_provinces]

    def merged_across_reform(self, unit_id: int, year: int) -> bool:
        """True when unit `unit_id` of `year` was made of several old provinces a year before.

        Its associations merged too: counting them in `year` against the old provinces'
        associations a year before would read the merger as a fall. A comparison asks this only
        of units whose associations have no known predecessors (`queries.lineage`); where they
        do, the earlier year is restated on the successors instead.
        """
        # In the 63 view a merged old province has no 2025 members of its own at all.
        return not self.by_old_province and year == REFORM_YEAR and unit_id in self.merged_units


def province_label(filters: Filters, lang: Lang) -> ColumnElement[Any]:
    """The name of a fact's province as a chart shows it, joined as PROVINCE.

    In the 63 view a merged new unit stands beside the old provinces (migration 0010): its
    name says it is the unit from 1 July 2025, not the old province of the same name.
    """
    name: ColumnElement[Any] = PROVINCE.c.short_name
    if ProvinceList(filters.province_list) is not ProvinceList.LEGACY:
        return name
    before, _, after = t("reform63.unit", lang, name="{name}").partition("{name}")
    marked = literal(before) + name + literal(after)
    return case((PROVINCE.c.province_list == ProvinceList.CURRENT.value, marked), else_=name)


def scope(filters: Filters, years: tuple[int | None, int | None]) -> Filters:
    """Only the where and the when of `filters`: what decides whether a unit has reported."""
    return Filters(
        province_list=filters.province_list,
        provinces=filters.provinces,
        year_from=years[0],
        year_to=years[1],
    )


def reported(
    *,
    session: Session,
    kind: FactKind,
    filters: Filters,
    units: ReportingUnits,
    years: tuple[int | None, int | None],
) -> set[tuple[int, int]]:
    """(unit id, year) pairs with at least one row of `kind`, for years in the range."""
    where = scope(filters, years)
    if kind == "exchanges":
        # Every chart of the Exchanges page and the overview asks this once per rerun: the
        # rollup by unit and year holds it in a few hundred rows instead of a million facts.
        # It has no province as reported, so no `own_rows` guard: the rows it is made from
        # hold that invariant since migration 0010, and the rollups are their exact sums.
        rollup = exchange_rollup(where, group_by=[units.column(EXCHANGE).name, "year"])
        unit = units.column(rollup)
        stmt = (
            select(unit, rollup.c.year)
            .where(*conditions(where, rollup))
            .group_by(unit, rollup.c.year)
        )
        return {(int(row[0]), int(row[1])) for row in fetch(session, stmt)}
    fact = FACT_TABLES[kind]
    unit = units.column(fact)
    stmt = (
        select(unit, fact.c.year)
        .where(*conditions(where, fact), *units.own_rows(fact))
        .group_by(unit, fact.c.year)
    )
    return {(int(row[0]), int(row[1])) for row in fetch(session, stmt)}


def reporting_status(
    *, session: Session, province_list: ProvinceList | str, year: int
) -> pd.DataFrame:
    """Every unit of a list, with what it reported for `year` and when that was loaded.

    Counts are missing (NA) where nothing was reported; in the 63 list an old province merged
    on 1 July 2025 names its new unit in `merged_into` for what it no longer reports itself.
    """
    filters = Filters(province_list=ProvinceList(province_list), year_from=year, year_to=year)
    units = ReportingUnits.load(session=session, filters=filters, whole_list=True)
    loaded = table(ImportBatch)
    found: dict[str, dict[int, tuple[Any, ...]]] = {}
    figures: dict[FactKind, tuple[Any, ...]] = {
        "members": (
            func.sum(MEMBERSHIP.c.members),
            func.count(distinct(MEMBERSHIP.c.organization_id)),
        ),
        "aid": (func.count(),),
        "exchanges": (func.count(), func.max(EXCHANGE.c.date)),
    }
    for kind, counted in figures.items():
        fact = FACT_TABLES[kind]
        by_unit = units.column(fact)
        stmt = (
            select(by_unit, *counted, func.max(loaded.c.created_at))
            .select_from(fact.outerjoin(loaded, loaded.c.id == fact.c.batch_id))
            .where(*conditions(filters, fact), *units.own_rows(fact))
            .group_by(by_unit)
        )
        found[kind] = {int(row[0]): tuple(row[1:]) for row in fetch(session, stmt)}
    rows = []
    for unit in units.chosen():
        members = found["members"].get(unit.id, (None, None, None))
        aid = found["aid"].get(unit.id, (None, None))
        exchanges = found["exchanges"].get(unit.id, (None, None, None))
        stopped = units.stopped_reporting(unit.id, year, "members")
        merged = units.successor_name(unit) if stopped else None
        rows.append((unit.code, unit.name, *members, *aid, *exchanges, merged))
    dtypes = {
        "code": "object",
        "province": "object",
        "members": "Int64",
        "associations": "Int64",
        "members_loaded_at": "object",
        "aid_rows": "Int64",
        "aid_loaded_at": "object",
        "exchanges": "Int64",
        "latest_exchange": "object",
        "exchanges_loaded_at": "object",
        "merged_into": "object",
    }
    return sort_frame(frame(rows, dtypes), ["province"])
