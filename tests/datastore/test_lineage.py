"""Organisation lineage: the `succeeds` column, its checks, and comparisons restated on it.

On the small dataset (tests/utils/small_dataset.py) plus the rows below, by hand:

  2024 (63 list)                              2025 (34 list)          succeeds
  Campuchia Đồng Nai (63:75)   420  ──┐
  Campuchia Bình Phước (63:70) 120  ──┴──>  Campuchia Đồng Nai 560   both
  Lào Đồng Nai (63:75)          60  ─────>  Lào Đồng Nai        70
  Trung Quốc Cao Bằng (63:04)  500  ─────>  Trung Quốc Cao Bằng 520
  Lào Cao Bằng (63:04)          40          (stopped, no successor)

Restated on 2025's associations, 2024 has Đồng Nai 2 associations (3 before restating) and Cao
Bằng 2; 2025 has 2 and 1. Members on the associations in both years: 1,150 against
420 + 120 + 60 + 500 = 1,100; the Cao Bằng Lào association has nothing in 2025 to compare with.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import Session

from datastore.extracts.reading import read_extract
from datastore.filters import Filters
from datastore.load.problems import LoadRejected
from datastore.load.undo import undo_load
from datastore.load.write import BatchInfo, load_rows
from datastore.queries.comparisons import Status, headline
from tests.utils.small_dataset import CAMBODIA_DONG_NAI

TODAY = date(2026, 11, 30)
CAMBODIA_BINH_PHUOC = "Hội hữu nghị Việt Nam – Campuchia tỉnh Bình Phước"
LAOS_DONG_NAI = "Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai"
CHINA_CAO_BANG = "Hội hữu nghị Việt Nam – Trung Quốc tỉnh Cao Bằng"
LAOS_CAO_BANG = "Hội hữu nghị Việt Nam – Lào tỉnh Cao Bằng"


def _members(year: int, province: str, organization: str, country: str, count: int) -> Any:
    return {
        "year": year,
        "province": province,
        "organization": organization,
        "partner_country": country,
        "members": count,
    }


def _successor(name: str, province: str, country: str, succeeds: str) -> dict[str, Any]:
    return {
        "kind": "friendship_association",
        "organization": name,
        "province": province,
        "partner_country": country,
        "founded_on": "2025-07-01",
        "succeeds": succeeds,
    }


def _reform(session: Session, *, lineage: bool = True, binh_phuoc: int = 2024) -> None:
    """The reports above, with or without the 2025 associations' lineage.

    `binh_phuoc`: the year Bình Phước's Cambodia association reported its 120 members.
    """
    before = [
        _members(2024, "Đồng Nai", CAMBODIA_DONG_NAI, "Campuchia", 420),
        _members(binh_phuoc, "Bình Phước", CAMBODIA_BINH_PHUOC, "Campuchia", 120),
        _members(2024, "Đồng Nai", LAOS_DONG_NAI, "Lào", 60),
        _members(2024, "Cao Bằng", CHINA_CAO_BANG, "Trung Quốc", 500),
        _members(2024, "Cao Bằng", LAOS_CAO_BANG, "Lào", 40),
    ]
    load_rows(session=session, kind="members", rows=before, batch=BatchInfo("2024"))
    # Dated, so that an extract tells them from their same-named successors of the 34 list.
    founded = [
        {
            "kind": "friendship_association",
            "organization": row["organization"],
            "province": row["province"],
            "partner_country": row["partner_country"],
            "founded_on": "2010-01-01",
        }
        for row in before
    ]
    load_rows(session=session, kind="organizations", rows=founded, batch=BatchInfo("old"))
    if lineage:
        successors = [
            _successor(
                CAMBODIA_DONG_NAI,
                "Đồng Nai",
                "Campuchia",
                f"{CAMBODIA_DONG_NAI}; {CAMBODIA_BINH_PHUOC}",
            ),
            _successor(LAOS_DONG_NAI, "Đồng Nai", "Lào", LAOS_DONG_NAI),
            _successor(CHINA_CAO_BANG, "Cao Bằng", "Trung Quốc", CHINA_CAO_BANG),
        ]
        load_rows(session=session, kind="organizations", rows=successors, batch=BatchInfo("org"))
    after = [
        _members(2025, "Đồng Nai", CAMBODIA_DONG_NAI, "Campuchia", 560),
        _members(2025, "Đồng Nai", LAOS_DONG_NAI, "Lào", 70),
        _members(2025, "Cao Bằng", CHINA_CAO_BANG, "Trung Quốc", 520),
    ]
    load_rows(session=session, kind="members", rows=after, batch=BatchInfo("2025"))


def _figures(session: Session, filters: Filters) -> dict[str, tuple[Any, ...]]:
    result = headline(session=session, filters=filters, today=TODAY)
    assert result is not None and result.year == 2025
    return {
        c.metric: (c.status, c.value, c.current, c.previous, c.compared, c.reporting)
        for c in result.changes
        if c.metric in ("members", "associations")
    }


NATION = Filters(year_from=2025, year_to=2025)
DONG_NAI = Filters(provinces=("75",), year_from=2025, year_to=2025)


def test_the_nation_compares_2025_with_2024_restated_on_2025s_associations(
    small: Session,
) -> None:
    _reform(small)
    assert _figures(small, NATION) == {
        # Three associations of 2025 against what they succeeded; Lào Cao Bằng stopped.
        "members": (Status.COMPARED, 1150, 1150, 1100, 3, 4),
        # Đồng Nai 2 against 2 restated (3 records), Cao Bằng 1 against 2.
        "associations": (Status.COMPARED, 3, 3, 4, 2, 2),
    }


def test_a_merged_unit_is_compared_on_its_successor_associations(small: Session) -> None:
    _reform(small)
    assert _figures(small, DONG_NAI) == {
        "members": (Status.COMPARED, 630, 630, 600, 2, 2),
        "associations": (Status.COMPARED, 2, 2, 2, 1, 1),
    }


def test_a_successor_whose_predecessors_did_not_all_report_is_left_out_of_members(
    small: Session,
) -> None:
    # Bình Phước's Cambodia association reported for 2023, then missed 2024: the 560 members
    # of 2025 hold its members, the 420 of 2024 do not. Lào Đồng Nai and Trung Quốc Cao Bằng
    # remain: 70 + 520 against 60 + 500.
    _reform(small, binh_phuoc=2023)
    figures = _figures(small, NATION)
    assert figures["members"] == (Status.COMPARED, 1150, 590, 560, 2, 4)
    # Đồng Nai's 2024 still restates on two associations (Campuchia from Đồng Nai's own).
    assert figures["associations"] == (Status.COMPARED, 3, 3, 4, 2, 2)


def test_without_lineage_merged_units_and_members_are_still_left_out(small: Session) -> None:
    _reform(small, lineage=False)
    figures = _figures(small, NATION)
    assert figures["members"][0] is Status.RESTRUCTURED
    # Only Cao Bằng, which did not merge: 1 association against 2.
    assert figures["associations"] == (Status.COMPARED, 3, 1, 2, 1, 2)
    assert _figures(small, DONG_NAI)["associations"][0] is Status.RESTRUCTURED


def test_the_organisations_extract_names_the_predecessors_and_loads_back_unchanged(
    small: Session,
) -> None:
    _reform(small)
    extract = read_extract(session=small, kind="organizations", filters=Filters())
    assert list(extract.columns)[-1] == "succeeds"
    named = extract[extract["succeeds"].notna()]
    assert sorted(zip(named["organization"], named["succeeds"], strict=True)) == sorted(
        [
            (CAMBODIA_DONG_NAI, f"{CAMBODIA_BINH_PHUOC}; {CAMBODIA_DONG_NAI}"),
            (CHINA_CAO_BANG, CHINA_CAO_BANG),
            (LAOS_DONG_NAI, LAOS_DONG_NAI),
        ]
    )
    # As a person sends it back: blanks left out, dates as text.
    rows: list[dict[str, Any]] = [
        {str(k): (v.isoformat() if isinstance(v, date) else v) for k, v in row.items() if v == v}
        for row in extract.to_dict("records")
    ]
    summary = load_rows(session=small, kind="organizations", rows=rows, batch=BatchInfo("back"))
    assert (summary.added, summary.updated) == (0, 0)
    links = small.execute(text("SELECT date FROM organization_succession")).scalars().all()
    assert [str(d) for d in links] == ["2025-07-01"] * 4


def test_undoing_the_load_of_a_successor_takes_its_links_along(small: Session) -> None:
    predecessor = {**_successor(LAOS_CAO_BANG, "Cao Bằng", "Lào", ""), "founded_on": "2010-01-01"}
    load_rows(session=small, kind="organizations", rows=[predecessor], batch=BatchInfo("old"))
    row = _successor(LAOS_CAO_BANG, "Cao Bằng", "Lào", LAOS_CAO_BANG)
    summary = load_rows(session=small, kind="organizations", rows=[row], batch=BatchInfo("new"))
    count = "SELECT count(*) FROM organization_succession"
    assert small.execute(text(count)).scalar_one() == 1
    assert summary.batch_id is not None
    undo_load(session=small, batch_id=summary.batch_id, user="x")
    assert small.execute(text(count)).scalar_one() == 0
    names = small.execute(
        text("SELECT name FROM organization WHERE name = :n"), {"n": LAOS_CAO_BANG}
    )
    assert names.scalars().all() == [LAOS_CAO_BANG]


@pytest.mark.parametrize(
    ("succeeds", "founded_on", "message_en"),
    [
        ("Hội không có", "2025-07-01", "no organisation named “Hội không có” is loaded yet"),
        ("Hội mới tỉnh Cao Bằng", "2025-07-01", "“Hội mới tỉnh Cao Bằng” is this organisation"),
        (CHINA_CAO_BANG, None, "“Hội mới tỉnh Cao Bằng” succeeds others and needs its founding"),
    ],
)
def test_predecessors_must_be_known_other_organisations_and_the_successor_dated(
    small: Session, succeeds: str, founded_on: str | None, message_en: str
) -> None:
    _reform(small, lineage=False)
    row = {**_successor("Hội mới tỉnh Cao Bằng", "Cao Bằng", "Lào", succeeds)}
    row["founded_on"] = founded_on
    with pytest.raises(LoadRejected) as rejected:
        load_rows(session=small, kind="organizations", rows=[row], batch=BatchInfo("bad"))
    (problem,) = rejected.value.problems
    assert problem.column == "succeeds"
    assert message_en in problem.reason_en and problem.reason != problem.reason_en
    assert problem.value == succeeds
