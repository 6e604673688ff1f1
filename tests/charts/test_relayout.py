"""The cheap layout writes give the figure plotly's own update calls give, template included."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from plotly.subplots import make_subplots

from charts import style
from charts.common import grid_layout

CHANGES: dict[str, Any] = {
    "title": {"text": "Hội viên<br>Hà Nội", "font": {"size": 17}},
    "margin": {"t": 90},
    "barmode": "stack",
    "legend": {"traceorder": "normal"},
}
EVERY_X = {"title": {"text": "Năm"}, "tickformat": "d"}
EVERY_Y = {"automargin": True, "rangemode": "tozero"}


@pytest.fixture(params=["ours", "another"])
def default_template(request: pytest.FixtureRequest) -> Iterator[str]:
    """plotly's default template: ours, or another one (Streamlit sets its own on import)."""
    saved = pio.templates.default
    pio.templates.default = style.TEMPLATE if request.param == "ours" else "plotly"
    try:
        yield request.param
    finally:
        pio.templates.default = saved


def _grid() -> go.Figure:
    fig = make_subplots(rows=2, cols=2, subplot_titles=["a", "b", "c", "d"])
    fig.add_trace(go.Bar(x=[2020, 2021], y=[1, 2], name="A"), row=1, col=1)
    fig.add_trace(go.Scatter(x=[2020, 2021], y=[3, 4], name="B"), row=2, col=2)
    fig.update_layout(template=style.TEMPLATE, margin={"l": 16, "b": 56})
    return fig


def test_relayout_writes_what_update_layout_and_the_axis_updates_write(
    default_template: str,
) -> None:
    expected = _grid()
    expected.update_layout(CHANGES)
    expected.update_xaxes(EVERY_X)
    expected.update_yaxes(EVERY_Y)
    fig = _grid()

    style.relayout(fig, CHANGES, every_x_axis=EVERY_X, every_y_axis=EVERY_Y)

    assert fig.to_plotly_json() == expected.to_plotly_json()
    assert fig.layout.margin.l == 16 and fig.layout.margin.t == 90  # merged, not replaced
    assert fig.layout.template.layout.colorway == pio.templates[style.TEMPLATE].layout.colorway


def test_one_dict_given_for_every_axis_is_never_shared_between_them() -> None:
    fig = _grid()
    style.relayout(fig, {}, every_y_axis=EVERY_Y)
    style.relayout(fig, {"yaxis": {"title": {"text": "first only"}}})

    assert fig.layout.yaxis.title.text == "first only"
    assert fig.layout.yaxis2.title.text is None
    assert EVERY_Y == {"automargin": True, "rangemode": "tozero"}


@pytest.mark.parametrize(
    ("rows", "cols", "options"),
    [
        (1, 1, {"secondary_y": True}),
        (2, 2, {"titles": ["a", "b", "c", "d"], "vertical_spacing": 0.22}),
    ],
)
def test_a_grid_layout_is_make_subplots_layout(rows: int, cols: int, options: Any) -> None:
    secondary = options.get("secondary_y", False)
    expected = make_subplots(
        rows=rows,
        cols=cols,
        specs=[[{"secondary_y": secondary}] * cols] * rows,
        subplot_titles=options.get("titles"),
        vertical_spacing=options.get("vertical_spacing"),
    )
    layout = grid_layout(rows, cols, **options)
    layout["annotations"] = layout.get("annotations", [])

    want = expected.layout.to_plotly_json()
    want.pop("template", None)
    assert layout == {"annotations": [], **want}
    # A fresh copy each time: changing one never changes the next figure's grid.
    layout["xaxis"]["domain"] = [0, 0.5]
    assert grid_layout(rows, cols, **options)["xaxis"] == want["xaxis"]
