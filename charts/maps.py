"""Geo charts: exchanges on a world map and on a map of Vietnam with Hoàng Sa and Trường Sa.

plotly.js fetches basemap geometry from a CDN unless the page passes its own location:
``st.plotly_chart(fig, config=plotly_config(topojson_url))`` where the URL is a folder served
by the app that holds the files named in ``TOPOJSON_FILES``. ``layout.geo`` has no such setting;
it is a plotly.js config option (``topojsonURL``), which is why it travels with the page.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from charts import style
from charts.common import (
    REFERENCE_ROLE,
    UNREPORTED_COLOR,
    UNREPORTED_ROLE,
    Unreported,
    chart_title,
    empty_figure,
    floats,
    formatted,
    is_empty,
    mark_word,
    ranked,
    set_meta,
    text_only,
    trace,
)
from i18n.catalogue import Lang, t
from i18n.formatting import format_number

GEO_CONFIG_KEY = "topojsonURL"
# plotly.js names geometry files "<scope>_<resolution>m.json"; these are the ones our maps ask for.
WORLD_RESOLUTION = 110
VIETNAM_RESOLUTION = 50
TOPOJSON_FILES: tuple[str, ...] = (
    f"world_{WORLD_RESOLUTION}m.json",
    f"asia_{VIETNAM_RESOLUTION}m.json",
)

# The map window: mainland Vietnam (8.2–23.4 N, 102.1–109.5 E) plus both archipelagos.
# Fixed ranges rather than fitbounds, which would zoom onto a single province's circle.
VIETNAM_LAT_RANGE = (6.5, 24.0)
VIETNAM_LON_RANGE = (101.0, 119.0)

# Approximate positions (degrees N, E) of main islands, drawn so the archipelagos are always
# visible: public world basemaps often omit them or assign them elsewhere.
HOANG_SA_ISLANDS: tuple[tuple[float, float], ...] = (
    (16.83, 112.34),  # Phú Lâm
    (16.67, 112.73),  # Linh Côn
    (16.53, 111.61),  # Hoàng Sa
    (16.45, 111.51),  # Quang Ảnh
    (16.05, 111.77),  # Bạch Quy
    (15.78, 111.20),  # Tri Tôn
    (16.03, 112.50),  # Đá Bông Bay
)
TRUONG_SA_ISLANDS: tuple[tuple[float, float], ...] = (
    (11.43, 114.33),  # Song Tử Tây
    (11.05, 114.28),  # Thị Tứ
    (10.67, 114.42),  # Loại Ta
    (10.38, 114.48),  # Sơn Ca
    (10.38, 114.36),  # Ba Bình
    (10.18, 114.36),  # Nam Yết
    (9.88, 114.33),  # Sinh Tồn
    (8.64, 111.92),  # Trường Sa Lớn
    (7.87, 112.92),  # An Bang
    (9.90, 115.53),  # Vành Khăn
)
# Label anchors beside each archipelago, placed where the text stays at sea and inside the map.
HOANG_SA_LABEL = (15.6, 111.95)  # text centred below the islands
TRUONG_SA_LABEL = (10.25, 113.9)  # text to the left of the islands
EAST_SEA_LABEL = (13.3, 113.6)
# The key to the circles' sizes, at sea north-east of Hoàng Sa, largest circle on top.
SIZE_KEY_LON = 116.8  # numbers to the left of the circles, clear of the frame on a phone
SIZE_KEY_LATS = (20.4, 18.6, 17.3)
SIZE_KEY_TITLE = (21.7, 116.2)
MARKER_PX = 44  # diameter of the largest province's circle


def plotly_config(topojson_url: str | None = None) -> dict[str, object]:
    """plotly.js config for st.plotly_chart; with a URL, maps load geometry from it, not a CDN."""
    # No modebar: its buttons are English only and it sits over the title on a phone; zoom and
    # pan stay on the chart itself (scroll, drag, double-click to reset).
    config: dict[str, object] = {"displaylogo": False, "displayModeBar": False}
    if topojson_url:
        config[GEO_CONFIG_KEY] = topojson_url if topojson_url.endswith("/") else topojson_url + "/"
    return config


@text_only
def build_exchanges_world_map(
    df: pd.DataFrame, *, lang: Lang, title_context: str = ""
) -> go.Figure:
    """World choropleth of exchanges by partner country (ISO alpha-3); empty -> no-data figure."""
    title = chart_title("chart.exchanges_world_map.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = ranked(df, label="country", value="exchanges")
    exchanges = t("metric.exchanges", lang)
    fig = style.new_figure(
        go.Choropleth(
            locations=[str(v) for v in data["country_code"]],
            locationmode="ISO-3",
            z=floats(data["exchanges"]),
            text=[str(v) for v in data["country"]],
            customdata=formatted(data["participants"], lang),
            name=exchanges,
            colorscale=style.SEQUENTIAL_SCALE,
            zmin=0,
            marker_line_color="#FFFFFF",
            marker_line_width=0.5,
            # Under the map rather than beside it, where a phone needs the width for the map.
            colorbar={
                "title": {"text": t("unit.exchanges", lang), "side": "top"},
                "tickformat": style.TICK_NUMBER,
                "orientation": "h",
                "thickness": 10,
                "len": 0.6,
                "x": 0.5,
                "xanchor": "center",
                "y": -0.02,
                "yanchor": "top",
            },
            hovertemplate=(
                f"<b>%{{text}}</b><br>{exchanges}: %{{z:{style.HOVER_COUNT}}}<br>"
                f"{t('metric.participants', lang)}: %{{customdata}}<extra></extra>"
            ),
        )
    )
    style.apply_base_layout(fig, title=title, lang=lang, height=480, legend=False)
    geo = {
        "projection": {"type": "natural earth"},
        "resolution": WORLD_RESOLUTION,
        "showframe": False,
        "showcoastlines": True,
        "coastlinecolor": "#9E9E9E",
        "showland": True,
        "landcolor": "#F3F3F3",
        "showcountries": True,
        "countrycolor": "#BDBDBD",
        # Antarctica has no partners and would take a fifth of the map.
        "lataxis": {"range": [-58, 84]},
    }
    style.relayout(fig, {"geo": geo})
    alt = t(
        "alt.exchanges_world_map",
        lang,
        count=len(data),
        top=str(data["country"].iloc[0]),
        value=format_number(data["exchanges"].iloc[0], lang),
    )
    set_meta(fig, alt=alt)
    return fig


def _archipelago_traces(lang: Lang) -> list[go.Scattergeo]:
    """Hoàng Sa and Trường Sa as island dots with their labels, and the East Sea's name."""
    traces: list[go.Scattergeo] = []
    for key, islands, anchor, position in (
        ("geo.hoang_sa", HOANG_SA_ISLANDS, HOANG_SA_LABEL, "bottom center"),
        ("geo.truong_sa", TRUONG_SA_ISLANDS, TRUONG_SA_LABEL, "middle left"),
    ):
        name = t(key, lang)
        head, _, tail = name.rpartition(" (")  # "(Việt Nam)" on its own line keeps labels narrow
        traces.append(
            go.Scattergeo(
                lat=[lat for lat, _ in islands],
                lon=[lon for _, lon in islands],
                mode="markers",
                name=name,
                marker={"size": 4, "color": style.REFERENCE_COLOR, "symbol": "circle"},
                hovertemplate=f"{name}<extra></extra>",
                showlegend=False,
                meta={"role": REFERENCE_ROLE},
            )
        )
        traces.append(
            go.Scattergeo(
                lat=[anchor[0]],
                lon=[anchor[1]],
                mode="text",
                name=name,
                text=[f"{head}<br>({tail}" if head else name],
                textposition=position,
                textfont={"size": 12, "color": style.REFERENCE_COLOR},
                hoverinfo="skip",
                showlegend=False,
                meta={"role": REFERENCE_ROLE},
            )
        )
    sea = t("geo.east_sea", lang)
    traces.append(
        go.Scattergeo(
            lat=[EAST_SEA_LABEL[0]],
            lon=[EAST_SEA_LABEL[1]],
            mode="text",
            name=sea,
            text=[f"<i>{sea}</i>"],
            textfont={"size": 14, "color": style.LABEL_COLOR},
            hoverinfo="skip",
            showlegend=False,
            meta={"role": REFERENCE_ROLE},
        )
    )
    return traces


