"""The exchange rollups: which exist, which one a query reads, and their refresh after a write.

Each rollup holds the exchange count and participant sum of the exchange table grouped by some
of its columns. The finest is computed from the facts and every other from a finer rollup, so a
refresh reads the facts once. Loads and undos call `refresh_rollups` for the years they
touched inside their own transaction: a chart never sees a rollup that disagrees with the facts,
and a load that fails leaves the rollups as they were.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Insert, Table, delete, func, insert, select, text
from sqlmodel import Session, SQLModel

from datastore.models.exchange_rollups import (
    ExchangeCountryRollup,
    ExchangeKindRollup,
    ExchangeLocalityRollup,
    ExchangePartnerRollup,
    ExchangePlaceRollup,
    ExchangeProvinceCountryRollup,
    ExchangeProvinceRollup,
    ExchangeRollup,
    ExchangeUnitRollup,
)
from datastore.models.facts import Exchange

MEASURES = ("exchanges", "participants")


def _table(model: type[SQLModel]) -> Table:
    found: Table = model.__table__  # type: ignore[attr-defined]  # SQLModel declares none
    return found


EXCHANGE = _table(Exchange)


@dataclass(frozen=True)
class Rollup:
    """One pre-aggregated table and the table it is computed from."""

    table: Table
    source: Table  # the exchange table, or a finer rollup holding every column of this one

    @property
    def dimensions(self) -> tuple[str, ...]:
        """The columns this rollup groups by."""
        return tuple(c.name for c in self.table.columns if c.name not in ("id", *MEASURES))


LOCALITY = Rollup(_table(ExchangeLocalityRollup), EXCHANGE)
ALL_BUT_LOCALITY = Rollup(_table(ExchangeRollup), LOCALITY.table)
COUNTRY = Rollup(_table(ExchangeCountryRollup), LOCALITY.table)
PROVINCE = Rollup(_table(ExchangeProvinceRollup), ALL_BUT_LOCALITY.table)
PROVINCE_COUNTRY = Rollup(_table(ExchangeProvinceCountryRollup), ALL_BUT_LOCALITY.table)
KIND = Rollup(_table(ExchangeKindRollup), PROVINCE.table)
UNIT = Rollup(_table(ExchangeUnitRollup), PROVINCE.table)
PARTNER = Rollup(_table(ExchangePartnerRollup), COUNTRY.table)
PLACE = Rollup(_table(ExchangePlaceRollup), COUNTRY.table)

# Every rollup, each after the one it is computed from.
ROLLUPS = (
    LOCALITY,
    ALL_BUT_LOCALITY,
    COUNTRY,
    PROVINCE,
    PROVINCE_COUNTRY,
    KIND,
    UNIT,
    PARTNER,
    PLACE,
)
# Fewest rows first, as measured at national scale (seed --scale 10, a million exchanges):
# 155, 672, 998, 1.9k, 9.6k, 18k, 22k, 144k and 373k rows.
SMALLEST_FIRST = (
    KIND,
    PARTNER,
    UNIT,
    PLACE,
    PROVINCE,
    COUNTRY,
    PROVINCE_COUNTRY,
    ALL_BUT_LOCALITY,
    LOCALITY,
)


def covering_rollup(columns: Iterable[str]) -> Table:
    """The smallest rollup holding every one of `columns` (those grouped by and filtered on)."""
    needed = set(columns)
    for rollup in SMALLEST_FIRST:
        if needed <= set(rollup.dimensions):
            return rollup.table
    missing = needed - set(LOCALITY.dimensions)
    raise ValueError(f"no exchange rollup has the column(s) {', '.join(sorted(missing))}")


def refresh_rollups(*, session: Session, fact: str, years: Collection[int]) -> None:
    """Recompute the rollup rows of `years` from fact table `fact`, in the open transaction.

    Nothing to do for a fact table without rollups (only exchanges have them).
    """
    chosen = sorted(set(years))
    if fact != EXCHANGE.name or not chosen:
        return
    for rollup in ROLLUPS:
        session.execute(delete(rollup.table).where(rollup.table.c.year.in_(chosen)))
        session.execute(_rebuild(rollup, chosen))


def rebuild_rollups(*, session: Session) -> int:
    """Recompute every rollup from the facts, in the open transaction; the years rebuilt."""
    # For data that reached the exchange table some other way than a load or an undo (a
    # restore, a hand-made correction): the rollups then hold exactly what the facts say.
    for rollup in ROLLUPS:
        session.execute(delete(rollup.table))
    years = list(session.scalars(select(EXCHANGE.c.year).distinct()))
    refresh_rollups(session=session, fact=EXCHANGE.name, years=years)
    return len(years)


def _rebuild(rollup: Rollup, years: list[int]) -> Insert:
    """INSERT … SELECT … GROUP BY filling the rows of `years` of `rollup` from its source."""
    source = rollup.source
    dimensions = [source.c[name] for name in rollup.dimensions]
    measures: list[ColumnElement[Any]]
    if source is EXCHANGE:
        # Unknown participant counts add nothing, as in the chart queries over the facts.
        measures = [func.count(), func.coalesce(func.sum(source.c.participants), 0)]
    else:
        measures = [func.sum(source.c.exchanges), func.sum(source.c.participants)]
    query = select(*dimensions, *measures).where(source.c.year.in_(years)).group_by(*dimensions)
    return insert(rollup.table).from_select([*rollup.dimensions, *MEASURES], query)


def analyze_rollups(*, session: Session) -> None:
    """On PostgreSQL, gather the planner's statistics of every rollup now, then commit."""
    # Until autovacuum has gathered them, PostgreSQL plans the filtered chart queries badly
    # (twice as slow, measured). SQLite plans them well without statistics; with statistics
    # for some tables only it picked a worse plan, so it is left without.
    if session.get_bind().dialect.name != "postgresql":
        return
    for rollup in ROLLUPS:
        session.execute(text(f"ANALYZE {rollup.table.name}"))
    session.commit()
