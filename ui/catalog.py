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

    @property
    def header(self) -> str:
        """The text key of its header in a chart's CSV ("Hội viên (người)"); money takes {unit}."""
        return f"csv.{self.column}"


@dataclass(frozen=True)
class Key:
    """A column that identifies a row, and how a chart's CSV writes it."""

    column: str  # in the query's result: year, province_code, direction, ...
    header: str  # the text key of its CSV header
    name: str | None = None  # the column naming it in the interface language, written first
    name_header: str = ""  # the text key of that name's header
    labels: str | None = None  # text-key prefix that names its coded values (direction.*)


YEAR = Key("year", "csv.year")
PROVINCE = Key("province_code", "csv.province_code", "province", "csv.province")
PARTNER_COUNTRY = Key("country_code", "csv.partner_country_code", "country", "csv.partner_country")
DONOR_COUNTRY = Key("country_code", "csv.donor_country_code", "country", "csv.donor_country")
SECTOR = Key("sector_code", "csv.sector_code", "sector", "csv.sector")
DIRECTION = Key("direction", "csv.direction", labels="direction")
PARTNER_LOCALITY = Key("partner_locality", "csv.partner_locality")


@dataclass(frozen=True)
class ChartQuery:
    """A chart query: the function, the filters its result depends on, its columns."""

    function: ChartQueryFunction
    filters: tuple[FilterField, ...]
    key_columns: tuple[Key, ...]  # the columns that identify a row (year, province_code, ...)
    figures: tuple[Figure, ...]
    takes_currency: bool = False  # amounts in the currency the Aid page shows
    limit: int | None = None  # rows the query keeps (its own ranking)

    @property
    def keys(self) -> tuple[str, ...]:
        """The names of the key columns."""
        return tuple(key.column for key in self.key_columns)

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
    # The text key of the title's first line; "chart.<key>.title" unless another chart's.
    title_key: str = ""
    top: int | None = None  # only the rows with the most exchanges are drawn
    top_by: str = "exchanges"
    latest_year: bool = False  # a stock such as members: only the latest year is drawn

    def __post_init__(self) -> None:
        if not self.title_key:
            object.__setattr__(self, "title_key", f"chart.{self.key}.title")

    def trim(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows this chart draws: those of the latest year or all, then the `top` largest."""
        if self.latest_year and not frame.empty:
            frame = frame[frame["year"] == frame["year"].max()]
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
    (YEAR,),
    (
        *_counts("members", "associations"),
        Figure("aid_disbursed", "currency"),
        *_counts("exchanges"),
    ),
    takes_currency=True,
)
MEMBERS_BY_YEAR = ChartQuery(
    queries.members_by_year, _SHARED, (YEAR,), _counts("members", "chapters", "associations")
)
MEMBERS_BY_PROVINCE = ChartQuery(
    queries.members_by_province,
    _SHARED,
    (YEAR, PROVINCE),
    _counts("members", "chapters", "associations"),
)
MEMBERS_BY_PARTNER_COUNTRY = ChartQuery(
    queries.members_by_partner_country,
    _SHARED,
    (YEAR, PARTNER_COUNTRY),
    _counts("members", "associations"),
)
AID_BY_SECTOR = ChartQuery(queries.aid_by_sector, _AID, (SECTOR,), _MONEY, takes_currency=True)
AID_BY_YEAR_AND_SECTOR = ChartQuery(
    queries.aid_by_year_and_sector, _AID, (YEAR, SECTOR), _MONEY, takes_currency=True
)
# Both measures side by side: the measure filter does not apply to this one.
AID_COMMITTED_VS_DISBURSED = ChartQuery(
    queries.aid_committed_vs_disbursed,
    (*_SHARED, "sectors"),
    (YEAR,),
    (
        Figure("committed", "currency"),
        Figure("disbursed", "currency"),
        Figure("disbursement_rate", "ratio"),
    ),
    takes_currency=True,
)
AID_BY_DONOR_COUNTRY = ChartQuery(
    queries.aid_by_donor_country, _AID, (DONOR_COUNTRY,), _MONEY, takes_currency=True
)
EXCHANGES_BY_PARTNER_COUNTRY = ChartQuery(
    queries.exchanges_by_partner_country,
    _EXCHANGES,
    (PARTNER_COUNTRY,),
    _counts("exchanges", "participants"),
)
EXCHANGES_BY_PROVINCE = ChartQuery(
    queries.exchanges_by_province,
    _EXCHANGES,
    (PROVINCE,),
    _counts("exchanges", "participants"),
)
EXCHANGES_BY_YEAR_AND_DIRECTION = ChartQuery(
    queries.exchanges_by_year_and_direction,
    _EXCHANGES,
    (YEAR, DIRECTION),
    _counts("exchanges"),
)
EXCHANGES_BY_PARTNER_LOCALITY = ChartQuery(
    queries.exchanges_by_partner_locality,
    _EXCHANGES,
    (PARTNER_COUNTRY, PARTNER_LOCALITY),
    _counts("exchanges"),
    limit=TOP_LOCALITIES,
)
EXCHANGES_BY_PROVINCE_AND_COUNTRY = ChartQuery(
    queries.exchanges_by_province_and_country,
    _EXCHANGES,
    (PROVINCE, PARTNER_COUNTRY),
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

OVERVIEW_TRENDS = Chart("overview_trends", "overview", OVERVIEW_BY_YEAR, build_overview_trends)
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
MEMBERS_BY_YEAR_CHART = Chart("members_by_year", "members", MEMBERS_BY_YEAR, build_members_by_year)
MEMBERS_BY_PROVINCE_CHART = Chart(
    "members_by_province",
    "members",
    MEMBERS_BY_PROVINCE,
    build_members_by_province,
    latest_year=True,
)
MEMBERS_BY_PARTNER_COUNTRY_CHART = Chart(
    "members_by_partner_country",
    "members",
    MEMBERS_BY_PARTNER_COUNTRY,
    build_members_by_partner_country,
    latest_year=True,
)
AID_BY_SECTOR_CHART = Chart("aid_by_sector", "aid", AID_BY_SECTOR, build_aid_by_sector)
AID_BY_YEAR_AND_SECTOR_CHART = Chart(
    "aid_by_year_and_sector", "aid", AID_BY_YEAR_AND_SECTOR, build_aid_by_year_and_sector
)
AID_COMMITTED_VS_DISBURSED_CHART = Chart(
    "aid_committed_vs_disbursed",
    "aid",
    AID_COMMITTED_VS_DISBURSED,
    build_aid_committed_vs_disbursed,
)
AID_BY_DONOR_COUNTRY_CHART = Chart(
    "aid_by_donor_country", "aid", AID_BY_DONOR_COUNTRY, build_aid_by_donor_country
)
EXCHANGES_BY_PARTNER_COUNTRY_CHART = Chart(
    "exchanges_by_partner_country",
    "exchanges",
    EXCHANGES_BY_PARTNER_COUNTRY,
    build_exchanges_by_partner_country,
)
EXCHANGES_WORLD_MAP = Chart(
    "exchanges_world_map", "exchanges", EXCHANGES_BY_PARTNER_COUNTRY, build_exchanges_world_map
)
EXCHANGES_BY_PROVINCE_CHART = Chart(
    "exchanges_by_province", "exchanges", EXCHANGES_BY_PROVINCE, build_exchanges_by_province
)
EXCHANGES_VIETNAM_MAP = Chart(
    "exchanges_vietnam_map", "exchanges", EXCHANGES_BY_PROVINCE, build_exchanges_vietnam_map
)
EXCHANGES_BY_YEAR_AND_DIRECTION_CHART = Chart(
    "exchanges_by_year_and_direction",
    "exchanges",
    EXCHANGES_BY_YEAR_AND_DIRECTION,
    build_exchanges_by_year_and_direction,
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
