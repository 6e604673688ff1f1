"""Demo data a union leader believes: geography, donors, COVID-19, once-a-year occasions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from datastore.db import get_engine
from datastore.models.facts import Aid, Exchange, Organization
from datastore.models.reference import Country, Province, ProvinceList
from datastore.vietnamese import fold
from seed import documented
from seed.documented.dak_lak_2014 import SOURCE as DAK_LAK_2014
from seed.synthetic.aid import COASTAL_TITLES
from seed.synthetic.exchanges import exchange_rows
from seed.synthetic.occasions import YearLedger, slot
from seed.synthetic.plan import Plan, build_plan
from seed.synthetic.reference import coastal_units, legacy_province, provinces_of
from seed.synthetic.world import BORDERS, DIPLOMATIC_RELATIONS, DONOR_SECTORS, DONORS

# DOMAIN.md: the old provinces without a coast.
INLAND = (
    "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên", "Lai Châu",
    "Sơn La", "Yên Bái", "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Bắc Giang", "Phú Thọ",
    "Vĩnh Phúc", "Bắc Ninh", "Hà Nội", "Hải Dương", "Hưng Yên", "Hà Nam", "Kon Tum", "Gia Lai",
    "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai",
    "An Giang", "Đồng Tháp", "Cần Thơ", "Hậu Giang", "Vĩnh Long",
)  # fmt: skip
CLOSED = (date(2020, 4, 1), date(2022, 3, 1))  # DOMAIN.md: borders closed to most travel
YEARS_AT_FULL_SCALE = (2014, 2015, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2025)


@pytest.fixture
def demo(seeded: tuple[str, list[str]]) -> Iterator[Session]:
    """A session on the package's seeded demo database."""
    with Session(get_engine(seeded[0])) as session:
        yield session


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan(seed=42)


@pytest.fixture(scope="module")
def full_scale(plan: Plan) -> dict[int, list[dict[str, Any]]]:
    """Synthetic exchanges of some years at the demo's full scale, where rare things show."""
    return {year: exchange_rows(plan, year, scale=1.0) for year in YEARS_AT_FULL_SCALE}


# Geography and donors ------------------------------------------------------------------------


def test_the_coast_of_both_lists() -> None:
    legacy = provinces_of(ProvinceList.LEGACY)
    inland = {r.short_name for r in legacy if r.code not in coastal_units(ProvinceList.LEGACY)}
    assert inland == set(INLAND)
    assert len(legacy) - len(inland) == 29  # the 28 coastal provinces and Long An
    current = {r.code: r.short_name for r in provinces_of(ProvinceList.CURRENT)}
    coastal = {current[code] for code in coastal_units(ProvinceList.CURRENT)}
    # DOMAIN.md: since 2025 several merged units reach the sea.
    assert {"Gia Lai", "Đắk Lắk", "Lâm Đồng", "Tây Ninh", "An Giang"} <= coastal
    assert not {"Cao Bằng", "Hà Nội", "Đồng Nai", "Lào Cai", "Phú Thọ"} & coastal


def test_no_mangroves_or_fisheries_in_a_province_without_a_coast(demo: Session) -> None:
    rows = demo.exec(
        select(Aid.title, Aid.year, Province.code, Province.province_list).join(
            Province, col(Province.id) == col(Aid.province_id)
        )
    ).all()
    coastal_only = [t for titles in COASTAL_TITLES.values() for t in titles]
    projects = [row for row in rows if any(row[0].startswith(t) for t in coastal_only)]
    mangroves = [row for row in projects if "ngập mặn" in row[0]]
    assert len(mangroves) > 20
    inland = [
        (title, year, code)
        for title, year, code, province_list in projects
        if code not in coastal_units(ProvinceList(province_list))
    ]
    assert inland == []
    assert len([row for row in rows if "ngập mặn" in row[0]]) == len(mangroves)


def test_every_donor_funds_what_its_name_says(demo: Session) -> None:
    funded = set(
        demo.exec(select(Aid.donor, Aid.sector_code).where(Aid.source == "synthetic")).all()
    )
    assert {donor for donor, _ in funded} == {d for names in DONORS.values() for d in names}
    assert all(sector in DONOR_SECTORS[donor] for donor, sector in funded)
    by_name = {
        r"Health|Medical|Santé|Vision": {"121", "122"},
        r"Education|Éducation|Skol": {"111", "112", "113", "114"},
        r"Water Initiative|Water Trust": {"140"},
    }
    for pattern, sectors in by_name.items():
        named = {sector for donor, sector in funded if re.search(pattern, donor)}
        assert named and named <= sectors, pattern


# COVID-19 --------------------------------------------------------------------------------------


