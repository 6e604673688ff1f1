"""Delegations and other exchanges, counted by partner country, province, year and locality.

Every query reads the smallest exchange rollup that holds its columns (datastore.rollups), where
a row stands for `exchanges` facts and their `participants`; a count of facts is a sum there.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd
from sqlalchemy import Select, func, select
from sqlmodel import Session

from datastore.filters import Filters
from datastore.localities import locality_name
from datastore.queries._base import (
    COUNTRY,
    EXCHANGE,
    PROVINCE,
    apply_filters,
    country_name,
    exchange_rollup,
    fetch,
    frame,
    province_column,
    sort_frame,
)
from datastore.queries.reports import province_label
from i18n.catalogue import Lang, as_lang


def exchanges_by_partner_country(
    *, session: Session, filters: Filters, lang: Lang = "vi"
) -> pd.DataFrame:
    """Exchanges and participants per partner country; exchanges with no country left out."""
    rollup = exchange_rollup(filters, group_by=["country_code"])
    e = rollup.c
    totals = apply_filters(
        select(
            e.country_code,
            func.sum(e.exchanges).label("exchanges"),
            func.sum(e.participants).label("participants"),
        )
        .where(e.country_code.is_not(None))
        .group_by(e.country_code),
        rollup,
        filters,
    ).subquery()
    stmt = select(
        totals.c.country_code, country_name(lang), totals.c.exchanges, totals.c.participants
    ).join_from(totals, COUNTRY, COUNTRY.c.code == totals.c.country_code)
    data = frame(
        fetch(session, stmt),
        {
            "country_code": "object",
            "country": "object",
            "exchanges": "int64",
            "participants": "int64",
        },
    )
    return sort_frame(data, ["country"])


def exchanges_by_province(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """Exchanges and participants per province of the chosen list, with its centre for maps."""
    as_lang(lang)
    rollup = exchange_rollup(filters, group_by=[province_column(EXCHANGE, filters).name])
    province_id = province_column(rollup, filters)
    totals = apply_filters(
        select(
            province_id.label("province_id"),
            func.sum(rollup.c.exchanges).label("exchanges"),
            func.sum(rollup.c.participants).label("participants"),
        ).group_by(province_id),
        rollup,
        filters,
    ).subquery()
    stmt = select(
        PROVINCE.c.code,
        province_label(filters, lang),
        PROVINCE.c.latitude,
        PROVINCE.c.longitude,
        totals.c.exchanges,
        totals.c.participants,
    ).join_from(totals, PROVINCE, PROVINCE.c.id == totals.c.province_id)
    data = frame(
        fetch(session, stmt),
        {
            "province_code": "object",
            "province": "object",
            "latitude": "float64",
            "longitude": "float64",
            "exchanges": "int64",
            "participants": "int64",
        },
    )
    return sort_frame(data, ["province"])


def exchanges_by_year_and_direction(
    *, session: Session, filters: Filters, lang: Lang = "vi"
) -> pd.DataFrame:
    """Exchanges per year and direction ("incoming"/"outgoing"), sorted by year, then direction."""
    as_lang(lang)
    rollup = exchange_rollup(filters, group_by=["year", "direction"])
    e = rollup.c
    stmt = apply_filters(
        select(e.year, e.direction, func.sum(e.exchanges).label("exchanges")).group_by(
            e.year, e.direction
        ),
        rollup,
        filters,
    )
    data = frame(
        fetch(session, stmt), {"year": "int64", "direction": "object", "exchanges": "int64"}
    )
    return sort_frame(data, ["year", "direction"])


def exchanges_by_partner_locality(
    *, session: Session, filters: Filters, lang: Lang = "vi", limit: int = 10
) -> pd.DataFrame:
    """The `limit` partner localities with most exchanges, most first; no locality left out.

    Localities are named in `lang` (an English name where one is known, else as reported).
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    rollup = exchange_rollup(filters, group_by=["country_code", "partner_locality"])
    e = rollup.c
    exchanges = func.sum(e.exchanges).label("exchanges")
    top = (
        apply_filters(
            select(e.country_code, e.partner_locality, exchanges)
            .where(e.partner_locality.is_not(None))
            .group_by(e.country_code, e.partner_locality),
            rollup,
            filters,
        )
        # Ties at the cut are broken by name so that both databases keep the same rows.
        .order_by(exchanges.desc(), e.partner_locality, func.coalesce(e.country_code, ""))
        .limit(limit)
        .subquery()
    )
    stmt = select(
        top.c.country_code, country_name(lang), top.c.partner_locality, top.c.exchanges
    ).join_from(top, COUNTRY, COUNTRY.c.code == top.c.country_code, isouter=True)
    data = frame(
        fetch(session, stmt),
        {
            "country_code": "object",
            "country": "object",
            "partner_locality": "object",
            "exchanges": "int64",
        },
    )
    localities = data["partner_locality"]
    data["partner_locality"] = localities.map(lambda name: locality_name(name, lang)).astype(
        localities.dtype
    )
    return sort_frame(data, ["exchanges", "partner_locality", "country"], descending=["exchanges"])


def exchanges_by_province_and_country(
    *, session: Session, filters: Filters, lang: Lang = "vi"
) -> pd.DataFrame:
    """Exchanges per province of the chosen list and partner country; no country left out."""
    data = frame(
        fetch(session, _province_and_country(filters, as_lang(lang))),
        {
            "province_code": "object",
            "province": "object",
            "country_code": "object",
            "country": "object",
            "exchanges": "int64",
        },
    )
    return sort_frame(data, ["province", "country"])


# The statement is a pure function of the filters and the language, and building it costs
# about a tenth of this chart's time (measured at scale 10), so each is built once.
@lru_cache(maxsize=256)
def _province_and_country(filters: Filters, lang: Lang) -> Select[Any]:
    """Exchanges per (province, partner country) with both names, for `filters` in `lang`."""
    rollup = exchange_rollup(
        filters, group_by=[province_column(EXCHANGE, filters).name, "country_code"]
    )
    province_id, country_code = province_column(rollup, filters), rollup.c.country_code
    totals = apply_filters(
        select(
            province_id.label("province_id"),
            country_code,
            func.sum(rollup.c.exchanges).label("exchanges"),
        )
        .where(country_code.is_not(None))
        .group_by(province_id, country_code),
        rollup,
        filters,
    ).subquery()
    return (
        select(
            PROVINCE.c.code,
            province_label(filters, lang),
            totals.c.country_code,
            country_name(lang),
            totals.c.exchanges,
        )
        .select_from(totals)
        .join(PROVINCE, PROVINCE.c.id == totals.c.province_id)
        .join(COUNTRY, COUNTRY.c.code == totals.c.country_code)
    )
