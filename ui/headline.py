"""The row of headline figures on the overview: a year, its change on the year before, trend."""

from __future__ import annotations

from datetime import date
from typing import Literal

import pandas as pd
import streamlit as st

from datastore.filters import Filters
from datastore.queries.comparisons import HEADLINE_METRICS, Change, Headline, Status, headline
from i18n.catalogue import Lang, t
from i18n.formatting import MISSING, Currency, format_change, format_day, format_number, money_scale
from ui.data import lookup


def today() -> date:
    """The day a headline is read on; which years are over depends on it (tests set it)."""
    return date.today()


def show_headline(
    filters: Filters, by_year: pd.DataFrame, *, lang: Lang, currency: Currency
) -> None:
    """Four metrics of the headline year, each with its change (or why none) and its trend."""
    result: Headline | None = lookup(
        headline, filters=filters, lang=lang, currency=currency, today=today()
    )
    if result is None:
        return
    st.subheader(t("overview.headline", lang, year=result.year))
    merged_into = dict(result.merged_into)
    successor = ", ".join(dict.fromkeys(merged_into.values()))
    for column, change in zip(st.columns(len(HEADLINE_METRICS)), result.changes, strict=True):
        label, shown = metric_label_and_value(change, by_year, lang=lang, currency=currency)
        trend = by_year[change.metric].dropna() if change.metric in by_year else pd.Series()
        delta = change_text(change, lang)
        colour, arrow = delta_look(delta)
        column.metric(
            label,
            shown,
            delta=delta,
            delta_color=colour,
            delta_arrow=arrow,
            delta_description=change_description(change, result.year, successor, lang),
            chart_data=[float(v) for v in trend],
            chart_type="bar" if change.metric == "exchanges" else "line",
            border=True,
            # Amounts are converted at each year's rate, so a change includes the rate's.
            help=t("aid_meaning.exchange_rate", lang) if change.metric == "aid_disbursed" else None,
        )
    if any(change.status is Status.RESTRUCTURED for change in result.changes):
        note = t("compare.restructured_note", lang, year=result.year, previous=result.year - 1)
        st.caption(note)
    for old, new in result.merged_into:
        st.caption(t("compare.merged_note", lang, old=old, new=new))
    if result.later is not None:
        later = result.later
        st.caption(
            t(
                "compare.later",
                lang,
                year=later.year,
                records=format_number(later.records, lang),
                until=t("compare.until", lang, day=format_day(later.through))
                if later.through
                else "",
                shown=result.year,
            )
        )


def metric_label_and_value(
    change: Change, by_year: pd.DataFrame, *, lang: Lang, currency: Currency
) -> tuple[str, str]:
    """The card's label and its figure; a dash where nothing was reported."""
    label = t(f"metric.{change.metric}", lang)
    divisor = 1.0
    if change.metric == "aid_disbursed":
        # The unit goes in the label so the figure itself stays short enough to show whole.
        largest = by_year[change.metric].max() if change.metric in by_year else None
        divisor, unit = money_scale(float(largest) if pd.notna(largest) else change.value, currency)
        label = f"{label} ({t(unit, lang)})"
    if change.value is None:
        # A dash: "not reported" (or "merged") goes below it, where a long word has room.
        return label, MISSING
    decimals = 1 if divisor > 1 else 0
    return label, format_number(change.value / divisor, lang, decimals=decimals)


def delta_look(delta: str | None) -> tuple[Literal["normal", "off"], Literal["auto", "off"]]:
    """Colour and arrow of a change: none for "0,0 %", which Streamlit would show as growth."""
    if delta is not None and not delta.startswith(("+", "-")):
        return "off", "off"
    return "normal", "auto"


def change_text(change: Change, lang: Lang) -> str | None:
    """The change in per cent, only where something was compared."""
    if change.status not in (Status.COMPARED, Status.PARTIAL) or change.previous is None:
        return None
    return format_change(change.current, change.previous, lang)


def change_description(change: Change, year: int, successor: str, lang: Lang) -> str | None:
    """What the change was computed on, or why there is none."""
    previous = year - 1
    status = change.status
    if status is Status.MERGED:
        return t("compare.merged", lang, unit=successor) if successor else None
    if status is Status.RESTRUCTURED:
        return t("compare.restructured", lang, year=previous)
    if status is Status.PREVIOUS_NOT_REPORTED:
        return t("compare.previous_not_reported", lang, year=previous)
    if status is Status.NOT_REPORTED:
        return t("compare.not_reported", lang)
    if change.previous is None:  # partial yearly figure: nothing compared
        return t("compare.partial", lang, year=year)
    if change.through is not None:
        day = format_day(change.through)
        if change.compared < change.reporting:
            return t(
                "compare.same_days_on_provinces",
                lang,
                year=previous,
                day=day,
                count=change.compared,
                total=change.reporting,
            )
        return t("compare.same_days", lang, year=previous, day=day)
    if change.compared < change.reporting:
        key = (
            "compare.on_associations" if change.basis == "associations" else "compare.on_provinces"
        )
        return t(key, lang, year=previous, count=change.compared, total=change.reporting)
    return t("overview.vs_previous", lang, year=previous)