def _between(rows: list[dict[str, Any]], first: date, last: date) -> list[dict[str, Any]]:
    return [r for r in rows if first <= r["date"] < last and r["partner_country"]]


def test_no_delegations_abroad_while_borders_were_closed(
    full_scale: dict[int, list[dict[str, Any]]],
) -> None:
    rows = [row for year in (2020, 2021, 2022) for row in full_scale[year]]
    closed = _between(rows, *CLOSED)
    outgoing = [r for r in closed if r["direction"] == "outgoing"]
    before = [row for year in (2018, 2019, 2020) for row in full_scale.get(year, [])]
    # The same 23 months two years earlier: 2018-04 to 2020-02 (2018 is at full scale too).
    usual = _between(before, date(2018, 4, 1), date(2020, 3, 1))
    usual_out = [r for r in usual if r["direction"] == "outgoing"]
    assert len(outgoing) <= 0.01 * len(usual_out)
    # The few that went are gifts handed over at a neighbour's border gate.
    for row in outgoing:
        assert row["kind"] == "humanitarian_visit" and "tại cửa khẩu" in str(row["title"])
        assert row["partner_country"] in BORDERS
    in_person = [
        r for r in closed if r["direction"] == "incoming" and "trực tuyến" not in str(r["title"])
    ]
    usual_in = [r for r in usual if r["direction"] == "incoming"]
    assert len(in_person) <= 0.1 * len(usual_in)
    online = [r for r in closed if "trực tuyến" in str(r["title"])]
    assert len(online) > len(in_person) + len(outgoing)
    assert {r["kind"] for r in online} == {"conference", "event"}


def test_the_demo_database_has_no_delegation_abroad_in_the_closure(demo: Session) -> None:
    gone = demo.exec(
        select(Exchange.kind, Exchange.title).where(
            col(Exchange.date) >= CLOSED[0],
            col(Exchange.date) < CLOSED[1],
            Exchange.direction == "outgoing",
            col(Exchange.country_code).is_not(None),
        )
    ).all()
    assert all(kind == "humanitarian_visit" and "cửa khẩu" in title for kind, title in gone)


# Occasions -------------------------------------------------------------------------------------


def test_each_anniversary_once_per_country_province_and_year(
    full_scale: dict[int, list[dict[str, Any]]],
) -> None:
    ceremonies: Counter[tuple[str, str, int]] = Counter()
    for year, rows in full_scale.items():
        for row in rows:
            title = str(row["title"])
            if not title.startswith("Lễ kỷ niệm"):
                continue
            country = str(row["partner_country"])
            ceremonies[(row["province"], country, year)] += 1
            established = DIPLOMATIC_RELATIONS[country]
            assert f"{year - established.year} năm" in title
            assert row["date"].month == established.month
    assert len(ceremonies) > 50
    assert max(ceremonies.values()) == 1


def test_new_year_visits_are_a_handful_per_partner_locality(
    full_scale: dict[int, list[dict[str, Any]]],
) -> None:
    visits = Counter(
        (row["province"], row["partner_country"], row["partner_locality"], year)
        for year, rows in full_scale.items()
        for row in rows
        if "chúc Tết" in str(row["title"])
    )
    assert len(visits) > 100
    assert max(visits.values()) <= 3
    # Not while borders were closed: Tết 2021 and 2022, April 2020 and 2021.
    assert not [
        row
        for year in (2020, 2021, 2022)
        for row in full_scale[year]
        if "chúc Tết" in str(row["title"]) and CLOSED[0] <= row["date"] < CLOSED[1]
    ]


def test_no_synthetic_row_fills_a_documented_one_off_slot(
    full_scale: dict[int, list[dict[str, Any]]], demo: Session
) -> None:
    for row in (r for rows in full_scale.values() for r in rows):
        code = legacy_province(str(row["province"])).code if row["date"] < date(2025, 7, 1) else ""
        occupied = slot(
            code,
            row["date"],
            row["partner_country"],
            row["partner_locality"],
            str(row["direction"]),
            str(row["kind"]),
        )
        assert not YearLedger.documented(occupied), row
    # 000:10: Buôn Đôn received seven delegations from Mondulkiri in 2014, and those are all.
    dak_lak = legacy_province("Đắk Lắk")
    received = demo.exec(
        select(Exchange.source)
        .join(Province, col(Province.id) == col(Exchange.province_id))
        .where(
            Province.province_list == "63",
            Province.code == dak_lak.code,
            Exchange.year == 2014,
            Exchange.partner_locality == "Mondulkiri",
            Exchange.direction == "incoming",
            Exchange.kind == "delegation",
        )
    ).all()
    assert received == [DAK_LAK_2014] * 7
    assert not [
        row
        for row in full_scale[2014]
        if (row["province"], row["partner_locality"], row["direction"], row["kind"])
        == ("Đắk Lắk", "Mondulkiri", "incoming", "delegation")
    ]


