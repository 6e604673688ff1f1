"""Báo cáo năm / Yearly report: a draft for one province or the nation, with DOCX and PDF."""

import streamlit as st

from datastore import queries
from datastore.yearly.document import YearlyReport
from documents.cli import default_name, file_slug
from documents.docx import write_docx
from documents.images import chart_images
from documents.layout import place_and_date
from documents.pdf import write_pdf
from i18n.catalogue import t
from ui import context
from ui.data import lookup
from ui.render import show_no_data
from ui.report_view import (
    Writers,
    choose_unit,
    choose_year,
    provinces_of,
    show_downloads,
    show_report,
    wanted,
    yearly_report,
)

context.require_frame(__file__)

lang, filters = context.lang(), context.filters()
st.title(t("page.report", lang))
st.caption(t("report_page.caption", lang))
years: list[int] = lookup(queries.list_years)
if not years:
    show_no_data(lang)
    st.stop()
provinces = provinces_of(filters.province_list, lang)
left, right = st.columns([3, 1])
with left:
    province = choose_unit(filters, lang, provinces)
with right:
    year = choose_year(years, lang)
narrowed = (filters.year_from, filters.year_to) != (min(years), max(years))
if filters.countries or narrowed:
    st.caption(t("report_page.filters_ignored", lang))
key = wanted(filters.province_list, province, year, lang)
report = yearly_report(key)
names = dict(zip(provinces["code"], provinces["name"], strict=True))
# Named as the command line names them: 'bao-cao-nam-2024_dong-nai.docx'.
slug = file_slug(names[province]) if province else t("report_page.nation_file", lang)


def _file_name(report: YearlyReport, kind: str) -> str:
    return default_name(report, slug, kind)


show_downloads(
    key, report, Writers(chart_images, {"docx": write_docx, "pdf": write_pdf}, _file_name)
)
st.divider()
show_report(report, place_and_date(report))
