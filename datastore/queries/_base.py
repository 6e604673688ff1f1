"""What every chart query shares: filtering, label columns, frames and sorting."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import ColumnElement, Executable, Numeric, Select, Table
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, SQLModel

from datastore.filters import Filters, conditions, filtered_columns, unit_column, yearly_pcpnn
from datastore.models.facts import Aid, Exchange, Membership
from datastore.models.reference import Country, Province, Sector
from datastore.rollups import covering_rollup
from datastore.vietnamese import sort_key
from i18n.catalogue import Lang, as_lang
from i18n.formatting import Currency, as_currency


def table(model: type[SQLModel]) -> Table:
    """The Core table behind a SQLModel class."""
    found: Table = model.__table__  # type: ignore[attr-defined]  # SQLModel declares none
    return found


MEMBERSHIP = table(Membership)
AID = table(Aid)
EXCHANGE = table(Exchange)
PROVINCE = table(Province)
COUNTRY = table(Country)
SECTOR = table(Sector)


def money_column(currency: Currency) -> ColumnElement[Any]:
    """The aid amount column holding `currency` ("VND" exact, "USD" to the cent)."""
    return AID.c.amount_usd if as_currency(currency) == "USD" else AID.c.amount_vnd


class MoneySum(FunctionElement[Any]):
    """SUM of amounts that cannot overflow: exact numeric on PostgreSQL, a double on SQLite."""

    # SQLite's sum() of integers raises "integer overflow" past 2^63: forty aid rows of the
    # largest allowed amount, in VND, are enough. Its total() adds as a double (as the charts
    # show it); PostgreSQL's sum() of a bigint is already an exact numeric.
    type = Numeric()
    name = "money_sum"
    inherit_cache = True


@compiles(MoneySum)
def _sum(element: MoneySum, compiler: SQLCompiler, **kw: Any) -> str:
    return f"coalesce(sum({compiler.process(element.clauses, **kw)}), 0)"


@compiles(MoneySum, "sqlite")
def _total(element: MoneySum, compiler: SQLCompiler, **kw: Any) -> str:
    return f"total({compiler.process(element.clauses, **kw)})"


def money_sum(amount: ColumnElement[Any]) -> ColumnElement[Any]:
    """The total of an amount column over a group, 0 for none, that never overflows."""
    return MoneySum(amount)


def province_column(fact: Table, filters: Filters) -> ColumnElement[Any]:
    """The fact column naming the province in the list the user looks at."""
    return fact.c[unit_column(filters)]


def apply_filters(stmt: Select[Any], fact: Table, filters: Filters) -> Select[Any]:
    """Restrict a statement on one fact table (or exchange rollup) to the slice of `filters`.

    On aid, to yearly foreign NGO aid: every chart, headline and total counts only that.
    """
    found = conditions(filters, fact)
    if fact is AID:
        found += yearly_pcpnn(fact)
    return stmt.where(*found)


def exchange_rollup(filters: Filters, *, group_by: Iterable[str]) -> Table:
    """The smallest exchange rollup holding the columns grouped by and those `filters` restrict."""
    return covering_rollup({*group_by, *filtered_columns(filters, EXCHANGE)})


def country_name(lang: Lang) -> ColumnElement[Any]:
    """The country name column in `lang`."""
    return COUNTRY.c.name_en if as_lang(lang) == "en" else COUNTRY.c.name_vi


def sector_columns(lang: Lang) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """The sector name and sector group columns in `lang`."""
    if as_lang(lang) == "en":
        return SECTOR.c.name_en, SECTOR.c.group_en
    return SECTOR.c.name_vi, SECTOR.c.group_vi


def fetch(session: Session, stmt: Executable) -> list[tuple[Any, ...]]:
    """The rows of an aggregated statement as plain tuples."""
    # all() fetches every row from the driver at once: iterating the result would fetch them
    # one by one, which costs more than the query itself on results of a few thousand rows.
    return [tuple(row) for row in session.execute(stmt).all()]


def frame(rows: Iterable[Sequence[Any]], columns: dict[str, str]) -> pd.DataFrame:
    """A frame with fixed columns and dtypes, also when there are no rows.

    Text columns are `object` so that a missing value stays None; amounts that the database
    returns as Decimal (PostgreSQL) become float.
    """
    records = list(rows)
    return pd.DataFrame(
        {
            name: pd.Series([record[i] for record in records], dtype=dtype)
            for i, (name, dtype) in enumerate(columns.items())
        }
    )


def sort_frame(
    data: pd.DataFrame, by: Sequence[str], *, descending: Sequence[str] = ()
) -> pd.DataFrame:
    """Sort rows by the columns in `by`; text in Vietnamese order, numbers as numbers."""
    if data.empty:
        return data.reset_index(drop=True)
    # Each column becomes the rank of its value among the column's distinct values, and numpy
    # sorts on those (stable, as sorted() is): labels repeat (a province on every row of its
    # countries), so each is collated once, and no Python tuple is built per row.
    keys = [_ranks(data[column], descending=column in descending) for column in by]
    order = np.lexsort(keys[::-1])  # lexsort's last key is the first one sorted on
    return data.take(order).reset_index(drop=True)


def _ranks(column: pd.Series, *, descending: bool) -> np.ndarray:
    """Each value's rank in sort order; equal sort keys share a rank, as ties in sorted()."""
    values = column.tolist()
    text = column.dtype == object or isinstance(column.dtype, pd.StringDtype)
    collate: Callable[[Any], Any] = _collation_key if text else _same
    rank_of: dict[Any, int] = {}
    rank, previous = -1, None
    for value in sorted(set(values), key=collate):
        key = collate(value)
        if rank < 0 or key != previous:
            rank, previous = rank + 1, key
        rank_of[value] = rank
    ranks = np.fromiter((rank_of[value] for value in values), dtype=np.int64, count=len(values))
    return -ranks if descending else ranks


# Labels are names of provinces, countries, sectors, localities: the same few hundred on every
# rerun, each collated once per process instead of once per query.
_collation_key = lru_cache(maxsize=4096)(sort_key)


def _same(value: Any) -> Any:
    return value
