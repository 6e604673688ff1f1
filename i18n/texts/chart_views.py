"""Tabs and expanders that hold a chart until it is asked for (maps, the heatmap)."""

from __future__ import annotations

CHART_VIEWS: dict[str, dict[str, str]] = {
    "views.bars": {"vi": "Biểu đồ cột", "en": "Bars"},
    "views.map": {"vi": "Bản đồ", "en": "Map"},
}
