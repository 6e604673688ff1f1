"""The report page's glue: which report (a unit and a year), the report on screen, its files.

The unit is the sidebar's province filter (so the 34/63 switch and the link's `province` apply
as on every page); the page's own picker writes into it. The report and its documents are
built once per data version, filters, year and language; the documents only when asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st
from sqlmodel import Session

from datastore import queries
from datastore.config import database_url
from datastore.db import get_engine
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from datastore.yearly.build import build_report
from datastore.yearly.document import (
    ReportFigure,
    ReportTable,
    Section,
    YearlyReport,
)
from i18n.catalogue import Lang, t
from i18n.formatting import with_code
from ui.auth import escape_markdown
from ui.catalog import CHARTS
from ui.data import current_version, lookup
from ui.headline import delta_look
from ui.links import report_year
from ui.render import View, chart

NATION = ""  # the unit picker's option for the whole country
UNIT_KEY = "report_unit"
YEAR_KEY = "report_year"
FIGURES_PER_ROW = 3
_CHARTS = {entry.key: entry for entry in CHARTS}
MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


# Which report ---------------------------------------------------------------------------------


def choose_unit(filters: Filters, lang: Lang, provinces: pd.DataFrame) -> str | None:
    """The province (a code of the list shown) or None for the nation, from the sidebar's filter."""
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    chosen = [code for code in filters.provinces if code in names]
    # The picker follows the sidebar's filter on every run; picking here writes into it.
    st.session_state[UNIT_KEY] = chosen[0] if chosen else NATION
    shared_key = "province63" if filters.province_list is ProvinceList.LEGACY else "province"
    unit: str = st.selectbox(
        t("report_page.unit", lang),
        options=[NATION, *names],
        format_func=lambda code: (
            with_code(str(names[code]), code) if code else t("report_page.nation", lang)
        ),
        key=UNIT_KEY,
        on_change=_pick_unit,
        args=(shared_key,),
    )
    if len(chosen) > 1:
        st.info(t("report_page.one_unit", lang, name=names[chosen[0]]))
    return unit or None


def _pick_unit(shared_key: str) -> None:
    """The unit picked on the page becomes the sidebar's one chosen province (or none)."""
    unit = st.session_state.get(UNIT_KEY)
    st.session_state[shared_key] = [unit] if unit else []


def choose_year(years: Sequence[int], lang: Lang) -> int:
    """The report's year: the link's or the user's, else the last year that is over."""
    if st.session_state.get(YEAR_KEY) not in years:
        st.session_state[YEAR_KEY] = report_year(years, date.today())
    year: int = st.selectbox(
        t("report_page.year", lang),
        options=sorted(years, reverse=True),
        key=YEAR_KEY,
        persist_state="session",
    )
    return year


# The report on screen -------------------------------------------------------------------------


def show_report(report: YearlyReport, place_and_date: str) -> None:
    """The whole report as the document reads, top to bottom, dated as the files date it."""
    show_letterhead(report, place_and_date)
    st.markdown(f"**{escape_markdown(report.title)}**", text_alignment="center")
    st.markdown(f"**{escape_markdown(report.subtitle)}**", text_alignment="center")
    noted: set[str] = set()  # a chart note is said once on the page, as on the other pages
    for section in report.sections:
        show_section(section, report, noted)
    if report.sources:
        st.subheader(t("report_file.sources", report.lang))
        st.markdown("\n".join(f"1. {escape_markdown(source)}" for source in report.sources))
    show_closing(report)


def show_letterhead(report: YearlyReport, place_and_date: str) -> None:
    """The issuing body on the left, the national motto and the place and date on the right."""
    letterhead, lang = report.letterhead, report.lang
    left, right = st.columns(2)
    with left:
        body = [escape_markdown(letterhead.parent_body)] if letterhead.parent_body else []
        body.append(f"**{escape_markdown(letterhead.issuing_body)}**")
        st.markdown("  \n".join(body), text_alignment="center")
    with right:
        motto = t("report_file.motto_country", lang), t("report_file.motto", lang)
        st.markdown(f"**{motto[0]}**  \n**{motto[1]}**", text_alignment="center")
        when = escape_markdown(place_and_date)
        st.markdown(f"*{when}*", text_alignment="center")


def show_section(section: Section, report: YearlyReport, noted: set[str]) -> None:
    """A heading, its prose, its figures beside the year before, its tables and its charts."""
    st.subheader(section.heading)
    for paragraph in section.paragraphs:
        st.markdown(escape_markdown(paragraph))
    show_figures(section.figures, report.year - 1, report.lang)
    for table in section.tables:
        show_table(table)
    for report_chart in section.charts:
        view = View(report.lang, report_chart.filters, noted)
        chart(view, _CHARTS[report_chart.chart], currency=report_chart.currency)


