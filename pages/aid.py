"""Viện trợ / Aid: by sector, by year and sector, committed against disbursed, by donor country."""

import streamlit as st

from charts import (
    build_aid_by_donor_country,
    build_aid_by_sector,
    build_aid_by_year_and_sector,
    build_aid_committed_vs_disbursed,
    is_empty,
)
from ui import context
from ui.data import query
from ui.page_filters import aid_filters
from ui.render import show_chart
from ui.sidebar import describe
from ui.texts import t

lang = context.lang()
filters, currency = aid_filters(context.filters(), lang)
where = describe(filters, lang)
st.title(t("page.aid", lang))
st.caption(t("aid.caption", lang, where=where))

by_sector = query("aid_by_sector", filters, lang, currency=currency)
show_chart(
    build_aid_by_sector(by_sector, lang=lang, title_context=where, currency=currency),
    key="aid_by_sector",
    lang=lang,
    filters=filters,
    empty=is_empty(by_sector),
)
by_year_sector = query("aid_by_year_and_sector", filters, lang, currency=currency)
show_chart(
    build_aid_by_year_and_sector(by_year_sector, lang=lang, title_context=where, currency=currency),
    key="aid_by_year_and_sector",
    lang=lang,
    filters=filters,
    empty=is_empty(by_year_sector),
)
committed = query("aid_committed_vs_disbursed", filters, lang, currency=currency)
by_donor = query("aid_by_donor_country", filters, lang, currency=currency)
left, right = st.columns(2)
with left:
    show_chart(
        build_aid_committed_vs_disbursed(
            committed, lang=lang, title_context=where, currency=currency
        ),
        key="aid_committed_vs_disbursed",
        lang=lang,
        filters=filters,
        empty=is_empty(committed),
    )
with right:
    show_chart(
        build_aid_by_donor_country(by_donor, lang=lang, title_context=where, currency=currency),
        key="aid_by_donor_country",
        lang=lang,
        filters=filters,
        empty=is_empty(by_donor),
    )
