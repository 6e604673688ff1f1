"""Members, chapters and associations of the friendship organisations, by year."""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, distinct, func, select
from sqlmodel import Session

from datastore.filters import Filters
from datastore.queries._base import (
    COUNTRY,
    MEMBERSHIP,
    PROVINCE,
    apply_filters,
    country_name,
    fetch,
    frame,
    province_column,
    sort_frame,
)
from datastore.queries.reports import province_label
from i18n.catalogue import Lang, as_lang

_M = MEMBERSHIP.c


def _totals() -> tuple[ColumnElement[Any], ColumnElement[Any], ColumnElement[Any]]:
    """Members, chapters (missing counts as none) and associations with a row in the year."""
    return (
        func.coalesce(func.sum(_M.members), 0).label("members"),
        func.coalesce(func.sum(_M.chapters), 0).label("chapters"),
        func.count(distinct(_M.organization_id)).label("associations"),
    )


def members_by_year(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """Members, chapters and associations per year."""
    as_lang(lang)
    stmt = apply_filters(select(_M.year, *_totals()).group_by(_M.year), MEMBERSHIP, filters)
    data = frame(
        fetch(session, stmt),
        {"year": "int64", "members": "int64", "chapters": "int64", "associations": "int64"},
    )
    return sort_frame(data, ["year"])


def members_by_province(*, session: Session, filters: Filters, lang: Lang = "vi") -> pd.DataFrame:
    """Members, chapters and associations per province (of the chosen list) and year."""
    as_lang(lang)
    province_id = province_column(MEMBERSHIP, filters)
    totals = apply_filters(
        select(_M.year, province_id.label("province_id"), *_totals()).group_by(
            _M.year, province_id
        ),
        MEMBERSHIP,
        filters,
    ).subquery()
    stmt = select(
        totals.c.year,
        PROVINCE.c.code,
        province_label(filters, lang),
        totals.c.members,
        totals.c.chapters,
        totals.c.associations,
    ).join_from(totals, PROVINCE, PROVINCE.c.id == totals.c.province_id)
    data = frame(
        fetch(session, stmt),
        {
            "year": "int64",
            "province_code": "object",
            "province": "object",
            "members": "int64",
            "chapters": "int64",
            "associations": "int64",
        },
    )
    return sort_frame(data, ["province", "year"])


def members_by_partner_country(
    *, session: Session, filters: Filters, lang: Lang = "vi"
) -> pd.DataFrame:
    """Members and associations per partner country and year; rows with no country left out."""
    totals = apply_filters(
        select(
            _M.year,
            _M.country_code,
            func.coalesce(func.sum(_M.members), 0).label("members"),
            func.count(distinct(_M.organization_id)).label("associations"),
        )
        .where(_M.country_code.is_not(None))
        .group_by(_M.year, _M.country_code),
        MEMBERSHIP,
        filters,
    ).subquery()
    stmt = select(
        totals.c.year,
        totals.c.country_code,
        country_name(lang),
        totals.c.members,
        totals.c.associations,
    ).join_from(totals, COUNTRY, COUNTRY.c.code == totals.c.country_code)
    data = frame(
        fetch(session, stmt),
        {
            "year": "int64",
            "country_code": "object",
            "country": "object",
            "members": "int64",
            "associations": "int64",
        },
    )
    return sort_frame(data, ["country", "year"])
