"""Draw a chart with its alt text and a CSV of the rows it draws, or say that nothing matches."""

from __future__ import annotations

import html
import io
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts import alt_text, plotly_config
from charts.common import Unreported
from datastore.export import BOM, neutralise
from datastore.filters import Filters
from i18n.catalogue import Lang, t
from i18n.formatting import MISSING, Currency, format_number
from ui.captions import UNIT_SLOT, chart_description
from ui.catalog import Chart
from ui.chart_notes import Grids, marks, note_lines, show_notes, with_unreported
from ui.data import query, query_key

# Streamlit serves static/ at app/static/ (server.enableStaticServing); relative, so the maps
# also work behind a reverse proxy that mounts the app under a path.
TOPOJSON_URL = "app/static/geo/"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, text cells neutralised, numbers as a person writes them."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    buffer = io.StringIO()
    safe.to_csv(buffer, index=False, lineterminator="\r\n", float_format=_positional)
    return BOM + buffer.getvalue().encode("utf-8")


def _positional(value: object) -> str:
    """A decimal as typed, never in exponent form: 0.000035, not 3.5e-05."""
    return np.format_float_positional(float(value), trim="-")  # type: ignore[arg-type]


# Decimals kept in a chart's CSV: amounts in the drawn unit (a millionth of a billion đồng is
# a thousand đồng, of a million USD one dollar) and rates in percent.
MONEY_DECIMALS = 6
PERCENT_DECIMALS = 2


def chart_table(entry: Chart, rows: pd.DataFrame, fig: go.Figure, lang: Lang) -> pd.DataFrame:
    """The rows a chart draws as a person would type them: one column per key and figure.

    Headers come from the catalogue (`Key`, `Figure.header`) in `lang`; counts are whole
    numbers, amounts are in the unit the figure draws (its layout.meta), rates in percent.
    """
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    scale = float(meta.get("value_scale", 1.0))
    unit = str(meta.get("value_unit", ""))
    columns: dict[str, pd.Series] = {}
    for key in entry.query.key_columns:
        if key.name is not None:
            columns[t(key.name_header, lang)] = rows[key.name]
        values = rows[key.column]
        if key.labels is not None:
            values = pd.Series(
                [t(f"{key.labels}.{v}", lang) if isinstance(v, str) else v for v in values],
                index=values.index,
                dtype=object,
            )
        elif pd.api.types.is_numeric_dtype(values):
            values = values.astype("Int64")
        columns[t(key.header, lang)] = values
    for figure in entry.query.figures:
        values = rows[figure.column].astype(float)
        if figure.unit == "currency":
            values = (values / scale).round(MONEY_DECIMALS)
        elif figure.unit == "ratio":
            values = (values * 100).round(PERCENT_DECIMALS)
        else:
            values = values.round().astype("Int64")
        columns[t(figure.header, lang, unit=unit)] = values
    return pd.DataFrame(columns).reset_index(drop=True)


@dataclass(frozen=True)
class Drawn:
    """A built chart with what is shown beside it; shared between sessions, never changed."""

    figure: go.Figure
    alt: str
    csv: bytes


def build(entry: Chart, rows: pd.DataFrame, lang: Lang, where: str, **options: Any) -> go.Figure:
    """The chart's figure for the rows it draws, its subtitle's unit of money written in."""
    figure = entry.build(rows, lang=lang, title_context=where, **options)
    meta = figure.layout.meta if isinstance(figure.layout.meta, dict) else {}
    title = figure.layout.title.text if figure.layout.title else None
    if title and UNIT_SLOT in title:
        # Escaped as with_context escapes the rest of the subtitle.
        unit = html.escape(str(meta.get("value_unit", "")), quote=False)
        figure.layout.title.text = title.replace(UNIT_SLOT, unit)
    return figure


def draw(
    entry: Chart,
    rows: pd.DataFrame,
    fig: go.Figure,
    lang: Lang,
    not_reported: tuple[Unreported, ...] = (),
) -> Drawn:
    """The figure with its alt text and the CSV of the rows it draws, marks as missing figures."""
    table = chart_table(entry, with_unreported(rows, not_reported), fig, lang)
    return Drawn(figure=_frozen(fig), alt=alt_text(fig), csv=csv_bytes(table))


def _frozen(figure: go.Figure) -> go.Figure:
    """The figure with its dict made now, once: nothing changes a drawn figure after this."""
    # st.plotly_chart asks for the dict on every rerun that shows the chart, and plotly makes
    # it by a deep copy of every trace and of the layout: 4-10 ms a chart, for the same dict.
    # The dict is shared (the figure is, between sessions); Streamlit only reads it.
    as_dict = figure.to_dict()
    figure.to_dict = lambda: as_dict
    return figure


def show_no_data(lang: Lang) -> None:
    """The note shown in place of a chart or table when the filters match nothing."""
    st.info(t("empty.no_data", lang), icon=":material/search_off:")


def show_chart(drawn: Drawn, *, key: str, lang: Lang, file_name: str) -> None:
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
        file_name=file_name,
        mime="text/csv",
        key=f"download_{key}",
        icon=":material/download:",
        on_click="ignore",
    )


