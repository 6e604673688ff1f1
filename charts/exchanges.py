"""Exchange charts: counts by partner country, province, year and direction, locality; heatmap."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts.common import (
    Unreported,
    chart_title,
    empty_figure,
    floats,
    formatted,
    hbar_layout,
    is_empty,
    ranked,
    set_meta,
    text_only,
    trace,
    unreported_bars,
    vi_sorted_unique,
    year_axis,
    years,
)
from charts.looks import country_look
from i18n.catalogue import Lang, t
from i18n.formatting import format_number

DIRECTIONS: tuple[str, ...] = ("incoming", "outgoing")


def _ranked_exchanges(
    df: pd.DataFrame,
    *,
    label: str,
    chart: str,
    axis: str,
    lang: Lang,
    title_context: str,
    not_reported: Sequence[Unreported] = (),
) -> go.Figure:
    """Horizontal bars of exchanges per `label`, ranked by count, participants in the hover."""
    title = chart_title(f"chart.{chart}.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = ranked(df, label=label, value="exchanges")
    labels = [str(v) for v in data[label]]
    hover = (
        f"<b>%{{y}}</b><br>{t('metric.exchanges', lang)}: %{{x:{style.HOVER_COUNT}}}"
        f"<br>{t('metric.participants', lang)}: %{{customdata}}"
    )
    fig = style.new_figure(
        go.Bar(
            x=floats(data["exchanges"]),
            y=labels,
            orientation="h",
            name=t("metric.exchanges", lang),
            marker={"color": style.SERIES_COLORS["exchanges"]},
            customdata=formatted(data["participants"], lang),
            texttemplate=f"%{{x:{style.HOVER_COUNT}}}",
            textposition="auto",
            hovertemplate=hover + "<extra></extra>",
        )
    )
    rows = unreported_bars(fig, labels, not_reported, lang)
    style.apply_base_layout(
        fig, title=title, lang=lang, height=style.bar_height(len(rows)), legend=False
    )
    hbar_layout(
        fig, categories=rows, x_title=t("axis.exchanges", lang), y_title=t(f"axis.{axis}", lang)
    )
    alt = t(
        f"alt.{chart}",
        lang,
        count=len(labels),
        top=labels[0],
        value=format_number(data["exchanges"].iloc[0], lang),
    )
    set_meta(fig, alt=alt)
    return fig


@text_only
def build_exchanges_by_partner_country(
    df: pd.DataFrame, *, lang: Lang, title_context: str = ""
) -> go.Figure:
    """Exchanges by partner country, ranked by count; empty -> no-data figure."""
    return _ranked_exchanges(
        df,
        label="country",
        chart="exchanges_by_partner_country",
        axis="country",
        lang=lang,
        title_context=title_context,
    )


@text_only
def build_exchanges_by_province(
    df: pd.DataFrame,
    *,
    lang: Lang,
    title_context: str = "",
    not_reported: Sequence[Unreported] = (),
) -> go.Figure:
    """Exchanges by province, ranked by count, then the provinces not reported."""
    return _ranked_exchanges(
        df,
        label="province",
        chart="exchanges_by_province",
        axis="province",
        lang=lang,
        title_context=title_context,
        not_reported=not_reported,
    )


@text_only
def build_exchanges_by_year_and_direction(
    df: pd.DataFrame, *, lang: Lang, title_context: str = ""
) -> go.Figure:
    """Incoming and outgoing exchanges by year, grouped bars; empty -> no-data figure."""
    title = chart_title("chart.exchanges_by_year_and_direction.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = df.sort_values("year", kind="stable")
    all_years = sorted(set(years(data)))
    bars = []
    totals: dict[str, float] = {}
    for direction in DIRECTIONS:
        rows = data[data["direction"] == direction]
        totals[direction] = float(rows["exchanges"].sum())
        if rows.empty:
            continue
        name = t(f"direction.{direction}", lang)
        bars.append(
            trace(
                "bar",
                x=years(rows),
                y=floats(rows["exchanges"]),
                name=name,
                marker={"color": style.SERIES_COLORS[direction]},
                hovertemplate=f"{name}: %{{y:{style.HOVER_COUNT}}}<extra></extra>",
            )
        )
    fig = style.new_figure(bars)
    style.apply_base_layout(fig, title=title, lang=lang)
    year_axis(fig, lang, all_years)
    style.relayout(
        fig,
        {"barmode": "group", "hovermode": "x unified"},
        every_y_axis={
            "title": {"text": t("axis.exchanges", lang)},
            "tickformat": style.TICK_NUMBER,
            "rangemode": "tozero",
        },
    )
    alt = t(
        "alt.exchanges_by_year_and_direction",
        lang,
        first=all_years[0],
        last=all_years[-1],
        incoming=format_number(totals["incoming"], lang),
        outgoing=format_number(totals["outgoing"], lang),
    )
    set_meta(fig, alt=alt)
    return fig


HEATMAP_PARTNERS = 8  # partner countries drawn as their own column; the rest add up as "other"


def heatmap_matrix(
    df: pd.DataFrame, *, other: str, partners: int = HEATMAP_PARTNERS
) -> pd.DataFrame:
    """Exchanges as a province x country matrix; NaN where none.

    Provinces in Vietnamese order; the `partners` countries with the most exchanges, most
    first (ties in Vietnamese order), then one column `other` summing the rest.
    """
    totals = ranked(
        df.groupby("country")["exchanges"].sum().reset_index(), label="country", value="exchanges"
    )
    kept = [str(c) for c in totals["country"]]
    if len(kept) > partners + 1:  # an "other" column of one country would only hide its name
        kept = kept[:partners]
        df = df.assign(country=df["country"].where(df["country"].isin(kept), other))
        kept.append(other)
    matrix = df.pivot_table(
        index="province", columns="country", values="exchanges", aggfunc="sum", dropna=False
    )
    return matrix.reindex(index=vi_sorted_unique(list(df["province"])), columns=kept)


CELL_TEXT_SIZE = 10
_HEATMAP_SIDES = 150  # px of a phone's chart width taken by province names and the colour bar


def _counts_fit(z: list[list[float]], columns: int) -> bool:
    """Whether the largest count, printed in a cell, fits a cell on a phone's width."""
    largest = max((v for row in z for v in row if v == v), default=0.0)  # v == v: not NaN
    letters = len(f"{largest:,.0f}")
    cell = (style.PHONE_WIDTH - _HEATMAP_SIDES) / max(columns, 1)
    return letters * CELL_TEXT_SIZE * style.CHAR_WIDTH + 4 <= cell


