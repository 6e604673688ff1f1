"""The province profile's queries on the small dataset and on the articles' documented rows.

Hand-read from tests/utils/small_dataset.py: Đồng Nai (34:75) holds old Bình Phước (63:70) and
old Đồng Nai (63:75); Gia Lai (34:52) holds old Bình Định (63:52) and old Gia Lai (63:64).
Its associations (one record per province reported in): Bình Phước–Campuchia (2019: 100
members, 2 chapters), Đồng Nai–Campuchia of old Đồng Nai (2020: 400, 8), the one of the new
unit (2026: 450, 9), Đồng Nai–Lào (2019: 50, chapters not reported).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlmodel import Session

from datastore.filters import Filters
from datastore.load.write import BatchInfo, load_rows
from datastore.models.reference import ProvinceList
from datastore.queries import profile
from seed import documented
from seed.documented.dak_lak_2014 import SOURCE as DAK_LAK_ARTICLE
from seed.documented.dong_nai_2020 import SOURCE as DONG_NAI_ARTICLE
from seed.documented.gia_lai_2018 import SOURCE as GIA_LAI_ARTICLE
from seed.run import organization_levels

DONG_NAI = Filters(provinces=("75",))
GIA_LAI = Filters(provinces=("52",))
OLD_GIA_LAI = Filters(province_list=ProvinceList.LEGACY, provinces=("64",))
DAK_LAK = Filters(provinces=("66",))
BINH_PHUOC_CAMBODIA = "Hội hữu nghị Việt Nam – Campuchia tỉnh Bình Phước"


def load_documented(session: Session) -> None:
    """The articles' rows, loaded as the seed loads them (each row keeps its own source)."""
    batch = BatchInfo(file_name="seed:documented", keep_row_source=True)
    for level in organization_levels(documented.ORGANIZATIONS):
        load_rows(session=session, kind="organizations", rows=list(level), batch=batch)
    for kind, rows in documented.DOCUMENTED.items():
        if kind != "organizations":
            load_rows(session=session, kind=kind, rows=list(rows), batch=batch)


@pytest.fixture
def with_articles(small: Session) -> Session:
    """The small dataset and every documented row."""
    load_documented(small)
    return small


def test_a_unit_is_made_of_its_old_provinces_and_an_old_one_names_its_unit(small: Session) -> None:
    merged = profile.reform(session=small, filters=GIA_LAI)
    assert list(zip(merged["old_code"], merged["old_name"], strict=True)) == [
        ("52", "Bình Định"),
        ("64", "Gia Lai"),
    ]
    old = profile.reform(session=small, filters=OLD_GIA_LAI)
    assert old[["unit_code", "unit_name"]].values.tolist() == [["52", "Gia Lai"]]


def test_associations_of_a_merged_unit_with_their_latest_members(small: Session) -> None:
    found = profile.associations(session=small, filters=DONG_NAI)
    found = found.astype(object).where(found.notna(), None)  # "not reported" reads None
    rows = [
        (name, where, country, year, members, chapters)
        for name, where, country, year, members, chapters in zip(
            found["name"],
            found["reported_in"],
            found["country_code"],
            found["year"],
            found["members"],
            found["chapters"],
            strict=True,
        )
    ]
    cambodia = "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai"
    assert sorted(rows, key=str) == sorted(
        [
            (BINH_PHUOC_CAMBODIA, "Bình Phước", "KHM", 2019, 100, 2),
            (cambodia, "Đồng Nai", "KHM", 2020, 400, 8),
            (cambodia, "Đồng Nai", "KHM", 2026, 450, 9),
            ("Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai", "Đồng Nai", "LAO", 2019, 50, None),
        ],
        key=str,
    )
    assert found["country"].tolist() == ["Campuchia"] * 3 + ["Lào"]


def test_the_latest_members_stay_within_the_chosen_years(small: Session) -> None:
    found = profile.associations(session=small, filters=DONG_NAI.with_(year_to=2019))
    columns = (found["name"], found["year"], found["members"])
    figures = {(n, y): m for n, y, m in zip(*columns, strict=True)}
    assert figures[("Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai", 2019)] == 300
    # The association of the new unit reported only in 2026: nothing within the years.
    assert found["year"].isna().sum() == 1


def test_the_63_view_holds_only_the_old_province(small: Session) -> None:
    found = profile.associations(session=small, filters=OLD_GIA_LAI)
    assert found[["name", "year", "members"]].values.tolist() == [
        ["Hội hữu nghị Việt Nam – Campuchia tỉnh Gia Lai", 2019, 200]
    ]