def show_table(
    frame: pd.DataFrame,
    *,
    key: str,
    lang: Lang,
    filters: Filters,
    missing: str | Sequence[str] = MISSING,
) -> None:
    """A query result as a table with translated headers and its CSV download.

    A count that is missing shows as `missing` ("–", or "not reported" where it means that),
    or as the row's own words when `missing` has one per row.
    """
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
    # st.dataframe draws an empty cell as "None" whatever the style says: a column with gaps
    # is shown as text, right-aligned like the numbers, each gap written as `missing`.
    gapped = [column for column in counted if shown[column].isna().any()]
    for column in gapped:
        words = [missing] * len(shown) if isinstance(missing, str) else list(missing)
        shown[column] = [
            said if pd.isna(value) else format_number(value, lang)
            for value, said in zip(shown[column], words, strict=True)
        ]
    st.dataframe(
        shown.style.format(
            thousands=thousands,
            decimal=decimal,
            precision=0,
            subset=[column for column in counted if column not in gapped],
        ),
        hide_index=True,
        key=f"table_{key}",
        column_config={
            str(column): st.column_config.TextColumn(alignment="right") for column in gapped
        },
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
    """What every chart on a page is drawn for: the language and the filters."""

    lang: Lang
    filters: Filters
    # The notes already under a chart of this page run: each is said once, under the first.
    noted: set[str] = field(default_factory=set, compare=False, hash=False)
    # The reporting grids this page run has read (ui/chart_notes.py): each once, whatever the
    # number of charts. A View lives for one run, so they are never older than its data.
    grids: Grids = field(default_factory=dict, compare=False, hash=False)


# Building a plotly figure (validation of every property) costs far more than its query once
# the query reads a rollup, so built figures are kept too. The key holds everything the figure
# depends on, the data version included, so a load or an undo never leaves an old chart shown;
# `where`, the chart's own description, follows from the query key and the currency but is
# kept in the key all the same, so that a change of wording can never show a stale title.
# cache_resource hands out the object itself: no copy per rerun, and nothing changes it after.
# The key is one text (the repr of all of it): Streamlit would otherwise hash the filters
# field by field on every call.
@st.cache_resource(show_spinner=False, max_entries=256)
def _drawn(
    key: str,
    _frame: pd.DataFrame,
    _entry: Chart,
    _lang: Lang,
    _where: str,
    _build_options: tuple[tuple[str, Any], ...],
) -> Drawn:
    """Build and draw once per distinct chart; `key` stands for every other argument."""
    rows = _entry.trim(_frame)
    options = dict(_build_options)
    figure = build(_entry, rows, _lang, _where, **options)
    return draw(_entry, rows, figure, _lang, options.get("not_reported", ()))


@dataclass(frozen=True)
class Shown:
    """What a chart shows for one set of filters: shared between sessions, never changed."""

    notes: tuple[str, ...]
    drawn: Drawn | None  # None where the filters match nothing
    file_name: str = ""


# A rerun that leaves a chart's filters as they were (another widget, a page switch back, the
# same link in another session) shows it from here with one lookup: no query, notes or
# description to work out again. The key holds the whole filters and the query's key (data
# version, database, language), so whatever the chart, its notes or its title depend on is in.
@st.cache_resource(show_spinner=False, max_entries=512)
def _shown(
    key: str,
    _entry: Chart,
    _filters: Filters,
    _lang: Lang,
    _currency: Currency | None,
    _grids: Grids,
) -> Shown:
    """Query, notes, marks, description and figure of one chart; `key` stands for the rest."""
    frame = query(_entry.query, _filters, _lang, currency=_currency)
    rows = _entry.trim(frame)
    notes = tuple(note_lines(_entry, _filters, _lang, rows, _grids))
    if frame.empty:
        return Shown(notes, None)
    takes_currency = _entry.query.takes_currency
    options: tuple[tuple[str, Any], ...] = (("currency", _currency),) if takes_currency else ()
    found = marks(_entry, _filters, _lang, rows, _grids)
    if found:
        options += (("not_reported", found),)
    description = chart_description(_entry, _filters, _lang, currency=_currency)
    figure_key = (
        _entry.key,
        query_key(_entry.query, _filters, _lang, currency=_currency),
        description.text,
        options,
    )
    drawn = _drawn(repr(figure_key), frame, _entry, _lang, description.text, options)
    return Shown(notes, drawn, description.file_name(t(_entry.title_key, _lang)))


def chart(view: View, entry: Chart, *, currency: Currency | None = None) -> None:
    """Run a catalogue chart's query for the view, build its figure and show it (or say empty)."""
    key = (
        entry.key,
        query_key(entry.query, view.filters, view.lang, currency=currency),
        view.filters,
        currency,
    )
    shown = _shown(repr(key), entry, view.filters, view.lang, currency, view.grids)
    if shown.drawn is None:
        show_no_data(view.lang)
    else:
        show_chart(shown.drawn, key=entry.key, lang=view.lang, file_name=shown.file_name)
    show_notes(list(shown.notes), view.noted)