@text_only
def build_exchanges_heatmap(df: pd.DataFrame, *, lang: Lang, title_context: str = "") -> go.Figure:
    """Exchanges of each province with its main partners, as a heatmap; empty -> no-data."""
    title = chart_title("chart.exchanges_heatmap.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    matrix = heatmap_matrix(df, other=t("label.other_countries", lang))
    z = [[float(v) for v in row] for row in matrix.to_numpy()]
    columns = [str(c) for c in matrix.columns]
    rows = [str(r) for r in matrix.index]
    exchanges = t("metric.exchanges", lang)
    fig = style.new_figure(
        go.Heatmap(
            z=z,
            x=columns,
            y=rows,
            name=exchanges,
            colorscale=style.SEQUENTIAL_SCALE,
            xgap=2,
            ygap=2,
            hoverongaps=False,
            # Small print, and only where every count fits its cell on a phone: overprinted
            # numbers read as other numbers. The hover and the CSV always hold them.
            texttemplate=(f"%{{z:{style.HOVER_COUNT}}}" if _counts_fit(z, len(columns)) else ""),
            textfont={"size": CELL_TEXT_SIZE},
            colorbar={
                "title": {"text": t("unit.exchanges", lang)},
                "tickformat": style.TICK_NUMBER,
                "thickness": 10,
            },
            hovertemplate=(
                f"<b>%{{y}}</b> – %{{x}}<br>{exchanges}: %{{z:{style.HOVER_COUNT}}}<extra></extra>"
            ),
        )
    )
    height = style.bar_height(len(rows)) + 60  # room for slanted country names
    style.apply_base_layout(fig, title=title, lang=lang, height=height, legend=False)
    # Every name once: plotly would otherwise label every second or third column when crowded.
    style.relayout(
        fig,
        {},
        every_x_axis={
            "title": {"text": t("axis.country", lang)},
            "type": "category",
            "tickmode": "array",
            "tickvals": columns,
            "ticktext": [style.short_label(c, 16) for c in columns],
            "tickangle": -45,
            "side": "bottom",
        },
        every_y_axis={
            "title": {"text": t("axis.province", lang)},
            "type": "category",
            "autorange": "reversed",
            "tickmode": "array",
            "tickvals": rows,
            "ticktext": [style.short_label(r) for r in rows],
        },
    )
    top = df.iloc[int(df["exchanges"].to_numpy().argmax())]
    alt = t(
        "alt.exchanges_heatmap",
        lang,
        rows=len(rows),
        columns=len(columns),
        top=f"{top['province']} – {top['country']}",
        value=format_number(top["exchanges"], lang),
    )
    set_meta(fig, alt=alt)
    return fig


def locality_label(locality: object, country: object, lang: Lang) -> str:
    """A partner locality with its country: 'Mondulkiri (Campuchia)'."""
    if country is None or (isinstance(country, float) and country != country):
        return str(locality)
    return t("label.locality_with_country", lang, locality=locality, country=country)


@text_only
def build_top_partner_localities(
    df: pd.DataFrame, *, lang: Lang, title_context: str = ""
) -> go.Figure:
    """Partner localities with the most exchanges, ranked, coloured by country; empty -> no-data."""
    title = chart_title("chart.top_partner_localities.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    labelled = df.assign(
        label=[
            locality_label(p, c, lang)
            for p, c in zip(df["partner_locality"], df["country"], strict=True)
        ]
    )
    data = ranked(labelled, label="label", value="exchanges")
    labels = [str(v) for v in data["label"]]
    countries = data["country"].where(data["country"].notna(), "")
    bars = []
    of_country = dict(tuple(data.groupby(countries, sort=False, dropna=False)))
    for country in vi_sorted_unique(list(countries)):
        rows = of_country[country]
        code = rows["country_code"].iloc[0]
        colour, pattern = country_look(str(code) if isinstance(code, str) else None)
        bars.append(
            trace(
                "bar",
                x=floats(rows["exchanges"]),
                y=[str(v) for v in rows["label"]],
                orientation="h",
                name=country or t("metric.exchanges", lang),
                marker={"color": colour, "pattern": {"shape": pattern}},
                texttemplate=f"%{{x:{style.HOVER_COUNT}}}",
                textposition="auto",
                hovertemplate=(
                    f"<b>%{{y}}</b><br>{t('metric.exchanges', lang)}: "
                    f"%{{x:{style.HOVER_COUNT}}}<extra></extra>"
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
        x_title=t("axis.exchanges", lang),
        y_title=t("axis.partner_locality", lang),
    )
    alt = t(
        "alt.top_partner_localities",
        lang,
        count=len(labels),
        top=labels[0],
        value=format_number(data["exchanges"].iloc[0], lang),
    )
    set_meta(fig, alt=alt)
    return fig
