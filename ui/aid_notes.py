"""The lines under the aid charts and the overview: what the PCPNN totals leave out, and why."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from datastore import queries
from datastore.filters import Filters
from i18n.catalogue import Lang, t
from i18n.formatting import Currency, format_day, format_money
from ui.data import lookup


def note_lines(notes: pd.DataFrame, *, lang: Lang, currency: Currency) -> list[str]:
    """One line per multi-year amount, then one per kind of donor shown apart."""
    lines: list[str] = []
    for row in notes.to_dict("records"):
        amount = format_money(float(row["amount"]), currency, lang)
        if row["note"] == "multi_year":
            lines.append(
                t(
                    f"aid_meaning.multi_year.{row['measure']}",
                    lang,
                    amount=amount,
                    period=_period(row["period_start"], row["period_end"]),
                    place=row["province"],
                )
            )
        else:
            lines.append(t(f"aid_meaning.apart.{row['note']}", lang, amount=amount))
    return lines


def _period(start: date, end: date) -> str:
    """Whole calendar years as 2013–2020, any other span day by day."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start.year}–{end.year}"
    return f"{format_day(start)}–{format_day(end)}"


def show_aid_notes(
    filters: Filters, *, lang: Lang, currency: Currency, exchange_rate: bool = False
) -> None:
    """The notes for this slice as captions; with `exchange_rate`, how amounts are converted."""
    notes = lookup(queries.aid_notes, filters=filters, lang=lang, currency=currency)
    lines = note_lines(notes, lang=lang, currency=currency)
    if exchange_rate:
        lines.append(t("aid_meaning.exchange_rate", lang))
    for line in lines:
        st.caption(line)
