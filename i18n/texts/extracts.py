"""The extract files: column headers, sheet names and the info sheet's labels and notes."""

from __future__ import annotations

EXTRACTS: dict[str, dict[str, str]] = {
    # Column headers (the XLSX extract and the load templates write the Vietnamese ones) -------
    "extract.column.province_code": {
        "vi": "Mã tỉnh (theo danh mục báo cáo)",
        "en": "Province code (list of the reporting year)",
    },
    "extract.column.province": {"vi": "Tỉnh/thành (như báo cáo)", "en": "Province (as reported)"},
    "extract.column.province_2025_code": {
        "vi": "Mã tỉnh (34 đơn vị, từ 1/7/2025)",
        "en": "Province code (34 units, since 1 July 2025)",
    },
    "extract.column.province_2025": {"vi": "Tỉnh/thành hiện nay", "en": "Province today"},
    "extract.column.partner_country_code": {
        "vi": "Mã nước đối tác (ISO alpha-3)",
        "en": "Partner country code (ISO alpha-3)",
    },
    "extract.column.partner_country": {"vi": "Nước đối tác", "en": "Partner country"},
    "extract.column.source": {"vi": "Nguồn", "en": "Source"},
    "extract.column.association": {"vi": "Tổ chức hữu nghị", "en": "Friendship organisation"},
    "extract.column.members": {"vi": "Số hội viên", "en": "Members"},
    "extract.column.chapters": {"vi": "Số chi hội", "en": "Chapters"},
    "extract.column.donor": {"vi": "Nhà tài trợ", "en": "Donor"},
    "extract.column.donor_country_code": {
        "vi": "Mã nước tài trợ (ISO alpha-3)",
        "en": "Donor country code (ISO alpha-3)",
    },
    "extract.column.donor_country": {"vi": "Nước tài trợ", "en": "Donor country"},
    "extract.column.sector_code": {"vi": "Mã lĩnh vực (OECD DAC)", "en": "Sector code (OECD DAC)"},
    "extract.column.measure": {
        "vi": "Cam kết/giải ngân (committed/disbursed)",
        "en": "Measure (committed/disbursed)",
    },
    "extract.column.amount": {"vi": "Số tiền (nguyên tệ)", "en": "Amount (in its currency)"},
    "extract.column.currency": {"vi": "Loại tiền", "en": "Currency"},
    "extract.column.amount_vnd": {"vi": "Số tiền (VND)", "en": "Amount (VND)"},
    "extract.column.amount_usd": {"vi": "Số tiền (USD)", "en": "Amount (USD)"},
    "extract.column.aid_title": {"vi": "Tên dự án/khoản viện trợ", "en": "Project or grant"},
    "extract.column.date": {"vi": "Ngày", "en": "Date"},
    "extract.column.direction": {
        "vi": "Đoàn vào/đoàn ra (incoming/outgoing)",
        "en": "Direction (incoming/outgoing)",
    },
    "extract.column.exchange_title": {"vi": "Nội dung", "en": "Subject"},
    "extract.column.organization_kind": {"vi": "Loại tổ chức", "en": "Kind of organisation"},
    # The template guide describes these two columns in the same words.
    "extract.column.organization": {"vi": "Tên tổ chức", "en": "Name of the organisation"},
    "extract.column.founded_on": {"vi": "Ngày thành lập", "en": "Founding date"},
    "extract.column.district": {"vi": "Huyện", "en": "District"},
    "extract.column.parent": {"vi": "Tổ chức cấp trên", "en": "Parent organisation"},
    # Sheets ----------------------------------------------------------------------------------
    "extract.sheet.data": {"vi": "Dữ liệu", "en": "Data"},
    "extract.sheet.info": {"vi": "Thông tin", "en": "About"},
    # The info sheet, each label shown in both languages ------------------------------------
    "extract.info.item": {"vi": "Mục", "en": "Item"},
    "extract.info.value": {"vi": "Giá trị", "en": "Value"},
    "extract.info.kind": {"vi": "Dữ liệu", "en": "Extract"},
    "extract.info.rows": {"vi": "Số dòng", "en": "Rows"},
    "extract.info.data_date": {
        "vi": "Ngày dữ liệu (lần nạp gần nhất, UTC)",
        "en": "Data as of (latest load, UTC)",
    },
    "extract.info.extracted_at": {"vi": "Ngày trích xuất (UTC)", "en": "Extracted at (UTC)"},
    "extract.info.sources": {"vi": "Nguồn", "en": "Sources"},
    "extract.info.notes": {"vi": "Ghi chú", "en": "Notes"},
    "extract.notes": {
        "vi": "Tên nước (CLDR) và lĩnh vực bằng tiếng Việt; mã nước ISO 3166-1 alpha-3, mã lĩnh "
        "vực OECD DAC. Giá trị mã hóa (cam kết/giải ngân, đoàn vào/đoàn ra, loại) ghi bằng chữ, "
        "mã để ở cột bên cạnh (…_code). Ô chữ bắt đầu bằng = + - @, tab hoặc CR được thêm dấu ' "
        "ở đầu để không bị chạy như công thức.",
        "en": "Country (CLDR), sector and partner-locality names in English; a locality with no "
        "known English name is as reported, provinces keep their official Vietnamese names. "
        "ISO 3166-1 alpha-3 country codes, OECD DAC sector codes. Coded values (measure, "
        "direction, kind) are written in words, with the code in the next column (…_code). Text "
        "cells starting with = + - @, tab or CR get a leading ' so that they never run as "
        "formulas.",
    },
    "extract.filter.province_list": {
        "vi": "Danh mục tỉnh (34: từ 1/7/2025; 63: trước đó)",
        "en": "Province list (34: since 1 July 2025; 63: before)",
    },
    "extract.filter.provinces": {"vi": "Tỉnh/thành (mã)", "en": "Provinces (codes)"},
    "extract.filter.year_from": {"vi": "Từ năm", "en": "From year"},
    "extract.filter.year_to": {"vi": "Đến năm", "en": "To year"},
    "extract.filter.countries": {"vi": "Nước (ISO alpha-3)", "en": "Countries"},
    "extract.filter.sectors": {"vi": "Lĩnh vực (mã DAC)", "en": "Sectors (DAC codes)"},
    "extract.filter.measure": {"vi": "Cam kết/giải ngân", "en": "Measure"},
    "extract.filter.direction": {"vi": "Đoàn vào/đoàn ra", "en": "Direction"},
    "extract.filter.kinds": {"vi": "Loại hoạt động", "en": "Kinds of activity"},
    "extract.kind.members": {"vi": "Hội viên", "en": "Members"},
    "extract.kind.aid": {"vi": "Viện trợ PCPNN", "en": "Foreign NGO aid"},
    "extract.kind.exchanges": {"vi": "Đoàn ra, đoàn vào", "en": "Exchanges"},
    "extract.kind.organizations": {"vi": "Tổ chức", "en": "Organizations"},
    # The Data page: the preview and the downloads, each saying how many rows it holds.
    "extract.preview.first": {
        "vi": "Xem trước {shown} dòng đầu trong tổng số {total} dòng. Hai tệp tải về có đủ "
        "{total} dòng.",
        "en": "Preview of the first {shown} of {total} rows. Both downloads hold all {total} rows.",
    },
    "extract.preview.all": {
        "vi": "Mọi dòng ({total}); hai tệp tải về có đủ các dòng này.",
        "en": "Every row ({total}); both downloads hold them all.",
    },
    "extract.download.csv": {
        "vi": "Tải CSV: mọi dòng ({rows})",
        "en": "Download CSV: every row ({rows})",
    },
    "extract.download.xlsx": {
        "vi": "Tải Excel: mọi dòng ({rows})",
        "en": "Download Excel: every row ({rows})",
    },
    "extract.download.formats": {
        "vi": "CSV là định dạng nạp dữ liệu (cột và mã cố định, tên tiếng Việt), nạp lại được; "
        "Excel để đọc: tiêu đề và nhãn tiếng Việt, mã ở cột riêng, có bộ lọc ở hàng tiêu đề.",
        "en": "The CSV is the load format (fixed columns and codes, Vietnamese names) and loads "
        "back; the Excel file is for reading: English headers, names and labels, codes in their "
        "own columns, filters on the header row.",
    },
    "extract.cli_lang": {
        "vi": "ngôn ngữ của tệp Excel: tiêu đề, tên nước, lĩnh vực, địa phương, nhãn "
        "(CSV luôn như nhau, là định dạng nạp)",
        "en": "language of the Excel file: headers, countries, sectors, localities, labels "
        "(the CSV, the load format, is the same in both)",
    },
    # Kinds of organisation, as the XLSX extract labels them (words the import accepts).
    "extract.org_kind.national_union": {"vi": "Liên hiệp quốc gia", "en": "National union"},
    "extract.org_kind.provincial_union": {"vi": "Liên hiệp tỉnh", "en": "Provincial union"},
    "extract.org_kind.friendship_association": {
        "vi": "Hội hữu nghị",
        "en": "Friendship association",
    },
    "extract.org_kind.chapter": {"vi": "Chi hội", "en": "Chapter"},
}
