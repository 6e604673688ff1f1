"""Entry file: page setup, the shared filters, and navigation between the pages."""

import streamlit as st

from ui import context
from ui.bootstrap import ensure_database
from ui.data import data_version, lookup
from ui.sidebar import choose_language, shared_filters
from ui.texts import t

st.set_page_config(page_title="Đối ngoại nhân dân", layout="wide")

lang = choose_language()
# Declared before any slow work so the sidebar shows these pages, never the pages/ folder.
# No page icons: Streamlit turns them into favicons fetched from a font CDN, unreachable offline.
navigation = st.navigation(
    [
        st.Page("pages/overview.py", title=t("page.overview", lang), default=True),
        st.Page("pages/members.py", title=t("page.members", lang), url_path="members"),
        st.Page("pages/aid.py", title=t("page.aid", lang), url_path="aid"),
        st.Page("pages/exchanges.py", title=t("page.exchanges", lang), url_path="exchanges"),
        st.Page("pages/data.py", title=t("page.data", lang), url_path="data"),
        st.Page("pages/about.py", title=t("page.about", lang), url_path="about"),
    ]
)
ensure_database(lang)
st.session_state["_data_version"] = data_version()
context.set_current(lang=lang, filters=shared_filters(lang))
if lookup("data_status").iloc[0]["is_demo"]:
    st.info(t("banner.demo", lang))
navigation.run()
