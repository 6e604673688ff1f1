"""Changes from the year before and the completeness of reports: what was compared, and why not."""

from __future__ import annotations

COMPARISONS: dict[str, dict[str, str]] = {
    "compare.not_reported": {"vi": "chưa báo cáo", "en": "not reported"},
    "compare.on_provinces": {
        "vi": "so với {year}, trên {count}/{total} tỉnh báo cáo cả hai năm",
        "en": "vs {year}, on the {count} of {total} provinces reporting both years",
    },
    "compare.on_associations": {
        "vi": "so với {year}, trên {count}/{total} hội báo cáo cả hai năm",
        "en": "vs {year}, on the {count} of {total} associations reporting both years",
    },
    "compare.same_days": {
        "vi": "so với cùng kỳ {year} (1/1 – {day})",
        "en": "vs the same days of {year} (1 Jan – {day})",
    },
    "compare.same_days_on_provinces": {
        "vi": "so với cùng kỳ {year} (1/1 – {day}), {count}/{total} tỉnh",
        "en": "vs the same days of {year} (1 Jan – {day}), {count} of {total} provinces",
    },
    "compare.previous_not_reported": {
        "vi": "{year} chưa báo cáo: không so sánh",
        "en": "{year} not reported: no comparison",
    },
    "compare.partial": {
        "vi": "năm {year} chưa hết: chưa so sánh",
        "en": "{year} is not over: not compared",
    },
    "compare.merged": {
        "vi": "đã sáp nhập vào {unit} từ 1/7/2025",
        "en": "merged into {unit} on 1 July 2025",
    },
    "compare.restructured": {
        "vi": "hội sáp nhập 1/7/2025: chưa so sánh",
        "en": "associations merged 1 July 2025: not compared",
    },
    "compare.restructured_note": {
        "vi": (
            "Từ 1/7/2025 các hội hữu nghị được tổ chức lại theo 34 tỉnh, thành phố; khi chưa ghi "
            "hội nào kế thừa hội nào, hội viên năm {year} chưa so sánh được với năm {previous} và "
            "số hội chỉ so sánh ở các tỉnh không sáp nhập."
        ),
        "en": (
            "On 1 July 2025 the friendship associations were reorganised on the 34 units; until "
            "each records its predecessors, members in {year} cannot be compared with {previous} "
            "and association counts are compared only in provinces that did not merge."
        ),
    },
    "compare.later": {
        "vi": (
            "Năm {year} chưa hết: đã có {records} bản ghi{until}. Các số liệu trên là của năm "
            "{shown}, năm đầy đủ gần nhất; chọn riêng năm {year} để xem số liệu đến nay."
        ),
        "en": (
            "{year} is not over: {records} records so far{until}. The figures above are for "
            "{shown}, the latest full year; choose {year} alone to see it so far."
        ),
    },
    "compare.until": {"vi": " (hoạt động gần nhất ngày {day})", "en": " (latest activity {day})"},
    "compare.merged_note": {
        "vi": (
            "{old} đã sáp nhập vào {new} từ 1/7/2025: số liệu từ ngày này thuộc về {new} "
            "(xem theo danh sách 34 tỉnh, thành phố)."
        ),
        "en": (
            "{old} merged into {new} on 1 July 2025: figures from then on are {new}'s (see "
            "them in the list of 34 units)."
        ),
    },
    "completeness.caption": {
        "vi": (
            "Tỉnh nào đã báo cáo hội viên, viện trợ và giao lưu đoàn trong năm, và khi nào số "
            "liệu được nạp. «Chưa báo cáo» là không có số liệu, không phải bằng 0; «–» là tỉnh "
            "đã sáp nhập, số liệu thuộc về tỉnh mới."
        ),
        "en": (
            "Which provinces have reported members, aid and exchanges for the year, and when "
            "the figures were loaded. “Not reported” means no figures, not zero; “–” marks a "
            "merged province whose figures are its new unit's."
        ),
    },
    "completeness.year": {"vi": "Năm", "en": "Year"},
    "completeness.summary": {
        "vi": "Năm {year}: {members}/{total} tỉnh báo cáo hội viên, {aid}/{total} viện trợ, "
        "{exchanges}/{total} giao lưu đoàn.",
        "en": "{year}: {members} of {total} provinces reported members, {aid} aid, "
        "{exchanges} exchanges.",
    },
    "completeness.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "completeness.members": {"vi": "Hội viên", "en": "Members"},
    "completeness.members_loaded": {"vi": "Nạp hội viên", "en": "Members loaded"},
    "completeness.aid_rows": {"vi": "Khoản viện trợ", "en": "Aid amounts"},
    "completeness.aid_loaded": {"vi": "Nạp viện trợ", "en": "Aid loaded"},
    "completeness.exchanges": {"vi": "Giao lưu đoàn", "en": "Exchanges"},
    "completeness.latest_exchange": {"vi": "Hoạt động gần nhất", "en": "Latest activity"},
    "completeness.exchanges_loaded": {"vi": "Nạp giao lưu", "en": "Exchanges loaded"},
    "completeness.note": {"vi": "Ghi chú", "en": "Note"},
}
