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
)
from i18n.catalogue import t
from ui import context
from ui.page_filters import exchange_filters
from ui.render import View, chart
from ui.sidebar import describe

context.require_frame(__file__)

TOP_LOCALITIES = 10

lang = context.lang()
filters = exchange_filters(context.filters(), lang)
view = View(lang, filters, describe(filters, lang))
st.title(t("page.exchanges", lang))
st.caption(t("exchanges.caption", lang, where=view.where))

left, right = st.columns(2)
with left:
    chart(view, "exchanges_by_partner_country", build_exchanges_by_partner_country)
with right:
    chart(
        view, "exchanges_by_partner_country", build_exchanges_world_map, key="exchanges_world_map"
    )
left, right = st.columns(2)
with left:
    chart(view, "exchanges_by_province", build_exchanges_by_province)
with right:
    chart(view, "exchanges_by_province", build_exchanges_vietnam_map, key="exchanges_vietnam_map")
chart(view, "exchanges_by_year_and_direction", build_exchanges_by_year_and_direction)
left, right = st.columns(2)
with left:
    chart(
        view,
        "exchanges_by_province_and_country",
        build_exchanges_heatmap,
        key="exchanges_province_by_country",
    )
with right:
    chart(
        view,
        "exchanges_by_partner_locality",
        build_top_partner_localities,
        key="exchanges_top_localities",
        limit=TOP_LOCALITIES,
    )
