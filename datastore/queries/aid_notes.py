"""What the aid totals leave out, to be shown beside them: multi-year figures and non-PCPNN aid."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from datastore.calendar_year import calendar_year
from datastore.filters import Filters, conditions, unit_column
from datastore.models.facts import DonorKind
from datastore.queries._base import AID, PROVINCE, fetch, frame, money_column, money_sum
from i18n.catalogue import Lang, as_lang
from i18n.formatting import Currency

_A = AID.c
_COLUMNS = {
    "note": "object",  # multi_year, or the donor kind shown apart: domestic, foreign_other
    "measure": "object",
    "province": "object",
    "period_start": "object",
    "period_end": "object",
    "amount": "float64",
}


def aid_notes(
    *, session: Session, filters: Filters, lang: Lang = "vi", currency: Currency = "VND"
) -> pd.DataFrame:
    """Aid the yearly PCPNN totals leave out, in the slice of `filters`.

    One row per foreign NGO amount whose period spans more than one calendar year and overlaps
    the chosen years (not counted in any year); then one row per other donor kind (domestic,
    other foreign) with its total over the chosen years, shown apart from PCPNN aid.
    """
    as_lang(lang)
    money = money_column(currency)
    unit = _A[unit_column(filters)]
    multi_year = (
        select(_A.measure, PROVINCE.c.short_name, _A.period_start, _A.period_end, money_sum(money))
        .join(PROVINCE, PROVINCE.c.id == unit)
        .where(
            *conditions(filters.with_(year_from=None, year_to=None), AID),
            *_overlapping(filters),
            _A.donor_kind == DonorKind.FOREIGN_NGO.value,
            calendar_year(_A.period_start) != calendar_year(_A.period_end),
        )
        .group_by(_A.measure, PROVINCE.c.short_name, _A.period_start, _A.period_end)
        .order_by(_A.period_start, _A.period_end, PROVINCE.c.short_name, _A.measure)
    )
    apart = (
        select(_A.donor_kind, money_sum(money))
        .where(*conditions(filters, AID), _A.donor_kind != DonorKind.FOREIGN_NGO.value)
        .group_by(_A.donor_kind)
        .order_by(_A.donor_kind)
    )
    rows: list[tuple[Any, ...]] = [
        ("multi_year", measure, province, _day(start), _day(end), float(amount))
        for measure, province, start, end, amount in fetch(session, multi_year)
    ]
    rows += [
        (kind, None, None, None, None, float(amount)) for kind, amount in fetch(session, apart)
    ]
    return frame(rows, _COLUMNS)


def _overlapping(filters: Filters) -> list[Any]:
    """Periods that share at least a day with the chosen years."""
    found = []
    if filters.year_from is not None:
        found.append(_A.period_end >= date(filters.year_from, 1, 1))
    if filters.year_to is not None:
        found.append(_A.period_start <= date(filters.year_to, 12, 31))
    return found


def _day(value: Any) -> date:
    """A date column as a date (SQLite may hand back its text)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))
