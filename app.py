"""Entry: `streamlit run app.py` serves dashboard.py and the Data page's streamed downloads."""

import streamlit as st

from ui.extract_route import ROUTES

# Streamlit finds `app` and serves it (its starlette server); the pages run from dashboard.py.
app = st.App("dashboard.py", routes=ROUTES)
