"""The reporting status: which provinces reported what for a year, and when it was loaded."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import streamlit as st

from datastore import queries
from datastore.filters import Filters
from datastore.queries.reports import REFORM_YEAR, reporting_status
from i18n.catalogue import Lang, t
from i18n.formatting import MISSING, format_day, format_moment, format_number
from ui.data import lookup
from ui.province_profile import profile_links
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
    # Every province at once (34 or 63 rows): a leader reads down the list, not inside a box.
    table, links = profile_links(
        shown_status(status, int(year), lang), status["code"], filters.province_list, lang
    )
    st.dataframe(
        table, hide_index=True, height="content", key="completeness_table", column_config=links
    )


def shown_status(status: pd.DataFrame, year: int, lang: Lang) -> pd.DataFrame:
    """The status as text: "not reported" in place of a missing count, "–" once merged."""
    merged = status["merged_into"].map(lambda unit: isinstance(unit, str))

    def counts(column: str, *, own_until_july: bool = False) -> pd.Series:
        # A merged old province's figures are its new unit's: not a missing report. Its own
        # exchanges of 2025 up to 30 June still are its own.
        gone = merged & (year > REFORM_YEAR if own_until_july else True)
        return pd.Series(
            [
                MISSING
                if is_gone
                else not_reported
                if pd.isna(value)
                else format_number(value, lang)
                for value, is_gone in zip(status[column], gone, strict=True)
            ],
            index=status.index,
            dtype=object,
        )

    def when(value: object) -> str:
        if isinstance(value, datetime):
            return format_moment(value)
        return format_day(value) if isinstance(value, date) else ""

    not_reported = t("compare.not_reported", lang)
    return pd.DataFrame(
        {
            t("completeness.province", lang): status["province"],
            t("completeness.note", lang): status["merged_into"].map(
                lambda unit: t("compare.merged", lang, unit=unit) if isinstance(unit, str) else ""
            ),
            t("completeness.members", lang): counts("members"),
            t("metric.associations", lang): counts("associations"),
            t("completeness.members_loaded", lang): status["members_loaded_at"].map(when),
            t("completeness.aid_rows", lang): counts("aid_rows"),
            t("completeness.aid_loaded", lang): status["aid_loaded_at"].map(when),
            t("completeness.exchanges", lang): counts("exchanges", own_until_july=True),
            t("completeness.latest_exchange", lang): status["latest_exchange"].map(when),
            t("completeness.exchanges_loaded", lang): status["exchanges_loaded_at"].map(when),
        }
    )
