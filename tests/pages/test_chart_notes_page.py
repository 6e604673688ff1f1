"""The members page says under its charts what crosses the 2025 reform and who has not reported."""

from __future__ import annotations

from tests.pages.test_pages import open_app
from tests.ui.test_chart_notes import REFORM_34


def test_the_members_page_notes_the_reform_once_and_the_province_not_reported(
    small_database: str,
) -> None:
    at = open_app("members", province=["66", "75"])

    captions = [caption.value for caption in at.caption]
    # Said once, under the first chart across 2025, not under every chart of the page.
    assert captions.count(REFORM_34) == 1
    assert "1 tỉnh chưa báo cáo số liệu hội viên năm 2026: Đắk Lắk." in captions
    assert (
        "1 tỉnh chưa báo cáo số liệu hội viên ở 2 năm (2019, 2026); xem trang Tình hình báo cáo."
        in captions
    )
    (table,) = [frame.value for frame in at.dataframe]
    dak_lak = table[table["Tỉnh, thành phố"] == "Đắk Lắk"]
    assert dak_lak["Năm"].tolist() == [2019, 2020, 2026]
    # M9: 60 members in 2020; none reported in 2019 or 2026, which is not 0.
    assert dak_lak["Hội viên"].tolist() == ["chưa báo cáo", "60", "chưa báo cáo"]


def test_years_before_the_reform_carry_no_reform_note(small_database: str) -> None:
    at = open_app("members", lang="en", province=["75"], years=(2019, 2020))

    captions = [caption.value for caption in at.caption]
    assert not any(caption.startswith("Figures from 1 July 2025") for caption in captions)
    assert "Figures from 1 July 2025" not in " ".join(captions)


def test_in_the_63_view_a_merged_old_province_reads_merged_not_zero(small_database: str) -> None:
    at = open_app("members", p63=True, province63=["70", "75"])

    (table,) = [frame.value for frame in at.dataframe]
    rows = table[["Năm", "Tỉnh, thành phố", "Hội viên"]].values.tolist()
    # M1; M2 + M3, M4. 2026 is new Đồng Nai's (M7): neither old province's, nor a 0.
    assert rows == [
        [2019, "Bình Phước", "100"],
        [2020, "Bình Phước", "chưa báo cáo"],
        [2026, "Bình Phước", "sáp nhập vào Đồng Nai từ 1/7/2025"],
        [2019, "Đồng Nai", "350"],
        [2020, "Đồng Nai", "400"],
        [2026, "Đồng Nai", "sáp nhập vào Đồng Nai từ 1/7/2025"],
    ]
    captions = " ".join(caption.value for caption in at.caption)
    assert "Từ 1/7/2025 số liệu của Bình Phước, Đồng Nai thuộc Đồng Nai (34 đơn vị)" in captions
