"""Chart subtitles, page captions and download names name every filter that changes the numbers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session

from charts.common import with_context
from charts.style import unwrap
from datastore.db import get_engine
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from i18n.catalogue import Lang, t
from testkit.apptest import clear_streamlit_caches
from ui import catalog, render
from ui.captions import UNIT_SLOT, ascii_slug, chart_description, page_description

# Every filter set, each to a value whose wording is distinct in the description.
EVERY = Filters(
    provinces=("75",),
    year_from=2019,
    year_to=2020,
    countries=("KHM",),
    sectors=("121",),
    measure="committed",
    direction="incoming",
    kinds=("conference",),
)
# What each filter field reads as, for EVERY, in each language.
WORDS: dict[str, dict[Lang, str]] = {
    "provinces": {"vi": "Đồng Nai", "en": "Dong Nai"},
    "year_from": {"vi": "2019–2020", "en": "2019–2020"},
    "countries": {"vi": "Campuchia", "en": "Cambodia"},
    "sectors": {"vi": "Y tế chung (121)", "en": "Health, general (121)"},
    "measure": {"vi": "Cam kết", "en": "Committed"},
    "direction": {"vi": "chỉ đoàn vào", "en": "incoming only"},
    "kinds": {"vi": "Hội nghị", "en": "Conference"},
}


@pytest.fixture
def app_database(small_sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The small dataset as the app's database, for the option lists the describer reads."""
    monkeypatch.setenv("DATABASE_URL", small_sqlite_url)
    clear_streamlit_caches()
    yield small_sqlite_url
    clear_streamlit_caches()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("chart", catalog.CHARTS, ids=lambda chart: chart.key)
def test_a_chart_description_names_exactly_the_filters_its_query_reads(
    app_database: str, chart: catalog.Chart, lang: Lang
) -> None:
    text = chart_description(chart, EVERY, lang, currency="USD").text

    if lang == "en" and "provinces" in chart.query.filters:
        # English province names come from the reference list; only the Vietnamese is fixed.
        assert "Dong Nai" in text or "Đồng Nai" in text
    for field, words in WORDS.items():
        if field == "provinces":
            continue
        # A latest-year chart names its year in the title; its subtitle gives no range.
        named = field in chart.query.filters and not (chart.latest_year and field == "year_from")
        assert (words[lang] in text) == named, (field, text)
    assert (UNIT_SLOT in text) == chart.query.takes_currency
    assert len(text.splitlines()) <= 2


@pytest.mark.parametrize("chart", catalog.CHARTS, ids=lambda chart: chart.key)
def test_a_built_chart_title_names_the_unit_of_its_money(
    app_database: str, chart: catalog.Chart
) -> None:
    description = chart_description(chart, Filters(measure="disbursed"), "vi", currency="USD")
    options = {"currency": "USD"} if chart.query.takes_currency else {}
    with Session(get_engine(app_database)) as session:
        frame = chart.query.function(
            session=session,
            filters=Filters(measure="disbursed"),
            lang="vi",
            **chart.query.options(currency="USD"),
        )
    figure = render.build(chart, chart.trim(frame), "vi", description.text, **options)

    title = unwrap(str(figure.layout.title.text))
    assert UNIT_SLOT not in title
    assert ("đơn vị: USD" in title) == chart.query.takes_currency
    assert ("Giải ngân" in title) == ("measure" in chart.query.filters)


def test_the_whole_country_is_said_in_the_list_chosen(app_database: str) -> None:
    members = catalog.MEMBERS_BY_YEAR_CHART
    legacy = Filters(province_list=ProvinceList.LEGACY)

    assert chart_description(members, Filters(), "vi").text == "Cả nước (34 tỉnh, thành phố)"
    assert chart_description(members, legacy, "vi").text == "Cả nước (63 tỉnh, danh mục cũ)"
    assert chart_description(members, Filters(), "en").text == "Whole country (34 provinces)"


def test_more_than_three_provinces_are_counted_and_one_year_is_one_year(
    app_database: str,
) -> None:
    chosen = Filters(provinces=("01", "52", "66", "75"), year_from=2020, year_to=2020)

    text = chart_description(catalog.MEMBERS_BY_YEAR_CHART, chosen, "vi").text

    assert text == "4 tỉnh, thành phố · 2020"


def test_aid_charts_say_every_sector_when_none_is_chosen(app_database: str) -> None:
    aid = chart_description(catalog.AID_BY_SECTOR_CHART, Filters(), "vi", currency="VND")
    exchanges = chart_description(catalog.EXCHANGES_BY_PROVINCE_CHART, Filters(), "vi")

    assert "mọi lĩnh vực" in aid.text
    assert "lĩnh vực" not in exchanges.text


def test_the_aid_and_overview_captions_name_the_currency_and_the_members_caption_does_not(
    app_database: str,
) -> None:
    chosen = Filters(measure="committed")
    aid = page_description(catalog.charts_on("aid"), chosen, "vi", currency="USD")
    overview = page_description(catalog.charts_on("overview"), Filters(), "en", currency="USD")
    members = page_description(catalog.charts_on("members"), Filters(), "vi")

    assert aid.one_line == ("Cả nước (34 tỉnh, thành phố) · Cam kết · đơn vị: USD · mọi lĩnh vực")
    assert "amounts in USD" in overview.one_line
    assert "đơn vị" not in members.one_line


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "vien-tro-theo-nam-va-linh-vuc_giai-ngan_USD_2014-2020.csv"),
        ("en", "aid-by-year-and-sector_disbursed_USD_2014-2020.csv"),
    ],
)
def test_a_download_name_reads_as_its_chart_and_filters(
    app_database: str, lang: Lang, expected: str
) -> None:
    chart = catalog.AID_BY_YEAR_AND_SECTOR_CHART
    chosen = Filters(measure="disbursed", year_from=2014, year_to=2020)

    name = chart_description(chart, chosen, lang, currency="USD").file_name(
        t(chart.title_key, lang)
    )

    assert name == expected


def test_download_names_differ_by_measure_and_currency(app_database: str) -> None:
    chart = catalog.AID_BY_DONOR_COUNTRY_CHART
    names = {
        chart_description(chart, Filters(measure=measure), "vi", currency=currency).file_name("x")
        for measure in ("committed", "disbursed")
        for currency in ("VND", "USD")
    }

    assert names == {
        "x_cam-ket_VND.csv",
        "x_cam-ket_USD.csv",
        "x_giai-ngan_VND.csv",
        "x_giai-ngan_USD.csv",
    }


def test_file_name_parts_are_ascii_and_safe() -> None:
    assert ascii_slug("Đắk Lắk / Bà Rịa – Vũng Tàu") == "Dak-Lak-Ba-Ria-Vung-Tau"
    assert ascii_slug("../../etc") == "etc"


def test_each_line_of_a_description_is_a_smaller_escaped_line_of_the_title() -> None:
    title = with_context("Viện trợ", "Hà <b> Nội · 2020\nCam kết")

    assert title.split("<br>") == [
        "Viện trợ",
        "<span style='font-size:13px;color:#555555'>Hà &lt;b&gt; Nội · 2020</span>",
        "<span style='font-size:13px;color:#555555'>Cam kết</span>",
    ]
