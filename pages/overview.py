"""Tổng quan / Overview: headline figures, trends, top partner countries, the map."""

import streamlit as st

from charts import (
    build_exchanges_by_partner_country,
    build_exchanges_vietnam_map,
    build_overview_trends,
    is_empty,
)
from ui import context
from ui.data import query
from ui.headline import show_headline
from ui.page_filters import chosen_currency
from ui.render import show_chart
from ui.sidebar import describe
from ui.texts import t

context.require_frame(__file__)

TOP_PARTNERS = 10

lang, filters = context.lang(), context.filters()
currency = chosen_currency()
where = describe(filters, lang)
st.title(t("page.overview", lang))
st.caption(t("overview.caption", lang, where=where))

by_year = query("overview_by_year", filters, lang, currency=currency)
if is_empty(by_year):
    st.info(t("empty.no_data", lang), icon=":material/search_off:")
    st.stop()
show_headline(by_year, lang=lang, currency=currency)
show_chart(
    build_overview_trends(by_year, lang=lang, title_context=where, currency=currency),
    key="overview_trends",
    lang=lang,
    filters=filters,
)

partners = query("exchanges_by_partner_country", filters, lang)
by_province = query("exchanges_by_province", filters, lang)
left, right = st.columns(2)
with left:
    show_chart(
        build_exchanges_by_partner_country(
            partners.nlargest(TOP_PARTNERS, "exchanges"), lang=lang, title_context=where
        ),
        key="overview_top_partners",
        lang=lang,
        filters=filters,
        empty=is_empty(partners),
    )
with right:
    show_chart(
        build_exchanges_vietnam_map(by_province, lang=lang, title_context=where),
        key="overview_map",
        lang=lang,
        filters=filters,
        empty=is_empty(by_province),
    )
