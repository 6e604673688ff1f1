"""Shared look of every chart: colour-blind-safe palette, fonts, margins, number formats."""

from __future__ import annotations

import html
import math
import re
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

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
# plotly checks and coerces every property written to a figure, half the cost of building one;
# the charts write known-good values, so they skip it. tests/charts builds every chart with the
# checks on as well and requires the same JSON.
VALIDATE = False


def new_figure(data: Any = None, layout: Any = None) -> go.Figure:
    """A figure on this module's template, built without plotly's per-property checks."""
    if isinstance(layout, go.Layout):
        layout = layout.to_plotly_json()
    # Named explicitly: unchecked, plotly would not expand a template's name, and Streamlit
    # makes its own template plotly's default when it is imported.
    layout = {"template": pio.templates[TEMPLATE], **(layout or {})}
    return go.Figure(data, layout, _validate=VALIDATE)


# Room around the plot; the top and bottom margins grow with the title's lines and the legend.
MARGIN = {"l": 16, "r": 24, "t": 80, "b": 56}
HEIGHT = 440
BAR_ROW_HEIGHT = 26  # per category on horizontal bar charts and heatmap rows
MAX_HEIGHT = 1400

# d3 formats; plotly applies layout.separators to them, so "," means the language's grouping.
TICK_NUMBER = ",~f"  # 7.000 / 0,5: grouped, trailing zeros trimmed
HOVER_COUNT = ",.0f"
HOVER_MONEY = ",.2f"  # two decimals always: a column of amounts lines up and reads alike
TICK_PERCENT = ".0%"
HOVER_PERCENT = ".1%"
YEAR_FORMAT = "d"  # years never get a thousands separator


def separators(lang: Lang) -> str:
    """plotly layout.separators: decimal mark then thousands mark (',.' for vi, '.,' for en)."""
    return ",." if lang == "vi" else ".,"


def bar_height(n_categories: int) -> int:
    """Plot height for horizontal bars or heatmap rows, so labels never overlap.

    apply_base_layout adds what a longer title or a legend needs on top of it.
    """
    needed = MARGIN["t"] + MARGIN["b"] + 40 + BAR_ROW_HEIGHT * max(n_categories, 1)
    return int(min(max(needed, 320), MAX_HEIGHT))


# plotly never wraps text, and a chart may be 340 px wide on a 390-px phone: titles, legends and
# long category names are laid out for that width, and simply have room to spare when wider.
PHONE_WIDTH = 340
CHAR_WIDTH = 0.56  # average advance of a Noto Sans letter (Vietnamese, digits), in em
LINE_HEIGHT = 1.3
TITLE_SIZE = 17
TITLE_PAD = 14  # px above the title
TITLE_GAP = 20  # px between the title's last line and the plot
LEGEND_SIZE = 12
LEGEND_ROW = 22  # px a row of legend entries takes
LEGEND_SYMBOL = 44  # px of an entry besides its text: the symbol and the gaps around it
# What sits between the plot and the legend under it: tick labels (years may turn upright on a
# phone) and the axis title.
AXIS_SPACE = 78
HBAR_AXIS_SPACE = 58  # numbers stay level on a value axis
LABEL_CHARS = 20  # longest category label drawn on an axis; the hover holds the full name

_SPAN = re.compile(r"^<span style='([^'<>]*)'>([^<>]*)</span>$")
_FONT_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)px")


def chars_across(font_size: float, width: float = PHONE_WIDTH) -> int:
    """How many letters of this size fit across `width` pixels."""
    return max(8, int(width / (font_size * CHAR_WIDTH)))


# A line break of our own in a wrapped title: plotly draws any <br ...> as one, and `unwrap`
# tells it from the title's own breaks (between what is drawn and the filters).
WRAP_BREAK = "<br class='wrap'>"
SEPARATOR = " · "  # between the filters of a subtitle (ui/captions.py)


def unwrap(text: str) -> str:
    """A title as it was before `wrap_title` broke its lines for a phone."""
    rejoined = re.sub(f"</span>{WRAP_BREAK}<span style='[^'<>]*'>", " ", text)
    return rejoined.replace(WRAP_BREAK, " ")


def wrap_title(title: str) -> tuple[str, float]:
    """The title with every line wrapped to a phone's width, and the pixels its lines take."""
    lines: list[str] = []
    height = 0.0
    for part in title.split("<br>"):
        styled = _SPAN.match(part)
        attributes, text = styled.groups() if styled else ("", part)
        found = _FONT_SIZE.search(attributes)
        size = float(found.group(1)) if found else TITLE_SIZE
        if "<" in text:  # markup we do not know: leave the line whole rather than break a tag
            pieces = [text]
        else:
            width = chars_across(size)
            pieces = [
                html.escape(piece, quote=False) for piece in _wrapped(html.unescape(text), width)
            ] or [""]
        shown = [f"<span style='{attributes}'>{p}</span>" if styled else p for p in pieces]
        lines.append(WRAP_BREAK.join(shown))
        height += size * LINE_HEIGHT * len(pieces)
    return "<br>".join(lines), height


def _wrapped(text: str, width: int) -> list[str]:
    """Lines of at most `width` letters, broken between ' · ' parts before inside one.

    A subtitle lists filters ("Cả nước · 2014–2020 · Hoa Kỳ"): a break inside "Hoa Kỳ" would
    read as two things, so a part is only split when it cannot fit a line on its own.
    """
    lines: list[str] = []
    for part in text.split(SEPARATOR):
        if lines and len(lines[-1]) + len(SEPARATOR) + len(part) <= width:
            lines[-1] = f"{lines[-1]}{SEPARATOR}{part}"
        else:
            lines.extend(textwrap.wrap(part, width, break_long_words=False) or [part])
    return lines


