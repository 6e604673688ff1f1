"""Overview charts: small yearly trends of members, associations, aid disbursed and exchanges."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts.common import (
    Trace,
    chart_title,
    empty_figure,
    floats,
    grid_layout,
    is_empty,
    money_unit,
    set_meta,
    text_only,
    trace,
    year_axis,
    years,
)
from datastore.queries.overview import RESTATED_ON
from i18n.catalogue import Lang, t
from i18n.formatting import Currency

METRICS: tuple[str, ...] = ("members", "associations", "aid_disbursed", "exchanges")
_PANEL_AXES = ("xaxis", "xaxis2", "xaxis3", "xaxis4")  # one per metric, in METRICS order


def _metric_label(metric: str, lang: Lang, unit: str) -> str:
    """Name of a metric; money metrics carry their unit."""
    if metric == "aid_disbursed":
        return t("label.aid_disbursed_in_unit", lang, unit=unit)
    return t(f"metric.{metric}", lang)


def _line(x: list[int], y: list[float], *, name: str, metric: str, fmt: str) -> Trace:
    """A trend line with markers, its hover naming the year and value."""
    return trace(
        "scatter",
        x=x,
        y=y,
        name=name,
        mode="lines+markers",
        line={"color": style.SERIES_COLORS[metric], "width": 2},
        marker={"size": 5},
        hovertemplate=f"%{{x:d}}: %{{y:{fmt}}}<extra>{name}</extra>",
    )


@text_only
def build_overview_trends(
    df: pd.DataFrame, *, lang: Lang, title_context: str = "", currency: Currency = "VND"
) -> go.Figure:
    """Yearly trends of members, associations, aid disbursed, exchanges; empty -> no-data."""
    title = chart_title("chart.overview_trends.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = df.sort_values("year", kind="stable").reset_index(drop=True)
    x = years(data)
    scale, unit = money_unit(data["aid_disbursed"], currency, lang)
    names = [_metric_label(metric, lang, unit) for metric in METRICS]
    # A panel is half the chart: on a phone, about 150 px for its name.
    panel_titles = [
        "<br>".join(textwrap.wrap(name, style.chars_across(13, style.PHONE_WIDTH / 2 - 20)))
        for name in names
    ]
    lines = []
    for index, metric in enumerate(METRICS):
        values = data[metric] / scale if metric == "aid_disbursed" else data[metric]
        fmt = style.HOVER_MONEY if metric == "aid_disbursed" else style.HOVER_COUNT
        line = _line(x, floats(values), name=names[index], metric=metric, fmt=fmt)
        panel = "" if index == 0 else str(index + 1)  # by rows: x, x2 / x3, x4
        lines.append({**line, "xaxis": f"x{panel}", "yaxis": f"y{panel}"})
    layout = grid_layout(
        2,
        2,
        titles=panel_titles,
        vertical_spacing=0.22,
        # Room for the right panels' y labels ("10.000") clear of the left panels' last year.
        horizontal_spacing=0.16,
    )
    fig = style.new_figure(lines, layout=layout)
    style.apply_base_layout(fig, title=title, lang=lang, height=520, legend=False)
    year_axis(fig, lang, x, every_year=False, titled=False)
    panel_names = [
        # Left-aligned on its panel.
        {**name, "font": {**name.get("font", {}), "size": 13}, "xanchor": "left", "x": x_from}
        for name, x_from in zip(
            (annotation.to_plotly_json() for annotation in fig.layout.annotations),
            (fig.layout[domain].domain[0] for domain in _PANEL_AXES),
            strict=True,
        )
    ]
    style.relayout(
        fig,
        {"annotations": panel_names},
        every_y_axis={"tickformat": style.TICK_NUMBER, "rangemode": "tozero"},
    )
    alt = t("alt.overview_trends", lang, first=x[0], last=x[-1], unit=unit)
    set_meta(fig, alt=alt, scale=scale, unit=unit)
    return fig


def restated_note(df: pd.DataFrame, lang: Lang) -> str | None:
    """The note under a series whose earlier associations count as their successors."""
    year = df.attrs.get(RESTATED_ON)
    return t("restated.note", lang, year=int(year)) if year is not None else None
