"""Every chart of the dashboard, declared once: its query, its builder, its title, its columns.

A page renders catalogue entries (`ui.render.chart(view, catalog.MEMBERS_BY_YEAR)`); the
benchmark, the page tests and the README iterate `CHARTS` and `CHART_QUERIES`. Nothing is
looked up by a string: an entry holds the query function and the builder themselves, so "go to
definition" leads from a page to the SQL behind its chart. This module imports no Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, Literal, get_args

import pandas as pd
import plotly.graph_objects as go

from charts import (
    build_aid_by_donor_country,
    build_aid_by_sector,
    build_aid_by_year_and_sector,
    build_aid_committed_vs_disbursed,
    build_exchanges_by_partner_country,
    build_exchanges_by_province,
    build_exchanges_by_year_and_direction,
    build_exchanges_heatmap,
    build_exchanges_vietnam_map,
    build_exchanges_world_map,
    build_members_by_partner_country,
    build_members_by_province,
    build_members_by_year,
    build_overview_trends,
    build_top_partner_localities,
)
from datastore import queries
from datastore.filters import Filters
from i18n.formatting import Currency

Page = Literal["overview", "members", "aid", "exchanges"]
# What a figure column counts: people, associations, chapters, exchanges, money in the chosen
# currency, or a ratio (disbursed / committed).
Unit = Literal["people", "associations", "chapters", "exchanges", "currency", "ratio"]
FilterField = Literal[
    "province_list",
    "provinces",
    "year_from",
    "year_to",
    "countries",
    "sectors",
    "measure",
    "direction",
    "kinds",
]
FILTER_FIELDS: tuple[FilterField, ...] = get_args(FilterField)


# Every chart query is `f(*, session, filters, lang, ...) -> DataFrame` (datastore.queries).
ChartQueryFunction = Callable[..., pd.DataFrame]
Builder = Callable[..., go.Figure]

_SHARED: tuple[FilterField, ...] = (
    "province_list",
    "provinces",
    "year_from",
    "year_to",
    "countries",
)
_AID: tuple[FilterField, ...] = (*_SHARED, "sectors", "measure")
_EXCHANGES: tuple[FilterField, ...] = (*_SHARED, "direction", "kinds")


@dataclass(frozen=True)
class Figure:
    """One number column of a query's result and what it counts."""

    column: str
    unit: Unit


@dataclass(frozen=True)
class ChartQuery:
    """A chart query: the function, the filters its result depends on, its columns."""

    function: ChartQueryFunction
    filters: tuple[FilterField, ...]
    keys: tuple[str, ...]  # the columns that identify a row (year, province_code, ...)
    figures: tuple[Figure, ...]
    takes_currency: bool = False  # amounts in the currency the Aid page shows
    limit: int | None = None  # rows the query keeps (its own ranking)

    @property
    def name(self) -> str:
        """The function's name, as the README and the benchmark's tables show it."""
        return self.function.__name__

    @property
    def qualified_name(self) -> str:
        """The function's module and name: what query caches key on."""
        return f"{self.function.__module__}.{self.function.__qualname__}"

    def relevant(self, filters: Filters) -> Filters:
        """`filters` with the fields this query ignores reset, so caches share its results."""
        unused = {f.name: f.default for f in fields(Filters) if f.name not in self.filters}
        return filters.with_(**unused)

    def options(self, *, currency: Currency | None) -> dict[str, Any]:
        """The keyword options this query takes besides its filters."""
        options: dict[str, Any] = {}
        if self.takes_currency:
            if currency is None:
                raise ValueError(f"{self.name} needs a currency")
            options["currency"] = currency
        if self.limit is not None:
            options["limit"] = self.limit
        return options


