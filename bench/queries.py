"""The chart queries the benchmark times, as the dashboard calls them, and how results compare.

CHART_QUERIES is the one list of them in the benchmark: each names the query function itself,
the page whose filters it gets, and the columns that say its result. bench/floor.py writes each
as one hand-written GROUP BY, bench/pandas_twin.py as a naive pandas load-filter-group; both
give the same numbers as the chart query (tests/test_bench.py checks it on both databases).

Results are compared as `rows(...)`: the key columns and the figures of each query, figures
rounded to the cent, sorted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import Session

from datastore import queries
from datastore.filters import Filters
from datastore.models import Measure

CURRENCY = "VND"  # the Aid page's default, which the Overview follows
TOP_LOCALITIES = 10  # pages/exchanges.py


@dataclass(frozen=True)
class ChartQuery:
    """One chart query, the page whose filters it gets, and the columns that say its result."""

    function: Callable[..., pd.DataFrame]  # f(*, session, filters, lang, **options)
    page: str  # overview | members | aid | exchanges
    keys: tuple[str, ...]
    figures: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)
    # The column of `exchange` whose Datasette facet counts the same rows, if one does.
    facet: str | None = None

    @property
    def name(self) -> str:
        """The query function's name, which names the query in every table and JSON figure."""
        return self.function.__name__


CHART_QUERIES: tuple[ChartQuery, ...] = (
    ChartQuery(
        queries.overview_by_year,
        "overview",
        ("year",),
        ("members", "associations", "aid_disbursed", "exchanges"),
        {"currency": CURRENCY},
    ),
    ChartQuery(
        queries.members_by_year, "members", ("year",), ("members", "chapters", "associations")
    ),
    ChartQuery(
        queries.members_by_province,
        "members",
        ("year", "province_code"),
        ("members", "chapters", "associations"),
    ),
    ChartQuery(
        queries.members_by_partner_country,
        "members",
        ("year", "country_code"),
        ("members", "associations"),
    ),
    ChartQuery(queries.aid_by_sector, "aid", ("sector_code",), ("amount",), {"currency": CURRENCY}),
    ChartQuery(
        queries.aid_by_year_and_sector,
        "aid",
        ("year", "sector_code"),
        ("amount",),
        {"currency": CURRENCY},
    ),
    ChartQuery(
        queries.aid_committed_vs_disbursed,
        "aid",
        ("year",),
        ("committed", "disbursed"),
        {"currency": CURRENCY},
    ),
    ChartQuery(
        queries.aid_by_donor_country, "aid", ("country_code",), ("amount",), {"currency": CURRENCY}
    ),
    ChartQuery(
        queries.exchanges_by_partner_country,
        "exchanges",
        ("country_code",),
        ("exchanges", "participants"),
        facet="country_code",
    ),
    ChartQuery(
        queries.exchanges_by_province,
        "exchanges",
        ("province_code",),
        ("exchanges", "participants"),
        facet="province",
    ),
    ChartQuery(
        queries.exchanges_by_year_and_direction, "exchanges", ("year", "direction"), ("exchanges",)
    ),
    ChartQuery(
        queries.exchanges_by_partner_locality,
        "exchanges",
        ("country_code", "partner_locality"),
        ("exchanges",),
        {"limit": TOP_LOCALITIES},
    ),
    ChartQuery(
        queries.exchanges_by_province_and_country,
        "exchanges",
        ("province_code", "country_code"),
        ("exchanges",),
    ),
)
BY_NAME = {query.name: query for query in CHART_QUERIES}


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
