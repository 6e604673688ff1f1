"""The yearly report of one province: its draft built from the data, then written as DOCX and PDF.

Each format is timed whole, as `python -m datastore report` runs it: the report's figures and
prose (build_report), its charts drawn by one headless Chromium (kaleido), the file laid out.
Measured, never asserted: the issue asks for a few seconds on the demo data.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from datastore.db import get_engine
from datastore.models.reference import ProvinceList
from datastore.queries.options import list_years
from datastore.yearly.build import build_report
from documents.docx import report_docx
from documents.pdf import report_pdf

# Đồng Nai (34:75): a unit of the 2025 reform, in the demo data and in the small test fixture.
PROVINCE = "75"


@dataclass(frozen=True)
class ReportFigures:
    """Seconds for one province's report, each format built from nothing."""

    described: str  # "province 75, 2025"
    docx_s: float
    pdf_s: float
    docx_kb: float
    pdf_kb: float


def report_year(session: Session) -> int:
    """The latest year over with data (the latest year at all when none is over)."""
    years = list_years(session=session)
    if not years:
        raise RuntimeError("the database holds no facts: no year to report on")
    over = [year for year in years if year < date.today().year]
    return max(over or years)


def measure(url: str) -> ReportFigures:
    """Time the DOCX and the PDF of one province's yearly report."""
    with Session(get_engine(url)) as session:
        year = report_year(session)
        seconds: dict[str, float] = {}
        sizes: dict[str, int] = {}
        for fmt, write in (("docx", report_docx), ("pdf", report_pdf)):
            start = time.perf_counter()
            report = build_report(
                session,
                province_list=ProvinceList.CURRENT,
                province=PROVINCE,
                year=year,
                lang="vi",
                issued_on=date.today(),
            )
            sizes[fmt] = len(write(report, session))
            seconds[fmt] = time.perf_counter() - start
    return ReportFigures(
        described=f"province {PROVINCE}, {year}",
        docx_s=round(seconds["docx"], 3),
        pdf_s=round(seconds["pdf"], 3),
        docx_kb=round(sizes["docx"] / 1024, 1),
        pdf_kb=round(sizes["pdf"] / 1024, 1),
    )
