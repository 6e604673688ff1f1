"""The report's charts as PNG images: the dashboard's catalogue entries, exported by kaleido."""

from __future__ import annotations

import asyncio
import html
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kaleido
import plotly.graph_objects as go
from sqlmodel import Session

from datastore import queries
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from datastore.yearly.document import ReportChart, YearlyReport
from i18n.catalogue import Lang, t
from ui.catalog import CHARTS, Chart

# Wider than the A4 text width (164 mm, 620 CSS pixels) so that charts are less tall; scaled
# to it, a chart's 13 px labels print at about 8 pt, like the figures of a printed report.
WIDTH_PX = 760
SCALE = 2.5  # device pixels per CSS pixel: about 290 dpi on the page
FONT_FAMILY = "Times New Roman, Liberation Serif, serif"  # the report's own font
# Where a subtitle names its unit of money, written in once the builder picked the unit
# (the same slot ui.captions writes, whose module reads Streamlit caches).
UNIT_SLOT = "{unit}"
# The folder of the map outlines the dashboard serves; the browser reads them as files.
TOPOJSON_FOLDER = Path(__file__).resolve().parent.parent / "static" / "geo"
BY_KEY: dict[str, Chart] = {entry.key: entry for entry in CHARTS}


@dataclass(frozen=True)
class ChartImage:
    """One chart of the report drawn as a picture, with its caption's title."""

    title: str
    png: bytes
    width_px: int
    height_px: int


def entry_of(chart: ReportChart) -> Chart:
    """The catalogue entry a report chart names."""
    try:
        return BY_KEY[chart.chart]
    except KeyError:
        raise ValueError(f"no chart {chart.chart!r} in ui.catalog.CHARTS") from None


def title_context(
    session: Session, entry: Chart, filters: Filters, lang: Lang, *, money: bool
) -> str:
    """The subtitle of a report chart: where and which years, then the unit of its amounts."""
    province_list = ProvinceList(filters.province_list)
    names = queries.list_provinces(session=session, province_list=province_list, lang=lang)
    if filters.provinces:
        named = dict(zip(names["code"], names["name"], strict=True))
        where = ", ".join(str(named.get(code, code)) for code in filters.provinces)
    else:
        legacy = province_list is ProvinceList.LEGACY
        key = "describe.all_provinces_legacy" if legacy else "describe.all_provinces"
        where = t(key, lang, count=len(names))
    parts = [where]
    low, high = filters.year_from, filters.year_to
    if not entry.latest_year and (low is not None or high is not None):
        parts.append(str(low or high) if low == high or None in (low, high) else f"{low}–{high}")
    lines = [" · ".join(parts)]
    if money:
        lines.append(t("describe.money_unit", lang, unit=UNIT_SLOT))
    return "\n".join(lines)


def figure_for(session: Session, chart: ReportChart, lang: Lang) -> go.Figure:
    """The chart's figure, as the dashboard draws it for the same filters, in the report's font."""
    entry = entry_of(chart)
    relevant = entry.query.relevant(chart.filters)
    options = entry.query.options(currency=chart.currency)
    rows = entry.trim(entry.query.function(session=session, filters=relevant, lang=lang, **options))
    build_options: dict[str, Any] = (
        {"currency": chart.currency} if entry.query.takes_currency else {}
    )
    context = title_context(session, entry, relevant, lang, money=entry.query.takes_currency)
    figure = entry.build(rows, lang=lang, title_context=context, **build_options)
    meta = figure.layout.meta if isinstance(figure.layout.meta, dict) else {}
    title = figure.layout.title.text if figure.layout.title else None
    if title and UNIT_SLOT in title:
        unit = html.escape(str(meta.get("value_unit", "")), quote=False)
        figure.update_layout(title_text=title.replace(UNIT_SLOT, unit))
    figure.update_layout(
        font_family=FONT_FAMILY, width=WIDTH_PX, paper_bgcolor="white", plot_bgcolor="white"
    )
    return figure


def report_figures(session: Session, report: YearlyReport) -> list[tuple[str, go.Figure]]:
    """Every chart of the report in reading order, with the title its caption gives it."""
    found: list[tuple[str, go.Figure]] = []
    for section in report.sections:
        for chart in section.charts:
            entry = entry_of(chart)
            found.append((t(entry.title_key, report.lang), figure_for(session, chart, report.lang)))
    return found


def chart_images(session: Session, report: YearlyReport) -> list[ChartImage]:
    """The report's charts as PNG images, in reading order, drawn in one browser session."""
    titled = report_figures(session, report)
    pngs = export_png([figure for _, figure in titled])
    return [
        ChartImage(
            title, png, round(WIDTH_PX * SCALE), round((figure.layout.height or 450) * SCALE)
        )
        for (title, figure), png in zip(titled, pngs, strict=True)
    ]


def export_png(figures: Sequence[go.Figure]) -> list[bytes]:
    """PNG bytes of each figure, from one headless Chromium started once for all of them."""
    if not figures:
        return []
    topojson = TOPOJSON_FOLDER.as_uri() + "/" if TOPOJSON_FOLDER.is_dir() else None

    async def run() -> list[bytes]:
        async with kaleido.Kaleido(n=1) as browser:
            return [
                await browser.calc_fig(
                    figure,
                    {
                        "format": "png",
                        "width": WIDTH_PX,
                        "height": int(figure.layout.height or 450),
                        "scale": SCALE,
                    },
                    topojson=topojson,
                )
                for figure in figures
            ]

    # Its own thread and event loop: the caller (a Streamlit script, a test) may run a loop.
    result: list[list[bytes]] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            result.append(asyncio.run(run()))
        except BaseException as error:  # handed back to the caller's thread
            failure.append(error)

    thread = threading.Thread(target=work, name="kaleido-export")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return result[0]
