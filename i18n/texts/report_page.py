"""The report page: its pickers, the letterhead as shown on screen, and the document downloads."""

from __future__ import annotations

REPORT_PAGE: dict[str, dict[str, str]] = {
    "report_page.caption": {
        "vi": (
            "Bản dự thảo báo cáo tổng kết năm, lập từ số liệu và so sánh với năm trước trên "
            "cùng một cơ sở. Tải về DOCX để hoàn thiện."
        ),
        "en": (
            "A draft yearly report drafted from the data and compared with the year before "
            "on a like-for-like basis. Download the DOCX to complete it."
        ),
    },
    "report_page.unit": {"vi": "Báo cáo của", "en": "Report for"},
    "report_page.nation": {"vi": "Toàn quốc", "en": "The whole country"},
    "report_page.year": {"vi": "Năm báo cáo", "en": "Report year"},
    "report_page.one_unit": {
        "vi": (
            "Mỗi báo cáo lập cho một tỉnh hoặc toàn quốc: đây là báo cáo của {name}, "
            "tỉnh đầu tiên đã chọn ở thanh bên."
        ),
        "en": (
            "A report covers one province or the whole country: this one is for {name}, "
            "the first province chosen in the sidebar."
        ),
    },
    "report_page.filters_ignored": {
        "vi": (
            "Báo cáo tính trên mọi quốc gia đối tác, cho năm báo cáo và năm trước: bộ lọc quốc "
            "gia đối tác và giai đoạn ở thanh bên không áp dụng ở trang này."
        ),
        "en": (
            "The report counts every partner country, for the report year and the year "
            "before: the sidebar's partner-country and years filters do not apply on this page."
        ),
    },
    # Under each figure: the year before, and what the comparison rests on.
    "report_page.previous": {"vi": "Năm {year}: {value}", "en": "{year}: {value}"},
    "report_page.downloads": {"vi": "Tải báo cáo", "en": "Download the report"},
    "report_page.download_docx": {"vi": "Tải DOCX (Word)", "en": "Download DOCX (Word)"},
    "report_page.download_pdf": {"vi": "Tải PDF", "en": "Download PDF"},
    "report_page.download_help": {
        "vi": "Tệp được lập khi bấm; vẽ các biểu đồ mất vài giây.",
        "en": "The file is made when clicked; drawing its charts takes a few seconds.",
    },
    # The nation's part of a file name, as `python -m datastore report` writes it.
    "report_page.nation_file": {"vi": "ca-nuoc", "en": "viet-nam"},
}
