"""The yearly report as a document: sections of figures, prose, tables and charts, not yet a file.

The data layer builds it (`datastore.yearly`); the report page shows it and `documents` writes
it as DOCX or PDF, so the three never disagree on a figure or a sentence. Every text is already
in the report's language and formatted; every figure also keeps its raw number for tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from i18n.catalogue import Lang
from i18n.formatting import Currency


@dataclass(frozen=True)
class ReportFigure:
    """One figure of the report year beside the year before, and how they compare."""

    label: str  # "Đoàn vào (đoàn)": what it counts, with its unit
    value: float | None  # None: not reported
    previous: float | None  # the year before on the same structure; None: not reported
    value_text: str  # as printed: "26", "179,8 tỷ đồng", "chưa báo cáo"
    previous_text: str
    change_text: str  # "+12,0 %", or why there is no change ("chưa báo cáo", "năm chưa đủ")
    note: str = ""  # cumulative, across the 2025 reform, exchange-rate movement, ...


@dataclass(frozen=True)
class ReportTable:
    """A small table, every cell already formatted as printed."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # per column: right-aligned figures


@dataclass(frozen=True)
class ReportChart:
    """A dashboard chart drawn for the report: the same catalogue entry, the same numbers."""

    chart: str  # the key of a chart in ui.catalog.CHARTS
    filters: Filters
    currency: Currency | None = None  # for the charts whose query takes a currency


@dataclass(frozen=True)
class Section:
    """One heading of the report with what it says under it, in reading order."""

    heading: str
    paragraphs: tuple[str, ...]
    figures: tuple[ReportFigure, ...] = ()
    tables: tuple[ReportTable, ...] = ()
    charts: tuple[ReportChart, ...] = ()


@dataclass(frozen=True)
class Letterhead:
    """What Decree 30/2020 puts above the title: who issues it, where and when."""

    parent_body: str  # the body above the issuer (cơ quan chủ quản); '' for VUFO itself
    issuing_body: str  # "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH ĐỒNG NAI"
    place: str  # the place name written before the date ("Đồng Nai", "Hà Nội")
    issued_on: date


@dataclass(frozen=True)
class YearlyReport:
    """A draft yearly report for one province (or the nation) and one year."""

    lang: Lang
    province_list: ProvinceList
    province: str | None  # GSO code within `province_list`; None for the nation
    year: int
    letterhead: Letterhead
    title: str  # "BÁO CÁO"
    subtitle: str  # "Tổng kết công tác đối ngoại nhân dân năm 2024"
    sections: tuple[Section, ...]
    sources: tuple[str, ...]  # each figure's origin (article or load) and the date of its data
    recipients: tuple[str, ...]  # "Nơi nhận" lines; the user completes them
    signer: tuple[str, ...]  # the signature block's lines above the blank for the signature