def _sizeref(largest: float) -> float:
    """plotly's marker.sizeref giving the largest count a MARKER_PX circle, areas proportional."""
    return 2.0 * (largest or 1.0) / MARKER_PX**2


def key_counts(largest: float) -> list[float]:
    """Up to three round counts (1, 2 or 5 times a power of ten) for the size key, largest first."""
    counts: list[float] = []
    for target in (largest, largest / 4, largest / 16):
        if target < 1:
            break
        power = 10 ** math.floor(math.log10(target))
        count = max(step * power for step in (1, 2, 5) if step * power <= target)
        if count not in counts:
            counts.append(float(count))
    return counts


def _size_key(largest: float, lang: Lang) -> list[go.Scattergeo]:
    """Circles of round counts drawn at sea with their numbers: the key to the circles' sizes."""
    counts = key_counts(largest)
    lats = list(SIZE_KEY_LATS[: len(counts)])
    labels = [t("label.exchanges_count", lang, count=format_number(c, lang)) for c in counts]
    circles = go.Scattergeo(
        lat=lats,
        lon=[SIZE_KEY_LON] * len(counts),
        mode="markers+text",
        name=t("metric.exchanges", lang),
        text=labels,
        textposition="middle left",
        textfont={"size": 11, "color": style.REFERENCE_COLOR},
        marker={
            "size": counts,
            "sizemode": "area",
            "sizeref": _sizeref(largest),
            "color": "rgba(0, 0, 0, 0)",
            "line": {"color": style.MAP_MARKER_COLOR, "width": 1.5},
        },
        hoverinfo="skip",
        showlegend=False,
        meta={"role": REFERENCE_ROLE},
    )
    heading = go.Scattergeo(
        lat=[SIZE_KEY_TITLE[0]],
        lon=[SIZE_KEY_TITLE[1]],
        mode="text",
        name=t("metric.exchanges", lang),
        text=[f"<b>{t('metric.exchanges', lang)}</b>"],
        textfont={"size": 11, "color": style.REFERENCE_COLOR},
        hoverinfo="skip",
        showlegend=False,
        meta={"role": REFERENCE_ROLE},
    )
    return [circles, heading]


