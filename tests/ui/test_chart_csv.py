"""Chart CSV downloads: the rows a chart draws, under headers a person would type, as drawn.

Every catalogue chart is built from its query on the small fixture (tests/utils/small_dataset.py)
as ui.render builds it, and its CSV is read back and held against the numbers the figure draws.
"""

from __future__ import annotations

import io
import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest
from sqlmodel import Session

from charts import drawn_frame
from datastore.export import BOM
from datastore.filters import Filters
from i18n.catalogue import Lang, t
from i18n.formatting import Currency
from ui import catalog, render

# The headers of each query's CSV; {unit} is the money unit the figure draws.
HEADERS: dict[str, dict[Lang, list[str]]] = {
    "overview_by_year": {
        "vi": [
            "Năm",
            "Hội viên (người)",
            "Số hội",
            "Viện trợ giải ngân ({unit})",
            "Số lượt giao lưu",
        ],
        "en": ["Year", "Members (people)", "Associations", "Aid disbursed ({unit})", "Exchanges"],
    },
    "members_by_year": {
        "vi": ["Năm", "Hội viên (người)", "Số chi hội", "Số hội"],
        "en": ["Year", "Members (people)", "Chapters", "Associations"],
    },
    "members_by_province": {
        "vi": ["Năm", "Tỉnh, thành phố", "Mã tỉnh", "Hội viên (người)", "Số chi hội", "Số hội"],
        "en": ["Year", "Province", "Province code", "Members (people)", "Chapters", "Associations"],
    },
    "members_by_partner_country": {
        "vi": ["Năm", "Quốc gia đối tác", "Mã quốc gia đối tác", "Hội viên (người)", "Số hội"],
        "en": [
            "Year",
            "Partner country",
            "Partner country code",
            "Members (people)",
            "Associations",
        ],
    },
    "aid_by_sector": {
        "vi": ["Lĩnh vực", "Mã lĩnh vực (DAC)", "Số tiền ({unit})"],
        "en": ["Sector", "Sector code (DAC)", "Amount ({unit})"],
    },
    "aid_by_year_and_sector": {
        "vi": ["Năm", "Lĩnh vực", "Mã lĩnh vực (DAC)", "Số tiền ({unit})"],
        "en": ["Year", "Sector", "Sector code (DAC)", "Amount ({unit})"],
    },
    "aid_committed_vs_disbursed": {
        "vi": ["Năm", "Cam kết ({unit})", "Giải ngân ({unit})", "Tỷ lệ giải ngân (%)"],
        "en": ["Year", "Committed ({unit})", "Disbursed ({unit})", "Disbursement rate (%)"],
    },
    "aid_by_donor_country": {
        "vi": ["Quốc gia tài trợ", "Mã quốc gia tài trợ", "Số tiền ({unit})"],
        "en": ["Donor country", "Donor country code", "Amount ({unit})"],
    },
    "exchanges_by_partner_country": {
        "vi": [
            "Quốc gia đối tác",
            "Mã quốc gia đối tác",
            "Số lượt giao lưu",
            "Người tham gia (người)",
        ],
        "en": ["Partner country", "Partner country code", "Exchanges", "Participants (people)"],
    },
    "exchanges_by_province": {
        "vi": ["Tỉnh, thành phố", "Mã tỉnh", "Số lượt giao lưu", "Người tham gia (người)"],
        "en": ["Province", "Province code", "Exchanges", "Participants (people)"],
    },
    "exchanges_by_year_and_direction": {
        "vi": ["Năm", "Đoàn vào hay đoàn ra", "Số lượt giao lưu"],
        "en": ["Year", "Direction", "Exchanges"],
    },
    "exchanges_by_partner_locality": {
        "vi": ["Quốc gia đối tác", "Mã quốc gia đối tác", "Địa phương đối tác", "Số lượt giao lưu"],
        "en": ["Partner country", "Partner country code", "Partner locality", "Exchanges"],
    },
    "exchanges_by_province_and_country": {
        "vi": [
            "Tỉnh, thành phố",
            "Mã tỉnh",
            "Quốc gia đối tác",
            "Mã quốc gia đối tác",
            "Số lượt giao lưu",
        ],
        "en": ["Province", "Province code", "Partner country", "Partner country code", "Exchanges"],
    },
}

# Charts whose traces each draw one figure column, in drawing order; every other chart pools
# all its traces (one per sector, direction or country group) into its first figure column.
TRACE_COLUMNS: dict[str, tuple[str, ...]] = {
    "overview_trends": ("members", "associations", "aid_disbursed", "exchanges"),
    "members_by_year": ("associations", "chapters", "members"),
    "aid_committed_vs_disbursed": ("committed", "disbursed", "disbursement_rate"),
}
# plotly's value column of each trace type (horizontal bars draw their values on x).
_VALUE = {"scatter": "y", "choropleth": "z", "heatmap": "z", "scattergeo": "size"}


def built(
    session: Session, chart: catalog.Chart, lang: Lang, currency: Currency = "USD"
) -> tuple[go.Figure, pd.DataFrame]:
    """The chart's figure and its CSV read back, as ui.render draws them for no filter."""
    options = {"currency": currency} if chart.query.takes_currency else {}
    frame = chart.query.function(
        session=session, filters=Filters(), lang=lang, **chart.query.options(currency=currency)
    )
    rows = chart.trim(frame)
    figure = render.build(chart, rows, lang, "", **options)
    data = render.draw(chart, rows, figure, lang).csv
    assert data.startswith(BOM)
    return figure, pd.read_csv(io.BytesIO(data[len(BOM) :]), keep_default_na=False, na_values=[""])


