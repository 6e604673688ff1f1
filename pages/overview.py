"""Tổng quan / Overview: headline figures, trends, top partner countries, the map."""

import streamlit as st

from charts import (
    build_exchanges_by_partner_country,
    build_exchanges_vietnam_map,
    build_overview_trends,
    is_empty,
)
from i18n.catalogue import t
from ui import context
from ui.data import query
from ui.headline import show_headline
from ui.page_filters import chosen_currency
from ui.render import View, chart, show_no_data
from ui.sidebar import describe

context.require_frame(__file__)

TOP_PARTNERS = 10

lang, filters = context.lang(), context.filters()
currency = chosen_currency()
where = describe(filters, lang)
st.title(t("page.overview", lang))
st.caption(t("overview.caption", lang, where=where))

by_year = query("overview_by_year", filters, lang, currency=currency)
if is_empty(by_year):
    show_no_data(lang)
    st.stop()
show_headline(by_year, lang=lang, currency=currency)
view = View(lang, filters, where)
chart(view, "overview_by_year", build_overview_trends, key="overview_trends", currency=currency)
left, right = st.columns(2)
with left:
    chart(
        view,
        "exchanges_by_partner_country",
        build_exchanges_by_partner_country,
        key="overview_top_partners",
        top=TOP_PARTNERS,
    )
with right:
    chart(view, "exchanges_by_province", build_exchanges_vietnam_map, key="overview_map")
