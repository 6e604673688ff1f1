"""The chart queries as the dashboard calls them, each beside its floor SQL and its pandas twin.

The floor is the same aggregate written by hand as one SQL `GROUP BY` over the fact table (the
least work any database layer can do for it); the pandas twin loads the fact table's columns
into pandas, then filters and groups, as a dashboard without SQL aggregation would. Both read
the fact tables `membership`, `aid` and `exchange`, never a pre-aggregated table, and both
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
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlmodel import Session

from datastore import queries
from datastore.filters import Filters
from datastore.models import Measure, ProvinceList

CURRENCY = "VND"  # the Aid page's default, which the Overview follows
TOP_LOCALITIES = 10  # pages/exchanges.py


@dataclass(frozen=True)
class ChartQuery:
    """One chart query, the page whose filters it gets, and the columns that say its result."""

    name: str
    page: str  # overview | members | aid | exchanges
    keys: tuple[str, ...]
    figures: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)
    # The column of `exchange` whose Datasette facet counts the same rows, if one does.
    facet: str | None = None


CHART_QUERIES: tuple[ChartQuery, ...] = (
    ChartQuery(
        "overview_by_year",
        "overview",
        ("year",),
        ("members", "associations", "aid_disbursed", "exchanges"),
        {"currency": CURRENCY},
    ),
    ChartQuery("members_by_year", "members", ("year",), ("members", "chapters", "associations")),
    ChartQuery(
        "members_by_province",
        "members",
        ("year", "province_code"),
        ("members", "chapters", "associations"),
    ),
    ChartQuery(
        "members_by_partner_country",
        "members",
        ("year", "country_code"),
        ("members", "associations"),
    ),
    ChartQuery("aid_by_sector", "aid", ("sector_code",), ("amount",), {"currency": CURRENCY}),
    ChartQuery(
        "aid_by_year_and_sector",
        "aid",
        ("year", "sector_code"),
        ("amount",),
        {"currency": CURRENCY},
    ),
    ChartQuery(
        "aid_committed_vs_disbursed",
        "aid",
        ("year",),
        ("committed", "disbursed"),
        {"currency": CURRENCY},
    ),
    ChartQuery(
        "aid_by_donor_country", "aid", ("country_code",), ("amount",), {"currency": CURRENCY}
    ),
    ChartQuery(
        "exchanges_by_partner_country",
        "exchanges",
        ("country_code",),
        ("exchanges", "participants"),
        facet="country_code",
    ),
    ChartQuery(
        "exchanges_by_province",
        "exchanges",
        ("province_code",),
        ("exchanges", "participants"),
        facet="province",
    ),
    ChartQuery(
        "exchanges_by_year_and_direction", "exchanges", ("year", "direction"), ("exchanges",)
    ),
    ChartQuery(
        "exchanges_by_partner_locality",
        "exchanges",
        ("country_code", "partner_locality"),
        ("exchanges",),
        {"limit": TOP_LOCALITIES},
    ),
    ChartQuery(
        "exchanges_by_province_and_country",
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
        result: pd.DataFrame = getattr(queries, query.name)(
            session=session, filters=filters, lang="vi", **query.options
        )
    return result


# The floor: one hand-written GROUP BY per query ----------------------------------------------

# {where} restricts the fact table to the filters, {province} is the fact's province column of
# the chosen list, {money} the amount column of the currency; values are bound parameters.
FLOOR_SQL: dict[str, str] = {
    "overview_by_year": """
        SELECT year, SUM(members) AS members, SUM(associations) AS associations,
               SUM(aid_disbursed) AS aid_disbursed, SUM(exchanges) AS exchanges
        FROM (
            SELECT m.year, SUM(m.members) AS members,
                   COUNT(DISTINCT m.organization_id) AS associations,
                   0 AS aid_disbursed, 0 AS exchanges
            FROM membership m WHERE {membership_where} GROUP BY m.year
            UNION ALL
            SELECT a.year, 0, 0, SUM(a.{money}), 0
            FROM aid a WHERE a.measure = 'disbursed' AND {aid_where} GROUP BY a.year
            UNION ALL
            SELECT e.year, 0, 0, 0, COUNT(*)
            FROM exchange e WHERE {exchange_where} GROUP BY e.year
        ) AS per_table
        GROUP BY year""",
    "members_by_year": """
        SELECT m.year, COALESCE(SUM(m.members), 0) AS members,
               COALESCE(SUM(m.chapters), 0) AS chapters,
               COUNT(DISTINCT m.organization_id) AS associations
        FROM membership m WHERE {where} GROUP BY m.year""",
    "members_by_province": """
        SELECT t.year, p.code AS province_code, t.members, t.chapters, t.associations
        FROM (
            SELECT m.year, m.{province} AS province_id, COALESCE(SUM(m.members), 0) AS members,
                   COALESCE(SUM(m.chapters), 0) AS chapters,
                   COUNT(DISTINCT m.organization_id) AS associations
            FROM membership m WHERE {where} GROUP BY m.year, m.{province}
        ) AS t JOIN province p ON p.id = t.province_id""",
    "members_by_partner_country": """
        SELECT m.year, m.country_code, COALESCE(SUM(m.members), 0) AS members,
               COUNT(DISTINCT m.organization_id) AS associations
        FROM membership m WHERE m.country_code IS NOT NULL AND {where}
        GROUP BY m.year, m.country_code""",
    "aid_by_sector": """
        SELECT a.sector_code, COALESCE(SUM(a.{money}), 0) AS amount
        FROM aid a WHERE {where} GROUP BY a.sector_code""",
    "aid_by_year_and_sector": """
        SELECT a.year, a.sector_code, COALESCE(SUM(a.{money}), 0) AS amount
        FROM aid a WHERE {where} GROUP BY a.year, a.sector_code""",
    "aid_committed_vs_disbursed": """
        SELECT a.year,
               COALESCE(SUM(CASE WHEN a.measure = 'committed' THEN a.{money} ELSE 0 END), 0)
                   AS committed,
               COALESCE(SUM(CASE WHEN a.measure = 'disbursed' THEN a.{money} ELSE 0 END), 0)
                   AS disbursed
        FROM aid a WHERE {where} GROUP BY a.year""",
    "aid_by_donor_country": """
        SELECT a.country_code, COALESCE(SUM(a.{money}), 0) AS amount
        FROM aid a WHERE {where} GROUP BY a.country_code""",
    "exchanges_by_partner_country": """
        SELECT e.country_code, COUNT(*) AS exchanges,
               COALESCE(SUM(e.participants), 0) AS participants
        FROM exchange e WHERE e.country_code IS NOT NULL AND {where}
        GROUP BY e.country_code""",
    "exchanges_by_province": """
        SELECT p.code AS province_code, t.exchanges, t.participants
        FROM (
            SELECT e.{province} AS province_id, COUNT(*) AS exchanges,
                   COALESCE(SUM(e.participants), 0) AS participants
            FROM exchange e WHERE {where} GROUP BY e.{province}
        ) AS t JOIN province p ON p.id = t.province_id""",
    "exchanges_by_year_and_direction": """
        SELECT e.year, e.direction, COUNT(*) AS exchanges
        FROM exchange e WHERE {where} GROUP BY e.year, e.direction""",
    "exchanges_by_partner_locality": """
        SELECT e.country_code, e.partner_locality, COUNT(*) AS exchanges
        FROM exchange e WHERE e.partner_locality IS NOT NULL AND {where}
        GROUP BY e.country_code, e.partner_locality
        ORDER BY exchanges DESC, e.partner_locality, COALESCE(e.country_code, '')
        LIMIT {limit}""",
    "exchanges_by_province_and_country": """
        SELECT p.code AS province_code, t.country_code, t.exchanges
        FROM (
            SELECT e.{province} AS province_id, e.country_code, COUNT(*) AS exchanges
            FROM exchange e WHERE e.country_code IS NOT NULL AND {where}
            GROUP BY e.{province}, e.country_code
        ) AS t JOIN province p ON p.id = t.province_id""",
}
_FACT_OF_PAGE = {"members": "membership", "aid": "aid", "exchanges": "exchange"}
_ALIAS = {"membership": "m", "aid": "a", "exchange": "e"}


def province_column(filters: Filters) -> str:
    """The fact column naming the province in the chosen list."""
    if ProvinceList(filters.province_list) is ProvinceList.CURRENT:
        return "province_2025_id"
    return "province_63_id"


def money_column(currency: str) -> str:
    """The aid amount column of a currency."""
    return {"VND": "amount_vnd", "USD": "amount_usd"}[currency]


def where_sql(fact: str, filters: Filters, params: dict[str, Any]) -> str:
    """The conditions `filters` puts on one fact table (aliased m, a or e); adds to `params`."""
    alias = _ALIAS[fact]
    conditions: list[str] = []

    def bind(name: str, value: Any) -> str:
        key = f"{alias}_{name}"
        params[key] = value
        return f":{key}"

    def one_of(column: str, values: Sequence[str]) -> str:
        names = ", ".join(bind(f"{column}_{i}", value) for i, value in enumerate(values))
        return f"{alias}.{column} IN ({names})"

    if filters.provinces:
        codes = ", ".join(bind(f"province_{i}", code) for i, code in enumerate(filters.provinces))
        chosen_list = bind("province_list", ProvinceList(filters.province_list).value)
        conditions.append(
            f"{alias}.{province_column(filters)} IN (SELECT id FROM province "
            f"WHERE province_list = {chosen_list} AND code IN ({codes}))"
        )
    if filters.year_from is not None:
        conditions.append(f"{alias}.year >= {bind('year_from', filters.year_from)}")
    if filters.year_to is not None:
        conditions.append(f"{alias}.year <= {bind('year_to', filters.year_to)}")
    if filters.countries:
        conditions.append(one_of("country_code", filters.countries))
    if fact == "aid":
        if filters.sectors:
            conditions.append(one_of("sector_code", filters.sectors))
        if filters.measure:
            conditions.append(f"{alias}.measure = {bind('measure', filters.measure)}")
    if fact == "exchange":
        if filters.direction:
            conditions.append(f"{alias}.direction = {bind('direction', filters.direction)}")
        if filters.kinds:
            conditions.append(one_of("kind", filters.kinds))
    return " AND ".join(conditions) or "1 = 1"


def floor_statement(query: ChartQuery, filters: Filters) -> tuple[str, dict[str, Any]]:
    """The floor SQL of a chart query for these filters, and its parameters."""
    params: dict[str, Any] = {}
    parts: dict[str, Any] = {
        "province": province_column(filters),
        "money": money_column(query.options.get("currency", CURRENCY)),
        "limit": int(query.options.get("limit", TOP_LOCALITIES)),
    }
    if query.name == "overview_by_year":
        parts["membership_where"] = where_sql("membership", filters, params)
        parts["aid_where"] = where_sql("aid", filters.with_(measure=None), params)
        parts["exchange_where"] = where_sql("exchange", filters, params)
    else:
        fact = _FACT_OF_PAGE[query.page]
        # Committed against disbursed shows both measures whatever the measure filter says.
        chosen = (
            filters.with_(measure=None) if query.name == "aid_committed_vs_disbursed" else filters
        )
        parts["where"] = where_sql(fact, chosen, params)
    return " ".join(FLOOR_SQL[query.name].split()).format(**parts), params


def run_floor(query: ChartQuery, *, engine: Engine, filters: Filters) -> list[tuple[Any, ...]]:
    """The floor SQL's rows, through the same engine as the chart query."""
    sql, params = floor_statement(query, filters)
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params)]