def title_lines(fig: go.Figure) -> int:
    """How many lines the figure's title is drawn on."""
    text = fig.layout.title.text or ""
    return text.count("<br") + 1 if text else 0


def short_label(label: str, limit: int = LABEL_CHARS) -> str:
    """A category label cut to `limit` letters with '…', keeping a trailing '(code)' whole."""
    text = html.unescape(label)
    if len(text) <= limit:
        return label
    head, _, tail = text.rpartition(" (")
    if head and tail.endswith(")") and len(tail) <= 10:
        kept = limit - len(tail) - 3
        cut = f"{head[:kept].rstrip()}… ({tail}"
    else:
        cut = f"{text[: limit - 1].rstrip()}…"
    return html.escape(cut, quote=False)


def legend_rows(names: Sequence[str]) -> tuple[int, int, int]:
    """Entry width (px), columns and rows of a legend of these names on a phone's width."""
    if not names:
        return 0, 0, 0
    longest = max(len(html.unescape(name)) for name in names)
    entry = min(PHONE_WIDTH, round(LEGEND_SYMBOL + longest * LEGEND_SIZE * CHAR_WIDTH))
    columns = max(1, min(len(names), PHONE_WIDTH // entry))
    return entry, columns, math.ceil(len(names) / columns)


def _legend_names(fig: go.Figure) -> list[str]:
    """Names of the traces a legend lists."""
    return [str(trace.name) for trace in fig.data if trace.showlegend is not False and trace.name]


def apply_base_layout(
    fig: go.Figure,
    *,
    title: str,
    lang: Lang,
    height: int = HEIGHT,
    legend: bool = True,
    axis_space: int = AXIS_SPACE,
) -> None:
    """Template, fonts, separators, the title wrapped above the plot, the legend under it.

    `height` is for a one-line title and no legend; the figure grows by what more lines and
    the legend's rows take, so the plot keeps its size. With `legend`, every named series is
    listed (even one alone, so a filter that leaves one series still says which it is), in
    columns of equal width, at the bottom of the figure below `axis_space` pixels of axis.
    """
    wrapped, lines_height = wrap_title(title)
    top = max(MARGIN["t"], round(TITLE_PAD + lines_height + TITLE_GAP))
    names = _legend_names(fig) if legend else []
    entry, _, rows = legend_rows(names)
    bottom = axis_space + rows * LEGEND_ROW + 8 if rows else MARGIN["b"]
    total = height + (top - MARGIN["t"]) + (bottom - MARGIN["b"])
    changes: dict[str, Any] = {
        "separators": separators(lang),
        "font": {"family": FONT_FAMILY, "size": 13, "color": "#222222"},
        "title": {
            "text": wrapped,
            "x": 0.0,
            "xref": "container",
            "xanchor": "left",
            "y": 1.0,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": TITLE_PAD, "l": 12},
            "font": {"size": TITLE_SIZE},
        },
        "margin": {**MARGIN, "t": top, "b": bottom},
        "height": total,
        "colorway": list(OKABE_ITO),
        "hoverlabel": {"font": {"family": FONT_FAMILY}},
        "showlegend": bool(rows),
    }
    if rows:
        changes["legend"] = {
            "orientation": "h",
            "x": 0.0,
            "xref": "container",
            "xanchor": "left",
            # At the figure's foot: when plotly needs more rows than the estimate above,
            # they grow up into the axis space rather than off the figure's bottom edge.
            "y": 0.0,
            "yref": "container",
            "yanchor": "bottom",
            "entrywidthmode": "pixels",
            "entrywidth": entry,
            "font": {"size": LEGEND_SIZE},
            "title": {"text": ""},
            "traceorder": "normal",
        }
    relayout(fig, changes, every_x_axis={"automargin": True}, every_y_axis={"automargin": True})


_AXIS_NUMBER = re.compile(r"^([xy])axis(\d*)$")


def axis_names(layout: Iterable[str], letter: str) -> list[str]:
    """The `letter` axes of a layout as plotly's update_xaxes finds them: 'xaxis' first."""
    numbers = sorted(
        int(found.group(2))
        for found in map(_AXIS_NUMBER.match, layout)
        if found and found.group(1) == letter and found.group(2)
    )
    return [f"{letter}axis", *(f"{letter}axis{number}" for number in numbers)]


def relayout(
    fig: go.Figure,
    changes: dict[str, Any],
    *,
    every_x_axis: dict[str, Any] | None = None,
    every_y_axis: dict[str, Any] | None = None,
) -> None:
    """fig.update_layout(changes) (and update_xaxes, update_yaxes), one property at a time.

    plotly checks every key of an update against the figure's traces and axes and tells its
    listeners, which made a chart's layout cost tens of ms; each top-level property (a title,
    an axis) is instead merged as a dict and written whole, validated once.
    Dicts are merged key by key as update_layout merges them; anything else is replaced.
    """
    layout = fig.layout
    every = {"x": every_x_axis, "y": every_y_axis}
    axes = {
        name: patch
        for letter, patch in every.items()
        if patch is not None
        for name in axis_names(layout, letter)
    }
    patch = _merged(_merged({}, axes), changes)
    for key, value in patch.items():
        if isinstance(value, dict):
            layout[key] = _merged(layout[key].to_plotly_json(), value)
        else:
            layout[key] = value


def _merged(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """`base` with `changes` written in, dicts merged key by key as plotly's update does."""
    for key, value in changes.items():
        if isinstance(value, dict):
            # Merged into a copy: the same dict may be given for several axes.
            into = base.get(key)
            base[key] = _merged(into if isinstance(into, dict) else {}, value)
        else:
            base[key] = value
    return base
