"""Hội viên / Members: growth by year, by province and by partner-country association."""

import streamlit as st

from i18n.catalogue import t
from ui import catalog, context
from ui.captions import page_description
from ui.chart_notes import gap_words, table_with_unreported
from ui.data import query
from ui.render import View, chart, show_table

context.require_frame(__file__)

lang, filters = context.lang(), context.filters()
view = View(lang, filters)
where = page_description(catalog.charts_on("members"), filters, lang)
st.title(t("page.members", lang))
st.caption(t("members.caption", lang, where=where.one_line))

chart(view, catalog.MEMBERS_BY_YEAR_CHART)
left, right = st.columns(2)
with left:
    chart(view, catalog.MEMBERS_BY_PROVINCE_CHART)
with right:
    chart(view, catalog.MEMBERS_BY_PARTNER_COUNTRY_CHART)
st.subheader(t("members.table", lang))
# A province and year with no report is a row that says so, not a missing row or a 0.
table = table_with_unreported(
    query(catalog.MEMBERS_BY_PROVINCE, filters, lang), filters, lang, "members"
)
show_table(
    table,
    key="members_table",
    lang=lang,
    filters=filters,
    missing=gap_words(table, filters, lang, "members"),
)