# The naive twin: load the fact table into pandas, then filter and group -----------------------

# Every column a filter may look at, loaded whatever the query (the naive dashboard filters in
# pandas, so it needs them all).
_FILTER_COLUMNS = {
    "membership": ("year", "province_2025_id", "province_63_id", "country_code"),
    "aid": ("year", "province_2025_id", "province_63_id", "country_code", "sector_code", "measure"),
    "exchange": (
        "year",
        "province_2025_id",
        "province_63_id",
        "country_code",
        "direction",
        "kind",
    ),
}


def load_fact(connection: Connection, fact: str, figures: Sequence[str]) -> pd.DataFrame:
    """The filter columns and `figures` of every row of one fact table."""
    columns = list(dict.fromkeys([*_FILTER_COLUMNS[fact], *figures]))
    return pd.read_sql(text(f"SELECT {', '.join(columns)} FROM {fact}"), connection)


def filter_frame(
    data: pd.DataFrame, fact: str, filters: Filters, provinces: pd.DataFrame
) -> pd.DataFrame:
    """The rows of a loaded fact table that `filters` selects."""
    keep = pd.Series(True, index=data.index)
    if filters.provinces:
        chosen = provinces[
            (provinces["province_list"] == ProvinceList(filters.province_list).value)
            & provinces["code"].isin(filters.provinces)
        ]["id"]
        keep &= data[province_column(filters)].isin(chosen)
    if filters.year_from is not None:
        keep &= data["year"] >= filters.year_from
    if filters.year_to is not None:
        keep &= data["year"] <= filters.year_to
    if filters.countries:
        keep &= data["country_code"].isin(filters.countries)
    if fact == "aid":
        if filters.sectors:
            keep &= data["sector_code"].isin(filters.sectors)
        if filters.measure:
            keep &= data["measure"] == filters.measure
    if fact == "exchange":
        if filters.direction:
            keep &= data["direction"] == filters.direction
        if filters.kinds:
            keep &= data["kind"].isin(filters.kinds)
    return data[keep]


