"""In Chromium: a chart's drawn title names the measure and currency, and its CSV is a plain table.

The page filters are set by clicking the sidebar, as a person would, so the test does not
depend on how the address bar spells them.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from datastore.export import BOM
from i18n.catalogue import Lang, t
from testkit.browser import Visit, charts, data_traces, open_page, signature, wait_for_redraw
from testkit.server import DashboardServer

pytestmark = pytest.mark.browser

CHART = "aid_by_year_and_sector"
HEADERS: dict[Lang, tuple[str, str, str, str]] = {
    "vi": ("Năm", "Lĩnh vực", "Mã lĩnh vực (DAC)", "Số tiền"),
    "en": ("Year", "Sector", "Sector code (DAC)", "Amount"),
}
MONEY_UNIT = {"vi": r"\((triệu )?USD\)", "en": r"\((million )?USD\)"}
FILE_STEM = {
    "vi": "vien-tro-theo-nam-va-linh-vuc_cam-ket_USD_",
    "en": "aid-by-year-and-sector_committed_USD_",
}


def _click(visit: Visit, key: str, label: str) -> None:
    """Click one option of a sidebar segmented control and wait for the charts to redraw."""
    before = signature(visit.page)
    visit.page.locator(f".st-key-{key}").get_by_text(label, exact=True).click()
    wait_for_redraw(visit.page, before)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_aid_chart_names_measure_and_currency_and_downloads_a_plain_table(
    dashboard: DashboardServer, visit: Visit, lang: Lang
) -> None:
    open_page(visit, dashboard.url("aid"))
    if lang == "en":
        _click(visit, "lang", "English")
    _click(visit, "measure", t("measure.committed", lang))
    _click(visit, "currency", "USD")

    # The title as plotly drew it into the SVG, both lines.
    title = visit.page.locator(f".st-key-chart_{CHART} .gtitle").first.text_content() or ""
    assert t("measure.committed", lang) in title
    assert "USD" in title

    with visit.page.expect_download() as download:
        visit.page.locator(f".st-key-download_{CHART} button").click()
    name = download.value.suggested_filename
    data = Path(download.value.path()).read_bytes()

    assert re.fullmatch(re.escape(FILE_STEM[lang]) + r"\d{4}-\d{4}\.csv", name), name
    assert data.startswith(BOM)
    rows = list(csv.reader(io.StringIO(data[len(BOM) :].decode("utf-8"))))
    header, body = rows[0], rows[1:]
    assert tuple(header[:3]) == HEADERS[lang][:3]
    assert header[3].startswith(HEADERS[lang][3])
    assert re.search(MONEY_UNIT[lang], header[3]), header[3]
    assert body and all(row[0].isdigit() and row[2].isdigit() for row in body)
    # The same numbers as the stacked bars drawn on the page.
    drawn = next(chart for chart in charts(visit.page) if chart["key"] == CHART)
    bars = sorted(float(y) for trace in data_traces(drawn) for y in trace["y"] if y is not None)
    assert sorted(float(row[3]) for row in body) == pytest.approx(bars, rel=1e-6)
