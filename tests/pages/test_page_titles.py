"""Pages with their own filters set: every chart's subtitle and the caption name them (AppTest)."""

from __future__ import annotations

from typing import Any

import pytest

from charts.style import unwrap
from i18n.catalogue import Lang, t
from tests.pages.test_pages import figures, open_app, set_widget
from ui import catalog


def title(fig: dict[str, Any]) -> str:
    """A chart's first title line: what it shows."""
    return unwrap(str(fig["layout"]["title"]["text"])).partition("<br>")[0]


def subtitle(fig: dict[str, Any]) -> str:
    """The smaller lines under a chart's title: what it is filtered by."""
    return unwrap(str(fig["layout"]["title"]["text"])).partition("<br>")[2]


@pytest.mark.parametrize(
    ("lang", "measure", "unit"), [("vi", "Cam kết", "đơn vị: USD"), ("en", "Committed", "in USD")]
)
def test_aid_titles_and_caption_name_the_measure_and_the_currency(
    small_database: str, lang: Lang, measure: str, unit: str
) -> None:
    at = open_app("aid", lang=lang, measure="committed", currency="USD")

    shown = figures(at)
    assert sorted(shown) == sorted(chart.key for chart in catalog.charts_on("aid"))
    for chart in catalog.charts_on("aid"):
        text = subtitle(shown[chart.key])
        assert unit in text, chart.key
        # The committed-against-disbursed chart draws both measures whatever is chosen.
        assert (measure in text) == ("measure" in chart.query.filters), chart.key
    caption = at.caption[0].value
    assert measure in caption and unit in caption


def test_aid_titles_name_the_chosen_sector_and_the_partner_country(small_database: str) -> None:
    at = open_app("aid", sector=["121"], country=["USA"])

    for key, fig in figures(at).items():
        assert "Y tế chung (121)" in subtitle(fig), key
        assert "Hoa Kỳ" in subtitle(fig), key
    assert "Y tế chung (121)" in at.caption[0].value


@pytest.mark.parametrize(("lang", "words"), [("vi", "chỉ đoàn vào"), ("en", "incoming only")])
def test_with_incoming_only_the_by_direction_chart_says_so(
    small_database: str, lang: Lang, words: str
) -> None:
    at = open_app("exchanges", lang=lang, direction="incoming")

    by_direction = figures(at)["exchanges_by_year_and_direction"]
    assert words in subtitle(by_direction)
    assert [trace["name"] for trace in by_direction["data"]] == [t("direction.incoming", lang)]
    assert all(words in subtitle(fig) for fig in figures(at).values())
    assert words in at.caption[0].value


def test_exchange_titles_name_the_chosen_kinds(small_database: str) -> None:
    at = open_app("exchanges", kind=["delegation", "event"])

    for key, fig in figures(at).items():
        assert "Đoàn, Sự kiện" in subtitle(fig), key


def test_members_titles_name_the_partner_country_and_years(small_database: str) -> None:
    at = open_app("members", lang="en", country=["KHM"], years=(2019, 2020))

    for key, fig in figures(at).items():
        assert "Cambodia" in subtitle(fig), key
        assert "amounts in" not in subtitle(fig), key
        if key == "members_by_year":
            assert "2019–2020" in subtitle(fig)
        else:  # drawn for the latest year only, which the title names; no range under it
            assert title(fig).endswith(", 2020") and "2019–2020" not in subtitle(fig), key
    assert "Cambodia" in at.caption[0].value


def test_the_overview_names_the_currency_the_aid_page_chose(small_database: str) -> None:
    at = open_app("aid", currency="USD")
    at.switch_page("pages/overview.py").run()

    trends = figures(at)["overview_trends"]
    assert "đơn vị: USD" in subtitle(trends)
    assert "đơn vị: USD" in at.caption[0].value
    set_widget(at, "lang", "en")
    assert "amounts in USD" in at.caption[0].value
