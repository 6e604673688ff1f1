"""Draw a chart with its alt text and a CSV of exactly the numbers it draws, or say it's empty."""

from __future__ import annotations

import io
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts import alt_text, drawn_frame, plotly_config
from datastore.export import BOM, neutralise
from datastore.filters import Filters
from i18n.catalogue import Lang, t
from i18n.formatting import Currency
from ui.catalog import Chart
from ui.data import query, query_key

# Streamlit serves static/ at app/static/ (server.enableStaticServing); relative, so the maps
# also work behind a reverse proxy that mounts the app under a path.
TOPOJSON_URL = "app/static/geo/"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, text cells neutralised, numbers untouched."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    buffer = io.StringIO()
    safe.to_csv(buffer, index=False, lineterminator="\r\n")
    return BOM + buffer.getvalue().encode("utf-8")


def _named_drawn_frame(fig: go.Figure) -> pd.DataFrame:
    """The drawn numbers with the axis titles as column names where the axes have titles."""
    frame = drawn_frame(fig)
    names: dict[str, str] = {}
    for column, axis in (("x", fig.layout.xaxis), ("y", fig.layout.yaxis)):
        title = axis.title.text if axis and axis.title else None
        if title and column in frame.columns:
            names[column] = str(title)
    return frame.rename(columns=names)


@dataclass(frozen=True)
class Drawn:
    """A built chart with what is shown beside it; shared between sessions, never changed."""

    figure: go.Figure
    alt: str
    csv: bytes


def draw(fig: go.Figure) -> Drawn:
    """The figure with its alt text and the CSV of the numbers it draws."""
    return Drawn(figure=fig, alt=alt_text(fig), csv=csv_bytes(_named_drawn_frame(fig)))


def show_no_data(lang: Lang) -> None:
    """The note shown in place of a chart or table when the filters match nothing."""
    st.info(t("empty.no_data", lang), icon=":material/search_off:")


def show_chart(drawn: Drawn, *, key: str, lang: Lang, filters: Filters) -> None:
    """The chart and its CSV download."""
    st.plotly_chart(
        drawn.figure,
        key=f"chart_{key}",
        config=plotly_config(TOPOJSON_URL),
        alt=drawn.alt or None,
    )
    st.download_button(
        t("download.chart_csv", lang),
        data=drawn.csv,
        file_name=f"{key}_{filters.slug()}.csv",
        mime="text/csv",
        key=f"download_{key}",
        icon=":material/download:",
        on_click="ignore",
    )


def show_table(frame: pd.DataFrame, *, key: str, lang: Lang, filters: Filters) -> None:
    """A query result as a table with translated headers and its CSV download."""
    if frame.empty:
        show_no_data(lang)
        return
    headers = {column: t(f"column.{column}", lang) for column in frame.columns}
    thousands, decimal = (".", ",") if lang == "vi" else (",", ".")
    # Years and codes are identifiers: grouping their digits would print 2.010.
    counted: list[Hashable] = [
        headers[column]
        for column in frame.columns
        if pd.api.types.is_numeric_dtype(frame[column]) and column != "year"
    ]
    shown = frame.rename(columns=headers)
    st.dataframe(
        shown.style.format(
            thousands=thousands, decimal=decimal, precision=0, na_rep="–", subset=counted
        ),
        hide_index=True,
        key=f"table_{key}",
    )
    st.download_button(
        t("download.table_csv", lang),
        data=csv_bytes(frame),
        file_name=f"{key}_{filters.slug()}.csv",
        mime="text/csv",
        key=f"download_{key}",
        icon=":material/download:",
        on_click="ignore",
    )


@dataclass(frozen=True)
class View:
    """What every chart on a page is drawn for: the language, the filters and their description."""

    lang: Lang
    filters: Filters
    where: str


# Building a plotly figure (validation of every property) costs far more than its query once
# the query reads a rollup, so built figures are kept too. The key holds everything the figure
# depends on, the data version included, so a load or an undo never leaves an old chart shown.
# cache_resource hands out the object itself: no copy per rerun, and nothing changes it after.
@st.cache_resource(show_spinner=False, max_entries=256)
def _drawn(
    chart_key: str,
    query_key: tuple[Any, ...],
    where: str,
    build_options: tuple[tuple[str, Any], ...],
    _frame: pd.DataFrame,
    _entry: Chart,
) -> Drawn:
    """Build and draw once per distinct chart; `_frame` and `_entry` follow from the key."""
    lang = query_key[2]
    figure = _entry.build(
        _entry.trim(_frame), lang=lang, title_context=where, **dict(build_options)
    )
    return draw(figure)


def chart(view: View, entry: Chart, *, currency: Currency | None = None) -> None:
    """Run a catalogue chart's query for the view, build its figure and show it (or say empty)."""
    frame = query(entry.query, view.filters, view.lang, currency=currency)
    if frame.empty:
        show_no_data(view.lang)
        return
    build_options = (("currency", currency),) if entry.query.takes_currency else ()
    drawn = _drawn(
        entry.key,
        query_key(entry.query, view.filters, view.lang, currency=currency),
        view.where,
        build_options,
        frame,
        entry,
    )
    show_chart(drawn, key=entry.key, lang=view.lang, filters=view.filters)
