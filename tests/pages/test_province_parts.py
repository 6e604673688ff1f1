"""The province profile's pure parts: which year is ranked, and how a source reads."""

from __future__ import annotations

from datetime import date

import pytest

from datastore.filters import Filters
from seed.documented.wording import CHOSEN_DATE, CHOSEN_DAY, with_note
from ui.profile_sources import founding_text, read_source, source_text
from ui.province_profile import rank_year

YEARS = list(range(2010, 2027))
TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("year_from", "year_to", "expected"),
    [
        (None, None, (2025, True)),  # 2026 is not over: the last finished year
        (2014, 2020, (2020, False)),
        (2026, 2026, (2026, False)),  # only the unfinished year chosen: that one
        (None, 2025, (2025, False)),
    ],
)
def test_the_ranked_year_is_the_last_chosen_finished_one(
    year_from: int | None, year_to: int | None, expected: tuple[int, bool]
) -> None:
    assert rank_year(Filters(year_from=year_from, year_to=year_to), YEARS, TODAY) == expected


def test_no_years_no_rank() -> None:
    assert rank_year(Filters(), [], TODAY) == (None, False)


def test_a_source_reads_as_its_article_and_the_note_in_the_language() -> None:
    label = with_note("001_9e1acba55bf73c31.txt", CHOSEN_DATE)
    assert read_source(label).origin == "001_9e1acba55bf73c31.txt"
    assert source_text(label, "vi", markdown=False) == (
        "Nguồn: bài viết “Chú trọng công tác đối ngoại nhân dân” (Đồng Nai, Baomoi.com, 2020), "
        "tệp 001_9e1acba55bf73c31.txt (ngày thành lập do dữ liệu mẫu chọn, bài viết không nêu)"
    )
    # In markdown, the file name's underscore is not read as emphasis.
    assert "tệp 001\\_9e1acba55bf73c31" in source_text(label, "vi")
    assert source_text(label, "en", markdown=False) == (
        "Source: article “Giving weight to people's diplomacy” (Đồng Nai, Baomoi.com, 2020), "
        "file 001_9e1acba55bf73c31.txt (founding date chosen for the demo, not stated in the "
        "article)"
    )
    assert source_text("synthetic", "en").startswith("Source: synthetic demo data")
    assert source_text("Lượt nạp #3: a.xlsx", "vi", markdown=False) == "Nguồn: Lượt nạp #3: a.xlsx"
    # A load reads in the page's language, and an unknown file stays as it is.
    assert source_text("Lượt nạp #3: a.xlsx", "en", markdown=False) == "Source: Load #3: a.xlsx"
    assert source_text("bao-dong-nai.pdf", "en", markdown=False) == "Source: bao-dong-nai.pdf"


@pytest.mark.parametrize(
    ("source", "vi"),
    [
        ("003_eb967b834698ca2b.txt", "11/08/1994"),
        (with_note("x.txt", CHOSEN_DAY), "năm 1994 (nguồn chỉ nêu năm)"),
        (with_note("x.txt", CHOSEN_DATE), "11/08/1994 (ngày do dữ liệu mẫu chọn, nguồn không nêu)"),
        ("synthetic", "11/08/1994 (ngày do dữ liệu mẫu chọn, nguồn không nêu)"),
    ],
)
def test_a_founding_date_says_what_the_source_states(source: str, vi: str) -> None:
    assert founding_text(date(1994, 8, 11), source, "vi") == vi


def test_a_missing_founding_date_is_not_reported() -> None:
    assert founding_text(None, "x.txt", "en") == "not reported"
