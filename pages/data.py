"""Dữ liệu / Data: the filtered rows of each dataset, with CSV and Excel downloads."""

import streamlit as st

from datastore.vocabulary import DATA_KINDS
from i18n.catalogue import t
from ui import context
from ui.captions import page_description
from ui.extract_tab import show_extract

context.require_frame(__file__)

lang, filters = context.lang(), context.filters()
st.title(t("page.data", lang))
st.caption(t("data.caption", lang, where=page_description((), filters, lang).one_line))
for tab, kind in zip(
    st.tabs([t(f"data.tab.{kind}", lang) for kind in DATA_KINDS]), DATA_KINDS, strict=True
):
    with tab:
        show_extract(kind, filters=filters, lang=lang)
