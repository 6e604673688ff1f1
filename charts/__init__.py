"""Pure plotly chart builders (no Streamlit, no SQL): query frames in, figures out.

Every builder takes the frame of one datastore.queries function, keyword-only `lang` and
`title_context`, and `currency` where it draws money. Pages check `is_empty(df)` first and show
t("empty.no_data", lang) instead of a chart; builders given an empty frame still return a
titled figure carrying that message. `drawn_frame(fig)` gives back the numbers a figure draws
(the tests hold a chart's CSV download against it); `alt_text(fig)` its alt text; maps need
`plotly_config(topojson_url)`. `title_context` may hold two lines ("\n"): each is drawn smaller.
Text from the data reaches plotly escaped (`text_only` on every builder), so a name never draws
as HTML; drawn_frame and alt_text give it back as it was.
"""

from __future__ import annotations

import html
import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from charts.aid import (
    build_aid_by_donor_country,
    build_aid_by_sector,
    build_aid_by_year_and_sector,
    build_aid_committed_vs_disbursed,
)
from charts.common import REFERENCE_ROLE, UNREPORTED_ROLE, is_empty
from charts.exchanges import (
    build_exchanges_by_partner_country,
    build_exchanges_by_province,
    build_exchanges_by_year_and_direction,
    build_exchanges_heatmap,
    build_top_partner_localities,
)
from charts.maps import (
    GEO_CONFIG_KEY,
    TOPOJSON_FILES,
    build_exchanges_vietnam_map,
    build_exchanges_world_map,
    plotly_config,
)
from charts.members import (
    build_members_by_partner_country,
    build_members_by_province,
    build_members_by_year,
)
from charts.overview import build_overview_trends

__all__ = [
    "GEO_CONFIG_KEY",
    "TOPOJSON_FILES",
    "alt_text",
    "build_aid_by_donor_country",
    "build_aid_by_sector",
    "build_aid_by_year_and_sector",
    "build_aid_committed_vs_disbursed",
    "build_exchanges_by_partner_country",
    "build_exchanges_by_province",
    "build_exchanges_by_year_and_direction",
    "build_exchanges_heatmap",
    "build_exchanges_vietnam_map",
    "build_exchanges_world_map",
    "build_members_by_partner_country",
    "build_members_by_province",
    "build_members_by_year",
    "build_overview_trends",
    "build_top_partner_localities",
    "drawn_frame",
    "is_empty",
    "plotly_config",
]

# Columns read off each trace type, in the order they appear in the drawn frame.
_TRACE_COLUMNS: dict[str, tuple[str, ...]] = {
    "bar": ("x", "y"),
    "scatter": ("x", "y"),
    "choropleth": ("locations", "text", "z"),
    "scattergeo": ("text", "lat", "lon", "size"),
}


def alt_text(fig: go.Figure) -> str:
    """The alt-text sentence a builder stored in fig.layout.meta, as plain text."""
    meta = fig.layout.meta
    # Builders write it from their escaped frame (charts.common.text_only): unescape it here.
    return html.unescape(str(meta.get("alt", ""))) if isinstance(meta, dict) else ""


def _is_reference(trace: Any) -> bool:
    """Whether a trace is a map decoration (archipelago labels) rather than data."""
    return isinstance(trace.meta, dict) and trace.meta.get("role") == REFERENCE_ROLE


def _column(trace: Any, name: str) -> list[Any]:
    """One array of a trace as a list; marker sizes live under marker."""
    if (
        name == "size"
        and isinstance(trace.meta, dict)
        and trace.meta.get("role") == UNREPORTED_ROLE
    ):
        # A "not reported" circle has a size to be seen, not a count: it draws a missing value.
        return [math.nan] * len(trace.lat or ())
    values = trace.marker.size if name == "size" else getattr(trace, name)
    return [] if values is None else list(values)


def _heatmap_rows(trace: Any) -> pd.DataFrame:
    """A heatmap's cells as (x, y, z) rows, empty cells left out."""
    rows = [
        {"x": x, "y": y, "z": z}
        for y, z_row in zip(trace.y, trace.z, strict=True)
        for x, z in zip(trace.x, z_row, strict=True)
        if z is not None and not (isinstance(z, float) and math.isnan(z))
    ]
    return pd.DataFrame(rows, columns=["x", "y", "z"])


def drawn_frame(fig: go.Figure) -> pd.DataFrame:
    """The numbers a figure draws, one row per point: series, x/y, locations/z or lat/lon/size."""
    parts: list[pd.DataFrame] = []
    for trace in fig.data:
        if _is_reference(trace):
            continue
        if trace.type == "heatmap":
            part = _heatmap_rows(trace)
        else:
            columns = _TRACE_COLUMNS.get(trace.type)
            if columns is None:
                raise TypeError(f"drawn_frame does not know plotly trace type {trace.type!r}")
            part = pd.DataFrame({c: _column(trace, c) for c in columns})
        part.insert(0, "series", trace.name)
        parts.append(part)
    if not parts:
        return pd.DataFrame(columns=["series"])
    frame = pd.concat(parts, ignore_index=True)
    # The labels were escaped for plotly (charts.common.text_only); the download holds the text.
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(
                lambda v: html.unescape(v) if isinstance(v, str) else v
            )
    return frame
