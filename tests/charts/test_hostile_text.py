"""Text from the data is drawn as text: no name in any catalogue chart becomes a link or bold.

plotly reads a subset of HTML in every label, hover and legend entry; a partner locality typed
as `<a href="x">y</a>` was a clickable link on a public chart. Every chart of the catalogue is
built from frames whose text cells all hold markup, and its figure must carry none of it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest

from charts import alt_text, drawn_frame
from tests.charts.test_charts import CASES
from ui import catalog

HOSTILE = '<a href="https://x.example">y</a><b>z</b>&amp;'
FRAMES = {builder.__name__: (frame, options) for builder, frame, options in CASES.values()}


def hostile(frame: pd.DataFrame) -> pd.DataFrame:
    """Every label (not codes, not directions) prefixed with markup, distinct values kept."""
    # Charts by year alone have no label from the data: their title context is the test.
    changed = {
        column: frame[column].map(lambda v: f"{HOSTILE}{v}" if isinstance(v, str) else v)
        for column in frame.columns
        if pd.api.types.is_string_dtype(frame[column])
        and not str(column).endswith("_code")
        and column != "direction"
    }
    return frame.assign(**changed)


def labelled(chart: catalog.Chart) -> bool:
    make, _ = FRAMES[chart.build.__name__]
    return not hostile(make()).equals(make())


def strings(value: Any) -> Iterator[str]:
    """Every string inside a figure's JSON."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def chart_ids() -> list[str]:
    return [chart.key for chart in catalog.CHARTS]


@pytest.mark.parametrize("chart", catalog.CHARTS, ids=chart_ids())
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_label_from_the_data_reaches_plotly_as_html(chart: catalog.Chart, lang: Any) -> None:
    make, options = FRAMES[chart.build.__name__]
    frame = hostile(make())
    fig = chart.build(chart.trim(frame), lang=lang, title_context=HOSTILE, **options)
    drawn = list(strings(json.loads(fig.to_json())))
    assert any("&lt;a href" in text for text in drawn)  # the names are there, as text
    if labelled(chart):
        assert sum("&lt;a href" in text for text in drawn) > 1  # more than the title
    leaked = [text for text in drawn if "<a" in text or "<b>z" in text or "</a>" in text]
    assert leaked == []
    assert not any("&amp;" in text and "&amp;amp;" not in text for text in drawn)


@pytest.mark.parametrize(
    "chart",
    [c for c in catalog.CHARTS if labelled(c)],
    ids=[c.key for c in catalog.CHARTS if labelled(c)],
)
def test_the_download_and_the_alt_text_hold_the_names_as_they_were(chart: catalog.Chart) -> None:
    make, options = FRAMES[chart.build.__name__]
    fig = chart.build(chart.trim(hostile(make())), lang="vi", **options)
    cells = [v for column in drawn_frame(fig).columns for v in drawn_frame(fig)[column]]
    labels = [v for v in cells if isinstance(v, str) and v.startswith(HOSTILE)]
    assert labels or HOSTILE in alt_text(fig)
    assert not any("&lt;" in v for v in cells if isinstance(v, str))
    assert "&lt;" not in alt_text(fig)


def test_builders_keep_their_own_markup() -> None:
    make, options = FRAMES["build_top_partner_localities"]
    fig = catalog.EXCHANGES_TOP_LOCALITIES.build(make(), lang="vi", **options)
    assert "<b>%{y}</b>" in fig.data[0].hovertemplate
