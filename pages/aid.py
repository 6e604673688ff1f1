"""Viện trợ / Aid: by sector, by year and sector, committed against disbursed, by donor country."""

import streamlit as st

from i18n.catalogue import t
from ui import catalog, context
from ui.aid_notes import show_aid_notes
from ui.captions import page_description
from ui.page_filters import aid_filters
from ui.render import View, chart

context.require_frame(__file__)

lang = context.lang()
filters, currency = aid_filters(context.filters(), lang)
view = View(lang, filters)
where = page_description(catalog.charts_on("aid"), filters, lang, currency=currency)
st.title(t("page.aid", lang))
st.caption(t("aid.caption", lang, where=where.one_line))

chart(view, catalog.AID_BY_SECTOR_CHART, currency=currency)
chart(view, catalog.AID_BY_YEAR_AND_SECTOR_CHART, currency=currency)
# Both measures: the committed-vs-disbursed chart below shows both whatever the filter.
show_aid_notes(filters.with_(measure=None), lang=lang, currency=currency, exchange_rate=True)
left, right = st.columns(2)
with left:
    chart(view, catalog.AID_COMMITTED_VS_DISBURSED_CHART, currency=currency)
with right:
    chart(view, catalog.AID_BY_DONOR_COUNTRY_CHART, currency=currency)
