"""Giao lưu đoàn / Exchanges: by partner country and province (bars, maps), by year, localities."""

import streamlit as st

from i18n.catalogue import t
from ui import catalog, context
from ui.captions import page_description
from ui.page_filters import exchange_filters
from ui.render import View, chart

context.require_frame(__file__)

lang = context.lang()
filters = exchange_filters(context.filters(), lang)
view = View(lang, filters)
where = page_description(catalog.charts_on("exchanges"), filters, lang)
st.title(t("page.exchanges", lang))
st.caption(t("exchanges.caption", lang, where=where.one_line))

left, right = st.columns(2)
with left:
    chart(view, catalog.EXCHANGES_BY_PARTNER_COUNTRY_CHART)
with right:
    chart(view, catalog.EXCHANGES_WORLD_MAP)
left, right = st.columns(2)
with left:
    chart(view, catalog.EXCHANGES_BY_PROVINCE_CHART)
with right:
    chart(view, catalog.EXCHANGES_VIETNAM_MAP)
chart(view, catalog.EXCHANGES_BY_YEAR_AND_DIRECTION_CHART)
# Full width each: the heatmap's nine columns and the localities' long names need the room.
chart(view, catalog.EXCHANGES_HEATMAP)
chart(view, catalog.EXCHANGES_TOP_LOCALITIES)
