"""The report page in AppTest, opened from hand-typed links: which report, its figures, its link."""

from __future__ import annotations

from i18n.catalogue import t
from tests.pages.test_links_app import open_link, warnings
from ui.report_view import NATION, UNIT_KEY, YEAR_KEY


def _metrics(at: object) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}  # type: ignore[attr-defined]


def test_a_province_report_from_a_link_by_code(small_database: str) -> None:
    at = open_link("report", province="75", year="2020")

    assert at.title[0].value == "Báo cáo năm"
    assert at.selectbox(key=UNIT_KEY).value == "75"
    assert at.selectbox(key=YEAR_KEY).value == 2020
    assert at.query_params == {"province": "75", "year": "2020"}
    assert warnings(at) == []
    text = " ".join(str(m.value) for m in at.markdown)
    assert "ĐỒNG NAI" in text and "2020" in text
    assert at.metric, "the report's figures are shown"
    assert at.get("plotly_chart"), "the report's charts are drawn"
    labels = [button.proto.label for button in at.get("download_button")]
    assert t("report_page.download_docx", "vi") in labels
    assert t("report_page.download_pdf", "vi") in labels


def test_the_nation_by_default_and_the_latest_year(small_database: str) -> None:
    at = open_link("report")

    assert at.selectbox(key=UNIT_KEY).value == NATION
    # The small dataset's last year, 2026, is not over: the report is for 2025.
    assert at.selectbox(key=YEAR_KEY).options[:2] == ["2026", "2025"]
    assert at.selectbox(key=YEAR_KEY).value == 2025
    # The year is written even when the link left it out, so the link keeps its meaning.
    assert at.query_params == {"year": "2025"}
    text = " ".join(str(m.value) for m in at.markdown)
    assert "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ VIỆT NAM" in text


def test_a_province_by_name_and_an_unknown_year_get_the_usual_notice(small_database: str) -> None:
    at = open_link("report", province="dong nai", year="1890")

    assert at.selectbox(key=UNIT_KEY).value == "75"
    [notice] = warnings(at)
    assert "“1890”" in notice and t("report_page.year", "vi") in notice
    at = open_link("report", province="Atlantis")
    [notice] = warnings(at)
    assert "“Atlantis”" in notice and t("filter.province", "vi") in notice
    assert at.selectbox(key=UNIT_KEY).value == NATION


def test_picking_on_the_page_sets_the_sidebar_filter_and_the_link(small_database: str) -> None:
    at = open_link("report", year="2020")

    at.selectbox(key=UNIT_KEY).set_value("75").run()
    assert at.multiselect(key="province").value == ["75"]
    assert at.query_params == {"province": "75", "year": "2020"}
    at.selectbox(key=YEAR_KEY).set_value(2019).run()
    assert at.query_params == {"province": "75", "year": "2019"}
    at.selectbox(key=UNIT_KEY).set_value(NATION).run()
    assert at.multiselect(key="province").value == []
    assert at.query_params == {"year": "2019"}


def test_several_provinces_chosen_report_the_first_and_say_so(small_database: str) -> None:
    at = open_link("report", province=["75", "66"], year="2020")

    assert at.selectbox(key=UNIT_KEY).value == "75"
    assert any("Đồng Nai" in info.value for info in at.info)


def test_the_63_list_offers_the_old_provinces(small_database: str) -> None:
    at = open_link("report", p63="1", province63="70", year="2020")

    assert at.selectbox(key=UNIT_KEY).value == "70"
    assert at.query_params == {"p63": "1", "province63": "70", "year": "2020"}
    assert "BÌNH PHƯỚC" in " ".join(str(m.value) for m in at.markdown)


def test_the_language_switch_redraws_the_report_in_english(small_database: str) -> None:
    at = open_link("report", province="75", year="2020")
    vietnamese = _metrics(at)

    at.segmented_control(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Yearly report"
    assert at.query_params == {"lang": "en", "province": "75", "year": "2020"}
    text = " ".join(str(m.value) for m in at.markdown)
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text
    english = _metrics(at)
    assert len(english) == len(vietnamese) and set(english) != set(vietnamese)


def test_a_figure_not_reported_reads_so_and_a_chart_note_is_said_once(
    small_database: str,
) -> None:
    # Đắk Lắk reported its members for 2020 (M9: 60), no exchanges that year nor in 2019.
    at = open_link("report", province="66", year="2020")

    figures = {metric.label: metric for metric in at.metric}
    assert figures["Hội viên (người)"].value == "60"
    assert figures["Hội viên (người)"].delta == "năm 2019 chưa báo cáo"
    assert figures["Đoàn vào (đoàn)"].value == "chưa báo cáo"
    captions = [str(caption.value) for caption in at.caption]
    note = "1 tỉnh chưa báo cáo số liệu hội viên năm 2019: Đắk Lắk."
    assert captions.count(note) == 1
    # No exchange nor aid in 2016-2020: those charts are left out, each with a sentence, and
    # no empty chart is drawn in their place.
    said = [str(m.value) for m in at.markdown if "để vẽ nên không đưa vào báo cáo" in str(m.value)]
    titles = [line.split("“")[1].split("”")[0] for line in said]
    assert titles == [
        "Đoàn vào và đoàn ra theo năm",
        "Giao lưu đoàn theo quốc gia đối tác",
        "Viện trợ cam kết và giải ngân",
        "Viện trợ theo lĩnh vực",
    ]
    assert len(at.get("plotly_chart")) == 1  # members by year, the one with something to draw
    assert t("empty.no_data", "vi") not in [str(info.value) for info in at.info]


def test_the_sidebar_filters_the_report_ignores_are_named(small_database: str) -> None:
    said = t("report_page.filters_ignored", "vi")
    assert said not in [c.value for c in open_link("report", year="2020").caption]
    at = open_link("report", year="2020", country="KHM", years="2019-2020")
    assert said in [c.value for c in at.caption]


def test_a_year_not_over_can_be_chosen(small_database: str) -> None:
    at = open_link("report", province="75", year="2026")

    assert at.selectbox(key=YEAR_KEY).value == 2026
    assert "2026" in " ".join(str(m.value) for m in at.markdown)
