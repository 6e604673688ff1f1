"""Helpers shared by the chart modules: text kept text, empty checks, titles, ranking, units."""

from __future__ import annotations

import functools
import html
import json
import math
from collections.abc import Callable, Sequence
from typing import Any, Concatenate, NamedTuple, ParamSpec

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts import style
from datastore.vietnamese import sort_key
from i18n.catalogue import Lang, t
from i18n.formatting import Currency, format_number, money_scale

REFERENCE_ROLE = "reference"  # trace.meta role of map decorations that are not data
UNREPORTED_ROLE = "unreported"  # trace.meta role of the marks of provinces without a report
UNREPORTED_COLOR = "#757575"  # grey, 4.6:1 on white: a mark, not a figure
_MARKUP = frozenset("<>&")

Options = ParamSpec("Options")


# A trace as plotly's own dict, checked once, by the figure it is put in: a go.Bar or
# go.Scatter object is checked when made and then again, property by property, by the figure
# (a third of the time of a chart with many series).
Trace = dict[str, Any]


def trace(kind: str, **properties: Any) -> Trace:
    """A trace of this kind ("bar", "scatter") for go.Figure."""
    return {"type": kind, **properties}


def is_empty(df: pd.DataFrame | None) -> bool:
    """Whether a query result has nothing to draw; pages show t('empty.no_data') instead."""
    return df is None or df.empty


