"""Viện trợ / Aid: by sector, by year and sector, committed against disbursed, by donor country."""

import streamlit as st

from charts import (
    build_aid_by_donor_country,
    build_aid_by_sector,
    build_aid_by_year_and_sector,
    build_aid_committed_vs_disbursed,
)
from i18n.catalogue import t
from ui import context
from ui.page_filters import aid_filters
from ui.render import View, chart
from ui.sidebar import describe

context.require_frame(__file__)

lang = context.lang()
filters, currency = aid_filters(context.filters(), lang)
view = View(lang, filters, describe(filters, lang))
st.title(t("page.aid", lang))
st.caption(t("aid.caption", lang, where=view.where))

chart(view, "aid_by_sector", build_aid_by_sector, currency=currency)
chart(view, "aid_by_year_and_sector", build_aid_by_year_and_sector, currency=currency)
left, right = st.columns(2)
with left:
    chart(view, "aid_committed_vs_disbursed", build_aid_committed_vs_disbursed, currency=currency)
with right:
    chart(view, "aid_by_donor_country", build_aid_by_donor_country, currency=currency)
