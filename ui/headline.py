"""The row of headline figures on the overview: latest year, change on the year before, trend."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n.catalogue import Lang, t
from i18n.formatting import Currency, format_change, format_number, money_scale

_METRICS = ("members", "associations", "aid_disbursed", "exchanges")


def show_headline(by_year: pd.DataFrame, *, lang: Lang, currency: Currency) -> None:
    """Four metrics for the latest year shown, with their change and a small trend line."""
    latest = by_year.iloc[-1]
    previous = by_year.iloc[-2] if len(by_year) > 1 else None
    year = int(latest["year"])
    st.subheader(t("overview.headline", lang, year=year))
    for column, metric in zip(st.columns(len(_METRICS)), _METRICS, strict=True):
        value = float(latest[metric])
        before = float(previous[metric]) if previous is not None else None
        label, shown = t(f"metric.{metric}", lang), format_number(value, lang)
        if metric == "aid_disbursed":
            # The unit goes in the label so the figure itself stays short enough to show whole.
            divisor, unit = money_scale(float(by_year[metric].max()), currency)
            label = f"{label} ({t(unit, lang)})"
            shown = format_number(value / divisor, lang, decimals=1 if divisor > 1 else 0)
        column.metric(
            label,
            shown,
            delta=format_change(value, before, lang),
            delta_description=(
                t("overview.vs_previous", lang, year=int(previous["year"]))
                if previous is not None
                else None
            ),
            chart_data=[float(v) for v in by_year[metric]],
            chart_type="bar" if metric == "exchanges" else "line",
            border=True,
            # Amounts are converted at each year's rate, so a change includes the rate's.
            help=t("aid_meaning.exchange_rate", lang) if metric == "aid_disbursed" else None,
        )
