"""Filters that belong to one page (aid: currency, measure, sectors; exchanges: direction, kind).

Their values live in session state for the whole session (persist_state="session"), so they come
back when the user returns to their page; ui/address_bar.py puts them into that page's link.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from datastore import queries
from datastore.filters import Filters
from datastore.models.facts import Direction, ExchangeKind, Measure
from i18n.catalogue import Lang, t
from i18n.formatting import CURRENCIES, Currency, as_currency, with_code
from ui import address_bar
from ui.data import lookup


def keep_address(page: str) -> None:
    """Write the filters into the address again: a fragment rerun skips the entry file's write."""
    address_bar.write(page, lookup(queries.list_years))


def chosen_currency() -> Currency:
    """The currency picked on the Aid page; other pages follow it."""
    value = st.session_state.get("currency")
    return as_currency(value) if value in CURRENCIES else "VND"


def aid_filters(filters: Filters, lang: Lang) -> tuple[Filters, Currency]:
    """Currency, measure and sectors, drawn under the shared filters."""
    sidebar = st.sidebar
    sidebar.subheader(t("filter.page_header", lang))
    st.session_state.setdefault("currency", "VND")
    st.session_state.setdefault("measure", Measure.DISBURSED.value)
    currency = sidebar.segmented_control(
        t("filter.currency", lang),
        options=list(CURRENCIES),
        required=True,
        key="currency",
        persist_state="session",
    )
    # One measure at a time: adding committed to disbursed amounts would count money twice.
    measure = sidebar.segmented_control(
        t("filter.measure", lang),
        options=[m.value for m in Measure],
        format_func=lambda value: t(f"measure.{value}", lang),
        required=True,
        key="measure",
        persist_state="session",
    )
    sectors: pd.DataFrame = lookup(queries.list_sectors, lang=lang)
    st.session_state.setdefault("sector", [])
    names = {
        code: with_code(name, code)
        for code, name in zip(sectors["code"], sectors["name"], strict=True)
    }
    chosen = sidebar.multiselect(
        t("filter.sectors", lang),
        options=list(names),
        format_func=names.__getitem__,
        placeholder=t("filter.all_sectors", lang),
        key="sector",
        select_all=False,
        persist_state="session",
    )
    chosen_measure = str(measure or Measure.DISBURSED.value)
    shown_currency = as_currency(currency or "VND")
    return filters.with_(measure=chosen_measure, sectors=tuple(chosen)), shown_currency


def exchange_filters(filters: Filters, lang: Lang) -> Filters:
    """Direction and kind of exchange, drawn under the shared filters."""
    sidebar = st.sidebar
    sidebar.subheader(t("filter.page_header", lang))
    st.session_state.setdefault("direction", None)
    direction = sidebar.selectbox(
        t("filter.direction", lang),
        options=[d.value for d in Direction],
        index=None,
        format_func=lambda value: t(f"direction.{value}", lang),
        placeholder=t("filter.all_directions", lang),
        key="direction",
        persist_state="session",
    )
    present: list[str] = lookup(queries.list_exchange_kinds)
    chosen_kinds = st.session_state.setdefault("kind", [])
    # A kind chosen by a link stays listed even without figures, so the link shows what it says.
    kinds = [kind.value for kind in ExchangeKind if kind.value in {*present, *chosen_kinds}]
    chosen = sidebar.multiselect(
        t("filter.kinds", lang),
        options=kinds,
        format_func=lambda value: t(f"kind.{value}", lang),
        placeholder=t("filter.all_kinds", lang),
        key="kind",
        select_all=False,
        persist_state="session",
    )
    return filters.with_(direction=direction, kinds=tuple(chosen))
