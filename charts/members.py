"""Membership charts: members, associations and chapters by year, province and partner country."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts.common import (
    Trace,
    Unreported,
    chart_title,
    empty_figure,
    floats,
    formatted,
    grid_layout,
    hbar_layout,
    is_empty,
    latest_year,
    ranked,
    set_meta,
    text_only,
    trace,
    unreported_bars,
    year_axis,
    years,
)
from i18n.catalogue import Lang, t
from i18n.formatting import format_number


def _by_year(df: pd.DataFrame) -> pd.DataFrame:
    """Rows in year order."""
    return df.sort_values("year", kind="stable").reset_index(drop=True)


@text_only
def build_members_by_year(df: pd.DataFrame, *, lang: Lang, title_context: str = "") -> go.Figure:
    """Members (line) with associations and chapters (bars) by year; empty -> no-data figure."""
    title = chart_title("chart.members_by_year.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = _by_year(df)
    x = years(data)
    traces: list[Trace] = []
    for column in ("associations", "chapters"):
        name = t(f"metric.{column}", lang)
        traces.append(
            trace(
                "bar",
                x=x,
                y=floats(data[column]),
                name=name,
                marker={"color": style.SERIES_COLORS[column]},
                hovertemplate=f"{name}: %{{y:{style.HOVER_COUNT}}}<extra></extra>",
                xaxis="x",
                yaxis="y",
            )
        )
    # The line sits on the secondary axis because plotly draws that axis's traces on top.
    members = t("metric.members", lang)
    people = t("unit.people", lang)
    traces.append(
        trace(
            "scatter",
            x=x,
            y=floats(data["members"]),
            name=members,
            mode="lines+markers",
            line={"color": style.SERIES_COLORS["members"], "width": 3},
            hovertemplate=f"{members}: %{{y:{style.HOVER_COUNT}}} {people}<extra></extra>",
            xaxis="x",
            yaxis="y2",
        )
    )
    fig = style.new_figure(traces, layout=grid_layout(secondary_y=True))
    style.apply_base_layout(fig, title=title, lang=lang)
    year_axis(fig, lang, x)
    style.relayout(
        fig,
        {
            "yaxis": {  # associations and chapters, left
                "title": {"text": t("axis.associations_chapters", lang)},
                "tickformat": style.TICK_NUMBER,
                "rangemode": "tozero",
            },
            "yaxis2": {  # members, right
                "title": {
                    "text": t("axis.members", lang),
                    "font": {"color": style.SERIES_COLORS["members"]},
                },
                "tickformat": style.TICK_NUMBER,
                "rangemode": "tozero",
                "showgrid": False,
                # plotly.js would otherwise sync ticks to the left axis: odd values.
                "tickmode": "auto",
            },
            "barmode": "group",
            "hovermode": "x unified",
        },
    )
    last = data.iloc[-1]
    alt = t(
        "alt.members_by_year",
        lang,
        first=x[0],
        last=x[-1],
        members=format_number(last["members"], lang),
    )
    set_meta(fig, alt=alt)
    return fig


def _ranked_members(
    df: pd.DataFrame,
    *,
    label: str,
    chart: str,
    axis: str,
    counts: tuple[str, ...],
    lang: Lang,
    title_context: str,
    not_reported: Sequence[Unreported] = (),
) -> go.Figure:
    """Horizontal bars of members per `label` in the latest year, `counts` in the hover."""
    key = f"chart.{chart}.title"
    if is_empty(df):
        return empty_figure(chart_title(key, lang, title_context), lang)
    year, rows = latest_year(df)
    data = ranked(rows, label=label, value="members")
    title = chart_title(key, lang, title_context, year=year)
    labels = [str(v) for v in data[label]]
    members = t("metric.members", lang)
    hover = f"<b>%{{y}}</b><br>{members}: %{{x:{style.HOVER_COUNT}}} {t('unit.people', lang)}"
    for index, count in enumerate(counts):
        hover += f"<br>{t(f'metric.{count}', lang)}: %{{customdata[{index}]}}"
    fig = style.new_figure(
        go.Bar(
            x=floats(data["members"]),
            y=labels,
            orientation="h",
            name=members,
            marker={"color": style.SERIES_COLORS["members"]},
            customdata=list(zip(*(formatted(data[count], lang) for count in counts), strict=True)),
            texttemplate=f"%{{x:{style.HOVER_COUNT}}}",
            textposition="auto",
            hovertemplate=hover + "<extra></extra>",
        )
    )
    categories = unreported_bars(fig, labels, not_reported, lang)
    style.apply_base_layout(
        fig, title=title, lang=lang, height=style.bar_height(len(categories)), legend=False
    )
    hbar_layout(
        fig, categories=categories, x_title=t("axis.members", lang), y_title=t(f"axis.{axis}", lang)
    )
    alt = t(
        f"alt.{chart}",
        lang,
        count=len(labels),
        year=year,
        top=labels[0],
        value=format_number(data["members"].iloc[0], lang),
    )
    set_meta(fig, alt=alt)
    return fig


@text_only
def build_members_by_province(
    df: pd.DataFrame,
    *,
    lang: Lang,
    title_context: str = "",
    not_reported: Sequence[Unreported] = (),
) -> go.Figure:
    """Members by province in the frame's latest year, ranked, then the provinces not reported."""
    return _ranked_members(
        df,
        label="province",
        chart="members_by_province",
        axis="province",
        counts=("associations", "chapters"),
        lang=lang,
        title_context=title_context,
        not_reported=not_reported,
    )


@text_only
def build_members_by_partner_country(
    df: pd.DataFrame, *, lang: Lang, title_context: str = ""
) -> go.Figure:
    """Association members by partner country in the latest year, ranked; empty -> no-data."""
    return _ranked_members(
        df,
        label="country",
        chart="members_by_partner_country",
        axis="country",
        counts=("associations",),
        lang=lang,
        title_context=title_context,
    )
