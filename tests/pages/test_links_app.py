"""The whole app in AppTest opened with hand-typed links: filters read, notices shown, codes out."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from datastore.config import PROJECT_ROOT
from i18n.catalogue import t

ENTRY = PROJECT_ROOT / "dashboard.py"
TIMEOUT = 60


def open_link(page: str = "overview", **params: Any) -> AppTest:
    """The app opened at `page` with a hand-typed query string."""
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.query_params.update(params)
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def warnings(at: AppTest) -> list[str]:
    return [str(element.value) for element in at.warning]


def test_a_typed_link_is_read_into_the_filters_and_written_back_as_codes(
    small_database: str,
) -> None:
    at = open_link("members", province="Tỉnh Bình Phước", country="cambodia", years="2020")

    assert at.multiselect(key="province").value == ["75"]
    assert at.multiselect(key="country").value == ["KHM"]
    assert at.slider(key="years").value == (2020, 2020)
    assert at.query_params == {"province": "75", "country": "KHM", "years": ["2020", "2020"]}
    assert warnings(at) == []
    # The caption under the picker says what the merged unit includes.
    assert "Đồng Nai, gồm Bình Phước trước 1/7/2025" in [c.value for c in at.caption]


def test_a_value_that_matches_nothing_is_named_and_the_rest_of_the_link_applies(
    small_database: str,
) -> None:
    at = open_link("members", province=["Atlantis", "dong nai"], country="XYZ")

    assert at.multiselect(key="province").value == ["75"]
    assert at.multiselect(key="country").value == []
    [notice] = warnings(at)
    assert "“Atlantis”" in notice and "“XYZ”" in notice
    assert t("filter.province", "vi") in notice
    assert at.query_params == {"province": "75"}
    at.run()  # the notice stays while the link is the one read
    assert len(warnings(at)) == 1
    at.multiselect(key="province").set_value([]).run()
    assert warnings(at) == []


def test_an_english_notice_for_an_english_link(small_database: str) -> None:
    at = open_link("members", lang="en", country="Atlantis")
    [notice] = warnings(at)
    assert notice.startswith("Some values in the link match nothing")
    assert "Partner countries “Atlantis”" in notice


def test_the_aid_page_reads_measure_and_currency_by_label_and_writes_codes(
    small_database: str,
) -> None:
    at = open_link("aid", lang="English", measure="Cam kết", currency="usd", sector="Y tế (121)")

    assert at.segmented_control(key="lang").value == "en"
    assert at.segmented_control(key="measure").value == "committed"
    assert at.segmented_control(key="currency").value == "USD"
    assert at.multiselect(key="sector").value == ["121"]
    assert at.query_params == {
        "lang": "en",
        "currency": "USD",
        "measure": "committed",
        "sector": "121",
    }


def test_page_filters_stay_in_the_session_and_in_the_link_of_their_own_page(
    small_database: str,
) -> None:
    at = open_link("aid", measure="committed", currency="USD", province="75")

    at.switch_page("pages/members.py").run()
    assert at.query_params == {"province": "75"}
    at.switch_page("pages/overview.py").run()
    # The overview follows the Aid page's currency, so its link says which.
    assert at.query_params == {"province": "75", "currency": "USD"}
    at.switch_page("pages/aid.py").run()
    assert at.segmented_control(key="measure").value == "committed"
    assert at.query_params == {"province": "75", "currency": "USD", "measure": "committed"}


def test_the_exchanges_page_reads_direction_and_kind(small_database: str) -> None:
    at = open_link("exchanges", direction="Đoàn vào", kind="delegation")

    assert at.selectbox(key="direction").value == "incoming"
    assert at.multiselect(key="kind").value == ["delegation"]
    assert at.query_params == {"direction": "incoming", "kind": "delegation"}


def test_the_63_toggle_maps_the_chosen_units_to_their_old_provinces_and_back(
    small_database: str,
) -> None:
    at = open_link("members", province="75")

    at.toggle(key="p63").set_value(True).run()
    assert at.multiselect(key="province63").value == ["70", "75"]
    assert at.query_params == {"p63": "1", "province63": ["70", "75"]}
    at.multiselect(key="province63").set_value(["70"]).run()
    at.toggle(key="p63").set_value(False).run()
    assert at.multiselect(key="province").value == ["75"]
    assert at.query_params == {"province": "75"}


def test_text_typed_into_the_pickers_is_resolved_to_codes(small_database: str) -> None:
    at = open_link("members")

    at.multiselect(key="province").set_value(["dong nai", "Gia Lai (52)"]).run()
    assert at.multiselect(key="province").value == ["75", "52"]
    at.multiselect(key="country").set_value(["han quoc", "KHM"]).run()
    assert at.multiselect(key="country").value == ["KOR", "KHM"]
    assert at.query_params["country"] == ["KOR", "KHM"]
    at.multiselect(key="province").set_value(["75", "nowhere"]).run()
    assert at.multiselect(key="province").value == ["75"]
    assert "Không tìm thấy: “nowhere”." in [c.value for c in at.caption]


def test_province_options_name_the_old_provinces_they_include(small_database: str) -> None:
    at = open_link("members", lang="en")

    picker = at.multiselect(key="province")
    assert "Đồng Nai (75) · incl. Bình Phước" in picker.options
    at.toggle(key="p63").set_value(True).run()
    assert "Bình Phước (70) · now part of Đồng Nai" in at.multiselect(key="province63").options
