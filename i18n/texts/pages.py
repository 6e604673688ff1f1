"""Page names, captions, banners, downloads and table columns of the screens."""

from __future__ import annotations

PAGES: dict[str, dict[str, str]] = {
    # Pages -----------------------------------------------------------------------------------
    "page.overview": {"vi": "Tổng quan", "en": "Overview"},
    "page.members": {"vi": "Hội viên", "en": "Members"},
    "page.aid": {"vi": "Viện trợ", "en": "Aid"},
    "page.exchanges": {"vi": "Giao lưu đoàn", "en": "Exchanges"},
    "page.data": {"vi": "Dữ liệu", "en": "Data"},
    "page.about": {"vi": "Giới thiệu", "en": "About"},
    "page.completeness": {"vi": "Tình hình báo cáo", "en": "Reporting status"},
    "page.report": {"vi": "Báo cáo năm", "en": "Yearly report"},
    "page.import_data": {"vi": "Nạp dữ liệu", "en": "Load data"},
    "page.province": {"vi": "Hồ sơ tỉnh, thành", "en": "Province profile"},
    # Messages --------------------------------------------------------------------------------
    "empty.no_data": {
        "vi": "Không có dữ liệu cho bộ lọc đã chọn",
        "en": "No data for the selected filters",
    },
    # Start-up and banners -----------------------------------------------------------------------
    "bootstrap.seeding": {
        "vi": "Lần chạy đầu: đang nạp dữ liệu minh họa…",
        "en": "First start: loading the demo data…",
    },
    "bootstrap.loading_elsewhere": {
        "vi": (
            "Đang nạp dữ liệu minh họa: các số liệu chưa đầy đủ nên chưa được hiển thị. "
            "Hãy tải lại trang sau ít phút."
        ),
        "en": (
            "Loading the demo data: the figures are not complete yet, so none are shown. "
            "Reload the page in a few minutes."
        ),
    },
    "bootstrap.seeded": {"vi": "Đã nạp dữ liệu minh họa", "en": "Demo data loaded"},
    "banner.demo": {
        "vi": (
            "Đây là dữ liệu minh họa: các số liệu nêu trong bài báo nguồn (xem trang Giới thiệu) "
            "được giữ nguyên, phần còn lại là số liệu giả lập."
        ),
        "en": (
            "This is demo data: the figures stated in the source articles (see About) are kept "
            "as stated, the rest is synthetic."
        ),
    },
    # Downloads ---------------------------------------------------------------------------------
    "download.chart_csv": {"vi": "Tải số liệu biểu đồ (CSV)", "en": "Download chart data (CSV)"},
    "download.table_csv": {"vi": "Tải bảng (CSV)", "en": "Download table (CSV)"},
    # Page captions and sections ------------------------------------------------------------------
    "overview.caption": {
        "vi": "Đối ngoại nhân dân: {where}",
        "en": "People's diplomacy: {where}",
    },
    "overview.headline": {"vi": "Số liệu năm {year}", "en": "Figures for {year}"},
    "overview.vs_previous": {"vi": "so với năm {year}", "en": "vs {year}"},
    "members.caption": {
        "vi": "Hội viên các hội hữu nghị: {where}",
        "en": "Members of the friendship associations: {where}",
    },
    "members.table": {
        "vi": "Bảng số liệu hội viên theo tỉnh, thành phố và năm",
        "en": "Members by province and year",
    },
    "aid.caption": {
        "vi": "Viện trợ phi chính phủ nước ngoài: {where}",
        "en": "Foreign non-governmental aid: {where}",
    },
    "exchanges.caption": {
        "vi": "Đoàn ra, đoàn vào và hoạt động giao lưu: {where}",
        "en": "Delegations sent and received, and other exchanges: {where}",
    },
    "data.caption": {
        "vi": "Các dòng số liệu theo bộ lọc: {where}",
        "en": "The rows behind the charts, as filtered: {where}",
    },
    "data.tab.members": {"vi": "Hội viên", "en": "Members"},
    "data.tab.aid": {"vi": "Viện trợ", "en": "Aid"},
    "data.tab.exchanges": {"vi": "Giao lưu đoàn", "en": "Exchanges"},
    "data.tab.organizations": {"vi": "Tổ chức", "en": "Organisations"},
    # Table columns -----------------------------------------------------------------------------
    "column.year": {"vi": "Năm", "en": "Year"},
    "column.province_code": {"vi": "Mã tỉnh", "en": "Province code"},
    "column.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "column.members": {"vi": "Hội viên", "en": "Members"},
    "column.chapters": {"vi": "Chi hội", "en": "Chapters"},
    "column.associations": {"vi": "Hội hữu nghị", "en": "Associations"},
    # The frame around every page ---------------------------------------------------------------
    "app.title": {"vi": "Đối ngoại nhân dân", "en": "People's diplomacy"},
    "language.label": {"vi": "Ngôn ngữ", "en": "Language"},
    # Each language named in itself, as the switch offers it.
    "language.name": {"vi": "Tiếng Việt", "en": "English"},
}
