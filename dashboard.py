"""Entry file: page setup, who is signed in, the shared filters, and navigation between pages."""

import streamlit as st

from datastore import queries
from datastore.models.accounts import Role
from i18n.catalogue import DEFAULT_LANGUAGE, t
from ui import auth, context
from ui.bootstrap import ensure_database
from ui.data import data_version, lookup
from ui.failures import database_failures_shown
from ui.sidebar import choose_language, shared_filters
from ui.sitemap import PAGES

# Hidden in .streamlit/config.toml so that a new server never lists the raw pages/ folder.
st.set_option("client.showSidebarNavigation", True)
st.set_page_config(page_title=t("app.title", DEFAULT_LANGUAGE), layout="wide")

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
# Only editors see the import page; for anyone else its address is not a page at all.
may_edit = auth.may(Role.EDITOR)
pages = [
    st.Page(
        page.path,
        title=t(page.title_key, lang),
        url_path=page.url_path or None,
        default=not page.url_path,
    )
    for page in PAGES
    if may_edit or not page.editors_only
]
navigation = st.navigation(pages)
context.resume_wanted_page(pages)
auth.sidebar_account(lang)
with database_failures_shown(lang):
    ensure_database(lang)
    st.session_state["_data_version"] = data_version()
    context.set_current(lang=lang, filters=shared_filters(lang))
    if lookup(queries.data_status).iloc[0]["is_demo"]:
        st.info(t("banner.demo", lang))
    navigation.run()
