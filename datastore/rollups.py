"""The exchange rollups: which exist, which one a query reads, and how a write keeps them.

Each rollup holds the exchange count and participant sum of the exchange table grouped by some
of its columns. A load, an undo or a replace changes them by delta, in its own transaction:
before it changes or removes exchange rows it takes their counts out (`take_rows`), after it
adds or changes rows it puts theirs in (`add_rows`, `add_load`), and `apply_changes` adds the
net change to every rollup, so the work follows the rows written, not the years they touch. A
chart never sees a rollup that disagrees with the facts, and a load that fails leaves the
rollups as they were. `rebuild_rollups` recomputes them whole, for migrations and repairs.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    ColumnElement,
    Insert,
    Integer,
    MetaData,
    Select,
    Table,
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.schema import CreateTable
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op
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


def rebuild_rollups(*, session: Session) -> int:
    """Recompute every rollup from the facts, in the open transaction; the years rebuilt."""
    # For data that reached the exchange table some other way than a load or an undo (a
    # restore, a hand-made correction): the rollups then hold exactly what the facts say.
    years = sorted(session.scalars(select(EXCHANGE.c.year).distinct()))
    for rollup in ROLLUPS:
        session.execute(delete(rollup.table))
        if years:
            session.execute(_rebuild(rollup, years))
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


# Changes by delta ----------------------------------------------------------------------------

# Every column some rollup groups by, in the exchange table's order.
DIMENSIONS = tuple(
    column.name
    for column in EXCHANGE.columns
    if any(column.name in rollup.dimensions for rollup in ROLLUPS)
)
_SCRATCH = MetaData()
# Most statements name at most this many row ids (SQLite allows 32,766 parameters).
_IDS = 5000
# Changed groups that a rollup's own index finds sooner than one pass over it would.
_FEW_GROUPS = 1000


def _scratch(name: str, *columns: Column[Any]) -> Table:
    """A temporary table of counts by every rollup column: one connection's, never committed."""
    return Table(
        name,
        _SCRATCH,
        *columns,
        *(Column(dimension, EXCHANGE.c[dimension].type) for dimension in DIMENSIONS),
        Column("exchanges", BigInteger, nullable=False),
        Column("participants", BigInteger, nullable=False),
        prefixes=["TEMPORARY"],
    )


# The open transaction's change: +counts of rows put in, -counts of rows taken out.
DELTA = _scratch("tmp_exchange_rollup_delta")
# The same change grouped by one rollup's columns, while that rollup takes it.
CHANGE = _scratch("tmp_exchange_rollup_change", Column("id", Integer, primary_key=True))
# Which rollup row has the group of which CHANGE row, and the change it takes.
MATCHED = Table(
    "tmp_exchange_rollup_matched",
    _SCRATCH,
    Column("rollup_id", Integer, nullable=False),
    Column("change_id", Integer, nullable=False),
    Column("exchanges", BigInteger, nullable=False),
    Column("participants", BigInteger, nullable=False),
    prefixes=["TEMPORARY"],
)


def take_rows(*, session: Session, table: Table, ids: Collection[int] | Select[tuple[int]]) -> None:
    """Before rows `ids` (or a SELECT of ids) of `table` change or go: their counts are to leave."""
    if table.name != EXCHANGE.name:
        return
    if isinstance(ids, Select):  # many rows: one statement
        _note(session, EXCHANGE.c.id.in_(ids), sign=-1)
        return
    wanted = list(ids)
    for start in range(0, len(wanted), _IDS):
        _note(session, EXCHANGE.c.id.in_(wanted[start : start + _IDS]), sign=-1)


def add_rows(*, session: Session, table: Table, ids: Collection[int]) -> None:
    """After rows `ids` of `table` were added or changed: their counts are to join the rollups."""
    if table.name == EXCHANGE.name:
        wanted = list(ids)
        for start in range(0, len(wanted), _IDS):
            _note(session, EXCHANGE.c.id.in_(wanted[start : start + _IDS]), sign=1)


def add_load(*, session: Session, table: Table, batch_id: int) -> None:
    """After load `batch_id` wrote its rows: the counts of every row it owns are to join."""
    # The rows it added and those it changed (whose earlier counts take_rows noted).
    if table.name == EXCHANGE.name:
        _note(session, EXCHANGE.c.batch_id == batch_id, sign=1)


def apply_changes(*, session: Session, table: Table) -> None:
    """Add the change noted in this transaction to every rollup, then forget it.

    A group that gains its first row is inserted, one left with no exchange is deleted.
    """
    if table.name != EXCHANGE.name:
        return
    _create_scratch(session)
    for rollup in ROLLUPS:
        _apply(session, rollup)
    for scratch in (DELTA, CHANGE, MATCHED):
        session.execute(delete(scratch))


