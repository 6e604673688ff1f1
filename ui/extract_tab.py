"""One tab of the Data page: how many rows match, a preview, and CSV/Excel downloads."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlmodel import Session

from datastore.config import database_url
from datastore.db import get_engine
from datastore.export import export_bytes, file_name
from datastore.extracts import extract_columns
from datastore.extracts.reading import count_rows, read_extract
from datastore.filters import Filters
from datastore.vocabulary import DataKind
from i18n.catalogue import Lang, t
from i18n.formatting import format_number
from ui.data import current_version
from ui.render import show_no_data

PREVIEW_ROWS = 200


@st.cache_data(show_spinner=False, max_entries=64)
def _preview(
    kind: DataKind, filters: Filters, version: tuple[int, int, int], url: str
) -> tuple[int, pd.DataFrame]:
    """Row count and the first rows of an extract; version and URL key the cache only."""
    with Session(get_engine(url)) as session:
        total = count_rows(kind, session=session, filters=filters)
        first = read_extract(kind, session=session, filters=filters, limit=PREVIEW_ROWS)
    return total, first


def _deferred(kind: DataKind, filters: Filters, fmt: str) -> Callable[[], bytes]:
    """Build the file only when the button is clicked, off the page's own run."""
    url = database_url()
    return lambda: export_bytes(kind, engine=get_engine(url), filters=filters, fmt=fmt)


def show_extract(kind: DataKind, *, filters: Filters, lang: Lang) -> None:
    """The extract of one kind for the current filters."""
    total, preview = _preview(kind, filters, current_version(), database_url())
    if total == 0:
        show_no_data(lang)
        return
    st.caption(
        t(
            "data.preview",
            lang,
            shown=min(total, PREVIEW_ROWS),
            total=format_number(total, lang),
        )
    )
    if lang == "vi":
        headers = {column.name: column.header_vi for column in extract_columns(kind)}
        preview = preview.rename(columns=headers)
    st.dataframe(preview, hide_index=True, key=f"preview_{kind}")
    csv_column, xlsx_column = st.columns(2)
    for column, fmt, mime in (
        (csv_column, "csv", "text/csv"),
        (xlsx_column, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ):
        column.download_button(
            t(f"download.{fmt}", lang),
            data=_deferred(kind, filters, fmt),
            file_name=file_name(kind, filters=filters, fmt=fmt),
            mime=mime,
            key=f"download_{kind}_{fmt}",
            icon=":material/download:",
            on_click="ignore",
        )
