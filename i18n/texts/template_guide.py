"""The guide sheet of the load templates: its column titles, statuses and accepted forms."""

from __future__ import annotations

from i18n.texts.extracts import EXTRACTS


def _words(key: str) -> tuple[str, str]:
    """An extract header's (vi, en) words, where the guide describes a column by its header."""
    return EXTRACTS[key]["vi"], EXTRACTS[key]["en"]


# Column titles of the template's guide sheet.
GUIDE_TITLES = (
    "Tên cột / Column",
    "Tiêu đề tiếng Việt / Vietnamese header",
    "Bắt buộc? / Required?",
    "Cách ghi (tiếng Việt)",
    "Accepted forms (English)",
)
REQUIRED_LABEL = {"vi": "Bắt buộc", "en": "Required"}
OPTIONAL_LABEL = {"vi": "Không bắt buộc", "en": "Optional"}
DERIVED_LABEL = {
    "vi": "Tự tính (để trống được; nếu ghi phải khớp)",
    "en": "Derived (may be empty; must match if given)",
}
ONE_OF_LABEL = {"vi": "Bắt buộc (hoặc ghi cột {other})", "en": "Required (or fill in {other})"}
IGNORED_LABEL = {"vi": "Ghi tự động theo lượt nạp", "en": "Set by the load"}

# What each column accepts, for the template guide: column name -> (vi, en).
COLUMN_GUIDE: dict[str, tuple[str, str]] = {
    "year": ("Năm, 4 chữ số (2020)", "Year, four digits (2020)"),
    "date": (
        "Ngày: 15/03/2014, 2014-03-15 hoặc ô ngày của Excel",
        "Date: 15/03/2014, 2014-03-15 or an Excel date cell",
    ),
    "province_code": (
        "Mã tỉnh GSO theo danh mục của năm báo cáo (63 tỉnh trước 1/7/2025, 34 đơn vị sau đó)",
        "GSO province code in the list of the reporting year (63 before 1 July 2025, then 34)",
    ),
    "province": (
        "Tên tỉnh như báo cáo, mọi cách viết (Đắk Lắk, Dak Lak, TP. Hồ Chí Minh); tỉnh cũ cho "
        "số liệu trước 1/7/2025",
        "Province as reported, any spelling; old provinces for figures before 1 July 2025",
    ),
    "province_2025_code": ("Mã đơn vị hiện nay (tự tính)", "Code of today's unit (derived)"),
    "province_2025": ("Tỉnh/thành hiện nay (tự tính)", "Today's unit (derived)"),
    "organization": _words("extract.column.organization"),
    "partner_country_code": ("Mã ISO 3 chữ cái (KHM, LAO, USA)", "ISO alpha-3 code"),
    "partner_country": (
        "Tên nước tiếng Việt hoặc tiếng Anh (Campuchia, Lào, Hoa Kỳ, Hàn Quốc)",
        "Country name in Vietnamese or English",
    ),
    "donor_country_code": (
        "Mã ISO 3 chữ cái; để trống nếu trong nước hoặc chưa xác định",
        "ISO alpha-3 code; empty if domestic or unspecified",
    ),
    "donor_country": (
        "Tên nước tài trợ; để trống nếu nhà tài trợ trong nước hoặc chưa xác định",
        "Donor country name; empty for a domestic donor or an unspecified country",
    ),
    "period_start": (
        "Ngày bắt đầu kỳ của khoản tiền (01/01/2013); để trống: 01/01 của năm",
        "First day of the amount's period (01/01/2013); empty: 1 January of the year",
    ),
    "period_end": (
        "Ngày kết thúc kỳ (31/12/2020), không trước ngày bắt đầu; kỳ phải chứa năm báo cáo; "
        "để trống: 31/12 của năm",
        "Last day of the period (31/12/2020), not before its start; the period must contain "
        "the year; empty: 31 December of the year",
    ),
    "donor_kind": (
        "phi chính phủ nước ngoài / nước ngoài khác / trong nước; để trống: phi chính phủ "
        "nước ngoài (chỉ loại này tính vào viện trợ PCPNN)",
        "foreign_ngo / foreign_other / domestic; empty: foreign_ngo (only foreign NGOs count "
        "as foreign NGO aid)",
    ),
    "members": (
        "Số hội viên, số nguyên (4200 hoặc 4.200)",
        "Number of members, whole (4200 or 4.200)",
    ),
    "chapters": ("Số chi hội, số nguyên", "Number of chapters, whole"),
    "donor": ("Tên nhà tài trợ", "Donor name"),
    "sector_code": ("Mã lĩnh vực OECD DAC (121, 140, 160)", "OECD DAC sector code"),
    "sector": (
        "Tên lĩnh vực tiếng Việt hoặc tiếng Anh (Y tế, Giáo dục, Health)",
        "Sector name in Vietnamese or English",
    ),
    "measure": ("cam kết / giải ngân (committed / disbursed)", "committed / disbursed"),
    "amount": (
        "Số tiền theo nguyên tệ, tối đa 2 chữ số thập phân (1.234.567 hoặc 1234567,5)",
        "Amount in its currency, at most two decimals (1234567 or 1,234,567.50)",
    ),
    "currency": ("VND, USD, EUR, JPY, KRW, AUD", "VND, USD, EUR, JPY, KRW, AUD"),
    "amount_vnd": ("Quy đổi VND (tự tính)", "In VND (derived)"),
    "amount_usd": ("Quy đổi USD (tự tính)", "In USD (derived)"),
    "title": ("Tên dự án / nội dung", "Title"),
    "partner_locality": ("Địa phương đối tác (Mondulkiri)", "Partner locality"),
    "direction": ("đoàn vào / đoàn ra (incoming / outgoing)", "incoming / outgoing"),
    "kind": (
        "Loại: đoàn, sự kiện, hội nghị, thăm nhân đạo, giao lưu văn hóa (exchanges); liên hiệp "
        "quốc gia, liên hiệp tỉnh, hội hữu nghị, chi hội (organizations)",
        "Kind: delegation, event, conference, humanitarian visit, cultural exchange "
        "(exchanges); national union, provincial union, friendship association, chapter",
    ),
    "participants": ("Số người tham gia, số nguyên", "Number of participants, whole"),
    "district": ("Huyện (nếu có)", "District, if any"),
    "founded_on": _words("extract.column.founded_on"),
    "parent": ("Tên tổ chức cấp trên (đã nạp trước)", "Name of the parent (loaded before)"),
    "succeeds": (
        "Tên các tổ chức được kế thừa (đã nạp trước), cách nhau bằng dấu ;; cần ngày thành lập",
        "Names of the organisations it succeeded (loaded before), separated by ;; needs the "
        "founding date",
    ),
    "source": (
        "Ghi tự động: số và tên tệp của lượt nạp",
        "Set by the load: its number and file name",
    ),
}
