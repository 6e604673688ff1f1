"""Aid charts: amounts by sector, by year and sector, committed against disbursed, by donor."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts.common import (
    Trace,
    chart_title,
    empty_figure,
    floats,
    grid_layout,
    hbar_layout,
    is_empty,
    money_unit,
    ranked,
    set_meta,
    text_only,
    trace,
    vi_sorted_unique,
    year_axis,
    years,
)
from charts.looks import sector_group_look, sector_look
from i18n.catalogue import Lang, t
from i18n.formatting import Currency, format_money, format_percent


def sector_label(name: object, code: object, lang: Lang) -> str:
    """A sector's Vietnamese (or English) name with its DAC code beside: 'Y tế chung (121)'."""
    return t("label.sector_with_code", lang, name=name, code=code)


def _with_sector_labels(df: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The frame with a 'label' column naming each sector with its DAC code."""
    labels = [
        sector_label(n, c, lang) for n, c in zip(df["sector"], df["sector_code"], strict=True)
    ]
    return df.assign(label=labels)


def _money_hover(label: str, axis_letter: str, unit: str) -> str:
    """Hover line for an amount drawn on the given axis letter ('x' or 'y')."""
    return f"{label}: %{{{axis_letter}:{style.HOVER_MONEY}}} {unit}"


@text_only
def build_aid_by_sector(
    df: pd.DataFrame, *, lang: Lang, title_context: str = "", currency: Currency = "VND"
) -> go.Figure:
    """Aid amount by DAC sector, ranked, coloured by sector group; empty -> no-data figure."""
    title = chart_title("chart.aid_by_sector.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = ranked(_with_sector_labels(df, lang), label="label", value="amount")
    scale, unit = money_unit(data["amount"], currency, lang)
    labels = [str(v) for v in data["label"]]
    groups = data["sector_group"].where(data["sector_group"].notna(), data["sector"])
    bars = []
    of_group = dict(tuple(data.groupby(groups, sort=False, dropna=False)))
    for group in vi_sorted_unique(list(groups)):
        rows = of_group[group]
        colour, pattern = sector_group_look(str(rows["sector_code"].iloc[0]))
        bars.append(
            trace(
                "bar",
                x=floats(rows["amount"] / scale),
                y=[str(v) for v in rows["label"]],
                orientation="h",
                name=group,
                marker={"color": colour, "pattern": {"shape": pattern}},
                texttemplate=f"%{{x:{style.HOVER_MONEY}}}",
                textposition="auto",
                hovertemplate=(
                    f"<b>%{{y}}</b><br>{t('metric.sector_group', lang)}: {group}<br>"
                    + _money_hover(t("metric.amount", lang), "x", unit)
                    + "<extra></extra>"
                ),
            )
        )
    fig = style.new_figure(bars)
    height = style.bar_height(len(labels))
    style.apply_base_layout(
        fig, title=title, lang=lang, height=height, axis_space=style.HBAR_AXIS_SPACE
    )
    hbar_layout(
        fig,
        categories=labels,
        x_title=t("axis.amount", lang, unit=unit),
        y_title=t("axis.sector", lang),
    )
    alt = t(
        "alt.aid_by_sector",
        lang,
        count=len(labels),
        top=labels[0],
        value=format_money(float(data["amount"].iloc[0]), currency, lang),
    )
    set_meta(fig, alt=alt, scale=scale, unit=unit)
    return fig


@text_only
def build_aid_by_year_and_sector(
    df: pd.DataFrame, *, lang: Lang, title_context: str = "", currency: Currency = "VND"
) -> go.Figure:
    """Aid by year, stacked by sector in Vietnamese order of the name; empty -> no-data figure."""
    title = chart_title("chart.aid_by_year_and_sector.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = _with_sector_labels(df, lang).sort_values("year", kind="stable")
    scale, unit = money_unit(data.groupby("year")["amount"].sum(), currency, lang)
    all_years = sorted(set(years(data)))
    sectors = vi_sorted_unique(list(data["label"]))
    bars = []
    of_label = dict(tuple(data.groupby("label", sort=False, dropna=False)))
    for label in sectors:
        rows = of_label[label]
        colour, pattern = sector_look(str(rows["sector_code"].iloc[0]))
        bars.append(
            trace(
                "bar",
                x=years(rows),
                y=floats(rows["amount"] / scale),
                name=label,
                marker={"color": colour, "pattern": {"shape": pattern}},
                hovertemplate=(
                    f"<b>{label}</b><br>"
                    + _money_hover(f"{t('axis.year', lang)} %{{x:d}}", "y", unit)
                    + "<extra></extra>"
                ),
            )
        )
    fig = style.new_figure(bars)
    style.apply_base_layout(fig, title=title, lang=lang)
    # The years speak for themselves without a title; the legend sits there.
    year_axis(fig, lang, all_years, titled=False)
    style.relayout(
        fig,
        {"barmode": "stack", "legend": {"traceorder": "normal"}},
        every_y_axis={
            "title": {"text": t("axis.amount", lang, unit=unit)},
            "tickformat": style.TICK_NUMBER,
            "rangemode": "tozero",
        },
    )
    alt = t(
        "alt.aid_by_year_and_sector",
        lang,
        first=all_years[0],
        last=all_years[-1],
        count=len(sectors),
        total=format_money(float(data["amount"].sum()), currency, lang),
    )
    set_meta(fig, alt=alt, scale=scale, unit=unit)
    return fig


@text_only
def build_aid_committed_vs_disbursed(
    df: pd.DataFrame, *, lang: Lang, title_context: str = "", currency: Currency = "VND"
) -> go.Figure:
    """Committed and disbursed aid (bars) with the disbursement rate (line, %); empty -> no-data."""
    title = chart_title("chart.aid_committed_vs_disbursed.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = df.sort_values("year", kind="stable").reset_index(drop=True)
    scale, unit = money_unit(pd.concat([data["committed"], data["disbursed"]]), currency, lang)
    x = years(data)
    traces: list[Trace] = []
    for measure in ("committed", "disbursed"):
        name = t(f"measure.{measure}", lang)
        traces.append(
            trace(
                "bar",
                x=x,
                y=floats(data[measure] / scale),
                name=name,
                marker={"color": style.SERIES_COLORS[measure]},
                hovertemplate=_money_hover(name, "y", unit) + "<extra></extra>",
                xaxis="x",
                yaxis="y",
            )
        )
    rate_name = t("measure.disbursement_rate", lang)
    rates = floats(data["disbursement_rate"])
    traces.append(
        trace(
            "scatter",
            x=x,
            y=rates,
            name=rate_name,
            mode="lines+markers",
            connectgaps=False,  # a year with nothing committed has no rate; leave the gap
            line={"color": style.SERIES_COLORS["disbursement_rate"], "width": 2, "dash": "dot"},
            marker={"symbol": "diamond", "size": 8},
            hovertemplate=f"{rate_name}: %{{y:{style.HOVER_PERCENT}}}<extra></extra>",
            xaxis="x",
            yaxis="y2",
        )
    )
    fig = style.new_figure(traces, layout=grid_layout(secondary_y=True))
    style.apply_base_layout(fig, title=title, lang=lang)
    year_axis(fig, lang, x)
    top_rate = max((r for r in rates if r == r), default=1.0)  # r == r drops NaN
    style.relayout(
        fig,
        {
            "yaxis": {  # amounts, left
                "title": {"text": t("axis.amount", lang, unit=unit)},
                "tickformat": style.TICK_NUMBER,
                "rangemode": "tozero",
            },
            "yaxis2": {  # the rate, right
                "title": {"text": t("axis.disbursement_rate", lang)},
                "tickformat": style.TICK_PERCENT,
                "range": [0, max(1.05, top_rate * 1.1)],
                "showgrid": False,
                # plotly.js would otherwise sync ticks to the left axis: odd values.
                "tickmode": "auto",
            },
            "barmode": "group",
            "hovermode": "x unified",
        },
    )
    committed = float(data["committed"].sum())
    disbursed = float(data["disbursed"].sum())
    alt = t(
        "alt.aid_committed_vs_disbursed",
        lang,
        first=x[0],
        last=x[-1],
        committed=format_money(committed, currency, lang),
        disbursed=format_money(disbursed, currency, lang),
        rate=format_percent(disbursed / committed if committed else None, lang),
    )
    set_meta(fig, alt=alt, scale=scale, unit=unit)
    return fig


@text_only
def build_aid_by_donor_country(
    df: pd.DataFrame, *, lang: Lang, title_context: str = "", currency: Currency = "VND"
) -> go.Figure:
    """Aid by donor country (no stated country as one bar), ranked; empty -> no-data figure."""
    title = chart_title("chart.aid_by_donor_country.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = ranked(df, label="country", value="amount")
    scale, unit = money_unit(data["amount"], currency, lang)
    labels = [str(v) for v in data["country"]]
    fig = style.new_figure(
        go.Bar(
            x=floats(data["amount"] / scale),
            y=labels,
            orientation="h",
            name=t("metric.amount", lang),
            marker={"color": style.SERIES_COLORS["aid_disbursed"]},
            texttemplate=f"%{{x:{style.HOVER_MONEY}}}",
            textposition="auto",
            hovertemplate=(
                "<b>%{y}</b><br>"
                + _money_hover(t("metric.amount", lang), "x", unit)
                + "<extra></extra>"
            ),
        )
    )
    style.apply_base_layout(
        fig, title=title, lang=lang, height=style.bar_height(len(labels)), legend=False
    )
    hbar_layout(
        fig,
        categories=labels,
        x_title=t("axis.amount", lang, unit=unit),
        y_title=t("axis.donor_country", lang),
    )
    alt = t(
        "alt.aid_by_donor_country",
        lang,
        count=len(labels),
        top=labels[0],
        value=format_money(float(data["amount"].iloc[0]), currency, lang),
    )
    set_meta(fig, alt=alt, scale=scale, unit=unit)
    return fig
