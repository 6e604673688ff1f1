"""Hội viên / Members: growth by year, by province and by partner-country association."""

import streamlit as st

from charts import (
    build_members_by_partner_country,
    build_members_by_province,
    build_members_by_year,
)
from i18n.catalogue import t
from ui import context
from ui.data import query
from ui.render import View, chart, show_table
from ui.sidebar import describe

context.require_frame(__file__)

lang, filters = context.lang(), context.filters()
view = View(lang, filters, describe(filters, lang))
st.title(t("page.members", lang))
st.caption(t("members.caption", lang, where=view.where))

chart(view, "members_by_year", build_members_by_year)
left, right = st.columns(2)
with left:
    chart(view, "members_by_province", build_members_by_province)
with right:
    chart(view, "members_by_partner_country", build_members_by_partner_country)
st.subheader(t("members.table", lang))
show_table(
    query("members_by_province", filters, lang), key="members_table", lang=lang, filters=filters
)