def test_lineage_names_the_predecessors_and_the_successor(small: Session) -> None:
    successor = {
        "kind": "friendship_association",
        "organization": "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai (từ 2025)",
        "province": "Đồng Nai",
        "partner_country": "Campuchia",
        "founded_on": "2025-07-01",
        "succeeds": BINH_PHUOC_CAMBODIA,
    }
    load_rows(session=small, kind="organizations", rows=[successor], batch=BatchInfo("org"))
    found = profile.associations(session=small, filters=DONG_NAI).set_index("name")
    assert found.loc[successor["organization"], "succeeds"] == BINH_PHUOC_CAMBODIA
    assert found.loc[successor["organization"], "founded_on"] == date(2025, 7, 1)
    assert found.loc[BINH_PHUOC_CAMBODIA, "succeeded_by"] == successor["organization"]


def test_rows_a_load_made_are_not_documented_facts(small: Session) -> None:
    assert profile.documented_facts(session=small, filters=DONG_NAI).empty
    assert profile.provincial_unions(session=small, filters=GIA_LAI).empty


def test_gia_lai_union_of_11_august_1994_and_its_first_congress(with_articles: Session) -> None:
    [union] = profile.provincial_unions(session=with_articles, filters=GIA_LAI).to_dict("records")
    assert union["name"] == "Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai"
    assert union["founded_on"] == date(1994, 8, 11)
    assert union["source"] == GIA_LAI_ARTICLE
    facts = profile.documented_facts(session=with_articles, filters=GIA_LAI)
    [congress] = profile.congresses(facts).to_dict("records")
    assert congress["on"] == date(2018, 10, 15)
    assert "lần thứ I" in congress["name"] and "Ban Chấp hành 21 thành viên" in congress["name"]
    assert congress["source"] == GIA_LAI_ARTICLE
    # The same in the 63 view of old Gia Lai, where the union was reported.
    old = profile.congresses(profile.documented_facts(session=with_articles, filters=OLD_GIA_LAI))
    assert old["on"].tolist() == [date(2018, 10, 15)]


def test_dong_nai_union_of_2013_says_only_the_year_is_stated(with_articles: Session) -> None:
    [union] = profile.provincial_unions(session=with_articles, filters=DONG_NAI).to_dict("records")
    assert union["founded_on"] == date(2013, 1, 1)
    assert union["source"].startswith(DONG_NAI_ARTICLE) and "chỉ nêu năm" in union["source"]


def test_every_documented_fact_of_a_province_with_its_article(with_articles: Session) -> None:
    facts = profile.documented_facts(session=with_articles, filters=DAK_LAK)
    assert set(facts["source"].str[:24]) == {DAK_LAK_ARTICLE}
    buon_don = facts[facts["name"].str.contains("Buôn Đôn đón đoàn")]
    assert len(buon_don) == 7 and set(buon_don["year"]) == {2014}
    dong_nai = profile.documented_facts(session=with_articles, filters=DONG_NAI)
    by_record = dong_nai.groupby("record").size().to_dict()
    # The union and nine associations, two members rows, the cumulative aid, two exchanges.
    assert by_record == {"organization": 10, "members": 2, "aid": 1, "exchange": 2}
    aid = dong_nai[dong_nai["record"] == "aid"].iloc[0]
    assert (aid["figure"], aid["unit"], aid["year"]) == (300_000_000_000, "VND", 2020)
    members = dong_nai[dong_nai["record"] == "members"]
    assert members[["year", "figure"]].values.tolist() == [[2014, 296], [2020, 4200]]
    assert facts["year"].is_monotonic_increasing and dong_nai["year"].is_monotonic_increasing


def test_each_association_year_by_year_without_invented_years(small: Session) -> None:
    found = profile.association_years(session=small, filters=DONG_NAI)
    rows = [
        (name, int(year), int(members), None if chapters is pd.NA else int(chapters))
        for name, year, members, chapters in zip(
            found["name"], found["year"], found["members"], found["chapters"], strict=True
        )
    ]
    cambodia = "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai"
    # M1-M4 and M7 of tests/utils/small_dataset.py; the Lào association has no 2020 row.
    assert sorted(rows, key=str) == sorted(
        [
            (BINH_PHUOC_CAMBODIA, 2019, 100, 2),
            (cambodia, 2019, 300, 5),
            (cambodia, 2020, 400, 8),
            (cambodia, 2026, 450, 9),
            ("Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai", 2019, 50, None),
        ],
        key=str,
    )
