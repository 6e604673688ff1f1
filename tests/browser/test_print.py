"""Printing a page in a real Chromium: A4 portrait, no sidebar, no empty trailing page.

Neither pypdf nor pdftotext is installed: the PDF's pages are read with re and zlib (size,
count, text drawn on each); what is hidden is checked in Chromium's own print layout.
"""

from __future__ import annotations

import re
import zlib

import pytest

from i18n.catalogue import t
from testkit.browser import Visit, open_page
from testkit.server import DashboardServer
from ui.sitemap import PUBLIC_PAGES

pytestmark = pytest.mark.browser

PAGES = {page.name: page.url_path for page in PUBLIC_PAGES}
A4_POINTS = (595, 842)  # 210 x 297 mm
MAX_PAGES = {"overview": 3, "aid": 4, "members": 5, "exchanges": 8}

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


def _objects(pdf: bytes) -> dict[int, bytes]:
    """The PDF's objects by number (Chromium writes them uncompressed, streams deflated)."""
    return {int(m[1]): m[2] for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", pdf, re.S)}


def _stream(body: bytes) -> bytes:
    """An object's stream, inflated when it is deflated."""
    found = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
    if not found:
        return b""
    data = found[1]
    return zlib.decompress(data) if b"FlateDecode" in body[: found.start()] else data


def _pages(pdf: bytes) -> list[tuple[float, float, int]]:
    """Width and height (points) of each page, and how many text-showing operators it draws."""
    objects = _objects(pdf)
    pages = []
    for body in objects.values():
        if not re.search(rb"/Type\s*/Page\b(?!s)", body):
            continue
        box = re.search(rb"/MediaBox\s*\[\s*([\d.\s]+)\]", body)
        x0, y0, x1, y1 = (float(v) for v in box[1].split()) if box else (0, 0, 0, 0)
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", body)
        numbers = [int(n) for n in re.findall(rb"(\d+) 0 R", contents[1])] if contents else []
        drawn = b"".join(_stream(objects.get(n, b"")) for n in numbers)
        pages.append((x1 - x0, y1 - y0, len(re.findall(rb"\bT[jJ]\b", drawn))))
    return pages


@pytest.mark.parametrize("page", sorted(MAX_PAGES))
def test_a_page_prints_on_a4_portrait_without_the_sidebar(
    dashboard: DashboardServer, visit: Visit, page: str
) -> None:
    visit.page.set_viewport_size({"width": 1280, "height": 900})
    open_page(visit, dashboard.url(PAGES[page]))
    # As a person prints: from the screen's layout, without emulating print media first.
    pages = _pages(visit.page.pdf(format="A4", print_background=True))
    assert 1 <= len(pages) <= MAX_PAGES[page], f"{len(pages)} pages"
    for width, height, texts in pages:
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2
        assert texts > 0, f"an empty page among {len(pages)}"
    visit.page.emulate_media(media="print")
    printed = visit.page.evaluate(PRINTED_JS)
    assert printed["sidebar"] == 0
    assert printed["header"] == 0
    assert printed["buttons"] == 0
    assert printed["charts"] > 0
    assert not visit.page.get_by_text(t("filter.header", "vi"), exact=True).first.is_visible()
