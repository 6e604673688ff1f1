"""The report on screen, drawn from a hand-built YearlyReport: figures, prose, tables, a chart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, NoReturn

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

import documents.docx
import documents.images
import documents.pdf
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from datastore.yearly.document import (
    Letterhead,
    ReportChart,
    ReportFigure,
    ReportTable,
    Section,
    YearlyReport,
)
from i18n.catalogue import t
from tests.pages.test_links_app import open_link
from ui.report_view import Writers, document, wanted

TIMEOUT = 60


def sample_report(lang: str = "vi") -> YearlyReport:
    """A small report for Đồng Nai in 2024: one figure compared, one not reported, a table."""
    return YearlyReport(
        lang="en" if lang == "en" else "vi",
        province_list=ProvinceList.CURRENT,
        province="75",
        year=2024,
        letterhead=Letterhead(
            parent_body="LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ VIỆT NAM",
            issuing_body="LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH ĐỒNG NAI",
            place="Đồng Nai",
            issued_on=date(2025, 1, 5),
        ),
        title="BÁO CÁO",
        subtitle="Tổng kết công tác đối ngoại nhân dân năm 2024",
        sections=(
            Section(
                heading="I. Giao lưu nhân dân",
                paragraphs=(
                    "Năm 2024, Liên hiệp đã đón 26 đoàn vào với 243 lượt người, tăng 12 % "
                    "so với năm 2023 *(số liệu 2023: 23 đoàn)*.",
                ),
                figures=(
                    ReportFigure(
                        label="Đoàn vào (đoàn)",
                        value=26,
                        previous=23,
                        value_text="26",
                        previous_text="23",
                        change_text="+13,0 %",
                    ),
                    ReportFigure(
                        label="Hội viên (người)",
                        value=1250,
                        previous=None,
                        value_text="1.250",
                        previous_text="chưa báo cáo",
                        change_text="chưa báo cáo",
                        note="số cộng dồn",
                    ),
                ),
                tables=(
                    ReportTable(
                        caption="Đoàn theo quốc gia",
                        header=("Quốc gia", "Đoàn"),
                        rows=(("Lào", "12"), ("Campuchia", "9")),
                        numeric=(False, True),
                    ),
                ),
                charts=(
                    ReportChart(
                        "members_by_year",
                        Filters(province_list=ProvinceList.CURRENT, provinces=("75",)),
                    ),
                ),
            ),
        ),
        sources=("Báo Đồng Nai, 12/1/2024", "Tệp nạp số 3, dữ liệu đến 31/12/2024"),
        recipients=("Như trên;", "Lưu: VT."),
        signer=("CHỦ TỊCH",),
    )


def _script() -> None:
    from documents.layout import place_and_date
    from tests.pages.test_report_view import sample_report
    from ui.report_view import show_report

    report = sample_report()
    show_report(report, place_and_date(report))


def test_the_report_shows_its_letterhead_prose_figures_table_chart_and_sources(
    small_database: str,
) -> None:
    at = AppTest.from_function(_script, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]

    text = "\n".join(str(m.value) for m in at.markdown)
    assert "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH ĐỒNG NAI" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Đồng Nai, ngày 05 tháng 01 năm 2025" in text
    assert "Tổng kết công tác đối ngoại nhân dân năm 2024" in text
    # Prose is shown literally: its asterisks are not emphasis.
    assert r"\*\(số liệu 2023" in text
    assert "Báo Đồng Nai, 12/1/2024" in text and r"Lưu\: VT\." in text

    visits, members = at.metric
    assert (visits.label, visits.value, visits.delta) == ("Đoàn vào (đoàn)", "26", "+13,0 %")
    # A figure missing the year before says so, and its change is no green arrow.
    assert (members.value, members.delta) == ("1.250", "chưa báo cáo")
    assert members.proto.color != visits.proto.color
    captions = [str(c.value).replace("\\", "") for c in at.caption]
    assert "Năm 2023: 23" in captions
    assert "số cộng dồn" in captions

    (table,) = [frame.value for frame in at.dataframe]
    assert table.columns.tolist() == ["Quốc gia", "Đoàn"]
    assert table["Đoàn"].tolist() == ["12", "9"]
    # The chart is the dashboard's own: its element key and its CSV download.
    assert at.get("plotly_chart")
    assert [button.proto.label for button in at.get("download_button")] == [
        t("download.chart_csv", "vi")
    ]


def test_a_rerun_of_the_page_never_makes_the_files(
    small_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("a file was made on a rerun")

    for module, name in (
        (documents.images, "chart_images"),
        (documents.docx, "write_docx"),
        (documents.pdf, "write_pdf"),
    ):
        monkeypatch.setattr(module, name, refuse)
    at = open_link("report", province="75", year="2020")
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def test_the_files_draw_the_charts_once_and_are_kept_per_data_version(small_database: str) -> None:
    drawn: list[int] = []

    def images(session: Session, report: YearlyReport) -> list[str]:
        drawn.append(report.year)
        return ["chart"]

    def writer(kind: str) -> Callable[[YearlyReport, list[Any]], bytes]:
        return lambda report, pictures: f"{kind} {report.year} {pictures}".encode()

    writers = Writers(
        images, {"docx": writer("docx"), "pdf": writer("pdf")}, lambda report, kind: kind
    )
    key = wanted(ProvinceList.CURRENT, "75", 2020, "vi")
    assert document(key, "docx", writers) == b"docx 2020 ['chart']"
    assert document(key, "pdf", writers) == b"pdf 2020 ['chart']"
    assert document(key, "docx", writers) == b"docx 2020 ['chart']"
    assert drawn == [2020]
    # Another data version is another report: drawn again.
    document(replace(key, version=(0, 0, 0)), "docx", writers)
    assert drawn == [2020, 2020]
