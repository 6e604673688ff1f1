"""Shared UI glue; texts and formatting are pure Python, Streamlit stays in its own modules."""