def plain_text(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell escaped, so that plotly draws it as text, never as HTML."""
    # plotly reads <a href>, <b>, <br>, <span style> in any label, hover or legend entry; a
    # partner locality typed as a link would otherwise be a link on a public chart.
    escaped: dict[str, pd.Series] = {}
    for column in df.columns:
        values = df[column]
        if values.dtype != object and not pd.api.types.is_string_dtype(values):
            continue
        if any(isinstance(v, str) and not _MARKUP.isdisjoint(v) for v in values):
            escaped[str(column)] = values.map(
                lambda v: html.escape(v, quote=False) if isinstance(v, str) else v
            )
    return df.assign(**escaped) if escaped else df


def text_only(
    build: Callable[Concatenate[pd.DataFrame, Options], go.Figure],
) -> Callable[Concatenate[pd.DataFrame, Options], go.Figure]:
    """A chart builder whose frame reaches plotly with its text escaped (`plain_text`)."""

    @functools.wraps(build)
    def built(df: pd.DataFrame, /, *args: Options.args, **kwargs: Options.kwargs) -> go.Figure:
        return build(df if df is None else plain_text(df), *args, **kwargs)

    return built


def chart_title(key: str, lang: Lang, title_context: str = "", year: int | None = None) -> str:
    """The chart title from `key` (and its year), with the filters on a smaller second line."""
    what = t(key, lang)
    if year is not None:
        what = f"{what}, {t('label.in_year', lang, year=year)}"
    return with_context(what, title_context)


def with_context(what: str, title_context: str) -> str:
    """A title with the filter description in smaller lines under it (one per line of it)."""
    if not title_context:
        return what
    lines = [html.escape(line, quote=False) for line in title_context.splitlines() if line]
    return "<br>".join(
        [what, *(f"<span style='font-size:13px;color:#555555'>{line}</span>" for line in lines)]
    )


def set_meta(fig: go.Figure, *, alt: str, scale: float = 1.0, unit: str = "") -> None:
    """Store alt text, and for money charts the divisor and unit the drawn values are in."""
    meta: dict[str, object] = {"alt": alt}
    if unit:
        meta["value_scale"] = scale
        meta["value_unit"] = unit
    # One property set directly: update_layout would check the key against the whole figure.
    fig.layout.meta = meta


def empty_figure(title: str, lang: Lang) -> go.Figure:
    """A titled figure with the no-data message, for when a page draws an empty result anyway."""
    fig = style.new_figure()
    style.apply_base_layout(fig, title=title, lang=lang, height=320)
    fig.add_annotation(
        text=t("empty.no_data", lang),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 15, "color": "#555555"},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    set_meta(fig, alt=t("alt.empty", lang))
    return fig


def ranked(df: pd.DataFrame, *, label: str, value: str) -> pd.DataFrame:
    """Rows by value, largest first; ties in Vietnamese order of the label."""
    by_label = sorted(range(len(df)), key=lambda i: sort_key(_text(df[label].iloc[i])))
    ordered = df.iloc[by_label]
    return ordered.sort_values(value, ascending=False, kind="stable").reset_index(drop=True)


def vi_sorted_unique(values: Sequence[object]) -> list[str]:
    """Distinct labels in Vietnamese alphabetical order."""
    return sorted({_text(v) for v in values}, key=sort_key)


def _text(value: object) -> str:
    """A label as text; missing labels become empty strings."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def latest_year(df: pd.DataFrame) -> tuple[int, pd.DataFrame]:
    """The latest year in the frame and its rows; stocks such as members must not be summed."""
    year = int(df["year"].max())
    return year, df[df["year"] == year].reset_index(drop=True)


def money_unit(values: pd.Series, currency: Currency, lang: Lang) -> tuple[float, str]:
    """Divisor and unit name for drawing amounts, chosen from the largest absolute value."""
    largest = float(values.abs().max()) if len(values) else 0.0
    divisor, unit_key = money_scale(0.0 if math.isnan(largest) else largest, currency)
    return divisor, t(unit_key, lang)


def formatted(values: pd.Series, lang: Lang, decimals: int = 0) -> list[str]:
    """Numbers as display strings for hover customdata ('–' for missing)."""
    return [format_number(None if pd.isna(v) else float(v), lang, decimals) for v in values]


def years(df: pd.DataFrame) -> list[int]:
    """The year column as plain ints."""
    return [int(y) for y in df["year"]]


def floats(values: pd.Series) -> list[float]:
    """A numeric column as plain floats (NaN where missing), as plotly stores them."""
    return [float("nan") if pd.isna(v) else float(v) for v in values]


def hbar_layout(fig: go.Figure, *, categories: list[str], x_title: str, y_title: str) -> None:
    """Horizontal-bar axes: categories top-down in the given order, grouped numbers on x.

    Long names are cut on the axis (style.short_label) so the bars keep their room on a phone;
    the hover names them in full.
    """
    y_axis = {
        "title": {"text": y_title},
        "type": "category",
        "categoryorder": "array",
        "categoryarray": categories,
        "tickmode": "array",
        "tickvals": categories,
        "ticktext": [style.short_label(label) for label in categories],
        "autorange": "reversed",
        # Invisible ticks put a little air between a label and its bar.
        "ticks": "outside",
        "ticklen": 6,
        "tickcolor": "rgba(0, 0, 0, 0)",
    }
    x_axis = {
        "title": {"text": x_title},
        "tickformat": style.TICK_NUMBER,
        "rangemode": "tozero",
        "nticks": 5,
    }
    style.relayout(
        fig, {"barmode": "relative", "bargap": 0.25}, every_x_axis=x_axis, every_y_axis=y_axis
    )
    # Upright value labels: inside the bar when it fits, just outside otherwise.
    for bar in fig.data:
        if bar.type == "bar":
            bar.cliponaxis, bar.textangle, bar.textposition = False, 0, "auto"


def year_axis(
    fig: go.Figure,
    lang: Lang,
    span: Sequence[int],
    *,
    every_year: bool = True,
    titled: bool = True,
    **selector: object,
) -> None:
    """A year x axis over exactly the years drawn, bars centred on their ticks.

    `every_year` labels each year (plotly turns the labels upright when they crowd); without
    it, as on small panels, every few years from the first, at most five labels: whole years
    always (left to plotly, two years would be labelled 2024, 2024, 2025, 2025, 2026).
    Without `titled`, the axis has no title ("Năm" goes without saying beside the years).
    """
    first, last = (min(span), max(span)) if span else (0, 0)
    ticks: dict[str, object] = (
        {"tickmode": "array", "tickvals": list(range(first, last + 1))}
        if every_year
        else {"tickmode": "linear", "tick0": first, "dtick": math.ceil((last - first + 1) / 5)}
    )
    axis = {
        **({"title": {"text": t("axis.year", lang)}} if titled else {}),
        "tickformat": style.YEAR_FORMAT,
        "hoverformat": style.YEAR_FORMAT,
        "range": [first - 0.5, last + 0.5],
        "autorange": False,
        **ticks,
    }
    if selector:
        fig.update_xaxes(axis, **selector)
    else:
        style.relayout(fig, {}, every_x_axis=axis)


@functools.cache
def _grid_json(
    rows: int, cols: int, secondary_y: bool, spacing: tuple[float | None, float | None]
) -> str:
    """make_subplots' layout for a grid (titles as 0, 1, ...), as JSON text: computed once."""
    specs = [[{"secondary_y": secondary_y}] * cols for _ in range(rows)]
    titles = [str(index) for index in range(rows * cols)] if rows * cols > 1 else None
    fig = make_subplots(
        rows=rows,
        cols=cols,
        specs=specs,
        subplot_titles=titles,
        vertical_spacing=spacing[0],
        horizontal_spacing=spacing[1],
    )
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)
    return json.dumps(layout)


