"""The yearly report's files (documents/): fixed words of the layout, and the report command."""

from __future__ import annotations

REPORT_FILES: dict[str, dict[str, str]] = {
    # Decree 30/2020/NĐ-CP: the national motto above the title, in every administrative text.
    "report_file.motto_country": {
        "vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "en": "SOCIALIST REPUBLIC OF VIET NAM",
    },
    "report_file.motto": {
        "vi": "Độc lập - Tự do - Hạnh phúc",
        "en": "Independence - Freedom - Happiness",
    },
    # The number is given when the text is registered: the user writes it in.
    "report_file.number": {"vi": "Số:        /BC-LHHN", "en": "No.:        /BC-LHHN"},
    "report_file.place_date": {
        "vi": "{place}, ngày {day} tháng {month} năm {year}",
        "en": "{place}, {day} {month} {year}",
    },
    "report_file.figure_label": {"vi": "Chỉ tiêu", "en": "Figure"},
    "report_file.year": {"vi": "Năm {year}", "en": "{year}"},
    "report_file.change": {"vi": "So với năm trước", "en": "Change"},
    "report_file.note": {"vi": "Ghi chú", "en": "Note"},
    "report_file.figures_caption": {
        "vi": "Bảng {number}. {heading}: năm {year} so với năm {previous}",
        "en": "Table {number}. {heading}: {year} compared with {previous}",
    },
    "report_file.table_caption": {
        "vi": "Bảng {number}. {caption}",
        "en": "Table {number}. {caption}",
    },
    "report_file.chart_caption": {"vi": "Hình {number}. {title}", "en": "Figure {number}. {title}"},
    "report_file.sources": {"vi": "Nguồn số liệu", "en": "Sources"},
    "report_file.recipients": {"vi": "Nơi nhận:", "en": "Recipients:"},
    "report_file.signature": {
        "vi": "(Ký, ghi rõ họ tên, đóng dấu)",
        "en": "(Signature, full name, seal)",
    },
    # python -m datastore report ----------------------------------------------------------------
    "report_file.help": {
        "vi": "viết dự thảo báo cáo năm (DOCX hoặc PDF) của một tỉnh hoặc cả nước",
        "en": "write a draft yearly report (DOCX or PDF) for one province or the nation",
    },
    "report_file.help_province": {
        "vi": "mã hoặc tên tỉnh; bỏ trống: cả nước",
        "en": "province code or name; none: the nation",
    },
    "report_file.help_year": {"vi": "năm báo cáo", "en": "the report year"},
    "report_file.help_lang": {"vi": "ngôn ngữ của báo cáo", "en": "the report's language"},
    "report_file.help_out": {
        "vi": "tệp sẽ ghi; mặc định theo tỉnh và năm",
        "en": "file to write; default from the province and the year",
    },
    "report_file.bad_year": {
        "vi": "năm {year} không hợp lệ (cần từ {low} đến {high})",
        "en": "year {year} is not valid (expected {low} to {high})",
    },
    "report_file.format_mismatch": {
        "vi": "--format {fmt} không khớp với tên tệp {out}: đổi đuôi tệp hoặc bỏ --format",
        "en": "--format {fmt} does not match the file name {out}: change its suffix or drop it",
    },
    "report_file.written": {"vi": "đã ghi báo cáo vào {out}", "en": "report written to {out}"},
}
