"""Giới thiệu / About: sources, definitions, the 2025 province reform, the date of the data."""

import streamlit as st

from datastore import queries
from ui import context
from ui.data import lookup
from ui.texts import t

context.require_frame(__file__)

lang = context.lang()
status = lookup(queries.data_status).iloc[0]
st.title(t("page.about", lang))
st.markdown(t("about.body", lang))
loaded_at = status["last_loaded_at"]
st.markdown(
    t(
        "about.data_date",
        lang,
        date=loaded_at.strftime("%d/%m/%Y %H:%M") if loaded_at is not None else "–",
        batches=int(status["batches"]),
    )
)
