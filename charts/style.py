"""Shared look of every chart: colour-blind-safe palette, fonts, margins, number formats."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

from i18n.catalogue import Lang

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency. Yellow (#F0E442) and black are left last: yellow is faint on white.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#000000",  # black
)
# Beyond eight series a colour repeats, so bars also change hatching to stay distinguishable.
PATTERNS: tuple[str, ...] = ("", "/", ".", "x", "\\", "+", "-", "|")

# Fixed meanings, so the same thing has the same colour on every page.
SERIES_COLORS: dict[str, str] = {
    "members": "#0072B2",
    "associations": "#E69F00",
    "chapters": "#56B4E9",
    "aid_disbursed": "#009E73",
    "exchanges": "#D55E00",
    "committed": "#0072B2",
    "disbursed": "#E69F00",
    "disbursement_rate": "#000000",
    "incoming": "#009E73",
    "outgoing": "#D55E00",
}
# Single-hue blue, light to dark: ordered lightness reads the same under colour-vision deficiency.
SEQUENTIAL_SCALE: list[list[float | str]] = [
    [0.0, "#C6DBEF"],  # the lowest count must still stand out from land with no data
    [0.35, "#8DBFDF"],
    [0.7, "#3F8FC5"],
    [1.0, "#08306B"],
]
MAP_MARKER_COLOR = "#0072B2"
REFERENCE_COLOR = "#333333"  # archipelagos and sea names on the Vietnam map
LABEL_COLOR = "#1F4E79"

FONT_FAMILY = '"Noto Sans", "Segoe UI", Roboto, Arial, sans-serif'  # all carry Vietnamese


def _lean_template() -> go.layout.Template:
    """plotly_white with only the parts these charts use (no 3-D, polar or ternary axes)."""
    # Every figure validates and copies its whole template; the full plotly_white costs about
    # 50 ms a figure (build and send), this one a few, which a page of seven charts feels.
    white = pio.templates["plotly_white"]
    layout = white.layout.to_plotly_json()
    for unused in ("polar", "ternary", "scene", "colorscale", "coloraxis"):
        layout.pop(unused, None)
    data = white.data.to_plotly_json()
    return go.layout.Template(
        layout=layout, data={kind: data[kind] for kind in _TRACE_KINDS if kind in data}
    )


_TRACE_KINDS = ("bar", "scatter", "heatmap", "choropleth", "scattergeo")
TEMPLATE = "ddn"
# Registered as plotly's default: every new figure starts from it instead of copying plotly's
# larger default and then this one on top.
pio.templates[TEMPLATE] = _lean_template()
pio.templates.default = TEMPLATE
# Room for a two-line title (what + filters) and a legend row above the plot.
MARGIN = {"l": 16, "r": 24, "t": 100, "b": 56}
HEIGHT = 440
BAR_ROW_HEIGHT = 26  # per category on horizontal bar charts and heatmap rows
MAX_HEIGHT = 1400

# d3 formats; plotly applies layout.separators to them, so "," means the language's grouping.
TICK_NUMBER = ",~f"  # 7.000 / 0,5: grouped, trailing zeros trimmed
HOVER_COUNT = ",.0f"
HOVER_MONEY = ",.2~f"
TICK_PERCENT = ".0%"
HOVER_PERCENT = ".1%"
YEAR_FORMAT = "d"  # years never get a thousands separator


def separators(lang: Lang) -> str:
    """plotly layout.separators: decimal mark then thousands mark (',.' for vi, '.,' for en)."""
    return ",." if lang == "vi" else ".,"


def bar_height(n_categories: int) -> int:
    """Figure height for horizontal bars or heatmap rows, so labels never overlap."""
    needed = MARGIN["t"] + MARGIN["b"] + 40 + BAR_ROW_HEIGHT * max(n_categories, 1)
    return int(min(max(needed, 320), MAX_HEIGHT))


# Legend placements: a row between title and plot for a few series; a column on the right
# or a block under the plot for many, so a legend that wraps never runs into the title.
LEGENDS: dict[str, dict[str, object]] = {
    "top": {"orientation": "h", "x": 0.0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"},
    "right": {"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1.0, "yanchor": "top"},
    "bottom": {"orientation": "h", "x": 0.0, "xanchor": "left", "y": -0.08, "yanchor": "top"},
}


def _legend_row_above(fig: go.Figure, legend: str) -> bool:
    """Whether a legend row sits between title and plot (plotly hides a lone trace's legend)."""
    shown = [trace for trace in fig.data if trace.showlegend is not False]
    return legend == "top" and len(shown) > 1


def apply_base_layout(
    fig: go.Figure, *, title: str, lang: Lang, height: int = HEIGHT, legend: str = "top"
) -> None:
    """Template, fonts, margins, separators, title at the top left and the legend's place."""
    fig.update_layout(
        template=TEMPLATE,  # also when something else (Streamlit does) changed plotly's default
        separators=separators(lang),
        font={"family": FONT_FAMILY, "size": 13, "color": "#222222"},
        title={
            "text": title,
            "x": 0.0,
            "xref": "container",
            "xanchor": "left",
            "y": 1.0,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 14, "l": 12},
            "font": {"size": 17},
        },
        margin={**MARGIN, "t": MARGIN["t"] if _legend_row_above(fig, legend) else 80},
        height=height,
        colorway=list(OKABE_ITO),
        hoverlabel={"font": {"family": FONT_FAMILY}},
        legend={**LEGENDS[legend], "title": {"text": ""}},
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