@dataclass(frozen=True)
class Chart:
    """One chart on a page: its key, its query, its builder and the title it carries."""

    key: str  # Streamlit element keys (chart_<key>, download_<key>) and the CSV file's prefix
    page: Page
    query: ChartQuery
    build: Builder
    title_key: str  # the i18n key of the title's first line
    top: int | None = None  # only the rows with the most exchanges are drawn
    top_by: str = "exchanges"

    def trim(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows this chart draws: all of them, or the `top` largest by `top_by`."""
        return frame.nlargest(self.top, self.top_by) if self.top else frame


def _counts(*columns: str) -> tuple[Figure, ...]:
    """Figures named after what they count (members -> people, the rest by their own name)."""
    units: dict[str, Unit] = {
        "members": "people",
        "participants": "people",
        "associations": "associations",
        "chapters": "chapters",
        "exchanges": "exchanges",
    }
    return tuple(Figure(column, units[column]) for column in columns)


_MONEY = (Figure("amount", "currency"),)
TOP_LOCALITIES = 10
TOP_PARTNERS = 10

# Queries ----------------------------------------------------------------------------------

# Aid is always disbursed there; sectors restrict its aid, direction and kinds its exchanges.
OVERVIEW_BY_YEAR = ChartQuery(
    queries.overview_by_year,
    (*_SHARED, "sectors", "direction", "kinds"),
    ("year",),
    (
        *_counts("members", "associations"),
        Figure("aid_disbursed", "currency"),
        *_counts("exchanges"),
    ),
    takes_currency=True,
)
MEMBERS_BY_YEAR = ChartQuery(
    queries.members_by_year, _SHARED, ("year",), _counts("members", "chapters", "associations")
)
MEMBERS_BY_PROVINCE = ChartQuery(
    queries.members_by_province,
    _SHARED,
    ("year", "province_code"),
    _counts("members", "chapters", "associations"),
)
MEMBERS_BY_PARTNER_COUNTRY = ChartQuery(
    queries.members_by_partner_country,
    _SHARED,
    ("year", "country_code"),
    _counts("members", "associations"),
)
AID_BY_SECTOR = ChartQuery(
    queries.aid_by_sector, _AID, ("sector_code",), _MONEY, takes_currency=True
)
AID_BY_YEAR_AND_SECTOR = ChartQuery(
    queries.aid_by_year_and_sector, _AID, ("year", "sector_code"), _MONEY, takes_currency=True
)
# Both measures side by side: the measure filter does not apply to this one.
AID_COMMITTED_VS_DISBURSED = ChartQuery(
    queries.aid_committed_vs_disbursed,
    (*_SHARED, "sectors"),
    ("year",),
    (
        Figure("committed", "currency"),
        Figure("disbursed", "currency"),
        Figure("disbursement_rate", "ratio"),
    ),
    takes_currency=True,
)
AID_BY_DONOR_COUNTRY = ChartQuery(
    queries.aid_by_donor_country, _AID, ("country_code",), _MONEY, takes_currency=True
)
EXCHANGES_BY_PARTNER_COUNTRY = ChartQuery(
    queries.exchanges_by_partner_country,
    _EXCHANGES,
    ("country_code",),
    _counts("exchanges", "participants"),
)
EXCHANGES_BY_PROVINCE = ChartQuery(
    queries.exchanges_by_province,
    _EXCHANGES,
    ("province_code",),
    _counts("exchanges", "participants"),
)
EXCHANGES_BY_YEAR_AND_DIRECTION = ChartQuery(
    queries.exchanges_by_year_and_direction,
    _EXCHANGES,
    ("year", "direction"),
    _counts("exchanges"),
)
EXCHANGES_BY_PARTNER_LOCALITY = ChartQuery(
    queries.exchanges_by_partner_locality,
    _EXCHANGES,
    ("country_code", "partner_locality"),
    _counts("exchanges"),
    limit=TOP_LOCALITIES,
)
EXCHANGES_BY_PROVINCE_AND_COUNTRY = ChartQuery(
    queries.exchanges_by_province_and_country,
    _EXCHANGES,
    ("province_code", "country_code"),
    _counts("exchanges"),
)

CHART_QUERIES: tuple[ChartQuery, ...] = (
    OVERVIEW_BY_YEAR,
    MEMBERS_BY_YEAR,
    MEMBERS_BY_PROVINCE,
    MEMBERS_BY_PARTNER_COUNTRY,
    AID_BY_SECTOR,
    AID_BY_YEAR_AND_SECTOR,
    AID_COMMITTED_VS_DISBURSED,
    AID_BY_DONOR_COUNTRY,
    EXCHANGES_BY_PARTNER_COUNTRY,
    EXCHANGES_BY_PROVINCE,
    EXCHANGES_BY_YEAR_AND_DIRECTION,
    EXCHANGES_BY_PARTNER_LOCALITY,
    EXCHANGES_BY_PROVINCE_AND_COUNTRY,
)

# Charts, in the order each page draws them ---------------------------------------------------

OVERVIEW_TRENDS = Chart(
    "overview_trends",
    "overview",
    OVERVIEW_BY_YEAR,
    build_overview_trends,
    "chart.overview_trends.title",
)
OVERVIEW_TOP_PARTNERS = Chart(
    "overview_top_partners",
    "overview",
    EXCHANGES_BY_PARTNER_COUNTRY,
    build_exchanges_by_partner_country,
    "chart.exchanges_by_partner_country.title",
    top=TOP_PARTNERS,
)
OVERVIEW_MAP = Chart(
    "overview_map",
    "overview",
    EXCHANGES_BY_PROVINCE,
    build_exchanges_vietnam_map,
    "chart.exchanges_vietnam_map.title",
)
MEMBERS_BY_YEAR_CHART = Chart(
    "members_by_year",
    "members",
    MEMBERS_BY_YEAR,
    build_members_by_year,
    "chart.members_by_year.title",
)
MEMBERS_BY_PROVINCE_CHART = Chart(
    "members_by_province",
    "members",
    MEMBERS_BY_PROVINCE,
    build_members_by_province,
    "chart.members_by_province.title",
)
MEMBERS_BY_PARTNER_COUNTRY_CHART = Chart(
    "members_by_partner_country",
    "members",
    MEMBERS_BY_PARTNER_COUNTRY,
    build_members_by_partner_country,
    "chart.members_by_partner_country.title",
)
AID_BY_SECTOR_CHART = Chart(
    "aid_by_sector", "aid", AID_BY_SECTOR, build_aid_by_sector, "chart.aid_by_sector.title"
)
AID_BY_YEAR_AND_SECTOR_CHART = Chart(
    "aid_by_year_and_sector",
    "aid",
    AID_BY_YEAR_AND_SECTOR,
    build_aid_by_year_and_sector,
    "chart.aid_by_year_and_sector.title",
)
AID_COMMITTED_VS_DISBURSED_CHART = Chart(
    "aid_committed_vs_disbursed",
    "aid",
    AID_COMMITTED_VS_DISBURSED,
    build_aid_committed_vs_disbursed,
    "chart.aid_committed_vs_disbursed.title",
)
AID_BY_DONOR_COUNTRY_CHART = Chart(
    "aid_by_donor_country",
    "aid",
    AID_BY_DONOR_COUNTRY,
    build_aid_by_donor_country,
    "chart.aid_by_donor_country.title",
)
EXCHANGES_BY_PARTNER_COUNTRY_CHART = Chart(
    "exchanges_by_partner_country",
    "exchanges",
    EXCHANGES_BY_PARTNER_COUNTRY,
    build_exchanges_by_partner_country,
    "chart.exchanges_by_partner_country.title",
)
EXCHANGES_WORLD_MAP = Chart(
    "exchanges_world_map",
    "exchanges",
    EXCHANGES_BY_PARTNER_COUNTRY,
    build_exchanges_world_map,
    "chart.exchanges_world_map.title",
)
EXCHANGES_BY_PROVINCE_CHART = Chart(
    "exchanges_by_province",
    "exchanges",
    EXCHANGES_BY_PROVINCE,
    build_exchanges_by_province,
    "chart.exchanges_by_province.title",
)
EXCHANGES_VIETNAM_MAP = Chart(
    "exchanges_vietnam_map",
    "exchanges",
    EXCHANGES_BY_PROVINCE,
    build_exchanges_vietnam_map,
    "chart.exchanges_vietnam_map.title",
)
EXCHANGES_BY_YEAR_AND_DIRECTION_CHART = Chart(
    "exchanges_by_year_and_direction",
    "exchanges",
    EXCHANGES_BY_YEAR_AND_DIRECTION,
    build_exchanges_by_year_and_direction,
    "chart.exchanges_by_year_and_direction.title",
)
EXCHANGES_HEATMAP = Chart(
    "exchanges_province_by_country",
    "exchanges",
    EXCHANGES_BY_PROVINCE_AND_COUNTRY,
    build_exchanges_heatmap,
    "chart.exchanges_heatmap.title",
)
EXCHANGES_TOP_LOCALITIES = Chart(
    "exchanges_top_localities",
    "exchanges",
    EXCHANGES_BY_PARTNER_LOCALITY,
    build_top_partner_localities,
    "chart.top_partner_localities.title",
)

CHARTS: tuple[Chart, ...] = (
    OVERVIEW_TRENDS,
    OVERVIEW_TOP_PARTNERS,
    OVERVIEW_MAP,
    MEMBERS_BY_YEAR_CHART,
    MEMBERS_BY_PROVINCE_CHART,
    MEMBERS_BY_PARTNER_COUNTRY_CHART,
    AID_BY_SECTOR_CHART,
    AID_BY_YEAR_AND_SECTOR_CHART,
    AID_COMMITTED_VS_DISBURSED_CHART,
    AID_BY_DONOR_COUNTRY_CHART,
    EXCHANGES_BY_PARTNER_COUNTRY_CHART,
    EXCHANGES_WORLD_MAP,
    EXCHANGES_BY_PROVINCE_CHART,
    EXCHANGES_VIETNAM_MAP,
    EXCHANGES_BY_YEAR_AND_DIRECTION_CHART,
    EXCHANGES_HEATMAP,
    EXCHANGES_TOP_LOCALITIES,
)


def charts_on(page: Page) -> tuple[Chart, ...]:
    """The charts one page draws, in its order."""
    return tuple(chart for chart in CHARTS if chart.page == page)
