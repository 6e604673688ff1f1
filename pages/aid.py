"""Viện trợ / Aid: by sector, by year and sector, committed against disbursed, by donor country."""

import streamlit as st

from datastore.filters import Filters
from i18n.catalogue import Lang, t
from ui import catalog, context
from ui.aid_notes import show_aid_notes
from ui.captions import page_description
from ui.failures import page_fragment
from ui.page_filters import aid_filters, keep_address
from ui.render import View, chart

context.require_frame(__file__)


@page_fragment
def aid_page(lang: Lang, shared: Filters) -> None:
    """The page's own filters and all they change: changing one reruns only this part."""
    filters, currency = aid_filters(shared, lang)
    keep_address("aid")
    view = View(lang, filters)
    where = page_description(catalog.charts_on("aid"), filters, lang, currency=currency)
    st.title(t("page.aid", lang))
    st.caption(t("aid.caption", lang, where=where.one_line))

    chart(view, catalog.AID_BY_SECTOR_CHART, currency=currency)
    chart(view, catalog.AID_BY_YEAR_AND_SECTOR_CHART, currency=currency)
    # The notes show both measures (AID_NOTES ignores the measure), as the chart below does.
    show_aid_notes(filters, lang=lang, currency=currency, exchange_rate=True)
    left, right = st.columns(2)
    with left:
        chart(view, catalog.AID_COMMITTED_VS_DISBURSED_CHART, currency=currency)
    with right:
        chart(view, catalog.AID_BY_DONOR_COUNTRY_CHART, currency=currency)


aid_page(context.lang(), context.filters())