def grid_layout(
    rows: int = 1,
    cols: int = 1,
    *,
    titles: Sequence[str] = (),
    secondary_y: bool = False,
    vertical_spacing: float | None = None,
    horizontal_spacing: float | None = None,
) -> dict[str, Any]:
    """A fresh copy of make_subplots' layout (axes' domains, panel titles) for a new figure.

    make_subplots lays out a grid anew for every figure and plotly validates each step; the
    grid's geometry never changes, so it is computed once. The traces name their own axes
    (panel `n` counted from 1 by rows: f"x{n}", f"y{n}"; the secondary y axis of one panel: "y2").
    """
    layout: dict[str, Any] = json.loads(
        _grid_json(rows, cols, secondary_y, (vertical_spacing, horizontal_spacing))
    )
    for annotation, text in zip(layout.get("annotations", []), titles, strict=True):
        annotation["text"] = text
    return layout


class Unreported(NamedTuple):
    """A chosen province with no report of the figure drawn: a mark, never a 0."""

    code: str
    name: str
    latitude: float | None = None
    longitude: float | None = None
    # What the mark says instead of "not reported" (an old province merged in 2025 says so).
    word: str | None = None


def mark_word(mark: Unreported, lang: Lang) -> str:
    """The text of a mark: its own, or "not reported"."""
    return mark.word or t("chart_note.mark", lang)


def unreported_bars(
    fig: go.Figure, labels: list[str], marks: Sequence[Unreported], lang: Lang
) -> list[str]:
    """Below the bars, a grey "not reported" in place of a bar for each mark; all labels."""
    if not marks:
        return labels
    names = [html.escape(mark.name, quote=False) for mark in marks]
    word = t("chart_note.mark", lang)
    words = [html.escape(mark_word(mark, lang), quote=False) for mark in marks]
    # An empty bar keeps the province's row (and a missing value in what the chart draws).
    fig.add_trace(
        go.Bar(
            x=[None] * len(names),
            y=names,
            orientation="h",
            name=word,
            hoverinfo="skip",
            showlegend=False,
            meta={"role": UNREPORTED_ROLE},
        )
    )
    for name, said in zip(names, words, strict=True):
        fig.add_annotation(
            x=0,
            y=name,
            xref="x",
            yref="y",
            text=f"<i>{said}</i>",
            showarrow=False,
            xanchor="left",
            font={"color": UNREPORTED_COLOR, "size": 12},
        )
    return labels + names
