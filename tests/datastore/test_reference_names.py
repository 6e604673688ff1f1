"""Reference names as they were when the figures were reported, and every spelling still read."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from datastore.models.reference import Country, Province, ProvinceList
from datastore.reference.countries import country_records
from datastore.reference.directory import Directory
from datastore.reference.load import load_reference_data
from datastore.reference.provinces import province_records


def test_old_code_46_is_thua_thien_hue_and_the_new_one_hue() -> None:
    by_list = {r.province_list: r for r in province_records() if r.code == "46"}
    legacy, current = by_list[ProvinceList.LEGACY], by_list[ProvinceList.CURRENT]
    # A province until 31 Dec 2024 (the 63-list's figures run 2010–mid 2025), a city since.
    assert (legacy.name, legacy.short_name, legacy.kind) == (
        "Tỉnh Thừa Thiên Huế",
        "Thừa Thiên Huế",
        "Tỉnh",
    )
    assert (current.name, current.short_name, current.kind) == ("Thành phố Huế", "Huế", "Thành phố")
    assert legacy.key == current.key == "hue"


def test_myanmar_is_named_without_its_former_name() -> None:
    myanmar = next(r for r in country_records() if r.code == "MMR")
    assert (myanmar.name_vi, myanmar.name_en) == ("Myanmar", "Myanmar")
    assert not [r.code for r in country_records() if "(Miến Điện)" in r.name_vi]


def test_the_reference_tables_hold_and_refresh_the_names(session: Session) -> None:
    province = session.exec(
        select(Province).where(Province.province_list == "63", Province.code == "46")
    ).one()
    assert province.short_name == "Thừa Thiên Huế"
    # A database loaded before the fix is renamed by the next migration's reference refresh.
    province.name, province.short_name, province.kind = "Thành phố Huế", "Huế", "Thành phố"
    country = session.get(Country, "MMR")
    assert country is not None
    country.name_vi = "Myanmar (Miến Điện)"
    session.add_all([province, country])
    session.commit()
    load_reference_data(session=session)
    session.refresh(province)
    session.refresh(country)
    assert (province.name, province.short_name, province.kind) == (
        "Tỉnh Thừa Thiên Huế",
        "Thừa Thiên Huế",
        "Tỉnh",
    )
    assert (country.name_vi, country.name_en) == ("Myanmar", "Myanmar")


def test_every_spelling_still_finds_hue_and_myanmar(session: Session) -> None:
    directory = Directory.load(session=session)
    for spelling in ("Thừa Thiên Huế", "Tỉnh Thừa Thiên Huế", "Huế", "thua thien hue"):
        old = directory.resolve_province(spelling, on=date(2020, 5, 1))
        new = directory.resolve_province(spelling, on=date(2025, 8, 1))
        assert (old.province_list, old.code, new.province_list, new.code) == (
            "63",
            "46",
            "34",
            "46",
        )
    for spelling in ("Myanmar", "Miến Điện", "Myanmar (Miến Điện)", "Burma", "MM", "MMR"):
        assert directory.resolve_country(spelling).code == "MMR", spelling
