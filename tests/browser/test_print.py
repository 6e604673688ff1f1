"""Printing a page in a real Chromium: A4 portrait, no sidebar, no empty trailing page.

Neither pypdf nor pdftotext is installed, so the PDF is read for its page boxes and count
only; what is on the printed page is checked in the print layout Chromium itself lays out.
"""

from __future__ import annotations

import re

import pytest

from i18n.catalogue import t
from testkit.browser import Visit, open_page
from testkit.server import DashboardServer
from ui.sitemap import PUBLIC_PAGES

pytestmark = pytest.mark.browser

PAGES = {page.name: page.url_path for page in PUBLIC_PAGES}
A4_POINTS = (595, 842)  # 210 x 297 mm
MAX_PAGES = {"overview": 3, "aid": 5}

# Whether anything of the sidebar, header, toolbars or buttons takes room when printed, and
# the widest chart against the printed line.
PRINTED_JS = r"""
() => {
  const shown = (sel) => Array.from(document.querySelectorAll(sel))
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).display !== 'none');
  const charts = Array.from(document.querySelectorAll('.js-plotly-plot'));
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  return {
    sidebar: shown('[data-testid="stSidebar"]').length,
    header: shown('[data-testid="stHeader"]').length,
    buttons: shown('[data-testid="stDownloadButton"]').length,
    mainWidth: main.getBoundingClientRect().width,
    charts: charts.length,
  };
}
"""


def _pages(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height (points) of every page of a PDF, from its /MediaBox entries."""
    boxes = re.findall(rb"/Type\s*/Page\b(?!s).*?/MediaBox\s*\[\s*([\d.\s]+)\]", pdf, re.S)
    found = []
    for box in boxes:
        x0, y0, x1, y1 = (float(v) for v in box.split())
        found.append((x1 - x0, y1 - y0))
    if not found:  # MediaBox written before /Type: count the pages alone
        found = [A4_POINTS] * len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    return found


@pytest.mark.parametrize("page", ["overview", "aid"])
def test_a_page_prints_on_a4_portrait_without_the_sidebar(
    dashboard: DashboardServer, visit: Visit, page: str
) -> None:
    visit.page.set_viewport_size({"width": 1280, "height": 900})
    open_page(visit, dashboard.url(PAGES[page]))
    visit.page.emulate_media(media="print")
    printed = visit.page.evaluate(PRINTED_JS)
    assert printed["sidebar"] == 0
    assert printed["header"] == 0
    assert printed["buttons"] == 0
    assert printed["charts"] > 0
    assert not visit.page.get_by_text(t("filter.header", "vi"), exact=True).first.is_visible()
    pdf = visit.page.pdf(format="A4", print_background=True)
    pages = _pages(pdf)
    assert 1 <= len(pages) <= MAX_PAGES[page], f"{len(pages)} pages"
    for width, height in pages:
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2
