"""The yearly report's figures and sentences, computed by hand on the small dataset.

Đồng Nai (34:75) in 2020 against 2019 (tests/utils/small_dataset.py):
  members 2020 M4 400 (Cambodia association) against M2 300 on the one association of both
  years; 3 associations reported in either year (M1 Bình Phước, M2/M4, M3): 1 against 3;
  chapters 8 against 5 on the same association (the year's total: 2 + 5 + M3 unknown = 7).
  exchanges 2020 E4, E8 (both incoming, 150 + 40 people) against E3 (outgoing, 10 people).
  aid committed 2020 A4 465 000 000 VND / 20 000 USD against A1 46 500 000 / 2 000;
  disbursed 2020 none against A2 34 875 000 + A3 232 500 000 = 267 375 000.
  Ranks of 2020: members Đồng Nai 400, Đắk Lắk 60 (median 230); aid and exchanges only Đồng Nai.
Gia Lai (34:52) reported nothing in 2020.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from datastore import queries
from datastore.filters import Filters
from datastore.load.write import BatchInfo, load_rows
from datastore.models.reference import ProvinceList
from datastore.yearly.build import build_report
from datastore.yearly.document import ReportFigure, Section, YearlyReport
from i18n.catalogue import Lang
from seed.documented import cao_bang_2022
from tests.datastore.test_aid_meaning import CUMULATIVE, DOMESTIC

ISSUED = date(2026, 11, 30)


def report(
    session: Session, province: str | None, year: int, lang: Lang = "vi", **kw: object
) -> YearlyReport:
    return build_report(
        session,
        province_list=kw.get("province_list", ProvinceList.CURRENT),  # type: ignore[arg-type]
        province=province,
        year=year,
        lang=lang,
        issued_on=ISSUED,
    )


def section(found: YearlyReport, number: int) -> Section:
    return found.sections[number]


def figures(part: Section) -> dict[str, ReportFigure]:
    return {f.label: f for f in part.figures}


def test_the_letterhead_names_the_union_the_place_and_the_year(small: Session) -> None:
    found = report(small, "75", 2020)
    assert found.letterhead.issuing_body == "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH ĐỒNG NAI"
    assert (found.letterhead.place, found.letterhead.issued_on) == ("Đồng Nai", ISSUED)
    assert (found.title, found.subtitle) == (
        "BÁO CÁO",
        "Tổng kết công tác đối ngoại nhân dân năm 2020",
    )
    assert found.recipients and found.signer
    national = report(small, None, 2020)
    assert national.letterhead.place == "Hà Nội"
    assert national.letterhead.issuing_body == "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ VIỆT NAM"


def test_the_organisation_compares_like_with_like(small: Session) -> None:
    part = section(report(small, "75", 2020), 0)
    found = figures(part)
    members = found["Hội viên (người)"]
    assert (members.value, members.previous, members.change_text) == (400, 300, "+33,3 %")
    assert members.note == "so sánh trên 1/3 tổ chức báo cáo cả hai năm"
    associations = found["Tổ chức hữu nghị (tổ chức)"]
    assert (associations.value, associations.previous, associations.change_text) == (
        1,
        3,
        "-66,7 %",
    )
    chapters = found["Chi hội (chi hội)"]
    # Like members, on the one association of both years: 8 against 5 (M2).
    assert (chapters.value, chapters.previous, chapters.change_text) == (8, 5, "+60,0 %")
    assert chapters.note == members.note
    assert part.paragraphs[0] == (
        "Năm 2020, Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai có 1 tổ chức hữu nghị thành viên "
        "với 8 chi hội và 400 hội viên. Số hội viên tăng 33,3 % so với năm 2019 (so sánh trên 1/3 "
        "tổ chức báo cáo cả hai năm)."
    )


def test_the_figures_equal_the_chart_queries_for_the_same_filters(small: Session) -> None:
    found = report(small, "75", 2020)
    year = Filters(provinces=("75",), year_from=2020, year_to=2020)
    members = queries.members_by_year(session=small, filters=year)
    assert figures(found.sections[0])["Hội viên (người)"].value == members["members"].sum()
    directions = queries.exchanges_by_year_and_direction(session=small, filters=year)
    by_direction = dict(zip(directions["direction"], directions["exchanges"], strict=True))
    exchanges = figures(found.sections[1])
    assert exchanges["Hoạt động giao lưu (lượt)"].value == directions["exchanges"].sum() == 2
    assert exchanges["Đoàn vào (đoàn)"].value == by_direction["incoming"] == 2
    aid = queries.aid_committed_vs_disbursed(session=small, filters=year)
    usd = queries.aid_committed_vs_disbursed(session=small, filters=year, currency="USD")
    amounts = figures(found.sections[2])
    assert amounts["Viện trợ cam kết (VND)"].value == aid["committed"].iloc[0] == 465_000_000
    assert amounts["Viện trợ cam kết (USD)"].value == usd["committed"].iloc[0] == 20_000
    assert amounts["Viện trợ giải ngân (VND)"].value == aid["disbursed"].iloc[0] == 0


def test_the_exchanges_read_as_the_unions_write_them(small: Session) -> None:
    part = section(report(small, "75", 2020), 1)
    assert part.paragraphs[0] == (
        "Năm 2020, Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai đã đón 2 đoàn vào với 190 lượt "
        "người và cử 0 đoàn ra với 0 lượt người; tổng cộng 2 hoạt động giao lưu. Tổng số hoạt "
        "động giao lưu tăng 100,0 % so với năm 2019 (từ cuối tháng 3/2020 đến giữa tháng 3/2022, "
        "đi lại quốc tế bị hạn chế do dịch COVID-19)."
    )
    found = figures(part)
    assert found["Đoàn vào (đoàn)"].change_text == "năm 2019 bằng 0"
    assert (found["Đoàn ra (đoàn)"].value, found["Đoàn ra (đoàn)"].change_text) == (0, "-100,0 %")
    assert found["Lượt người"].value_text == "190"
    assert part.tables[0].rows == (("Hoa Kỳ", "1", "150"),)  # E8 has no country


def test_aid_in_both_currencies_and_the_changes(small: Session) -> None:
    part = section(report(small, "75", 2020), 2)
    assert part.paragraphs[0] == (
        "Năm 2020, Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai đã vận động được 465 triệu đồng "
        "viện trợ phi chính phủ nước ngoài (PCPNN) cam kết (tương đương 20.000 USD); giải ngân "
        "đạt 0 đồng (tương đương 0 USD). Giá trị viện trợ PCPNN giải ngân giảm 100,0 % so với "
        "năm 2019."
    )
    found = figures(part)
    assert found["Viện trợ cam kết (VND)"].change_text == "+900,0 %"
    assert found["Viện trợ giải ngân (VND)"].previous == 267_375_000
    sectors = part.tables[0]
    assert sectors.rows == (("Giáo dục, cấp học chưa xác định", "465 triệu đồng", "0 đồng"),)


def test_cumulative_and_domestic_aid_are_told_apart(small: Session) -> None:
    load_rows(
        session=small,
        kind="aid",
        rows=[CUMULATIVE, DOMESTIC],
        batch=BatchInfo(file_name="documented.csv"),
    )
    small.commit()
    part = section(report(small, "75", 2020), 2)
    found = figures(part)
    # The 2013-2020 total is not in the year's figure; it is named beside it.
    assert found["Viện trợ cam kết (VND)"].value == 465_000_000
    assert found["Viện trợ cam kết (VND)"].note == (
        "không gồm 1 khoản báo cáo cộng dồn nhiều năm (300 tỷ đồng)"
    )
    assert part.paragraphs[-2] == (
        "Ngoài ra, năm 2020 hỗ trợ từ các nguồn khác (trong nước, tổ chức nước ngoài không phải "
        "PCPNN) đạt 700 triệu đồng, không tính vào viện trợ PCPNN."
    )
    # Nothing was disbursed in 2020: the by-sector chart is left out, and the report says so.
    assert part.paragraphs[-1] == (
        "Biểu đồ “Viện trợ theo lĩnh vực” không có số liệu năm 2020 để vẽ nên không đưa vào báo "
        "cáo."
    )
    assert [chart.chart for chart in part.charts] == ["aid_committed_vs_disbursed"]


def test_a_missing_figure_is_written_as_not_reported(small: Session) -> None:
    found = report(small, "52", 2020)
    organisation, exchanges, aid, rank = found.sections
    assert organisation.paragraphs[0] == (
        "Năm 2020, Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai chưa báo cáo số liệu tổ chức và "
        "hội viên."
    )
    assert exchanges.paragraphs[0].endswith("chưa báo cáo hoạt động giao lưu, đón và cử đoàn.")
    assert aid.paragraphs[0].endswith("chưa báo cáo số liệu viện trợ phi chính phủ nước ngoài.")
    for part in (organisation, exchanges, aid):
        for figure in part.figures:
            assert (figure.value, figure.value_text) == (None, "chưa báo cáo")
    assert rank.paragraphs[0] == (
        "Năm 2020, về số hội viên, Gia Lai chưa báo cáo nên không được xếp hạng (2 đơn vị đã báo "
        "cáo; trung vị toàn quốc 230 hội viên)."
    )
    # The year before was reported: a change "from nothing" says which year is missing.
    later = figures(report(small, "52", 2019).sections[0])["Hội viên (người)"]
    assert (later.value, later.change_text) == (230, "năm 2018 chưa báo cáo")


def test_the_rank_among_the_units(small: Session) -> None:
    rank = section(report(small, "75", 2020), 3)
    assert rank.heading == "IV. Vị trí trong 34 đơn vị"
    assert rank.paragraphs[0] == (
        "Năm 2020, về số hội viên, Đồng Nai xếp thứ 1/2 đơn vị đã báo cáo (400 hội viên; trung "
        "vị toàn quốc 230 hội viên)."
    )
    assert rank.tables[0].rows[0] == ("số hội viên", "400", "1/2", "230")


def test_the_national_2022_report_names_the_cao_bang_conference(small: Session) -> None:
    load_rows(
        session=small,
        kind="exchanges",
        rows=list(cao_bang_2022.EXCHANGES),
        batch=BatchInfo(file_name="seed:documented", keep_row_source=True),
    )
    small.commit()
    found = report(small, None, 2022)
    exchanges = found.sections[1]
    events = [p for p in exchanges.paragraphs if "Hội nghị toàn quốc" in p]
    assert events == [
        "Ngày 07/07/2022, tại Cao Bằng: Hội nghị toàn quốc công tác đối ngoại nhân dân năm 2022 "
        "(lần đầu tiên): hơn 200 đại biểu từ 66 tổ chức thành viên Trung ương và 52 Liên hiệp "
        "các tổ chức hữu nghị địa phương. Nguồn: bài viết “Hội nghị toàn quốc công tác đối ngoại "
        "nhân dân năm 2022” (Cao Bằng, 07/07/2022)."
    ]
    assert any(
        s.startswith(
            "Bài viết “Hội nghị toàn quốc công tác đối ngoại nhân dân năm 2022” (Cao Bằng, "
            "07/07/2022): số liệu giao lưu năm 2022 (1 bản ghi; tệp 004_e7f187056cb3db50.txt)"
        )
        for s in found.sources
    )
    # A loaded row is no notable event: Đồng Nai's 2020 rows cite only their load.
    assert not any("Ngày" in p for p in report(small, None, 2020).sections[1].paragraphs)


def test_the_sources_say_what_was_loaded_and_when(small: Session) -> None:
    found = report(small, "75", 2020)
    day = f"{date.today():%d/%m/%Y}"  # the fixture's loads are made today
    assert [s.split(" (")[0] for s in found.sources] == [
        f"Số liệu hội viên năm 2019–2020, nạp ngày {day}",
        f"Số liệu giao lưu năm 2019–2020, nạp ngày {day}",
        f"Số liệu viện trợ năm 2019–2020, nạp ngày {day}",
    ]
    english = report(small, "75", 2020, "en").sources
    assert english[0].startswith(f"Figures on members for 2019–2020, loaded on {day} (")
    assert not any("#" in line or "Lượt nạp" in line for line in english)


def test_many_loads_of_one_kind_make_one_line(small: Session) -> None:
    for year in (2019, 2020):
        load_rows(
            session=small,
            kind="exchanges",
            rows=[
                {
                    "date": f"01/03/{year}",
                    "province": "Đồng Nai",
                    "partner_country": "Lào",
                    "partner_locality": None,
                    "direction": "incoming",
                    "kind": "delegation",
                    "participants": 5,
                    "title": f"Đoàn Lào thăm tỉnh {year}",
                }
            ],
            batch=BatchInfo(file_name=f"extra-{year}.csv"),
        )
    small.commit()
    lines = [s for s in report(small, "75", 2020).sources if "giao lưu" in s]
    assert len(lines) == 1
    assert "3 lượt nạp ngày" in lines[0]


def test_the_table_headers_are_distinct_in_both_languages(small: Session) -> None:
    for lang in ("vi", "en"):
        for province in ("75", None):
            found = report(small, province, 2020, lang)
            for part in found.sections:
                for table in part.tables:
                    assert len(set(table.header)) == len(table.header), table.header


def test_english_has_the_same_figures(small: Session) -> None:
    vi, en = report(small, "75", 2020), report(small, "75", 2020, "en")
    assert en.subtitle == "People-to-people diplomacy: review of 2020"
    assert (
        en.sections[1]
        .paragraphs[0]
        .startswith(
            "In 2020, Đồng Nai Union of Friendship Organizations received 2 incoming delegations "
            "with 190 participants"
        )
    )
    for a, b in zip(vi.sections, en.sections, strict=True):
        assert [f.value for f in a.figures] == [f.value for f in b.figures]
        assert [f.previous for f in a.figures] == [f.previous for f in b.figures]


def test_every_section_draws_catalogue_charts_for_the_place_and_years(small: Session) -> None:
    found = report(small, "75", 2020)
    charts = [c for part in found.sections for c in part.charts]
    assert len(charts) >= 3
    for chart in charts:
        assert chart.filters.provinces == ("75",)
        assert chart.filters.year_to == 2020
    assert {c.filters.year_from for c in charts} == {2016, 2020}


def test_the_partner_chart_is_the_top_partners_one(small: Session) -> None:
    charts = [c.chart for c in report(small, None, 2020).sections[1].charts]
    assert charts == ["exchanges_by_year_and_direction", "overview_top_partners"]


def test_a_chart_with_nothing_to_draw_is_left_out_and_said(small: Session) -> None:
    exchanges = report(small, "52", 2020).sections[1]  # Gia Lai: no exchange in 2020
    assert "overview_top_partners" not in [c.chart for c in exchanges.charts]
    assert exchanges.paragraphs[-1] == (
        "Biểu đồ “Giao lưu đoàn theo quốc gia đối tác” không có số liệu năm 2020 để vẽ nên không "
        "đưa vào báo cáo."
    )


def test_an_unknown_province_is_refused(small: Session) -> None:
    with pytest.raises(ValueError, match="no province '99'"):
        report(small, "99", 2020)


def test_a_year_not_over_is_marked_so(small: Session) -> None:
    # 2026 on 30 November 2026: Đồng Nai's members (M7 450) are not set against 2025.
    members = figures(report(small, "75", 2026).sections[0])["Hội viên (người)"]
    assert (members.value, members.previous_text, members.change_text) == (450, "–", "năm chưa đủ")


def test_an_old_province_merged_in_2025_reports_with_its_new_unit(small: Session) -> None:
    found = report(small, "70", 2026, province_list=ProvinceList.LEGACY)
    assert found.sections[0].paragraphs[0] == (
        "Từ ngày 1/7/2025, Bình Phước hợp nhất vào Đồng Nai: số liệu năm 2026 được báo cáo chung "
        "trong Đồng Nai."
    )
    members = figures(found.sections[0])["Hội viên (người)"]
    # Its figures are Đồng Nai's now: never "chưa báo cáo", which reads as a failure to report.
    assert (members.value, members.value_text, members.change_text) == (
        None,
        "đã hợp nhất năm 2025",
        "–",
    )
    assert found.sections[3].heading == "IV. Vị trí trong 63 đơn vị"
