"""The chart queries the benchmark times, as the dashboard calls them, and how results compare.

CHART_QUERIES is the one list of them in the benchmark: each names the query function itself,
the page whose filters it gets, and the columns that say its result. bench/floor.py writes each
as one hand-written GROUP BY, bench/pandas_twin.py as a naive pandas load-filter-group; both
give the same numbers as the chart query (tests/bench/test_bench.py checks it on both databases).

Results are compared as `rows(...)`: the key columns and the figures of each query, figures
rounded to the cent, sorted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import Session

from datastore import queries
from datastore.filters import Filters
from datastore.models.facts import Measure
from i18n.formatting import Currency
from ui import catalog

CURRENCY: Currency = "VND"  # the Aid page's default, which the Overview follows
# The column of `exchange` whose Datasette facet counts the same rows as a chart query.
_FACETS = {
    catalog.EXCHANGES_BY_PARTNER_COUNTRY: "country_code",
    catalog.EXCHANGES_BY_PROVINCE: "province",
}


@dataclass(frozen=True)
class ChartQuery:
    """A catalogue query as the benchmark times it, with the Datasette facet that matches it."""

    entry: catalog.ChartQuery
    currency: Currency = CURRENCY  # of the queries that take one

    @property
    def function(self) -> Callable[..., pd.DataFrame]:
        """The query function itself: f(*, session, filters, lang, **options)."""
        return self.entry.function

    @property
    def name(self) -> str:
        """The query function's name, which names the query in every table and JSON figure."""
        return self.entry.name

    @property
    def page(self) -> str:
        """The topic of the query (overview, members, aid, exchanges): its datastore module."""
        return self.function.__module__.rsplit(".", 1)[-1]

    @property
    def keys(self) -> tuple[str, ...]:
        """The columns that identify a row."""
        return self.entry.keys

    @property
    def figures(self) -> tuple[str, ...]:
        """The summed figures; a ratio is left out, since it follows from the others."""
        return tuple(f.column for f in self.entry.figures if f.unit != "ratio")

    @property
    def options(self) -> dict[str, Any]:
        """The options the pages pass: the currency, the locality limit."""
        return self.entry.options(currency=self.currency)

    @property
    def facet(self) -> str | None:
        """The column of `exchange` whose Datasette facet counts the same rows, if one does."""
        return _FACETS.get(self.entry)


CHART_QUERIES: tuple[ChartQuery, ...] = tuple(ChartQuery(q) for q in catalog.CHART_QUERIES)


# Filters as the dashboard builds them --------------------------------------------------------


def dashboard_filters(*, session: Session) -> Filters:
    """The shared filters of a first visit: the 34 units, every province, all the years."""
    years = queries.list_years(session=session)
    if not years:
        return Filters()
    return Filters(year_from=min(years), year_to=max(years))


def page_filters(shared: Filters, page: str) -> Filters:
    """The filters a page's queries get by default (ui/page_filters.py)."""
    if page == "aid":
        return shared.with_(measure=Measure.DISBURSED.value, sectors=())
    if page == "exchanges":
        return shared.with_(direction=None, kinds=())
    return shared


def run_chart_query(query: ChartQuery, *, engine: Engine, filters: Filters) -> pd.DataFrame:
    """The chart query through a session of its own, as ui/data.py runs it (without the cache)."""
    with Session(engine) as session:
        return query.function(session=session, filters=filters, lang="vi", **query.options)


# Comparing results ---------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A database or pandas value as a plain Python value; None for every kind of missing."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    item: Callable[[], Any] | None = getattr(value, "item", None)
    return item() if item is not None else value


def _figure(value: Any) -> float:
    plain = _plain(value)
    return round(float(plain if plain is not None else 0), 2)


def _sort_key(row: tuple[Any, ...]) -> tuple[tuple[bool, str], ...]:
    return tuple((value is None, str(value)) for value in row)


def rows(query: ChartQuery, data: pd.DataFrame | Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """The keys and figures of a result (a frame, or floor rows in key-then-figure order)."""
    if isinstance(data, pd.DataFrame):
        records: list[Sequence[Any]] = list(
            data[[*query.keys, *query.figures]].itertuples(index=False, name=None)
        )
    else:
        records = list(data)
    width = len(query.keys)
    result = [
        (
            *(_plain(value) for value in record[:width]),
            *(_figure(value) for value in record[width:]),
        )
        for record in records
    ]
    return sorted(result, key=_sort_key)
