"""Ranks among the units of a list, computed by hand on the small dataset.

By unit of the 34 list (tests/utils/small_dataset.py):
  2019 members: Đồng Nai (75) 100 + 300 + 50 = 450, Gia Lai (52) 200 + 30 = 230; Đắk Lắk none.
  2019 aid committed (PCPNN, VND): Đồng Nai A1 46 500 000; Gia Lai and Đắk Lắk no aid rows.
  2019 exchanges: Đồng Nai E3, Gia Lai E5: one each.
  2020 members: Đồng Nai 400, Đắk Lắk 60.
  2026 aid committed: Đồng Nai (A5) and Gia Lai (A6) reported disbursed rows only: 0 each.
By old province of the 63 list, 2019 members: Đồng Nai (75) 350, Gia Lai (64) 200,
Bình Phước (70) 100, Bình Định (52) 30.
"""

from __future__ import annotations

from sqlmodel import Session

from datastore.models.reference import ProvinceList
from datastore.queries.ranks import RANK_METRICS, UnitRank, rankings


def test_members_rank_the_units_that_reported_and_leave_the_others_out(small: Session) -> None:
    members = rankings(session=small, year=2019)["members"]
    assert len(members.units) == 34
    assert members.units[:2] == (
        UnitRank("75", "Đồng Nai", 450, 1),
        UnitRank("52", "Gia Lai", 230, 2),
    )
    assert members.of("66") == UnitRank("66", "Đắk Lắk", None, None)
    assert members.ranked == 2
    assert members.median == 340  # (450 + 230) / 2


def test_committed_foreign_ngo_aid_in_vnd(small: Session) -> None:
    aid = rankings(session=small, year=2019)["aid_committed"]
    assert aid.of("75") == UnitRank("75", "Đồng Nai", 46_500_000, 1)
    assert aid.of("52").rank is None  # no aid rows in 2019: not reported, not last
    assert (aid.ranked, aid.median) == (1, 46_500_000)


def test_a_unit_that_reported_zero_is_ranked_with_its_zero(small: Session) -> None:
    aid = rankings(session=small, year=2026)["aid_committed"]
    # Both reported disbursed aid only: committed 0, a tie for the first place.
    assert (aid.of("75").value, aid.of("75").rank) == (0, 1)
    assert (aid.of("52").value, aid.of("52").rank) == (0, 1)
    assert (aid.ranked, aid.median) == (2, 0)


def test_equal_figures_share_the_better_rank(small: Session) -> None:
    exchanges = rankings(session=small, year=2019)["exchanges"]
    assert [(u.code, u.value, u.rank) for u in exchanges.units[:2]] == [
        ("52", 1, 1),
        ("75", 1, 1),
    ]
    assert exchanges.median == 1


def test_another_year_ranks_its_own_reports(small: Session) -> None:
    found = rankings(session=small, year=2020)
    assert [(u.code, u.rank) for u in found["members"].units[:2]] == [("75", 1), ("66", 2)]
    assert found["members"].median == 230  # (400 + 60) / 2
    assert found["exchanges"].of("75") == UnitRank("75", "Đồng Nai", 2, 1)  # E4, E8


def test_the_63_list_ranks_the_old_provinces(small: Session) -> None:
    members = rankings(session=small, year=2019, province_list=ProvinceList.LEGACY)["members"]
    assert len(members.units) == 63
    assert [(u.code, u.value, u.rank) for u in members.units[:4]] == [
        ("75", 350, 1),
        ("64", 200, 2),
        ("70", 100, 3),
        ("52", 30, 4),
    ]
    assert members.median == 150  # (200 + 100) / 2


def test_a_year_without_data_ranks_nobody(small: Session) -> None:
    found = rankings(session=small, year=2010)
    assert set(found) == set(RANK_METRICS)
    for ranking in found.values():
        assert ranking.ranked == 0 and ranking.median is None
