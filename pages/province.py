"""Hồ sơ tỉnh / Province profile: one province's union, associations, aid, exchanges and rank."""

import streamlit as st

from i18n.catalogue import t
from ui import context
from ui.province_profile import choose_province, show_profile

context.require_frame(__file__)

lang, filters = context.lang(), context.filters()
st.title(t("page.province", lang))
st.caption(t("profile.caption", lang))
chosen = choose_province(filters, lang)
if chosen is not None:
    show_profile(filters, *chosen, lang)
