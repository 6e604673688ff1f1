"""Giao lưu đoàn / Exchanges: by partner country and province (bars, maps), by year, localities."""

import streamlit as st

from datastore.filters import Filters
from i18n.catalogue import Lang, t
from ui import catalog, context
from ui.captions import page_description
from ui.deferred import on_request, tabbed
from ui.failures import page_fragment
from ui.page_filters import exchange_filters, keep_address
from ui.render import View, chart

context.require_frame(__file__)


@page_fragment
def exchanges_page(lang: Lang, shared: Filters) -> None:
    """The page's own filters and all they change: changing one reruns only this part."""
    filters = exchange_filters(shared, lang)
    keep_address("exchanges")
    view = View(lang, filters)
    where = page_description(catalog.charts_on("exchanges"), filters, lang)
    st.title(t("page.exchanges", lang))
    st.caption(t("exchanges.caption", lang, where=where.one_line))

    # The maps and the heatmap wait for a tab or a click (ui/deferred.py): what draws first after a
    # filter change is what the leader reads first.
    left, right = st.columns(2)
    with left:
        tabbed(
            view,
            "view_partner_country",
            [
                ("views.bars", catalog.EXCHANGES_BY_PARTNER_COUNTRY_CHART),
                ("views.map", catalog.EXCHANGES_WORLD_MAP),
            ],
        )
    with right:
        tabbed(
            view,
            "view_province",
            [
                ("views.bars", catalog.EXCHANGES_BY_PROVINCE_CHART),
                ("views.map", catalog.EXCHANGES_VIETNAM_MAP),
            ],
        )
    chart(view, catalog.EXCHANGES_BY_YEAR_AND_DIRECTION_CHART)
    # Full width: the localities' long names and the heatmap's nine columns need the room.
    chart(view, catalog.EXCHANGES_TOP_LOCALITIES)
    on_request(view, catalog.EXCHANGES_HEATMAP)


exchanges_page(context.lang(), context.filters())
