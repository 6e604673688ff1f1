"""Hội viên / Members: growth by year, by province and by partner-country association."""

import streamlit as st

from charts import (
    build_members_by_partner_country,
    build_members_by_province,
    build_members_by_year,
    is_empty,
)
from ui import context
from ui.data import query
from ui.render import show_chart, show_table
from ui.sidebar import describe
from ui.texts import t

lang, filters = context.lang(), context.filters()
where = describe(filters, lang)
st.title(t("page.members", lang))
st.caption(t("members.caption", lang, where=where))

by_year = query("members_by_year", filters, lang)
show_chart(
    build_members_by_year(by_year, lang=lang, title_context=where),
    key="members_by_year",
    lang=lang,
    filters=filters,
    empty=is_empty(by_year),
)
by_province = query("members_by_province", filters, lang)
by_country = query("members_by_partner_country", filters, lang)
left, right = st.columns(2)
with left:
    show_chart(
        build_members_by_province(by_province, lang=lang, title_context=where),
        key="members_by_province",
        lang=lang,
        filters=filters,
        empty=is_empty(by_province),
    )
with right:
    show_chart(
        build_members_by_partner_country(by_country, lang=lang, title_context=where),
        key="members_by_partner_country",
        lang=lang,
        filters=filters,
        empty=is_empty(by_country),
    )
st.subheader(t("members.table", lang))
show_table(by_province, key="members_table", lang=lang, filters=filters)
