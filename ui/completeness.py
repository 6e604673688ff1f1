"""The reporting status: which provinces reported what for a year, and when it was loaded."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import streamlit as st

from datastore import queries
from datastore.filters import Filters
from datastore.queries.reports import reporting_status
from i18n.catalogue import Lang, t
from i18n.formatting import format_day, format_moment, format_number
from ui.data import lookup
from ui.render import show_no_data


def show_reporting_status(filters: Filters, *, lang: Lang) -> None:
    """A year chooser, a one-line summary and one row per unit of the filters' list."""
    years: list[int] = lookup(queries.list_years)
    if not years:
        show_no_data(lang)
        return
    offered = sorted(years, reverse=True)
    wanted = filters.year_to if filters.year_to in offered else offered[0]
    year = st.selectbox(
        t("completeness.year", lang), offered, index=offered.index(wanted), key="completeness_year"
    )
    status: pd.DataFrame = lookup(
        reporting_status, province_list=filters.province_list, year=int(year)
    )
    reported = {
        kind: int(status[kind].notna().sum()) for kind in ("members", "aid_rows", "exchanges")
    }
    st.markdown(
        t(
            "completeness.summary",
            lang,
            year=year,
            total=len(status),
            members=reported["members"],
            aid=reported["aid_rows"],
            exchanges=reported["exchanges"],
        )
    )
    st.dataframe(shown_status(status, lang), hide_index=True, key="completeness_table")


def shown_status(status: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The status as text: "not reported" (or "merged into X") in place of a missing count."""
    missing = t("compare.not_reported", lang)

    def count(value: float | None) -> str:
        return missing if value is None or pd.isna(value) else format_number(value, lang)

    def when(value: object) -> str:
        if isinstance(value, datetime):
            return format_moment(value)
        return format_day(value) if isinstance(value, date) else ""

    shown = pd.DataFrame({t("completeness.province", lang): status["province"]})
    shown[t("completeness.members", lang)] = status["members"].map(count)
    shown[t("metric.associations", lang)] = status["associations"].map(count)
    shown[t("completeness.members_loaded", lang)] = status["members_loaded_at"].map(when)
    shown[t("completeness.aid_rows", lang)] = status["aid_rows"].map(count)
    shown[t("completeness.aid_loaded", lang)] = status["aid_loaded_at"].map(when)
    shown[t("completeness.exchanges", lang)] = status["exchanges"].map(count)
    shown[t("completeness.latest_exchange", lang)] = status["latest_exchange"].map(when)
    shown[t("completeness.exchanges_loaded", lang)] = status["exchanges_loaded_at"].map(when)
    shown[t("completeness.note", lang)] = status["merged_into"].map(
        lambda unit: t("compare.merged", lang, unit=unit) if isinstance(unit, str) else ""
    )
    return shown
