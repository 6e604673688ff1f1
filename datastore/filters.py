"""The one filter value that flows from the sidebar (or the CLI) to every query and extract,
and the WHERE conditions it stands for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Table, false, select

from datastore.calendar_year import calendar_year
from datastore.models.facts import Aid, DonorKind, Exchange
from datastore.models.reference import Province, ProvinceList
from datastore.rollups import ROLLUPS
from datastore.vocabulary import DirectionCode, MeasureCode


@dataclass(frozen=True)
class Filters:
    """What slice of the data a user looks at; hashable so query caches can key on it."""

    province_list: ProvinceList = ProvinceList.CURRENT
    provinces: tuple[str, ...] = ()  # GSO codes within `province_list`; empty means all
    year_from: int | None = None
    year_to: int | None = None
    countries: tuple[str, ...] = ()  # ISO alpha-3 partner or donor countries
    sectors: tuple[str, ...] = ()  # DAC codes (aid only)
    measure: MeasureCode | None = None  # aid only
    direction: DirectionCode | None = None  # exchanges only
    kinds: tuple[str, ...] = field(default=())  # exchange kinds (exchanges only)

    def with_(self, **changes: object) -> Filters:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def slug(self) -> str:
        """A short file-name-safe description, used to name extracts."""
        parts: list[str] = []
        if self.province_list is ProvinceList.LEGACY:
            parts.append("63")
        if self.provinces:
            parts.append("p" + "-".join(self.provinces))
        if self.year_from is not None or self.year_to is not None:
            parts.append(f"{self.year_from or ''}-{self.year_to or ''}")
        if self.countries:
            parts.append("-".join(self.countries))
        if self.sectors:
            parts.append("s" + "-".join(self.sectors))
        for value in (self.measure, self.direction):
            if value:
                parts.append(value)
        if self.kinds:
            parts.append("-".join(self.kinds))
        return "_".join(parts) or "all"

    def as_rows(self) -> list[tuple[str, str]]:
        """The filters as (name, value) pairs, for the header sheet of an extract."""
        return [
            ("province_list", str(self.province_list.value)),
            ("provinces", ", ".join(self.provinces) or "*"),
            ("year_from", "" if self.year_from is None else str(self.year_from)),
            ("year_to", "" if self.year_to is None else str(self.year_to)),
            ("countries", ", ".join(self.countries) or "*"),
            ("sectors", ", ".join(self.sectors) or "*"),
            ("measure", self.measure or "*"),
            ("direction", self.direction or "*"),
            ("kinds", ", ".join(self.kinds) or "*"),
        ]


# Conditions ---------------------------------------------------------------------------------

_AID = Aid.__table__.name  # type: ignore[attr-defined]
# The exchange table and its rollups: the same column names, so the same filters apply.
_EXCHANGE_TABLES = frozenset(
    [Exchange.__table__.name, *(rollup.table.name for rollup in ROLLUPS)]  # type: ignore[attr-defined]
)
_UNIT_COLUMNS = {ProvinceList.CURRENT: "province_2025_id", ProvinceList.LEGACY: "province_63_id"}

Condition = Callable[[ColumnElement[Any]], ColumnElement[bool]]


def unit_column(filters: Filters) -> str:
    """The fact column naming the province in the list the user looks at."""
    return _UNIT_COLUMNS[ProvinceList(filters.province_list)]


def filtered_columns(filters: Filters, fact: Table) -> set[str]:
    """The columns of `fact` that `filters` restrict (a rollup must hold them all)."""
    return {name for name, _ in _restrictions(filters, fact)}


def conditions(
    filters: Filters,
    fact: Table,
    *,
    units: tuple[Any, Any] | None = None,
) -> list[ColumnElement[bool]]:
    """The WHERE conditions that restrict rows of `fact` (a fact table or an exchange rollup).

    Sectors and measure apply to aid only, direction and kinds to exchanges only; a table
    without a year (organisations) ignores the year range. `units`, the (current, legacy)
    province-unit columns, stand in for a table that has no unit columns of its own.
    """
    found: list[ColumnElement[bool]] = []
    for name, condition in _restrictions(filters, fact):
        if name in _UNIT_COLUMNS.values() and units is not None:
            current, legacy = units
            column = current if name == _UNIT_COLUMNS[ProvinceList.CURRENT] else legacy
        elif name == "year" and "year" not in fact.c:
            continue
        else:
            column = fact.c[name]  # a rollup lacking a filtered column fails loudly here
        found.append(condition(column))
    if (
        filters.year_from is not None
        and filters.year_to is not None
        and filters.year_from > filters.year_to
        and "year" in fact.c
    ):
        # An empty range says so outright rather than relying on both bounds excluding.
        found.append(false())
    return found


def yearly_pcpnn(fact: Table) -> list[ColumnElement[bool]]:
    """The aid rows that yearly foreign NGO aid (viện trợ PCPNN) adds up.

    Only foreign NGOs' amounts, and only those whose period lies within one calendar year (its
    `year`): a total cumulated over several years says nothing of any one of them, so the
    charts list it as a note instead (queries.aid_notes). Extracts keep every row.
    """
    return [
        fact.c.donor_kind == DonorKind.FOREIGN_NGO.value,
        calendar_year(fact.c.period_start) == calendar_year(fact.c.period_end),
    ]


def _restrictions(filters: Filters, fact: Table) -> list[tuple[str, Condition]]:
    """(column name, condition on that column) for every filter that applies to `fact`."""
    found: list[tuple[str, Condition]] = []
    if filters.provinces:
        # Codes are resolved inside the query so that the caller needs no round trip;
        # the sub-select touches a table of 97 rows.
        province = Province.__table__  # type: ignore[attr-defined]
        ids = select(province.c.id).where(
            province.c.province_list == ProvinceList(filters.province_list).value,
            province.c.code.in_(filters.provinces),
        )
        found.append((unit_column(filters), lambda column: column.in_(ids.scalar_subquery())))
    year_from, year_to = filters.year_from, filters.year_to
    if year_from is not None:
        found.append(("year", lambda column: column >= year_from))
    if year_to is not None:
        found.append(("year", lambda column: column <= year_to))
    found += _among("country_code", filters.countries)
    if fact.name == _AID:
        found += _among("sector_code", filters.sectors)
        found += _equal("measure", filters.measure)
    if fact.name in _EXCHANGE_TABLES:
        found += _equal("direction", filters.direction)
        found += _among("kind", filters.kinds)
    return found


def _among(name: str, values: tuple[str, ...]) -> list[tuple[str, Condition]]:
    return [(name, lambda column: column.in_(values))] if values else []


def _equal(name: str, value: str | None) -> list[tuple[str, Condition]]:
    return [(name, lambda column: column == value)] if value else []
