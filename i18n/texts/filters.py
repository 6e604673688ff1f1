"""The sidebar's and the pages' filters."""

from __future__ import annotations

FILTERS: dict[str, dict[str, str]] = {
    "filter.header": {"vi": "Bộ lọc", "en": "Filters"},
    "filter.legacy_list": {"vi": "Xem theo 63 tỉnh cũ", "en": "Show the 63 former provinces"},
    "filter.legacy_list_help": {
        "vi": (
            "Từ 1/7/2025 cả nước có 34 đơn vị hành chính cấp tỉnh (Nghị quyết 202/2025/QH15). "
            "Mặc định, số liệu báo cáo theo tỉnh cũ được cộng vào tỉnh mới (ví dụ Bình Phước "
            "vào Đồng Nai). Bật để xem theo 63 tỉnh cũ."
        ),
        "en": (
            "Since 1 July 2025 Vietnam has 34 provincial units (Resolution 202/2025/QH15). By "
            "default, figures reported under a former province count under the unit it belongs "
            "to today (Bình Phước under Đồng Nai). Switch on to see the 63 former provinces."
        ),
    },
    "filter.province": {"vi": "Tỉnh, thành phố", "en": "Province"},
    "filter.all_provinces": {"vi": "Tất cả tỉnh, thành phố", "en": "All provinces"},
    "filter.all_provinces_short": {
        "vi": "Cả nước ({count} tỉnh, thành phố)",
        "en": "Whole country ({count} provinces)",
    },
    "filter.n_provinces": {"vi": "{count} tỉnh, thành phố", "en": "{count} provinces"},
    "filter.years": {"vi": "Giai đoạn", "en": "Years"},
    "filter.countries": {"vi": "Quốc gia đối tác", "en": "Partner countries"},
    "filter.all_countries": {"vi": "Tất cả quốc gia", "en": "All countries"},
    "filter.page_header": {"vi": "Bộ lọc của trang", "en": "Filters of this page"},
    "filter.currency": {"vi": "Đơn vị tiền", "en": "Currency"},
    "filter.measure": {"vi": "Cam kết hay giải ngân", "en": "Committed or disbursed"},
    "filter.sectors": {"vi": "Lĩnh vực", "en": "Sectors"},
    "filter.all_sectors": {"vi": "Tất cả lĩnh vực", "en": "All sectors"},
    "filter.direction": {"vi": "Đoàn ra hay đoàn vào", "en": "Direction"},
    "filter.all_directions": {"vi": "Cả đoàn ra và đoàn vào", "en": "Both directions"},
    "filter.kinds": {"vi": "Loại hoạt động", "en": "Kind of activity"},
    "filter.all_kinds": {"vi": "Tất cả loại hoạt động", "en": "All kinds"},
}
