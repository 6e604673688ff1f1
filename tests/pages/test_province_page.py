"""The province profile page in AppTest, opened from hand-typed links."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from datastore.config import PROJECT_ROOT
from datastore.db import get_engine
from i18n.catalogue import t
from seed.documented.gia_lai_2018 import SOURCE as GIA_LAI_ARTICLE
from testkit.apptest import clear_streamlit_caches
from tests.datastore.queries.test_profile import load_documented

ENTRY = PROJECT_ROOT / "dashboard.py"
TIMEOUT = 90


@pytest.fixture
def articles_database(small_database: str) -> Iterator[str]:
    """The app's database: the small dataset and the articles' documented rows."""
    with Session(get_engine(small_database)) as session:
        load_documented(session)
    clear_streamlit_caches()
    yield small_database


def open_profile(**params: Any) -> AppTest:
    """The app opened at /province with a hand-typed query string."""
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.query_params.update(params)
    at.switch_page("pages/province.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Everything the page wrote as markdown, captions, notices and tables, as one text."""
    parts = [str(e.value) for e in (*at.markdown, *at.caption, *at.info, *at.error)]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    return "\n".join(parts).replace("\\", "")  # markdown escapes, as a reader sees the text


def test_gia_lai_shows_its_1994_union_and_its_2018_congress_with_the_source(
    articles_database: str,
) -> None:
    at = open_profile(province="52")
    assert at.query_params == {"province": "52"}
    assert at.main.header[0].value == "Gia Lai (52)"
    shown = texts(at)
    assert "Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai" in shown
    assert "thành lập 11/08/1994" in shown
    assert "15/10/2018" in shown and "Ban Chấp hành 21 thành viên" in shown
    assert f"tệp {GIA_LAI_ARTICLE}" in shown
    assert "Bình Định (52)" in shown and "Gia Lai (64)" in shown  # merged from
    # The catalogue's charts for the province, drawn as on the other pages.
    keys = {chart.key for chart in at.get("plotly_chart")}
    assert {"chart_members_by_year", "chart_aid_by_sector", "chart_exchanges_top_localities"} <= (
        keys
    )


def test_a_province_by_name_in_english_with_rank_and_missing_figures(
    articles_database: str,
) -> None:
    at = open_profile(province="dong nai", lang="en", years="2020")
    assert at.query_params == {"province": "75", "lang": "en", "years": ["2020", "2020"]}
    shown = texts(at)
    assert "founded in 2013 (the source states the year only)" in shown
    assert "Rank in 2020 among the 34 units" in [s.value for s in at.subheader]
    assert "not reported" in shown
    # A chosen founding date says so: the Đồng Nai associations other than Laos.
    assert "founding date chosen for the demo, not stated in the article" in shown


def test_an_unknown_province_is_named_in_the_message(articles_database: str) -> None:
    at = open_profile(province="Atlantis")
    [error] = at.error
    assert "“Atlantis”" in error.value and "34" in error.value
    assert t("profile.pick_one", "vi") in [i.value for i in at.info]
    assert len(at.main.header) == 0  # no profile drawn


def test_without_a_province_the_page_asks_for_one_and_the_picker_sets_it(
    articles_database: str,
) -> None:
    at = open_profile()
    assert t("profile.pick_one", "vi") in [i.value for i in at.info]
    [picker] = at.selectbox
    picker.set_value("66").run()
    assert at.query_params == {"province": "66"}
    assert at.multiselect(key="province").value == ["66"]
    assert "Buôn Đôn" in texts(at)


def test_the_63_list_profiles_an_old_province(articles_database: str) -> None:
    at = open_profile(province63="64")
    assert at.main.header[0].value == "Gia Lai (64)"
    assert "Từ 1/7/2025 thuộc Gia Lai (52)." in [c.value for c in at.caption]
    assert "thành lập 11/08/1994" in texts(at)


def test_the_reporting_status_links_each_province_to_its_profile(small_database: str) -> None:
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.switch_page("pages/completeness.py")
    at.run()
    frame = at.dataframe[0].value.set_index(t("completeness.province", "vi"))
    assert frame.loc["Đồng Nai", t("profile.link_column", "vi")] == "province?province=75"
    # The 63 list links the old province in that list, and English keeps its language.
    at.toggle(key="p63").set_value(True).run()
    at.segmented_control(key="lang").set_value("en").run()
    frame = at.dataframe[0].value.set_index(t("completeness.province", "en"))
    assert frame.loc["Bình Phước", t("profile.link_column", "en")] == (
        "province?p63=1&province63=70&lang=en"
    )
    # The link opens the profile of that province.
    opened = open_profile(p63="1", province63="70", lang="en")
    assert "Bình Phước" in str(opened.header[0].value)


def test_each_association_year_by_year_with_unreported_years_named(
    articles_database: str,
) -> None:
    at = open_profile(province="75")
    [members, chapters] = [
        frame.value.set_index("Hội") for frame in at.dataframe if "2019" in frame.value.columns
    ]
    laos = "Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai"
    # tests/utils/small_dataset.py: M3, the Lào association, reported 2019 only (no chapters).
    assert members.loc[laos, "2019"] == "50"
    assert members.loc[laos, "2020"] == t("chart_note.mark", "vi")
    assert chapters.loc[laos, "2019"] == t("chart_note.mark", "vi")
    assert "2026" in members.columns
