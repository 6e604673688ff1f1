"""The lines under a chart: the 2025 reform in its years, the provinces that have not reported."""

from __future__ import annotations

CHART_NOTES: dict[str, dict[str, str]] = {
    "chart_note.reform.34": {
        "vi": "Số liệu từ 1/7/2025 theo 34 đơn vị hành chính mới; các năm trước được quy đổi.",
        "en": (
            "Figures from 1 July 2025 are by the 34 new units; earlier years are mapped onto them."
        ),
    },
    "chart_note.reform.63": {
        "vi": (
            "Từ 1/7/2025 số liệu được báo cáo theo 34 đơn vị mới: đơn vị gồm nhiều tỉnh cũ"
            ' hiện riêng, ghi "(từ 1/7/2025)"; các tỉnh cũ đã sáp nhập không còn số liệu riêng.'
        ),
        "en": (
            "From 1 July 2025 figures are reported by the 34 new units: a unit made of several"
            ' old provinces is shown on its own, marked "(from 1 Jul 2025)"; the merged old'
            " provinces have no figures of their own."
        ),
    },
    "chart_note.kind.members": {"vi": "hội viên", "en": "members"},
    "chart_note.kind.aid": {"vi": "viện trợ", "en": "aid"},
    "chart_note.kind.exchanges": {"vi": "giao lưu", "en": "exchanges"},
    # One year: "2 tỉnh chưa báo cáo số liệu hội viên năm 2024: Bình Phước, Đồng Nai."
    "chart_note.unreported.named": {
        "vi": "{count} {provinces} chưa báo cáo số liệu {kind} năm {year}: {names}.",
        "en": "{count} {provinces} not reported {kind} for {year}: {names}.",
    },
    "chart_note.unreported.counted": {
        "vi": "{count} {provinces} chưa báo cáo số liệu {kind} năm {year}.",
        "en": "{count} {provinces} not reported {kind} for {year}.",
    },
    # Gaps in several years: how many provinces, in which years; the reporting page lists them.
    "chart_note.unreported.years": {
        "vi": (
            "{count} {provinces} chưa báo cáo số liệu {kind} ở {years} năm ({when});"
            " xem trang {page}."
        ),
        "en": (
            "{count} {provinces} not reported {kind} in {years} of these years"
            " ({when}); see the {page} page."
        ),
    },
    # The subject and verb of the lines above: one province has, two provinces have.
    "chart_note.province": {"vi": "tỉnh", "en": "province has"},
    "chart_note.provinces": {"vi": "tỉnh", "en": "provinces have"},
    # The mark of a chosen province with no report, in bars, on the map and in tables.
    "chart_note.mark": {"vi": "chưa báo cáo", "en": "not reported"},
}