# The columns beyond the filters that each exchange query needs.
_EXCHANGE_FIGURES: dict[str, tuple[str, ...]] = {
    "exchanges_by_partner_country": ("participants",),
    "exchanges_by_province": ("participants",),
    "exchanges_by_partner_locality": ("partner_locality",),
}


def _province_codes(data: pd.DataFrame, column: str, provinces: pd.DataFrame) -> pd.DataFrame:
    """`data` with the province id in `column` replaced by its code; rows with none dropped."""
    data = data[data[column].notna()].astype({column: "int64"})
    codes = provinces[["id", "code"]].rename(columns={"id": column, "code": "province_code"})
    return data.merge(codes, on=column, how="inner").drop(columns=[column])


def _member_totals(data: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return (
        data.groupby(keys, dropna=False)
        .agg(
            members=("members", "sum"),
            chapters=("chapters", "sum"),
            associations=("organization_id", "nunique"),
        )
        .reset_index()
    )


def _pandas(
    query: ChartQuery, connection: Connection, filters: Filters, provinces: pd.DataFrame
) -> pd.DataFrame:
    """The aggregate of one chart query, computed in pandas from the loaded fact table."""
    province = province_column(filters)
    money = money_column(query.options.get("currency", CURRENCY))
    name = query.name
    if name == "overview_by_year":
        members = filter_frame(
            load_fact(connection, "membership", ["members", "organization_id"]),
            "membership",
            filters,
            provinces,
        )
        aid = filter_frame(
            load_fact(connection, "aid", [money]), "aid", filters.with_(measure=None), provinces
        )
        exchanges = filter_frame(
            load_fact(connection, "exchange", []), "exchange", filters, provinces
        )
        per_year = [
            members.groupby("year").agg(
                members=("members", "sum"), associations=("organization_id", "nunique")
            ),
            aid[aid["measure"] == Measure.DISBURSED.value]
            .groupby("year")
            .agg(aid_disbursed=(money, "sum")),
            exchanges.groupby("year").size().rename("exchanges"),
        ]
        return pd.concat(per_year, axis=1).fillna(0).reset_index()
    if query.page == "members":
        data = filter_frame(
            load_fact(connection, "membership", ["members", "chapters", "organization_id"]),
            "membership",
            filters,
            provinces,
        )
        if name == "members_by_year":
            return _member_totals(data, ["year"])
        if name == "members_by_province":
            totals = _member_totals(data[data[province].notna()], ["year", province])
            return _province_codes(totals, province, provinces)
        data = data[data["country_code"].notna()]
        return _member_totals(data, ["year", "country_code"])
    if query.page == "aid":
        chosen = filters.with_(measure=None) if name == "aid_committed_vs_disbursed" else filters
        data = filter_frame(load_fact(connection, "aid", [money]), "aid", chosen, provinces)
        if name == "aid_by_sector":
            return data.groupby("sector_code").agg(amount=(money, "sum")).reset_index()
        if name == "aid_by_year_and_sector":
            return data.groupby(["year", "sector_code"]).agg(amount=(money, "sum")).reset_index()
        if name == "aid_by_donor_country":
            return (
                data.groupby("country_code", dropna=False).agg(amount=(money, "sum")).reset_index()
            )
        committed = data[money].where(data["measure"] == Measure.COMMITTED.value, 0)
        disbursed = data[money].where(data["measure"] == Measure.DISBURSED.value, 0)
        return (
            data.assign(committed=committed, disbursed=disbursed)
            .groupby("year")[["committed", "disbursed"]]
            .sum()
            .reset_index()
        )
    figures = _EXCHANGE_FIGURES.get(name, ())
    data = filter_frame(load_fact(connection, "exchange", figures), "exchange", filters, provinces)
    if name == "exchanges_by_partner_country":
        return (
            data[data["country_code"].notna()]
            .groupby("country_code")
            .agg(exchanges=("year", "size"), participants=("participants", "sum"))
            .reset_index()
        )
    if name == "exchanges_by_province":
        totals = (
            data.groupby(province)
            .agg(exchanges=("year", "size"), participants=("participants", "sum"))
            .reset_index()
        )
        return _province_codes(totals, province, provinces)
    if name == "exchanges_by_year_and_direction":
        return data.groupby(["year", "direction"]).size().rename("exchanges").reset_index()
    if name == "exchanges_by_partner_locality":
        counted = (
            data[data["partner_locality"].notna()]
            .groupby(["country_code", "partner_locality"], dropna=False)
            .size()
            .rename("exchanges")
            .reset_index()
        )
        # Ties broken as the chart query breaks them: by locality, then country ("" for none).
        counted["tie"] = counted["country_code"].fillna("")
        ranked = counted.sort_values(
            ["exchanges", "partner_locality", "tie"], ascending=[False, True, True], kind="stable"
        )
        return ranked.head(int(query.options["limit"])).drop(columns=["tie"])
    totals = (
        data[data["country_code"].notna()]
        .groupby([province, "country_code"])
        .size()
        .rename("exchanges")
        .reset_index()
    )
    return _province_codes(totals, province, provinces)


def run_pandas(query: ChartQuery, *, engine: Engine, filters: Filters) -> pd.DataFrame:
    """Load, filter and group in pandas; a fresh load every call, as a dashboard rerun does."""
    with engine.connect() as connection:
        provinces = pd.read_sql(text("SELECT id, code, province_list FROM province"), connection)
        return _pandas(query, connection, filters, provinces)


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
