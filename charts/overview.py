"""Overview charts: small yearly trends of members, associations, aid disbursed and exchanges."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts import style
from charts.common import (
    chart_title,
    empty_figure,
    floats,
    is_empty,
    money_unit,
    set_meta,
    with_context,
    year_axis,
    years,
)
from ui.formatting import format_money, format_number
from ui.texts import t

METRICS: tuple[str, ...] = ("members", "associations", "aid_disbursed", "exchanges")
_PANEL_AXES = ("xaxis", "xaxis2", "xaxis3", "xaxis4")  # one per metric, in METRICS order


def _metric_label(metric: str, lang: str, unit: str) -> str:
    """Name of a metric; money metrics carry their unit."""
    if metric == "aid_disbursed":
        return t("label.aid_disbursed_in_unit", lang, unit=unit)
    return t(f"metric.{metric}", lang)


def _line(x: list[int], y: list[float], *, name: str, metric: str, fmt: str) -> go.Scatter:
    """A trend line with markers, its hover naming the year and value."""
    return go.Scatter(
        x=x,
        y=y,
        name=name,
        mode="lines+markers",
        line={"color": style.SERIES_COLORS[metric], "width": 2},
        marker={"size": 5},
        hovertemplate=f"%{{x:d}}: %{{y:{fmt}}}<extra>{name}</extra>",
    )


def build_overview_trends(
    df: pd.DataFrame, *, lang: str, title_context: str = "", currency: str = "VND"
) -> go.Figure:
    """Yearly trends of members, associations, aid disbursed, exchanges; empty -> no-data."""
    title = chart_title("chart.overview_trends.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = df.sort_values("year", kind="stable").reset_index(drop=True)
    x = years(data)
    scale, unit = money_unit(data["aid_disbursed"], currency, lang)
    names = [_metric_label(metric, lang, unit) for metric in METRICS]
    fig = make_subplots(rows=2, cols=2, subplot_titles=names, vertical_spacing=0.2)
    for index, metric in enumerate(METRICS):
        values = data[metric] / scale if metric == "aid_disbursed" else data[metric]
        fmt = style.HOVER_MONEY if metric == "aid_disbursed" else style.HOVER_COUNT
        fig.add_trace(
            _line(x, floats(values), name=names[index], metric=metric, fmt=fmt),
            row=index // 2 + 1,
            col=index % 2 + 1,
        )
    style.apply_base_layout(fig, title=title, lang=lang, height=460)
    year_axis(fig, lang, x)
    fig.update_xaxes(title_text=None)
    fig.update_yaxes(tickformat=style.TICK_NUMBER, rangemode="tozero")
    fig.update_layout(showlegend=False)
    fig.update_annotations(font_size=13, xanchor="left", x=None)
    for annotation, domain in zip(fig.layout.annotations, _PANEL_AXES, strict=True):
        annotation.x = fig.layout[domain].domain[0]  # left-align each panel's name
    alt = t("alt.overview_trends", lang, first=x[0], last=x[-1], unit=unit)
    set_meta(fig, alt=alt, scale=scale, unit=unit)
    return fig


def build_overview_sparkline(
    df: pd.DataFrame, *, metric: str, lang: str, title_context: str = "", currency: str = "VND"
) -> go.Figure:
    """A small trend of one overview_by_year column, beside its headline; empty -> no-data."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; expected one of {METRICS}")
    if is_empty(df):
        return empty_figure(chart_title(f"metric.{metric}", lang, title_context), lang)
    data = df.sort_values("year", kind="stable").reset_index(drop=True)
    is_money = metric == "aid_disbursed"
    scale, unit = money_unit(data[metric], currency, lang) if is_money else (1.0, "")
    name = _metric_label(metric, lang, unit)
    x = years(data)
    fmt = style.HOVER_MONEY if is_money else style.HOVER_COUNT
    fig = go.Figure(_line(x, floats(data[metric] / scale), name=name, metric=metric, fmt=fmt))
    fig.update_traces(
        fill="tozeroy",
        fillcolor=style.translucent(style.SERIES_COLORS[metric]),
        cliponaxis=False,  # the first and last markers sit on the plot's edges
    )
    style.apply_base_layout(fig, title=with_context(name, title_context), lang=lang, height=150)
    fig.update_layout(
        showlegend=False,
        margin={"l": 8, "r": 8, "t": 48 if title_context else 32, "b": 8},
        title_font_size=13,
    )
    fig.update_xaxes(visible=False, hoverformat=style.YEAR_FORMAT)
    fig.update_yaxes(visible=False, rangemode="tozero")
    last = float(data[metric].iloc[-1])
    value = format_money(last, currency, lang) if is_money else format_number(last, lang)
    alt = t("alt.overview_sparkline", lang, metric=name, first=x[0], last=x[-1], value=value)
    set_meta(fig, alt=alt, scale=scale, unit=unit)
    return fig