# A union's history -----------------------------------------------------------------------------


def test_gia_lai_is_nearly_inactive_until_its_2018_congress(
    full_scale: dict[int, list[dict[str, Any]]],
) -> None:
    def gia_lai(year: int) -> int:
        return sum(1 for row in full_scale[year] if row["province"] == "Gia Lai")

    # 003:9 "hầu như không hoạt động"; 003:11 the first congress on 15 Oct 2018.
    quiet, working = [gia_lai(y) for y in (2014, 2015, 2017)], [gia_lai(y) for y in (2019, 2023)]
    assert max(quiet) <= 30
    assert min(working) >= 3 * max(quiet)


def test_provinces_without_a_union_yet_have_few_exchanges(
    plan: Plan, full_scale: dict[int, list[dict[str, Any]]]
) -> None:
    without, working = [], []
    for year in (2014, 2015, 2019, 2023):
        counts = Counter(row["province"] for row in full_scale[year])
        for province in plan.provinces:
            if (province.record.code, year) in plan.exchange_gaps:
                continue
            founded = province.union_founded_on
            if founded > date(year, 12, 31):
                without.append(counts[province.record.short_name])
            elif founded < date(year - 2, 1, 1) and province.union_active_from == founded:
                working.append(counts[province.record.short_name])
    assert len(without) > 20 and len(working) > 100
    assert sum(without) / len(without) < 0.25 * sum(working) / len(working)


# What the articles state, and what was chosen --------------------------------------------------


def test_founding_dates_the_articles_do_not_give_are_marked_as_chosen(demo: Session) -> None:
    stated = {  # 003:7: the only founding days an article gives in full
        "Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai",
        "Phân hội hữu nghị Việt Nam – Campuchia tỉnh Gia Lai – Kon Tum",
    }
    rows = demo.exec(
        select(Organization.name, Organization.source).where(
            col(Organization.founded_on).is_not(None), Organization.source != "synthetic"
        )
    ).all()
    assert len(rows) == len([r for r in documented.ORGANIZATIONS if r.get("founded_on")])
    for name, source in rows:
        article = next(s for s in documented.SOURCES if source.startswith(s))
        if name in stated:
            assert source == article
        else:
            assert "chosen for the demo" in source and "dữ liệu mẫu chọn" in source, name
    by_name = dict(rows)
    # 001:20 and 001:28 state the years of the Đồng Nai union (2013) and its Laos association.
    assert "founding year only" in by_name["Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai"]
    assert "founding year only" in by_name["Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai"]


def test_names_are_those_of_the_time(
    demo: Session, full_scale: dict[int, list[dict[str, Any]]]
) -> None:
    hue = dict(
        demo.exec(
            select(Province.province_list, Province.short_name).where(Province.code == "46")
        ).all()
    )
    assert hue == {"63": "Thừa Thiên Huế", "34": "Huế"}
    myanmar = demo.get(Country, "MMR")
    assert myanmar is not None and myanmar.name_vi == "Myanmar"
    assert not demo.exec(
        select(func.count()).where(col(Exchange.title).contains("Miến Điện"))
    ).one()
    titles = [
        (row["date"], str(row["title"]))
        for rows in full_scale.values()
        for row in rows
        if row["province"] in ("Thừa Thiên Huế", "Huế") and fold("Huế") in fold(str(row["title"]))
    ]
    early = [t for d, t in titles if d < date(2025, 1, 1)]
    late = [t for d, t in titles if d >= date(2025, 1, 1)]
    assert early and all("tỉnh Thừa Thiên Huế" in t for t in early)
    assert late and all("thành phố Huế" in t for t in late)


# Gaps and magnitudes ---------------------------------------------------------------------------


def test_reporting_gaps_stay(plan: Plan, full_scale: dict[int, list[dict[str, Any]]]) -> None:
    gaps = [(code, year) for code, year in plan.exchange_gaps if year in full_scale]
    assert gaps
    for code, year in gaps:
        name = next(p.record.short_name for p in plan.provinces if p.record.code == code)
        assert not [
            r for r in full_scale[year] if r["province"] == name and r["date"] < date(year, 7, 1)
        ]


def test_exchanges_grow_with_the_unions_and_dip_under_covid(demo: Session) -> None:
    by_year = dict(
        demo.exec(select(Exchange.year, func.count()).group_by(col(Exchange.year))).all()
    )
    total = sum(by_year.values())
    assert by_year[2010] < by_year[2015] < by_year[2019]
    assert by_year[2021] < 0.25 * by_year[2019]
    for year, count in by_year.items():
        if year not in (2020, 2021):
            assert 0.025 * total <= count <= 0.13 * total, year
