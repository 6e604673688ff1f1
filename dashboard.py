"""Entry file: page setup, who is signed in, the shared filters, and navigation between pages."""

import streamlit as st

from datastore.models import Role
from i18n.catalogue import t
from ui import auth, context
from ui.bootstrap import ensure_database
from ui.data import data_version, lookup
from ui.sidebar import choose_language, shared_filters

st.set_page_config(page_title="Đối ngoại nhân dân", layout="wide")

lang = choose_language()
user = auth.resolve()
if auth.login_required() and user is None:
    # Only the sign-in form: every address lands on this one page until someone signs in.
    sign_in = st.Page(
        lambda: auth.sign_in_page(lang),
        title=t("auth.required_title", lang),
        url_path="sign_in",
        default=True,
    )
    gate = st.navigation([sign_in], position="hidden")
    ensure_database(lang)
    gate.run()
    st.stop()

# Declared before any slow work so the sidebar shows these pages, never the pages/ folder.
# No page icons: Streamlit turns them into favicons fetched from a font CDN, unreachable offline.
pages = [
    st.Page("pages/overview.py", title=t("page.overview", lang), default=True),
    st.Page("pages/members.py", title=t("page.members", lang), url_path="members"),
    st.Page("pages/aid.py", title=t("page.aid", lang), url_path="aid"),
    st.Page("pages/exchanges.py", title=t("page.exchanges", lang), url_path="exchanges"),
    st.Page("pages/data.py", title=t("page.data", lang), url_path="data"),
    st.Page("pages/about.py", title=t("page.about", lang), url_path="about"),
]
# Only editors see the import page; for anyone else its address is not a page at all.
if auth.may(Role.EDITOR):
    pages.append(
        st.Page("pages/import_data.py", title=t("page.import_data", lang), url_path="import_data")
    )
navigation = st.navigation(pages)
context.resume_wanted_page(pages)
auth.sidebar_account(lang)
ensure_database(lang)
st.session_state["_data_version"] = data_version()
context.set_current(lang=lang, filters=shared_filters(lang))
if lookup("data_status").iloc[0]["is_demo"]:
    st.info(t("banner.demo", lang))
navigation.run()
