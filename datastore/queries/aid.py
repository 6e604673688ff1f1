"""Foreign non-governmental aid, in VND or USD, by sector, year and donor country."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, case, select
from sqlmodel import Session

from datastore.filters import Filters
from datastore.models.facts import Measure
from datastore.queries._base import (
    AID,
    COUNTRY,
    SECTOR,
    apply_filters,
    country_name,
    fetch,
    frame,
    money_column,
    money_sum,
    sector_columns,
    sort_frame,
)
from i18n.catalogue import Lang, as_lang, t
from i18n.formatting import Currency

_A = AID.c


def aid_by_sector(
    *, session: Session, filters: Filters, lang: Lang = "vi", currency: Currency = "VND"
) -> pd.DataFrame:
    """Aid amount per DAC sector over the chosen years."""
    money = money_column(currency)
    totals = apply_filters(
        select(_A.sector_code, money_sum(money).label("amount")).group_by(_A.sector_code),
        AID,
        filters,
    ).subquery()
    name, group = sector_columns(lang)
    stmt = select(totals.c.sector_code, name, group, totals.c.amount).join_from(
        totals, SECTOR, SECTOR.c.code == totals.c.sector_code
    )
    data = frame(
        fetch(session, stmt),
        {
            "sector_code": "object",
            "sector": "object",
            "sector_group": "object",
            "amount": "float64",
        },
    )
    return sort_frame(data, ["sector", "sector_code"])


def aid_by_year_and_sector(
    *, session: Session, filters: Filters, lang: Lang = "vi", currency: Currency = "VND"
) -> pd.DataFrame:
    """Aid amount per year and DAC sector."""
    money = money_column(currency)
    totals = apply_filters(
        select(_A.year, _A.sector_code, money_sum(money).label("amount")).group_by(
            _A.year, _A.sector_code
        ),
        AID,
        filters,
    ).subquery()
    name, _group = sector_columns(lang)
    stmt = select(totals.c.year, totals.c.sector_code, name, totals.c.amount).join_from(
        totals, SECTOR, SECTOR.c.code == totals.c.sector_code
    )
    data = frame(
        fetch(session, stmt),
        {"year": "int64", "sector_code": "object", "sector": "object", "amount": "float64"},
    )
    return sort_frame(data, ["sector", "sector_code", "year"])


def aid_committed_vs_disbursed(
    *, session: Session, filters: Filters, lang: Lang = "vi", currency: Currency = "VND"
) -> pd.DataFrame:
    """Committed and disbursed aid per year and their ratio; the measure filter does not apply."""
    as_lang(lang)
    money = money_column(currency)
    stmt = apply_filters(
        select(
            _A.year,
            _measure_total(money, Measure.COMMITTED).label("committed"),
            _measure_total(money, Measure.DISBURSED).label("disbursed"),
        ).group_by(_A.year),
        AID,
        filters.with_(measure=None),
    )
    rows = [
        (year, float(committed), float(disbursed), _rate(float(disbursed), float(committed)))
        for year, committed, disbursed in fetch(session, stmt)
    ]
    data = frame(
        rows,
        {
            "year": "int64",
            "committed": "float64",
            "disbursed": "float64",
            "disbursement_rate": "float64",
        },
    )
    return sort_frame(data, ["year"])


def _measure_total(money: ColumnElement[Any], measure: Measure) -> ColumnElement[Any]:
    """Sum of the amounts of one measure, in one pass over the rows of both."""
    return money_sum(case((_A.measure == measure.value, money), else_=0))


def _rate(disbursed: float, committed: float) -> float:
    """Share of the commitment paid out; undefined (NaN) when nothing was committed."""
    return disbursed / committed if committed else math.nan


def aid_by_donor_country(
    *, session: Session, filters: Filters, lang: Lang = "vi", currency: Currency = "VND"
) -> pd.DataFrame:
    """Aid amount per donor country; foreign NGOs of no stated country form one row, unspecified."""
    money = money_column(currency)
    totals = apply_filters(
        select(_A.country_code, money_sum(money).label("amount")).group_by(_A.country_code),
        AID,
        filters,
    ).subquery()
    stmt = select(totals.c.country_code, country_name(lang), totals.c.amount).join_from(
        totals, COUNTRY, COUNTRY.c.code == totals.c.country_code, isouter=True
    )
    rows = [
        (code, name if code is not None else t("donor_country.unspecified", lang), amount)
        for code, name, amount in fetch(session, stmt)
    ]
    data = frame(rows, {"country_code": "object", "country": "object", "amount": "float64"})
    return sort_frame(data, ["country", "country_code"])
