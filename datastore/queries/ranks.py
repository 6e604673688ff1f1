"""Each unit's rank among the units of a list for one year: members, foreign NGO aid, exchanges.

A unit that reported nothing of a kind that year is left out of that ranking (no rank, no
value), never ranked last as 0; one that reported rows of the kind that add up to 0 (aid
disbursed only, none committed) is ranked with its 0. "Reported" is the reporting status's rule
(`queries.reports.reported`). 1 is the largest; equal values share the better rank (1, 2, 2, 4).
The national median is the median over the units ranked.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, Table, func, select
from sqlmodel import Session

from datastore.filters import Filters, conditions, yearly_pcpnn
from datastore.models.facts import Measure
from datastore.models.reference import ProvinceList
from datastore.queries._base import AID, EXCHANGE, MEMBERSHIP, fetch, money_sum
from datastore.queries.reports import FactKind, ReportingUnits, reported

RankMetric = Literal["members", "aid_committed", "exchanges"]
RANK_METRICS: tuple[RankMetric, ...] = ("members", "aid_committed", "exchanges")
_KINDS: dict[RankMetric, FactKind] = {
    "members": "members",
    "aid_committed": "aid",
    "exchanges": "exchanges",
}


@dataclass(frozen=True)
class UnitRank:
    """One unit's figure of the year and its place; rank None: it did not report."""

    code: str
    name: str
    value: float | None
    rank: int | None


@dataclass(frozen=True)
class Ranking:
    """Every unit of a list ranked on one figure of one year, with the median of those ranked."""

    metric: RankMetric
    year: int
    province_list: ProvinceList
    units: tuple[UnitRank, ...]  # every unit of the list, ranked first (by rank), then the rest
    median: float | None  # None: no unit reported

    @property
    def ranked(self) -> int:
        """How many units reported, so have a rank."""
        return sum(1 for unit in self.units if unit.rank is not None)

    def of(self, code: str) -> UnitRank:
        """The unit with GSO code `code` (of this ranking's list)."""
        for unit in self.units:
            if unit.code == code:
                return unit
        raise KeyError(f"no unit {code!r} in the {self.province_list.value} list")


def rankings(
    *, session: Session, year: int, province_list: ProvinceList | str = ProvinceList.CURRENT
) -> dict[RankMetric, Ranking]:
    """Members, committed foreign NGO aid (VND) and exchanges of `year`, ranked over the list."""
    chosen = ProvinceList(province_list)
    filters = Filters(province_list=chosen, year_from=year, year_to=year)
    units = ReportingUnits.load(session=session, filters=filters, whole_list=True)
    found: dict[RankMetric, Ranking] = {}
    for metric in RANK_METRICS:
        fact, amount, extra = _figure(metric)
        unit = units.column(fact)
        stmt = (
            select(unit, amount)
            .where(*conditions(filters, fact), *units.own_rows(fact), *extra)
            .group_by(unit)
        )
        values = {int(u): float(v) for u, v in fetch(session, stmt)}
        kind = _KINDS[metric]
        did = {
            u
            for u, _ in reported(
                session=session, kind=kind, filters=filters, units=units, years=(year, year)
            )
        }
        found[metric] = _ranking(metric, year, chosen, units, {u: values.get(u, 0.0) for u in did})
    return found


def _figure(metric: RankMetric) -> tuple[Table, ColumnElement[Any], list[ColumnElement[bool]]]:
    """The fact table, the figure summed per unit and the rows it adds up."""
    if metric == "members":
        return MEMBERSHIP, func.sum(MEMBERSHIP.c.members), []
    if metric == "aid_committed":
        committed = [AID.c.measure == Measure.COMMITTED.value, *yearly_pcpnn(AID)]
        return AID, money_sum(AID.c.amount_vnd), committed
    return EXCHANGE, func.count(), []


def _ranking(
    metric: RankMetric,
    year: int,
    province_list: ProvinceList,
    units: ReportingUnits,
    values: dict[int, float],
) -> Ranking:
    ordered = sorted(values.values(), reverse=True)
    # The better rank for ties: one more than the number of units strictly ahead.
    rank_of = {value: ordered.index(value) + 1 for value in ordered}
    rows = [
        UnitRank(
            unit.code,
            unit.name,
            values.get(unit.id),
            rank_of[values[unit.id]] if unit.id in values else None,
        )
        for unit in units.chosen()
    ]
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.code))
    median = statistics.median(ordered) if ordered else None
    return Ranking(metric, year, province_list, tuple(rows), median)
