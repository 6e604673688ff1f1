"""A yearly report built by hand on the small dataset: Đồng Nai's 2020 beside 2019."""

from __future__ import annotations

from datetime import date

from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from datastore.yearly.document import (
    Letterhead,
    ReportChart,
    ReportFigure,
    ReportTable,
    Section,
    YearlyReport,
)
from documents.images import ChartImage
from i18n.catalogue import Lang

DONG_NAI = "75"  # in the 34 list
ISSUED_ON = date(2026, 11, 30)
_YEARS = Filters(provinces=(DONG_NAI,), year_from=2019, year_to=2020)

_TEXTS: dict[str, dict[Lang, str]] = {
    "parent": {
        "vi": "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ VIỆT NAM",
        "en": "VIET NAM UNION OF FRIENDSHIP ORGANIZATIONS",
    },
    "issuer": {
        "vi": "Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai",
        "en": "Đồng Nai Union of Friendship Organizations",
    },
    "title": {"vi": "BÁO CÁO", "en": "REPORT"},
    "subtitle": {
        "vi": "Tổng kết công tác đối ngoại nhân dân năm 2020",
        "en": "People-to-people diplomacy in 2020",
    },
    "organisation": {"vi": "I. Tổ chức", "en": "I. The organisation"},
    "members_prose": {
        "vi": "Năm 2020, các hội hữu nghị của tỉnh có 400 hội viên, giảm 14,9 % so với năm 2019.",
        "en": "In 2020 the province's associations had 400 members, 14.9 % fewer than in 2019.",
    },
    "members": {"vi": "Hội viên (người)", "en": "Members (people)"},
    "chapters": {"vi": "Chi hội", "en": "Chapters"},
    "exchanges": {"vi": "II. Giao lưu nhân dân", "en": "II. People-to-people exchanges"},
    "exchanges_prose": {
        "vi": "Năm 2020, Liên hiệp đã đón 2 đoàn vào với 190 lượt người; đoàn ra chưa báo cáo.",
        "en": "In 2020 the union received 2 delegations with 190 people; outgoing: not reported.",
    },
    "incoming": {"vi": "Đoàn vào (đoàn)", "en": "Incoming (delegations)"},
    "aid": {"vi": "III. Viện trợ phi chính phủ nước ngoài", "en": "III. Foreign NGO aid"},
    "aid_prose": {
        "vi": "Năm 2020, các tổ chức phi chính phủ nước ngoài cam kết 465 triệu đồng.",
        "en": "In 2020 foreign NGOs committed VND 465 million.",
    },
    "committed": {"vi": "Cam kết (triệu đồng)", "en": "Committed (VND million)"},
    "not_reported": {"vi": "chưa báo cáo", "en": "not reported"},
    "by_country": {"vi": "Hội viên theo nước đối tác", "en": "Members by partner country"},
    "country": {"vi": "Nước", "en": "Country"},
    "cambodia": {"vi": "Campuchia", "en": "Cambodia"},
    "cumulative": {"vi": "số lũy kế", "en": "cumulative"},
    "source": {
        "vi": "Số liệu hội viên: lần nạp số 1, dữ liệu đến ngày 31/12/2020.",
        "en": "Member figures: load no. 1, data as of 31/12/2020.",
    },
    "recipient": {"vi": "- Như trên;", "en": "- As above;"},
    "archive": {"vi": "- Lưu: VT.", "en": "- Archive."},
    "signer_role": {"vi": "TM. BAN THƯỜNG TRỰC", "en": "ON BEHALF OF THE STANDING BOARD"},
    "signer": {"vi": "CHỦ TỊCH", "en": "PRESIDENT"},
}


def sample_report(lang: Lang = "vi") -> YearlyReport:
    """The report, every text in `lang`; figures as the small dataset holds them."""

    def say(key: str) -> str:
        return _TEXTS[key][lang]

    missing = say("not_reported")
    return YearlyReport(
        lang=lang,
        province_list=ProvinceList.CURRENT,
        province=DONG_NAI,
        year=2020,
        letterhead=Letterhead(
            parent_body=say("parent"),
            issuing_body=say("issuer").upper(),
            place="Đồng Nai",
            issued_on=ISSUED_ON,
        ),
        title=say("title"),
        subtitle=say("subtitle"),
        sections=(
            Section(
                heading=say("organisation"),
                paragraphs=(say("members_prose"),),
                figures=(
                    ReportFigure(say("members"), 400, 470, "400", "470", "-14,9 %"),
                    ReportFigure(say("chapters"), 8, None, "8", missing, missing),
                ),
                tables=(
                    ReportTable(
                        caption=say("by_country"),
                        header=(say("country"), "2019", "2020"),
                        rows=((say("cambodia"), "300", "400"),),
                        numeric=(False, True, True),
                    ),
                ),
                charts=(ReportChart("members_by_year", _YEARS),),
            ),
            Section(
                heading=say("exchanges"),
                paragraphs=(say("exchanges_prose"),),
                figures=(ReportFigure(say("incoming"), 2, None, "2", missing, missing),),
                charts=(ReportChart("exchanges_by_year_and_direction", _YEARS),),
            ),
            Section(
                heading=say("aid"),
                paragraphs=(say("aid_prose"),),
                figures=(
                    ReportFigure(
                        say("committed"), 465, None, "465", missing, missing, say("cumulative")
                    ),
                ),
                charts=(
                    ReportChart("aid_committed_vs_disbursed", _YEARS, currency="VND"),
                    ReportChart("aid_by_sector", _YEARS.with_(year_from=2020), currency="VND"),
                ),
            ),
        ),
        sources=(say("source"),),
        recipients=(say("recipient"), say("archive")),
        signer=(say("signer_role"), say("signer")),
    )


def tiny_png() -> bytes:
    """A valid 1 x 1 white PNG: a picture for layout tests that need no browser."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def tiny_images(report: YearlyReport) -> list[ChartImage]:
    """One tiny picture per chart of the report, titled by its key."""
    return [
        ChartImage(chart.chart, tiny_png(), 1, 1)
        for section in report.sections
        for chart in section.charts
    ]
