"""Tổng quan / Overview: headline figures, trends, top partner countries, the map."""

import streamlit as st

from charts import is_empty
from i18n.catalogue import t
from ui import catalog, context
from ui.aid_notes import show_aid_notes
from ui.captions import page_description
from ui.data import query
from ui.deferred import tabbed
from ui.headline import show_headline
from ui.page_filters import chosen_currency
from ui.render import View, chart, show_no_data

context.require_frame(__file__)

lang, filters = context.lang(), context.filters()
currency = chosen_currency()
where = page_description(catalog.charts_on("overview"), filters, lang, currency=currency)
st.title(t("page.overview", lang))
st.caption(t("overview.caption", lang, where=where.one_line))

by_year = query(catalog.OVERVIEW_BY_YEAR, filters, lang, currency=currency)
if is_empty(by_year):
    show_no_data(lang)
    st.stop()
show_headline(filters, by_year, lang=lang, currency=currency)
show_aid_notes(filters, lang=lang, currency=currency)
view = View(lang, filters)
chart(view, catalog.OVERVIEW_TRENDS, currency=currency)
# The map waits for its tab (ui/deferred.py): the ranking is what draws first.
tabbed(
    view,
    "view_overview",
    [("views.bars", catalog.OVERVIEW_TOP_PARTNERS), ("views.map", catalog.OVERVIEW_MAP)],
)
