"""The link codec: every spelling a person types read as codes, unknown values named, codes out."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from datastore.models.reference import ProvinceList
from datastore.reference.directory import Directory
from ui.links import (
    LinkState,
    Unknown,
    link_params,
    merged_names,
    provinces_in,
    read_link,
    successor_names,
    switch_list,
)

YEARS = list(range(2014, 2027))


@pytest.fixture
def directory(session: Session) -> Directory:
    return Directory.load(session=session)


def read(directory: Directory, query: dict[str, list[str]]) -> tuple[LinkState, list[Unknown]]:
    reading = read_link(query, directory, years=YEARS)
    return reading.state, reading.unknown


@pytest.mark.parametrize(
    "spelling",
    [
        "75",
        "Đồng Nai",
        "dong nai",
        "DONG NAI",
        "Tỉnh Đồng Nai",
        "tinh dong nai",
        "Đồng Nai (75)",  # the on-screen label earlier links carried
        "Bình Phước",  # an old name: its unit today
        "Tỉnh Bình Phước",
        "binh phuoc",
    ],
)
def test_a_province_by_code_name_prefix_or_old_name_is_its_unit_today(
    directory: Directory, spelling: str
) -> None:
    assert read(directory, {"province": [spelling]}) == (LinkState(provinces=("75",)), [])


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("TP. Hồ Chí Minh", "79"),
        ("Thành phố Hồ Chí Minh", "79"),
        ("ho chi minh", "79"),
        ("Hà Nội", "01"),
        ("Thừa Thiên Huế", "46"),
        ("Phú Yên", "66"),  # merged into Đắk Lắk, which kept code 66
        ("dak lak", "66"),
        ("1", "01"),
    ],
)
def test_other_spellings_of_provinces(directory: Directory, spelling: str, code: str) -> None:
    state, unknown = read(directory, {"province": [spelling]})
    assert (state.provinces, unknown) == ((code,), [])


def test_the_63_list_reads_codes_of_that_list_and_maps_current_units_to_their_old_provinces(
    directory: Directory,
) -> None:
    assert read(directory, {"province63": ["70"]}) == (
        LinkState(legacy=True, provinces=("70",)),
        [],
    )
    # Old 52 is Bình Định; new 52 (Gia Lai) covers old 52 and 64.
    state, _ = read(directory, {"p63": ["1"], "province": ["52"]})
    assert (state.legacy, state.provinces) == (True, ("52", "64"))
    # A name is looked for in the list shown first: old Gia Lai here, not today's unit.
    state, _ = read(directory, {"p63": ["true"], "province": ["Gia Lai"]})
    assert state.provinces == ("64",)
    state, _ = read(directory, {"p63": ["0"], "province63": ["70"]})
    assert (state.legacy, state.provinces) == (False, ("75",))


def test_switching_lists_maps_units_to_old_provinces_and_back(directory: Directory) -> None:
    assert switch_list(directory, ["75", "01"], ProvinceList.LEGACY) == ["70", "75", "01"]
    assert switch_list(directory, ["70", "75", "64"], ProvinceList.CURRENT) == ["75", "52"]
    assert provinces_in(directory, "binh phuoc", ProvinceList.CURRENT) == ["75"]
    assert provinces_in(directory, "binh phuoc", ProvinceList.LEGACY) == ["70"]
    assert provinces_in(directory, "nowhere", ProvinceList.CURRENT) == []


def test_merged_and_successor_names(directory: Directory) -> None:
    assert merged_names(directory)["75"] == ["Bình Phước"]
    assert merged_names(directory)["52"] == ["Bình Định"]
    assert "01" not in merged_names(directory)  # Hà Nội merged with nobody
    assert successor_names(directory)["70"] == "Đồng Nai"
    assert successor_names(directory)["52"] == "Gia Lai"  # old Bình Định kept its code
    assert "75" not in successor_names(directory)  # old Đồng Nai is today's Đồng Nai
    assert "64" not in successor_names(directory)  # old Gia Lai: the same name today


@pytest.mark.parametrize(
    "spelling", ["KHM", "khm", "KH", "Cambodia", "cambodia", "Campuchia", "campuchia"]
)
def test_a_country_by_iso_code_or_name_in_either_language(
    directory: Directory, spelling: str
) -> None:
    assert read(directory, {"country": [spelling]}) == (LinkState(countries=("KHM",)), [])


def test_several_countries_repeated_or_comma_separated(directory: Directory) -> None:
    state, unknown = read(directory, {"country": ["KHM,Lào", "Hàn Quốc", "KHM"]})
    assert (state.countries, unknown) == (("KHM", "LAO", "KOR"), [])


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["2020"], (2020, 2020)),
        (["2014", "2020"], (2014, 2020)),
        (["2020", "2014"], (2014, 2020)),
        (["2014-2020"], (2014, 2020)),
        (["2014–2020"], (2014, 2020)),
        (["2010", "2020"], (2014, 2020)),  # clamped to the years the data has
        (["2014", "2026"], None),  # every year: the default
    ],
)
def test_years(directory: Directory, values: list[str], expected: tuple[int, int] | None) -> None:
    assert read(directory, {"years": values}) == (LinkState(years=expected), [])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"measure": ["committed"]}, LinkState(measure="committed")),
        ({"measure": ["Cam kết"]}, LinkState(measure="committed")),
        ({"measure": ["cam ket"]}, LinkState(measure="committed")),
        ({"measure": ["Committed"]}, LinkState(measure="committed")),
        ({"currency": ["usd"]}, LinkState(currency="USD")),
        ({"direction": ["incoming"]}, LinkState(direction="incoming")),
        ({"direction": ["Đoàn vào"]}, LinkState(direction="incoming")),
        ({"direction": ["Outgoing"]}, LinkState(direction="outgoing")),
        ({"kind": ["Giao lưu văn hóa"]}, LinkState(kinds=("cultural_exchange",))),
        ({"kind": ["delegation", "Event"]}, LinkState(kinds=("delegation", "event"))),
        ({"sector": ["121"]}, LinkState(sectors=("121",))),
        ({"sector": ["Y tế (121)"]}, LinkState(sectors=("121",))),
        ({"lang": ["en"]}, LinkState(lang="en")),
        ({"lang": ["English"]}, LinkState(lang="en")),
        ({"lang": ["Tiếng Việt"]}, LinkState(lang="vi")),
    ],
)
def test_page_filters_and_language_by_code_or_label_in_either_language(
    directory: Directory, query: dict[str, list[str]], expected: LinkState
) -> None:
    assert read(directory, query) == (expected, [])


def test_values_that_match_nothing_are_named_and_the_rest_of_the_link_applies(
    directory: Directory,
) -> None:
    state, unknown = read(
        directory,
        {
            "province": ["Atlantis", "75"],
            "country": ["XXX"],
            "years": ["soon", "2020"],
            "measure": ["pledged"],
            "lang": ["fr"],
            "p63": ["maybe"],
            "kind": ["picnic"],
            "sector": ["999"],
            "direction": ["sideways"],
            "currency": ["EUR"],
        },
    )
    assert state == LinkState(provinces=("75",), years=(2020, 2020))
    assert unknown == [
        Unknown("lang", "fr"),
        Unknown("p63", "maybe"),
        Unknown("province", "Atlantis"),
        Unknown("years", "soon"),
        Unknown("country", "XXX"),
        Unknown("currency", "EUR"),
        Unknown("measure", "pledged"),
        Unknown("sector", "999"),
        Unknown("direction", "sideways"),
        Unknown("kind", "picnic"),
    ]


def test_years_outside_the_data_are_named(directory: Directory) -> None:
    assert read(directory, {"years": ["1990"]}) == (LinkState(), [Unknown("years", "1990")])


def test_the_link_written_back_holds_codes_only_and_leaves_defaults_out() -> None:
    state = LinkState(
        lang="en",
        provinces=("75",),
        years=(2020, 2020),
        countries=("KHM", "LAO"),
        currency="USD",
        measure="committed",
        sectors=("121",),
        direction="incoming",
        kinds=("event",),
    )
    assert link_params(state, "aid") == {
        "lang": ["en"],
        "province": ["75"],
        "years": ["2020", "2020"],
        "country": ["KHM", "LAO"],
        "currency": ["USD"],
        "measure": ["committed"],
        "sector": ["121"],
    }
    # The overview follows the Aid page's currency; other page filters stay off its link.
    assert link_params(state, "overview")["currency"] == ["USD"]
    assert "measure" not in link_params(state, "overview")
    assert link_params(state, "exchanges")["direction"] == ["incoming"]
    assert link_params(state, "exchanges")["kind"] == ["event"]
    assert set(link_params(state, "members")) == {"lang", "province", "years", "country"}
    assert link_params(LinkState(), "aid") == {}
    legacy = LinkState(legacy=True, provinces=("70",))
    assert link_params(legacy, "members") == {"p63": ["1"], "province63": ["70"]}


def test_a_link_read_back_from_what_was_written_is_the_same_state(directory: Directory) -> None:
    state = LinkState(
        lang="en",
        legacy=True,
        provinces=("70", "75"),
        years=(2016, 2020),
        countries=("KOR",),
        currency="USD",
        measure="committed",
        sectors=("121", "430"),
    )
    assert read(directory, link_params(state, "aid")) == (state, [])
