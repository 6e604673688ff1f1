"""Figures are built without plotly's per-property checks: the very figures the checks give."""

from __future__ import annotations

import json
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from charts import style
from tests.charts.test_charts import CASES, NAMES, build


def _drawn(fig: go.Figure) -> Any:
    """What the browser receives, parsed."""
    return json.loads(fig.to_json())


def _built(name: str, lang: str, *, empty: bool = False) -> go.Figure:
    if not empty:
        return build(name, lang, "Hà Nội, 2020–2024\nGiao lưu <b>đến</b>")
    builder, frame, kwargs = CASES[name]
    return builder(frame().iloc[0:0], lang=lang, title_context="Hà Nội", **kwargs)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("empty", [False, True])
def test_a_chart_built_unchecked_is_the_chart_plotlys_checks_build(
    name: str, lang: str, empty: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    unchecked = _drawn(_built(name, lang, empty=empty))
    monkeypatch.setattr(style, "VALIDATE", True)
    checked = _drawn(_built(name, lang, empty=empty))

    assert unchecked == checked


@pytest.mark.parametrize("default", ["plotly", "plotly_white", style.TEMPLATE])
def test_every_figure_carries_our_template_whatever_plotlys_default(default: str) -> None:
    # Streamlit makes its own template plotly's default when it is imported.
    saved = pio.templates.default
    pio.templates.default = default
    try:
        figures = [build(name) for name in NAMES]
    finally:
        pio.templates.default = saved

    ours = _drawn(go.Figure(layout={"template": pio.templates[style.TEMPLATE]}))["layout"][
        "template"
    ]
    assert all(_drawn(fig)["layout"]["template"] == ours for fig in figures)


def test_an_unchecked_figure_still_takes_a_layout_object() -> None:
    fig = style.new_figure(go.Bar(x=[1], y=[2]), layout=go.Layout(height=300))

    assert _drawn(fig)["layout"]["height"] == 300
    assert _drawn(fig)["data"] == [{"type": "bar", "x": [1], "y": [2]}]