def _unreported_markers(marks: Sequence[Unreported], lang: Lang) -> list[go.Scattergeo]:
    """Hollow grey circles where chosen provinces have no report, "not reported" in the hover."""
    placed = [mark for mark in marks if mark.latitude is not None and mark.longitude is not None]
    if not placed:
        return []
    word = t("chart_note.mark", lang)
    return [
        go.Scattergeo(
            lat=[mark.latitude for mark in placed],
            lon=[mark.longitude for mark in placed],
            text=[html.escape(mark.name, quote=False) for mark in placed],
            # Each mark's own words: "not reported", or "merged into … on 1 Jul 2025".
            customdata=[html.escape(mark_word(mark, lang), quote=False) for mark in placed],
            mode="markers",
            name=word,
            marker={
                "size": 12,
                "symbol": "circle-open",
                "color": UNREPORTED_COLOR,
                "line": {"width": 2},
            },
            hovertemplate="<b>%{text}</b><br><i>%{customdata}</i><extra></extra>",
            showlegend=False,
            meta={"role": UNREPORTED_ROLE},
        )
    ]


def _vietnam_geo(fig: go.Figure) -> None:
    """An Asia basemap cropped to Vietnam and its seas, both archipelagos inside the window."""
    geo = {
        "scope": "asia",
        "resolution": VIETNAM_RESOLUTION,
        "projection": {"type": "mercator"},
        "lataxis": {"range": list(VIETNAM_LAT_RANGE)},
        "lonaxis": {"range": list(VIETNAM_LON_RANGE)},
        "fitbounds": False,
        "showframe": True,
        "framecolor": "#BDBDBD",
        "showland": True,
        "landcolor": "#F3F3F3",
        "showocean": True,
        "oceancolor": "#EEF5FB",
        "showcountries": True,
        "countrycolor": "#9E9E9E",
        "showcoastlines": True,
        "coastlinecolor": "#9E9E9E",
        "showlakes": False,
    }
    # Written whole (charts.style.relayout): update_geos checks every key against the figure.
    style.relayout(fig, {"geo": geo})


@text_only
def build_exchanges_vietnam_map(
    df: pd.DataFrame,
    *,
    lang: Lang,
    title_context: str = "",
    not_reported: Sequence[Unreported] = (),
) -> go.Figure:
    """Vietnam map, a circle per province sized by exchanges, with Hoàng Sa and Trường Sa.

    A province in `not_reported` gets a hollow grey circle: no report, which is not 0.
    """
    title = chart_title("chart.exchanges_vietnam_map.title", lang, title_context)
    if is_empty(df):
        return empty_figure(title, lang)
    data = ranked(df, label="province", value="exchanges")
    sizes = floats(data["exchanges"])
    largest = max(sizes) if sizes else 1.0
    exchanges = t("metric.exchanges", lang)
    circles = trace(
        "scattergeo",
        lat=floats(data["latitude"]),
        lon=floats(data["longitude"]),
        text=[str(v) for v in data["province"]],
        customdata=list(
            zip(
                formatted(data["exchanges"], lang),
                formatted(data["participants"], lang),
                strict=True,
            )
        ),
        mode="markers",
        name=exchanges,
        marker={
            "size": sizes,
            "sizemode": "area",
            # The largest province gets a 44-px circle; area stays proportional to the count.
            "sizeref": _sizeref(largest),
            "sizemin": 4,
            "color": style.MAP_MARKER_COLOR,
            "opacity": 0.7,
            "line": {"color": "#FFFFFF", "width": 1},
        },
        hovertemplate=(
            f"<b>%{{text}}</b><br>{exchanges}: %{{customdata[0]}}<br>"
            f"{t('metric.participants', lang)}: %{{customdata[1]}}<extra></extra>"
        ),
        showlegend=False,
    )
    # All traces at once: each add_trace is a batch update of the whole figure.
    fig = style.new_figure(
        [
            *_archipelago_traces(lang),
            circles,
            *_unreported_markers(not_reported, lang),
            *_size_key(largest, lang),
        ]
    )
    style.apply_base_layout(fig, title=title, lang=lang, height=560, legend=False)
    _vietnam_geo(fig)
    style.relayout(fig, {"margin": {"l": 8, "r": 8}})
    alt = t(
        "alt.exchanges_vietnam_map",
        lang,
        count=len(data),
        top=str(data["province"].iloc[0]),
        value=format_number(data["exchanges"].iloc[0], lang),
    )
    set_meta(fig, alt=alt)
    return fig
