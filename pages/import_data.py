"""Nạp dữ liệu / Load data: templates, upload, checks, the load itself, history and undo."""

import streamlit as st

from datastore.models.accounts import Role
from i18n.catalogue import t
from ui import context
from ui.auth import require_role
from ui.import_history import show_history
from ui.import_view import check_file, choose_kind, show_outcome, template_buttons, uploader

# First, before anything of the page is drawn: a viewer who reaches this script sees a refusal,
# even when the script runs without the entry file.
require_role(Role.EDITOR)
context.require_frame(__file__)

lang = context.lang()
st.title(t("page.import_data", lang))
st.caption(t("import.caption", lang))
show_outcome(lang)
st.subheader(t("import.step_kind", lang))
kind = choose_kind(lang)
template_buttons(kind, lang)
st.subheader(t("import.step_file", lang))
uploaded = uploader(lang)
if uploaded is not None:
    check_file(uploaded, kind=kind, lang=lang)
st.divider()
show_history(lang)
