"""The Aid page and the overview say what the PCPNN totals leave out, in both languages."""

from __future__ import annotations

from sqlmodel import Session

from datastore.db import get_engine
from datastore.load.write import BatchInfo, load_rows
from tests.datastore.test_aid_meaning import CUMULATIVE, DOMESTIC
from tests.pages.test_pages import open_app


def _with_documented_rows(url: str) -> None:
    with Session(get_engine(url)) as session:
        load_rows(
            session=session,
            kind="aid",
            rows=[CUMULATIVE, DOMESTIC],
            batch=BatchInfo(file_name="documented.csv"),
        )
        session.commit()


def test_the_aid_page_lists_the_cumulative_figure_the_domestic_aid_and_the_rates(
    small_database: str,
) -> None:
    _with_documented_rows(small_database)
    at = open_app("aid")
    captions = [caption.value for caption in at.caption]
    assert (
        "Ngoài ra: 300 tỷ đồng cam kết lũy kế 2013–2020 (Đồng Nai), không tính vào từng năm"
        in captions
    )
    assert "Hỗ trợ trong nước (không tính vào viện trợ PCPNN): 700 triệu đồng" in captions
    assert "Tính theo tỷ giá từng năm: thay đổi bằng VND gồm cả biến động tỷ giá." in captions


def test_the_overview_in_english_notes_the_cumulative_figure_and_explains_the_aid_change(
    small_database: str,
) -> None:
    _with_documented_rows(small_database)
    at = open_app("overview", lang="en")
    captions = [caption.value for caption in at.caption]
    assert any(c.startswith("In addition: 300 billion VND committed") for c in captions)
    helps = [metric.proto.help for metric in at.metric]
    assert "At each year's exchange rate: changes in VND include exchange-rate movement." in helps
