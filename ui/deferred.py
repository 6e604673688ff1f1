"""Charts drawn only when asked for: a map behind a tab, the heatmap behind an expander.

A chart in a closed tab or expander is not even run: Streamlit's lazy tabs and expanders
(on_change="rerun") say which is open, so a filter change builds, sends and draws only what
the leader sees. Opening one reruns the page; every chart's cache makes that rerun cheap.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from i18n.catalogue import t
from i18n.formatting import Currency
from ui.catalog import Chart
from ui.render import View, chart


def tabbed(
    view: View, key: str, views: Sequence[tuple[str, Chart]], *, currency: Currency | None = None
) -> None:
    """One tab per (label key, chart), the first open; only the open tab's chart is drawn."""
    tabs = st.tabs([t(label, view.lang) for label, _ in views], key=key, on_change="rerun")
    for tab, (_, entry) in zip(tabs, views, strict=True):
        if tab.open:
            with tab:
                chart(view, entry, currency=currency)


def on_request(view: View, entry: Chart, *, currency: Currency | None = None) -> None:
    """The chart in an expander titled like it, closed at first, drawn once opened."""
    box = st.expander(t(entry.title_key, view.lang), key=f"open_{entry.key}", on_change="rerun")
    if box.open:
        with box:
            chart(view, entry, currency=currency)
