"""The headline figures per year: members, associations, aid disbursed, exchanges.

Associations of every year before the last are counted on the last year's organisations
(`lineage`): two associations merged into one successor count as one in the years before the
merger too, so the series reads the 2025 mergers as the headline does, not as a fall. Members
are a total, the same on any structure.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd
from sqlalchemy import Select, distinct, func, select
from sqlmodel import Session

from datastore.filters import Filters, conditions
from datastore.models.facts import Measure
from datastore.queries._base import (
    AID,
    MEMBERSHIP,
    apply_filters,
    exchange_rollup,
    fetch,
    frame,
    money_column,
    money_sum,
)
from datastore.queries.lineage import merged_away
from datastore.queries.reports import scope
from i18n.catalogue import Lang, as_lang
from i18n.formatting import Currency, as_currency

RESTATED_ON = "restated_on"  # attrs key: the year whose organisations associations count on


def overview_by_year(
    *, session: Session, filters: Filters, lang: Lang = "vi", currency: Currency = "VND"
) -> pd.DataFrame:
    """One row per year with any figure that the filters keep; each from its own table.

    Associations are restated on the last year's organisations; the frame's attrs then hold
    that year under `RESTATED_ON`.

    A figure is missing (NA, a gap in a line) in a year where the provinces chosen have no row
    of its table at all, and 0 where they have rows but none that the other filters keep.
    Aid is always the disbursed amount (the measure filter does not apply); the sector filter
    applies to aid only, direction and kinds to exchanges only.
    """
    as_lang(lang)
    members, aid, exchanges = _figures(filters, as_currency(currency))
    reported = _reported_years(session, filters)

    def row(year: int) -> list[float | int | None]:
        return [
            0 if year in reported["members"] else None,
            0 if year in reported["members"] else None,
            0.0 if year in reported["aid"] else None,
            0 if year in reported["exchanges"] else None,
        ]

    by_year: dict[int, list[float | int | None]] = {}
    for year, member_count, associations in fetch(session, members):
        by_year.setdefault(year, row(year))[0:2] = [member_count, associations]
    for year, amount in fetch(session, aid):
        by_year.setdefault(year, row(year))[2] = float(amount)
    for year, count in fetch(session, exchanges):
        by_year.setdefault(year, row(year))[3] = count
    restated_on = max(by_year, default=None)
    if restated_on is not None:
        years = range(min(by_year), restated_on + 1)
        fewer, restated = merged_away(session, filters, years)
        for year, count in fewer.items():
            by_year[year][1] = int(by_year[year][1] or 0) - count
    result = frame(
        [(year, *by_year[year]) for year in sorted(by_year)],
        {
            "year": "int64",
            "members": "Int64",
            "associations": "Int64",
            "aid_disbursed": "float64",
            "exchanges": "Int64",
        },
    )
    if restated_on is not None and restated:
        result.attrs[RESTATED_ON] = restated_on
    return result


# The statements depend on the filters and the currency alone; built once for each (building
# them is a good part of this query's time in Python, measured).
@lru_cache(maxsize=256)
def _figures(filters: Filters, currency: Currency) -> tuple[Select[Any], Select[Any], Select[Any]]:
    """Members and associations, aid disbursed, exchanges: per year, as `filters` keep them."""
    money = money_column(currency)
    members = apply_filters(
        select(
            MEMBERSHIP.c.year,
            func.coalesce(func.sum(MEMBERSHIP.c.members), 0),
            func.count(distinct(MEMBERSHIP.c.organization_id)),
        ).group_by(MEMBERSHIP.c.year),
        MEMBERSHIP,
        filters,
    )
    aid = apply_filters(
        select(AID.c.year, money_sum(money))
        .where(AID.c.measure == Measure.DISBURSED.value)
        .group_by(AID.c.year),
        AID,
        filters.with_(measure=None),
    )
    rollup = exchange_rollup(filters, group_by=["year"])
    exchanges = apply_filters(
        select(rollup.c.year, func.sum(rollup.c.exchanges)).group_by(rollup.c.year),
        rollup,
        filters,
    )
    return members, aid, exchanges


def _reported_years(session: Session, filters: Filters) -> dict[str, set[int]]:
    """The years in which the chosen provinces have any row of members, aid, exchanges."""
    return {kind: {int(year) for (year,) in fetch(session, stmt)} for kind, stmt in _years(filters)}


@lru_cache(maxsize=256)
def _years(filters: Filters) -> tuple[tuple[str, Select[Any]], ...]:
    """Per table (members, aid, exchanges), the years the chosen provinces have rows in."""
    where = scope(filters, (filters.year_from, filters.year_to))
    rollup = exchange_rollup(where, group_by=["year"])
    found: list[tuple[str, Select[Any]]] = []
    for kind, fact in (("members", MEMBERSHIP), ("aid", AID), ("exchanges", rollup)):
        # Any aid row is a report, a domestic gift or a multi-year total as well: a year whose
        # aid holds no yearly foreign NGO amount has 0 of it, not a missing report.
        stmt = select(fact.c.year).where(*conditions(where, fact)).group_by(fact.c.year)
        found.append((kind, stmt))
    return tuple(found)
