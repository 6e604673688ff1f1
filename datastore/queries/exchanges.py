"""Delegations and other exchanges, counted by partner country, province, year and locality."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlmodel import Session

from datastore.filters import Filters
from datastore.queries._base import (
    COUNTRY,
    EXCHANGE,
    PROVINCE,
    apply_filters,
    check_lang,
    country_name,
    fetch,
    frame,
    province_column,
    sort_frame,
)

_E = EXCHANGE.c


def exchanges_by_partner_country(
    *, session: Session, filters: Filters, lang: str = "vi"
) -> pd.DataFrame:
    """Exchanges and participants per partner country; exchanges with no country left out."""
    totals = apply_filters(
        select(
            _E.country_code,
            func.count().label("exchanges"),
            func.coalesce(func.sum(_E.participants), 0).label("participants"),
        )
        .where(_E.country_code.is_not(None))
        .group_by(_E.country_code),
        EXCHANGE,
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


def exchanges_by_province(*, session: Session, filters: Filters, lang: str = "vi") -> pd.DataFrame:
    """Exchanges and participants per province of the chosen list, with its centre for maps."""
    check_lang(lang)
    province_id = province_column(EXCHANGE, filters)
    totals = apply_filters(
        select(
            province_id.label("province_id"),
            func.count().label("exchanges"),
            func.coalesce(func.sum(_E.participants), 0).label("participants"),
        ).group_by(province_id),
        EXCHANGE,
        filters,
    ).subquery()
    stmt = select(
        PROVINCE.c.code,
        PROVINCE.c.short_name,
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
    *, session: Session, filters: Filters, lang: str = "vi"
) -> pd.DataFrame:
    """Exchanges per year and direction ("incoming"/"outgoing"), sorted by year, then direction."""
    check_lang(lang)
    stmt = apply_filters(
        select(_E.year, _E.direction, func.count().label("exchanges")).group_by(
            _E.year, _E.direction
        ),
        EXCHANGE,
        filters,
    )
    data = frame(
        fetch(session, stmt), {"year": "int64", "direction": "object", "exchanges": "int64"}
    )
    return sort_frame(data, ["year", "direction"])


def exchanges_by_partner_locality(
    *, session: Session, filters: Filters, lang: str = "vi", limit: int = 10
) -> pd.DataFrame:
    """The `limit` partner localities with most exchanges, most first; no locality left out."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    exchanges = func.count().label("exchanges")
    top = (
        apply_filters(
            select(_E.country_code, _E.partner_locality, exchanges)
            .where(_E.partner_locality.is_not(None))
            .group_by(_E.country_code, _E.partner_locality),
            EXCHANGE,
            filters,
        )
        # Ties at the cut are broken by name so that both databases keep the same rows.
        .order_by(exchanges.desc(), _E.partner_locality, func.coalesce(_E.country_code, ""))
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
    return sort_frame(data, ["exchanges", "partner_locality", "country"], descending=["exchanges"])


def exchanges_by_province_and_country(
    *, session: Session, filters: Filters, lang: str = "vi"
) -> pd.DataFrame:
    """Exchanges per province of the chosen list and partner country; no country left out."""
    province_id = province_column(EXCHANGE, filters)
    totals = apply_filters(
        select(province_id.label("province_id"), _E.country_code, func.count().label("exchanges"))
        .where(_E.country_code.is_not(None))
        .group_by(province_id, _E.country_code),
        EXCHANGE,
        filters,
    ).subquery()
    stmt = (
        select(
            PROVINCE.c.code,
            PROVINCE.c.short_name,
            totals.c.country_code,
            country_name(lang),
            totals.c.exchanges,
        )
        .select_from(totals)
        .join(PROVINCE, PROVINCE.c.id == totals.c.province_id)
        .join(COUNTRY, COUNTRY.c.code == totals.c.country_code)
    )
    data = frame(
        fetch(session, stmt),
        {
            "province_code": "object",
            "province": "object",
            "country_code": "object",
            "country": "object",
            "exchanges": "int64",
        },
    )
    return sort_frame(data, ["province", "country"])