def unit_of(figure: go.Figure) -> str:
    meta = figure.layout.meta if isinstance(figure.layout.meta, dict) else {}
    return str(meta.get("value_unit", ""))


def drawn_values(figure: go.Figure) -> dict[str, list[float]]:
    """The values each data trace draws, by trace name, missing points left out."""
    drawn = drawn_frame(figure)
    values: dict[str, list[float]] = {}
    for trace in figure.data:
        if trace.type == "scattergeo" and isinstance(trace.meta, dict):
            continue  # archipelago decorations
        horizontal = trace.type == "bar" and trace.orientation == "h"
        column = _VALUE.get(trace.type, "x" if horizontal else "y")
        points = drawn.loc[drawn["series"] == trace.name, column]
        values[str(trace.name)] = sorted(float(v) for v in points if not _missing(v))
    return values


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def column_values(
    table: pd.DataFrame, chart: catalog.Chart, column: str, unit: str, lang: Lang
) -> list[float]:
    """A figure column of the CSV under its header, as the figure draws it (rates as ratios)."""
    figure = next(f for f in chart.query.figures if f.column == column)
    values = [float(v) for v in table[t(figure.header, lang, unit=unit)] if not _missing(v)]
    return sorted(v / 100 if figure.unit == "ratio" else v for v in values)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("chart", catalog.CHARTS, ids=lambda chart: chart.key)
def test_a_chart_csv_holds_the_numbers_its_figure_draws_under_named_headers(
    small: Session, chart: catalog.Chart, lang: Lang
) -> None:
    figure, table = built(small, chart, lang)
    unit = unit_of(figure)

    expected = [header.format(unit=unit) for header in HEADERS[chart.query.name][lang]]
    assert list(table.columns) == expected
    drawn = drawn_values(figure)
    if chart.key in TRACE_COLUMNS:
        for name, column in zip(drawn, TRACE_COLUMNS[chart.key], strict=True):
            shown = column_values(table, chart, column, unit, lang)
            assert shown == pytest.approx(drawn[name], rel=1e-6, abs=1e-6), (name, column)
    else:
        pooled = sorted(v for values in drawn.values() for v in values)
        first = chart.query.figures[0].column
        assert column_values(table, chart, first, unit, lang) == pytest.approx(pooled, rel=1e-6)
        assert len(table) == len(pooled)  # one row per drawn point


def _whole_headers(chart: catalog.Chart) -> set[str]:
    """The vi headers of a chart's year and count columns."""
    counts = {f.header for f in chart.query.figures if f.unit not in ("currency", "ratio")}
    years = {"csv.year"} if "year" in chart.query.keys else set()
    return {t(key, "vi") for key in counts | years}


@pytest.mark.parametrize(
    "chart",
    [chart for chart in catalog.CHARTS if _whole_headers(chart)],
    ids=lambda chart: chart.key,
)
def test_counts_and_years_are_written_as_whole_numbers(
    small: Session, chart: catalog.Chart
) -> None:
    options = {"currency": "VND"} if chart.query.takes_currency else {}
    frame = chart.query.function(
        session=small, filters=Filters(), lang="vi", **chart.query.options(currency="VND")
    )
    rows = chart.trim(frame)
    figure = render.build(chart, rows, "vi", "", **options)
    text = render.draw(chart, rows, figure, "vi").csv.decode("utf-8-sig")

    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    whole = _whole_headers(chart)
    assert whole <= set(table.columns)
    for header in whole:
        cells = [cell for cell in table[header] if cell]
        assert cells and all(cell.isdigit() for cell in cells), (header, cells)


def test_the_members_by_province_csv_holds_only_the_drawn_latest_year(small: Session) -> None:
    _, table = built(small, catalog.MEMBERS_BY_PROVINCE_CHART, "vi")

    # 2026: M6 (Gia Lai) and M7 (Đồng Nai); the earlier years are not drawn.
    assert table[["Năm", "Tỉnh, thành phố", "Mã tỉnh", "Hội viên (người)"]].to_dict("list") == {
        "Năm": [2026, 2026],
        "Tỉnh, thành phố": ["Đồng Nai", "Gia Lai"],
        "Mã tỉnh": [75, 52],
        "Hội viên (người)": [450, 250],
    }


def test_the_committed_against_disbursed_csv_writes_the_rate_in_percent(small: Session) -> None:
    _, table = built(small, catalog.AID_COMMITTED_VS_DISBURSED_CHART, "en")

    # 2019: 2 000 USD committed (A1), 1 500 + 10 000 USD disbursed (A2, A3): 575 %.
    row = table[table["Year"] == 2019].iloc[0]
    assert row["Committed (USD)"] == 2000
    assert row["Disbursed (USD)"] == 11500
    assert row["Disbursement rate (%)"] == 575


def test_directions_are_named_in_the_interface_language(small: Session) -> None:
    _, vi = built(small, catalog.EXCHANGES_BY_YEAR_AND_DIRECTION_CHART, "vi")
    _, en = built(small, catalog.EXCHANGES_BY_YEAR_AND_DIRECTION_CHART, "en")

    assert set(vi["Đoàn vào hay đoàn ra"]) == {"Đoàn vào", "Đoàn ra"}
    assert set(en["Direction"]) == {"Incoming", "Outgoing"}


def test_csv_text_cells_are_neutralised_and_decimals_never_in_exponent_form() -> None:
    frame = pd.DataFrame({"Tên": ["=1+1", "Hà Nội"], "Số tiền (tỷ đồng)": [0.000035, 2.5]})

    text = render.csv_bytes(frame).decode("utf-8-sig")

    assert text.split("\r\n")[1:3] == ["'=1+1,0.000035", "Hà Nội,2.5"]