def _note(session: Session, where: ColumnElement[bool], *, sign: int) -> None:
    """Add the counts of the exchange rows matching `where`, by every rollup column, to DELTA."""
    _create_scratch(session)
    dimensions = [EXCHANGE.c[name] for name in DIMENSIONS]
    # Unknown participant counts add nothing, as in the chart queries over the facts.
    count: ColumnElement[Any] = func.count()
    participants: ColumnElement[Any] = func.coalesce(func.sum(EXCHANGE.c.participants), 0)
    if sign < 0:
        count, participants = -count, -participants
    query = select(*dimensions, count, participants).where(where).group_by(*dimensions)
    session.execute(insert(DELTA).from_select([*DIMENSIONS, *MEASURES], query))


def _create_scratch(session: Session) -> None:
    """The temporary tables, on the session's connection, if not there yet."""
    connection = session.connection()
    for scratch in (DELTA, CHANGE, MATCHED):
        connection.execute(CreateTable(scratch, if_not_exists=True))


def _apply(session: Session, rollup: Rollup) -> None:
    """Add DELTA, grouped by `rollup`'s columns, to `rollup`."""
    names = rollup.dimensions
    target = rollup.table
    session.execute(delete(CHANGE))
    session.execute(delete(MATCHED))
    exchanges, participants = func.sum(DELTA.c.exchanges), func.sum(DELTA.c.participants)
    grouped = (
        select(*(DELTA.c[name] for name in names), exchanges, participants)
        .group_by(*(DELTA.c[name] for name in names))
        .having(or_(exchanges != 0, participants != 0))
    )
    groups = session.execute(insert(CHANGE).from_select([*names, *MEASURES], grouped))
    # A join, not a correlated subquery: SQLite then indexes a rollup that has no index on
    # these columns for this statement alone (seconds saved per rollup, measured).
    one_pass = _one_pass_is_cheaper(session, groups.rowcount)  # type: ignore[attr-defined]
    on = and_(*(_same(target.c[name], CHANGE.c[name], unindexed=one_pass) for name in names))
    found = select(target.c.id, CHANGE.c.id, CHANGE.c.exchanges, CHANGE.c.participants)
    found = found.select_from(CHANGE.join(target, on))
    session.execute(insert(MATCHED).from_select(["rollup_id", "change_id", *MEASURES], found))
    session.execute(
        update(target)
        .where(target.c.id == MATCHED.c.rollup_id)
        .values(
            exchanges=target.c.exchanges + MATCHED.c.exchanges,
            participants=target.c.participants + MATCHED.c.participants,
        )
    )
    new = select(*(CHANGE.c[name] for name in names), CHANGE.c.exchanges, CHANGE.c.participants)
    # An outer join again: PostgreSQL ran NOT IN over the matched groups row by row (34 s for
    # a 100,000-row undo, measured), and SQLite indexes a join's inner table, not a subquery's.
    unmatched = CHANGE.outerjoin(MATCHED, MATCHED.c.change_id == CHANGE.c.id)
    new = new.select_from(unmatched).where(MATCHED.c.change_id.is_(None))
    session.execute(insert(target).from_select([*names, *MEASURES], new))
    emptied = select(MATCHED.c.rollup_id)
    session.execute(delete(target).where(target.c.id.in_(emptied), target.c.exchanges == 0))


def _one_pass_is_cheaper(session: Session, groups: int) -> bool:
    """Whether SQLite should read a rollup once rather than look each changed group up in it.

    No rollup index holds every column of its groups, and SQLite, without statistics, takes one
    that leads by province and year: a lookup then reads every group of that province and
    year (about 400 rows at scale 10). Past about a thousand changed groups, one pass over the
    rollup, each row looked up among the changed groups, is cheaper: for the benchmark's
    100,000-row import at scale 10, 0.3 s against 2.1 s for the finest rollup (measured).
    """
    return groups >= _FEW_GROUPS and session.get_bind().dialect.name == "sqlite"


def _same(column: Column[Any], other: Column[Any], *, unindexed: bool) -> ColumnElement[bool]:
    """Equal, NULL included where the rollup column may be NULL (no country, no locality).

    `unindexed`: SQLite's unary plus, so that no index of `column` serves the comparison.
    """
    found: ColumnElement[Any] = column
    if unindexed:
        found = UnaryExpression(column, operator=custom_op("+"), type_=column.type)
    if column.nullable:
        return found.is_not_distinct_from(other)
    return found == other
