"""The naive twin of each chart query: load the fact table into pandas, then filter and group.

What a dashboard without SQL aggregation would do on every rerun: it loads every column a
filter may look at from `membership`, `aid` or `exchange`, never a pre-aggregated table.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from bench.floor import money_column, province_column
from bench.queries import CURRENCY, ChartQuery
from datastore.filters import Filters
from datastore.models.facts import Measure
from datastore.models.reference import ProvinceList

# Every column a filter may look at, loaded whatever the query (the naive dashboard filters in
# pandas, so it needs them all).
_FILTER_COLUMNS = {
    "membership": ("year", "province_2025_id", "province_63_id", "country_code"),
    "aid": (
        "year",
        "province_2025_id",
        "province_63_id",
        "country_code",
        "sector_code",
        "measure",
        "donor_kind",
        "period_start",
        "period_end",
    ),
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
        # Yearly foreign NGO aid only (datastore.filters.yearly_pcpnn).
        keep &= data["donor_kind"] == "foreign_ngo"
        keep &= (
            pd.to_datetime(data["period_start"]).dt.year
            == pd.to_datetime(data["period_end"]).dt.year
        )
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


def _restated_on(connection: Connection, members: pd.DataFrame, last: int) -> pd.Series:
    """Each members row's association; before `last`, its successor as of `last` if any."""
    links = pd.read_sql(
        text("SELECT predecessor_id, successor_id, date FROM organization_succession"),
        connection,
    )
    links = links[pd.to_datetime(links["date"]).dt.year <= last]
    # A predecessor with several successors (a split) stays itself.
    single = links.drop_duplicates("predecessor_id", keep=False)
    step = single.set_index("predecessor_id")["successor_id"]
    earlier = members["year"] < last
    organization = members["organization_id"].copy()
    for _ in range(len(step)):  # one step along each chain of successions per round
        following = organization[earlier].map(step)
        if following.isna().all():
            break
        organization[earlier] = following.fillna(organization[earlier]).astype("int64")
    return organization


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
        paid = aid[aid["measure"] == Measure.DISBURSED.value]
        last = max([*members["year"], *paid["year"], *exchanges["year"]], default=0)
        members = members.assign(organization_id=_restated_on(connection, members, last))
        per_year = [
            members.groupby("year").agg(
                members=("members", "sum"), associations=("organization_id", "nunique")
            ),
            paid.groupby("year").agg(aid_disbursed=(money, "sum")),
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
