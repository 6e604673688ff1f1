"""The change from the year before for the four headline figures, comparing like with like.

A change is computed only on what was reported in both years: members on the associations
that reported both years, the other figures on the provinces that did. The year before is
restated on the later year's organisations (`lineage`): an association merged into another
counts toward its successor, so the 2025 mergers are not read as a fall. A year not yet over is
never set against a full one: its exchanges are compared with the same days of the year before,
its yearly figures (members, aid) are marked incomplete.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlmodel import Session

from datastore.filters import Filters, conditions, yearly_pcpnn
from datastore.models.facts import Measure
from datastore.queries._base import AID, EXCHANGE, MEMBERSHIP, fetch, money_column, money_sum
from datastore.queries.lineage import (
    count_associations,
    incomplete_successors,
    restated,
    restated_on,
    sum_members,
)
from datastore.queries.reports import (
    FACT_TABLES,
    LAST_LEGACY_DAY,
    REFORM_YEAR,
    FactKind,
    ReportingUnits,
    reported,
    scope,
)
from i18n.catalogue import Lang, as_lang
from i18n.formatting import Currency

HEADLINE_METRICS = ("members", "associations", "aid_disbursed", "exchanges")
_KINDS: dict[str, FactKind] = {
    "members": "members",
    "associations": "members",
    "aid_disbursed": "aid",
    "exchanges": "exchanges",
}


class Status(StrEnum):
    """How a figure stands against the year before."""

    COMPARED = "compared"
    PREVIOUS_NOT_REPORTED = "previous_not_reported"  # nothing comparable the year before
    NOT_REPORTED = "not_reported"  # nothing reported this year
    PARTIAL = "partial"  # the year is not over: compared on the same days, or not at all
    MERGED = "merged"  # old provinces now report under their new unit (63 view)
    RESTRUCTURED = "restructured"  # associations merged on 1 July 2025, no predecessors known


@dataclass(frozen=True)
class Change:
    """One headline figure of a year, and how it compares with the year before."""

    metric: str
    value: float | None  # the year's figure over all that reported; None: nothing reported
    current: float | None  # this year, on what reported both years (and in the same days)
    previous: float | None  # the year before, on the same
    status: Status
    compared: int = 0  # provinces (associations, for members) in the change
    reporting: int = 0  # provinces (associations) that reported in either year
    through: date | None = None  # exchanges of a part year: both years up to this day

    @property
    def basis(self) -> str:
        """What `compared` counts."""
        return "associations" if self.metric == "members" else "provinces"


@dataclass(frozen=True)
class Later:
    """Records of a year that is not over, left out of a headline on an earlier, full year."""

    year: int
    records: int
    through: date | None


@dataclass(frozen=True)
class Headline:
    """The figures of one year with their changes, and what a reader must know beside them."""

    year: int
    complete: bool
    changes: tuple[Change, ...]
    merged_into: tuple[tuple[str, str], ...] = ()  # (old province, new unit) names
    later: Later | None = None


def headline(
    *,
    session: Session,
    filters: Filters,
    lang: Lang = "vi",
    currency: Currency = "VND",
    today: date | None = None,
) -> Headline | None:
    """The headline year for `filters` (None without any data nor year) and its four changes.

    The year is the last of the filters' range; when that year is not over and the range
    holds a full year, the last full year, with a note on the records of the later one.
    """
    as_lang(lang)
    today = today or date.today()
    units = ReportingUnits.load(session=session, filters=filters)
    chosen = _headline_year(session, filters, units, today)
    if chosen is None:
        return None
    year, later = chosen
    complete = year < today.year
    years = (year - 1, year)
    through = exchange_window(session, units, year, complete=complete, today=today)
    found = {
        kind: reported(session=session, kind=kind, filters=filters, units=units, years=years)
        for kind in ("members", "aid", "exchanges")
    }
    successors = restated_on(session, year)
    per_association = restated(_members(session, filters, units, years), successors, year)
    members = sum_members(per_association)
    # A successor that reported, whose predecessors' figures of the year before are not all in.
    for org in incomplete_successors(session, successors, year):
        if (org, year) in members:
            members.pop((org, year - 1), None)
    values: dict[str, dict[tuple[Hashable, int], float]] = {
        "members": members,
        "associations": count_associations(per_association),
        "aid_disbursed": _aid(session, filters, units, years, currency),
        "exchanges": _exchanges(session, filters, units, years, through),
    }
    # Each association's unit in the later year, where it has one.
    unit_of: dict[Hashable, int] = {
        org: unit for (org, unit, _, _) in sorted(per_association, key=lambda k: k[2])
    }
    linked = {unit for (_, unit, y, was) in per_association if y == year - 1 and was is not None}
    changes = tuple(
        measured_change(
            metric,
            values=values[metric],
            unit_of=unit_of if metric == "members" else None,
            reported=found[_KINDS[metric]],
            units=units,
            year=year,
            complete=complete,
            through=through if metric == "exchanges" else None,
            linked=linked,
        )
        for metric in HEADLINE_METRICS
    )
    merged = tuple((u.name, units.successor_name(u)) for u in units.merged_chosen(year))
    return Headline(year, complete, changes, merged, later)


def _headline_year(
    session: Session, filters: Filters, units: ReportingUnits, today: date
) -> tuple[int, Later | None] | None:
    """The year a headline shows and the later, unfinished year it leaves out."""
    span = (filters.year_from, filters.year_to)
    data_years = sorted(
        {
            year
            for kind in FACT_TABLES
            for _, year in reported(
                session=session, kind=kind, filters=filters, units=units, years=span
            )
        }
    )
    if filters.year_to is None and not data_years:
        return None
    last = filters.year_to if filters.year_to is not None else data_years[-1]
    first = filters.year_from if filters.year_from is not None else min(data_years, default=last)
    last_full = today.year - 1
    if last <= last_full or first > last_full:
        return last, None
    # One exchange dated in January must not make an unfinished year the headline.
    later = scope(filters, (last_full + 1, last))
    records = sum(
        int(fetch(session, select(func.count()).where(*conditions(later, table)))[0][0])
        for table in FACT_TABLES.values()
    )
    latest = fetch(session, select(func.max(EXCHANGE.c.date)).where(*conditions(later, EXCHANGE)))
    return last_full, Later(last, records, latest[0][0]) if records else None


def exchange_window(
    session: Session, units: ReportingUnits, year: int, *, complete: bool, today: date
) -> date | None:
    """The last day of `year` whose exchanges are compared (None: the whole year)."""
    if not complete:
        # The database's latest exchange of the year, never past today: the days reported.
        latest = fetch(session, select(func.max(EXCHANGE.c.date)).where(EXCHANGE.c.year == year))
        day = latest[0][0] if latest[0][0] is not None else date(year, 12, 31)
        return min(today, day) if today.year == year else day
    chosen = units.chosen()
    if year == REFORM_YEAR and chosen and all(u in units.merged_chosen(year) for u in chosen):
        # Old provinces reported their own exchanges until 30 June 2025.
        return LAST_LEGACY_DAY
    return None


def _same_day(day: date, year: int) -> date:
    """The same day of the month in another year (28 February for the 29th)."""
    return day.replace(year=year, day=min(day.day, 28) if day.month == 2 else day.day)


def _where(filters: Filters, units: ReportingUnits, fact: Any, years: tuple[int, int]) -> list[Any]:
    return [
        *conditions(filters.with_(year_from=years[0], year_to=years[1]), fact),
        *units.own_rows(fact),
    ]


def _members(
    session: Session, filters: Filters, units: ReportingUnits, years: tuple[int, int]
) -> dict[tuple[int, int, int], float]:
    """Members per (association, unit, year)."""
    unit = units.column(MEMBERSHIP)
    stmt = (
        select(
            MEMBERSHIP.c.organization_id, unit, MEMBERSHIP.c.year, func.sum(MEMBERSHIP.c.members)
        )
        .where(*_where(filters, units, MEMBERSHIP, years))
        .group_by(MEMBERSHIP.c.organization_id, unit, MEMBERSHIP.c.year)
    )
    return {(int(o), int(u), int(y)): float(v) for o, u, y, v in fetch(session, stmt)}


def _aid(
    session: Session,
    filters: Filters,
    units: ReportingUnits,
    years: tuple[int, int],
    currency: Currency,
) -> dict[tuple[Hashable, int], float]:
    """Yearly foreign NGO aid disbursed per (unit, year), whatever measure the filters name."""
    unit = units.column(AID)
    stmt = (
        select(unit, AID.c.year, money_sum(money_column(currency)))
        .where(
            AID.c.measure == Measure.DISBURSED.value,
            *yearly_pcpnn(AID),
            *_where(filters.with_(measure=None), units, AID, years),
        )
        .group_by(unit, AID.c.year)
    )
    return {(int(u), int(y)): float(v) for u, y, v in fetch(session, stmt)}


def _exchanges(
    session: Session,
    filters: Filters,
    units: ReportingUnits,
    years: tuple[int, int],
    through: date | None,
) -> dict[tuple[Hashable, int], float]:
    """Exchanges per (unit, year), both years cut at the same day when `through` is set."""
    unit = units.column(EXCHANGE)
    window = []
    if through is not None:
        window.append(
            or_(
                and_(EXCHANGE.c.year == years[1], EXCHANGE.c.date <= through),
                and_(EXCHANGE.c.year == years[0], EXCHANGE.c.date <= _same_day(through, years[0])),
            )
        )
    stmt = (
        select(unit, EXCHANGE.c.year, func.count())
        .where(*_where(filters, units, EXCHANGE, years), *window)
        .group_by(unit, EXCHANGE.c.year)
    )
    return {(int(u), int(y)): float(v) for u, y, v in fetch(session, stmt)}


def _left_out(
    units: ReportingUnits,
    metric: str,
    unit: int,
    year: int,
    through: date | None,
    linked: set[int],
) -> bool:
    """True when a unit that reported both years still cannot be compared across them."""
    if metric in ("members", "associations") and unit in linked:
        return False  # the year before is restated on this year's associations
    if metric == "members":
        # Year-end reports of 2025 name associations of the 34 units, records apart from the
        # old provinces' ones even where the province did not merge: without their lineage
        # nothing links them to the associations of 2024.
        return year == REFORM_YEAR
    if metric == "associations":
        return units.merged_across_reform(unit, year)
    # Half a year of a merged old province's exchanges against a full year before.
    return (
        metric == "exchanges"
        and units.by_old_province
        and year == REFORM_YEAR
        and unit in units.merged_old_provinces
        and through != LAST_LEGACY_DAY
    )


def measured_change(
    metric: str,
    *,
    values: dict[tuple[Hashable, int], float],
    unit_of: dict[Hashable, int] | None,
    reported: set[tuple[int, int]],
    units: ReportingUnits,
    year: int,
    complete: bool,
    through: date | None,
    linked: set[int],
) -> Change:
    """One figure of `year` against `year - 1`, on what reported both years.

    `values` are keyed by (unit, year), or for members by (association, year) with `unit_of`
    naming each association's unit.
    """
    kind, previous_year = _KINDS[metric], year - 1
    now = {unit for unit, y in reported if y == year}
    before = {unit for unit, y in reported if y == previous_year}
    if not now:
        chosen = units.chosen()
        stopped = bool(chosen) and all(units.stopped_reporting(u.id, year, kind) for u in chosen)
        return Change(metric, None, None, None, Status.MERGED if stopped else Status.NOT_REPORTED)

    def unit(key: Hashable) -> Hashable:
        return unit_of[key] if unit_of is not None else key

    value = sum(v for (key, y), v in values.items() if y == year and unit(key) in now)
    if not complete and metric != "exchanges":
        return Change(metric, value, None, None, Status.PARTIAL)
    left_out = {u for u in now & before if _left_out(units, metric, u, year, through, linked)}
    both = (now & before) - left_out
    keys = {
        y: {key for (key, yy) in values if yy == y and unit(key) in both}
        for y in (year, previous_year)
    }
    if unit_of is None:
        comparable: set[Hashable] = set(both)
        reporting = len(now | before)
    else:
        comparable = keys[year] & keys[previous_year]
        reporting = len({key for (key, _) in values})
    if not comparable:
        if left_out:
            status = Status.MERGED if metric == "exchanges" else Status.RESTRUCTURED
        else:
            status = Status.PREVIOUS_NOT_REPORTED
        return Change(metric, value, None, None, status, reporting=reporting)
    current = sum(values.get((key, year), 0.0) for key in comparable)
    previous = sum(values.get((key, previous_year), 0.0) for key in comparable)
    status = Status.PARTIAL if through is not None else Status.COMPARED
    return Change(metric, value, current, previous, status, len(comparable), reporting, through)
