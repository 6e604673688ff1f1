"""Tình hình báo cáo / Reporting status: which provinces reported members, aid and exchanges."""

import streamlit as st

from i18n.catalogue import t
from ui import context
from ui.completeness import show_reporting_status

context.require_frame(__file__)

lang, filters = context.lang(), context.filters()
st.title(t("page.completeness", lang))
st.caption(t("completeness.caption", lang))
show_reporting_status(filters, lang=lang)