def show_figures(figures: Sequence[ReportFigure], previous_year: int, lang: Lang) -> None:
    """Each figure as a card: the year's value, its change, the year before and any note."""
    for start in range(0, len(figures), FIGURES_PER_ROW):
        row = figures[start : start + FIGURES_PER_ROW]
        for column, figure in zip(st.columns(FIGURES_PER_ROW), row, strict=False):
            with column:
                delta = figure.change_text or None
                color, arrow = delta_look(delta)
                st.metric(
                    figure.label,
                    figure.value_text,
                    delta=delta,
                    delta_color=color,
                    delta_arrow=arrow,
                    border=True,
                )
                lines: list[str] = []
                # Without a figure the year before, the change already says why.
                if figure.previous is not None:
                    previous = figure.previous_text
                    said = t("report_page.previous", lang, year=previous_year, value=previous)
                    lines.append(said)
                if figure.note:
                    lines.append(figure.note)
                if lines:
                    st.caption(escape_markdown(" · ".join(lines)))


def show_table(table: ReportTable) -> None:
    """A small table as printed, figures right-aligned."""
    st.markdown(f"**{escape_markdown(table.caption)}**")
    header = list(table.header)
    frame = pd.DataFrame(list(table.rows), columns=header)
    st.dataframe(
        frame,
        hide_index=True,
        column_config={
            name: st.column_config.TextColumn(alignment="right" if numeric else "left")
            for name, numeric in zip(header, table.numeric, strict=True)
        },
    )


def show_closing(report: YearlyReport) -> None:
    """ "Nơi nhận" on the left and the signature block on the right, for the user to complete."""
    left, right = st.columns(2)
    with left:
        if report.recipients:
            recipients = t("report_file.recipients", report.lang)
            lines = [f"***{recipients}***"]
            lines += [escape_markdown(line) for line in report.recipients]
            st.markdown("  \n".join(lines))
    with right:
        if report.signer:
            lines = [f"**{escape_markdown(line)}**" for line in report.signer]
            # The blank the user signs in, as the documents print it.
            lines.append(f"*{escape_markdown(t('report_file.signature', report.lang))}*")
            st.markdown("  \n".join(lines), text_alignment="center")


# The report and its files, cached --------------------------------------------------------------


@dataclass(frozen=True)
class Wanted:
    """Everything a report depends on: the unit, the year, the language, the day, the data."""

    province_list: ProvinceList
    province: str | None
    year: int
    lang: Lang
    issued_on: date
    version: tuple[int, int, int]
    url: str


def wanted(province_list: ProvinceList, province: str | None, year: int, lang: Lang) -> Wanted:
    """The report asked for on this run, against the data version the entry file read."""
    return Wanted(
        province_list, province, year, lang, date.today(), current_version(), database_url()
    )


# A report is frozen and never changed after it is built: one shared object, no copy per rerun.
@st.cache_resource(show_spinner=False, max_entries=32)
def yearly_report(key: Wanted) -> YearlyReport:
    """The report for `key`, built once per data version, unit, year, language and day."""
    with Session(get_engine(key.url)) as session:
        return build_report(
            session,
            province_list=key.province_list,
            province=key.province,
            year=key.year,
            lang=key.lang,
            issued_on=key.issued_on,
        )


@dataclass(frozen=True)
class Writers:
    """How a report becomes files; documents/ sits above the screens, so the page hands it in."""

    chart_images: Callable[[Session, YearlyReport], Sequence[Any]]  # drawn once for all files
    files: Mapping[str, Callable[[YearlyReport, list[Any]], bytes]]  # "docx", "pdf"
    file_name: Callable[[YearlyReport, str], str]  # (report, kind) -> the name it is saved as


@st.cache_resource(show_spinner=False, max_entries=8)
def _chart_images(key: Wanted, _writers: Writers) -> tuple[Any, ...]:
    """The report's charts as pictures, drawn once for both files (Chromium takes seconds)."""
    with Session(get_engine(key.url)) as session:
        return tuple(_writers.chart_images(session, yearly_report(key)))


@st.cache_data(show_spinner=False, max_entries=16)
def document(key: Wanted, kind: str, _writers: Writers) -> bytes:
    """The report as a file of `kind`; run on a click, never on a rerun."""
    images = list(_chart_images(key, _writers))
    return _writers.files[kind](yearly_report(key), images)


def show_downloads(key: Wanted, report: YearlyReport, writers: Writers) -> None:
    """The DOCX and PDF buttons; each file is made when its button is clicked."""
    lang = report.lang
    st.subheader(t("report_page.downloads", lang))
    with st.container(horizontal=True):
        for kind in writers.files:
            st.download_button(
                t(f"report_page.download_{kind}", lang),
                # A callable runs on the click, in a thread of its own, never on a rerun.
                data=partial(document, key, kind, writers),
                file_name=writers.file_name(report, kind),
                mime=MIME_TYPES[kind],
                key=f"report_{kind}",
                icon=":material/download:",
                on_click="ignore",
                help=t("report_page.download_help", lang),
            )


def provinces_of(province_list: ProvinceList, lang: Lang) -> pd.DataFrame:
    """The units of a list with their names, from the shared option cache."""
    frame: pd.DataFrame = lookup(queries.list_provinces, province_list=province_list, lang=lang)
    return frame
