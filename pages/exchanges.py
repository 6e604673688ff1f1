"""Giao lưu đoàn / Exchanges: by partner country and province (bars, maps), by year, localities."""

import streamlit as st

from charts import (
    build_exchanges_by_partner_country,
    build_exchanges_by_province,
    build_exchanges_by_year_and_direction,
    build_exchanges_heatmap,
    build_exchanges_vietnam_map,
    build_exchanges_world_map,
    build_top_partner_localities,
    is_empty,
)
from ui import context
from ui.data import query
from ui.page_filters import exchange_filters
from ui.render import show_chart
from ui.sidebar import describe
from ui.texts import t

lang = context.lang()
filters = exchange_filters(context.filters(), lang)
where = describe(filters, lang)
st.title(t("page.exchanges", lang))
st.caption(t("exchanges.caption", lang, where=where))

by_country = query("exchanges_by_partner_country", filters, lang)
left, right = st.columns(2)
with left:
    show_chart(
        build_exchanges_by_partner_country(by_country, lang=lang, title_context=where),
        key="exchanges_by_partner_country",
        lang=lang,
        filters=filters,
        empty=is_empty(by_country),
    )
with right:
    show_chart(
        build_exchanges_world_map(by_country, lang=lang, title_context=where),
        key="exchanges_world_map",
        lang=lang,
        filters=filters,
        empty=is_empty(by_country),
    )
by_province = query("exchanges_by_province", filters, lang)
left, right = st.columns(2)
with left:
    show_chart(
        build_exchanges_by_province(by_province, lang=lang, title_context=where),
        key="exchanges_by_province",
        lang=lang,
        filters=filters,
        empty=is_empty(by_province),
    )
with right:
    show_chart(
        build_exchanges_vietnam_map(by_province, lang=lang, title_context=where),
        key="exchanges_vietnam_map",
        lang=lang,
        filters=filters,
        empty=is_empty(by_province),
    )
by_year = query("exchanges_by_year_and_direction", filters, lang)
show_chart(
    build_exchanges_by_year_and_direction(by_year, lang=lang, title_context=where),
    key="exchanges_by_year_and_direction",
    lang=lang,
    filters=filters,
    empty=is_empty(by_year),
)
left, right = st.columns(2)
matrix = query("exchanges_by_province_and_country", filters, lang)
with left:
    show_chart(
        build_exchanges_heatmap(matrix, lang=lang, title_context=where),
        key="exchanges_province_by_country",
        lang=lang,
        filters=filters,
        empty=is_empty(matrix),
    )
localities = query("exchanges_by_partner_locality", filters, lang, limit=10)
with right:
    show_chart(
        build_top_partner_localities(localities, lang=lang, title_context=where),
        key="exchanges_top_localities",
        lang=lang,
        filters=filters,
        empty=is_empty(localities),
    )
