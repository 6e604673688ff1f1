"""Every user-facing message of the data layer, in Vietnamese and English, under a stable id.

A problem is raised or collected as a message id with parameters (`DataProblem`); the
Vietnamese and English texts are filled in from MESSAGES, so the page, the command line and the
tests all read the same words. Parameters are already formatted by the caller (quoted values,
numbers in Vietnamese style); `quote` puts a value in quotes, shortened when long.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    # Cells: numbers ------------------------------------------------------------------------
    "number.boolean": {
        "vi": "cần một số, không phải đúng/sai",
        "en": "expected a number, not true/false",
    },
    "number.invalid": {"vi": "{value} không phải là số", "en": "{value} is not a number"},
    "number.not_finite": {"vi": "{value} không phải là số hữu hạn", "en": "{value} is not finite"},
    "number.ambiguous": {
        "vi": "{value} không rõ nghĩa: là {whole} (dấu {sep} phân cách hàng nghìn) hay "
        "{fraction_vi} (dấu {sep} là dấu thập phân)? Nếu là số nguyên, viết {whole}",
        "en": "{value} is ambiguous: {whole} ({sep} as thousands separator) or {fraction_en} "
        "({sep} as decimal mark)? If it is a whole number, write {whole}",
    },
    "number.scientific": {
        "vi": "{value} là số dạng khoa học (Excel có thể đã làm tròn); định dạng ô là Number "
        "rồi lưu lại tệp",
        "en": "{value} is in scientific notation (Excel may have rounded it); format the cell "
        "as Number and save the file again",
    },
    "number.not_whole": {
        "vi": "{value} không phải là số nguyên",
        "en": "{value} is not a whole number",
    },
    "number.negative": {"vi": "{value} là số âm", "en": "{value} is negative"},
    "number.too_many_decimals": {
        "vi": "{value} có hơn 2 chữ số thập phân",
        "en": "{value} has more than two decimals",
    },
    "number.too_large": {
        "vi": "{value} quá lớn; giới hạn là {limit}",
        "en": "{value} is too large; the limit is {limit}",
    },
    # Cells: years and dates ----------------------------------------------------------------
    "year.invalid": {"vi": "{value} không phải là năm", "en": "{value} is not a year"},
    "year.implausible": {
        "vi": "năm {year} không hợp lệ: phải từ {first} đến {last} (năm nay)",
        "en": "{year} is not a plausible year: it must be from {first} to {last} (this year)",
    },
    "year.date_mismatch": {
        "vi": "năm {year} không khớp với ngày {date}; để trống cột năm hoặc sửa lại",
        "en": "year {year} does not match the date {date}; leave the year empty or correct it",
    },
    "date.invalid": {
        "vi": "{value} không phải là ngày; viết ngày/tháng/năm (15/03/2014) hoặc năm-tháng-ngày "
        "(2014-03-15)",
        "en": "{value} is not a date; write dd/mm/yyyy (15/03/2014) or yyyy-mm-dd (2014-03-15)",
    },
    "date.impossible": {
        "vi": "{value}: ngày này không có thật (ngày hoặc tháng vượt quá giới hạn)",
        "en": "{value} is not a real date (day or month out of range)",
    },
    "date.two_digit_year": {
        "vi": "{value}: năm chỉ có 2 chữ số; viết đủ 4 chữ số",
        "en": "{value}: the year has only two digits; write all four",
    },
    "date.out_of_range": {
        "vi": "ngày {value} không hợp lệ: phải từ {first} đến hôm nay ({last})",
        "en": "{value} is not a plausible date: it must be from {first} to today ({last})",
    },
    # Cells: text and choices ---------------------------------------------------------------
    "text.too_long": {
        "vi": "dài {length} ký tự, vượt giới hạn {limit} ký tự",
        "en": "{length} characters long; the limit is {limit}",
    },
    "required": {"vi": "thiếu giá trị bắt buộc", "en": "required value is missing"},
    "choice.invalid": {
        "vi": "{value} không hợp lệ; dùng một trong: {options_vi}",
        "en": "{value} is not allowed; use one of: {options_en}",
    },
    "currency.unknown": {
        "vi": "loại tiền {value} không được hỗ trợ; dùng một trong: {accepted}",
        "en": "currency {value} is not supported; use one of: {accepted}",
    },
    "rate.missing": {
        "vi": "chưa có tỷ giá {currency} năm {year}",
        "en": "no exchange rate for {currency} in {year}",
    },
    "derived.mismatch": {
        "vi": "{value} không khớp với giá trị tính được ({expected}); để trống ô này hoặc sửa lại",
        "en": "{value} does not match the computed value ({expected}); leave the cell empty or "
        "correct it",
    },
    "duplicate": {
        "vi": "trùng với dòng {first} (cùng {key_vi})",
        "en": "same record as row {first} (same {key_en})",
    },
    "parent.unknown": {
        "vi": "chưa có tổ chức nào tên {value}; nạp tổ chức cấp trên trước",
        "en": "no organisation named {value} is loaded yet; load the parent first",
    },
    # Reference look-ups --------------------------------------------------------------------
    "province.empty": {"vi": "tỉnh/thành để trống", "en": "province is empty"},
    "province.unknown": {
        "vi": "không tìm thấy tỉnh/thành {value}{hint_vi}",
        "en": "unknown province {value}{hint_en}",
    },
    "province.code_needs_list": {
        "vi": "mã {code} có thể là hai tỉnh khác nhau trong danh mục 34 và 63; ghi tên tỉnh, "
        "hoặc năm/ngày",
        "en": "code {code} may mean different provinces in the 34 and the 63 lists; give a name "
        "or a year/date",
    },
    "province.no_code": {
        "vi": "không có tỉnh/thành mã {code} trong danh mục {list} đơn vị",
        "en": "no province with code {code} in the {list} list",
    },
    "province.code_mismatch": {
        "vi": "mã {code} không khớp với {name} (mã {expected} trong danh mục {list} đơn vị)",
        "en": "code {code} does not match {name} (code {expected} in the {list} list)",
    },
    "province.after_reform": {
        "vi": "{name} không còn là đơn vị cấp tỉnh từ 1/7/2025 (nay thuộc {current}); số liệu "
        "từ ngày đó ghi theo 34 đơn vị mới: hãy ghi {current}",
        "en": "{name} is no longer a province since 1 July 2025 (now part of {current}); "
        "figures from then on use the 34 new units: write {current}",
    },
    "country.unknown": {
        "vi": "không tìm thấy nước {value}{hint_vi}; ghi mã ISO 3 chữ cái (KHM) hoặc tên nước",
        "en": "unknown country {value}{hint_en}; write the ISO alpha-3 code (KHM) or a name",
    },
    "sector.unknown": {
        "vi": "không tìm thấy lĩnh vực {value}{hint_vi}; ghi mã DAC (121) hoặc tên lĩnh vực",
        "en": "unknown sector {value}{hint_en}; write the DAC code (121) or a sector name",
    },
    "code.name_mismatch": {
        "vi": "{value} không khớp với mã {code} ({name}); sửa một trong hai hoặc để trống ô này",
        "en": "{value} does not match code {code} ({name}); correct one of them or leave this "
        "cell empty",
    },
    "hint": {"vi": " (có phải {options}?)", "en": " (did you mean {options}?)"},
    # Header row ----------------------------------------------------------------------------
    "header.unknown_column": {
        "vi": "cột {value} không có trong mẫu {kind_vi}{hint_vi}; sửa tên cột hoặc xóa cột",
        "en": "column {value} is not in the {kind_en} template{hint_en}; rename or delete it",
    },
    "header.missing_column": {
        "vi": "thiếu cột bắt buộc {column} ({label})",
        "en": "required column {column} ({label}) is missing",
    },
    "header.duplicate_column": {
        "vi": "cột {column} xuất hiện hai lần ({first} và {second})",
        "en": "column {column} appears twice ({first} and {second})",
    },
    # Whole files -------------------------------------------------------------------------
    "file.too_large": {
        "vi": "tệp {size} lớn hơn giới hạn {limit}; chia thành nhiều tệp nhỏ hơn",
        "en": "the file ({size}) is larger than the limit of {limit}; split it into smaller files",
    },
    "file.empty": {"vi": "tệp rỗng", "en": "the file is empty"},
    "file.pdf": {
        "vi": "đây là tệp PDF; hãy gửi bảng số liệu dạng Excel (.xlsx) hoặc CSV",
        "en": "this is a PDF file; send the table as Excel (.xlsx) or CSV",
    },
    "file.xls": {
        "vi": "đây là tệp Excel 97-2003 (.xls) hoặc tệp có mật khẩu; mở trong Excel, bỏ mật "
        "khẩu và lưu lại dạng Excel Workbook (.xlsx)",
        "en": "this is an Excel 97-2003 (.xls) or password-protected file; open it in Excel, "
        "remove the password and save it as Excel Workbook (.xlsx)",
    },
    "file.ods": {
        "vi": "đây là tệp OpenDocument (.ods); lưu lại dạng Excel (.xlsx) hoặc CSV",
        "en": "this is an OpenDocument (.ods) file; save it as Excel (.xlsx) or CSV",
    },
    "file.zip": {
        "vi": "đây là tệp nén hoặc tài liệu (Word...), không phải bảng tính .xlsx",
        "en": "this is an archive or a document (Word...), not an .xlsx workbook",
    },
    "file.xlsx_unreadable": {
        "vi": "không đọc được tệp Excel ({detail}); mở trong Excel và lưu lại dạng .xlsx",
        "en": "the Excel file cannot be read ({detail}); open it in Excel and save it as .xlsx",
    },
    "file.xlsx_too_large": {
        "vi": "tệp Excel khi giải nén lớn {size}, vượt giới hạn {limit}",
        "en": "the Excel file unpacks to {size}, more than the limit of {limit}",
    },
    "file.binary": {
        "vi": "không phải tệp CSV hay Excel (.xlsx); chỉ nhận CSV hoặc XLSX",
        "en": "not a CSV or Excel (.xlsx) file; only CSV and XLSX are accepted",
    },
    "file.encoding": {
        "vi": "tệp không phải mã Unicode (có thể là TCVN3, VNI hoặc Windows-1258; lỗi ở byte "
        "{position}); chỉ nhận UTF-8 (có hoặc không có BOM) và UTF-16 có BOM: trong Excel chọn "
        "Save As › CSV UTF-8, hoặc Unicode Text",
        "en": "the file is not Unicode (perhaps TCVN3, VNI or Windows-1258; error at byte "
        "{position}); accepted encodings: UTF-8 (with or without BOM) and UTF-16 with BOM: in "
        "Excel use Save As › CSV UTF-8, or Unicode Text",
    },
    "file.csv_unreadable": {
        "vi": "không đọc được tệp CSV ở dòng {row}: {detail}",
        "en": "the CSV file cannot be read at row {row}: {detail}",
    },
    "file.no_header": {
        "vi": "không tìm thấy dòng tiêu đề: dòng đầu tiên phải là tên cột của mẫu {kind_vi} "
        "(ví dụ {example})",
        "en": "no header row: the first row must hold the column names of the {kind_en} "
        "template (e.g. {example})",
    },
    "row.too_many_cells": {
        "vi": "dòng có {cells} ô, nhiều hơn {columns} cột của dòng tiêu đề (có dấu phân cách "
        "trong một ô không nằm trong ngoặc kép?)",
        "en": "the row has {cells} cells, more than the {columns} columns of the header (a "
        "separator inside a cell without double quotes?)",
    },
    "file.no_rows": {
        "vi": "tệp chỉ có dòng tiêu đề, không có dòng số liệu nào",
        "en": "the file holds a header row but no data rows",
    },
    # Loads and undo ----------------------------------------------------------------------
    "load.source": {"vi": "Lượt nạp #{batch}: {file}", "en": "Load #{batch}: {file}"},
    "undo.not_found": {
        "vi": "không có lượt nạp #{batch}",
        "en": "there is no load #{batch}",
    },
    "undo.already_undone": {
        "vi": "lượt nạp #{batch} đã được hoàn tác lúc {when} bởi {user}",
        "en": "load #{batch} was already undone at {when} by {user}",
    },
    "undo.later_loads": {
        "vi": "không hoàn tác được lượt nạp #{batch}: lượt nạp sau ({later}) đã sửa {rows} dòng "
        "của nó; hãy hoàn tác lượt nạp sau trước",
        "en": "cannot undo load #{batch}: later load(s) {later} changed {rows} of its rows; "
        "undo the later load(s) first",
    },
    "undo.organizations_in_use": {
        "vi": "không hoàn tác được lượt nạp #{batch}: {count} tổ chức do lượt nạp này tạo đang "
        "được dùng ở lượt nạp khác ({later}); hãy hoàn tác các lượt nạp đó trước",
        "en": "cannot undo load #{batch}: {count} organisation(s) it created are used by other "
        "loads ({later}); undo those loads first",
    },
    # Command line ------------------------------------------------------------------------
    "cli.summary": {
        "vi": "{file}: {rows} dòng; thêm {added}, cập nhật {updated}, không đổi {unchanged}",
        "en": "{file}: {rows} rows; {added} added, {updated} updated, {unchanged} unchanged",
    },
    "cli.saved": {"vi": "Đã lưu: lượt nạp #{batch}.", "en": "Saved as load #{batch}."},
    "cli.dry_run": {
        "vi": "Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.",
        "en": "Dry run (--dry-run): nothing was written to the database.",
    },
    "cli.rejected": {
        "vi": "{count} lỗi; không ghi gì vào cơ sở dữ liệu.",
        "en": "{count} problem(s); nothing was written to the database.",
    },
    "cli.file_problem": {"vi": "Lỗi tệp: {problem}", "en": "File problem: {problem}"},
    "cli.no_file": {"vi": "không có tệp {file}", "en": "no such file: {file}"},
    "cli.progress": {"vi": "{phase} {percent}%", "en": "{phase} {percent}%"},
    "cli.undone": {
        "vi": "Đã hoàn tác lượt nạp #{batch} ({kind}): xóa {removed} dòng, khôi phục {restored} "
        "dòng.",
        "en": "Undid load #{batch} ({kind}): {removed} rows removed, {restored} rows restored.",
    },
    "cli.undo_refused": {"vi": "Không hoàn tác: {problem}", "en": "Not undone: {problem}"},
    "cli.no_loads": {"vi": "Chưa có lượt nạp nào.", "en": "No loads yet."},
    "cli.xlsx_to_terminal": {
        "vi": "không ghi XLSX ra màn hình; dùng --out FILE",
        "en": "refusing to write XLSX to a terminal; use --out FILE",
    },
    "cli.template_written": {
        "vi": "Đã ghi mẫu {kind} vào {out}.",
        "en": "Wrote the {kind} template to {out}.",
    },
    "template.note_headers": {
        "vi": "Tiêu đề cột có thể ghi bằng tên cột (tiếng Anh) hoặc tiêu đề tiếng Việt; số liệu "
        "bắt đầu từ dòng 2",
        "en": "Headers may be the column names or the Vietnamese headers; data starts on row 2",
    },
    "template.note_limit": {
        "vi": "Tệp tối đa {limit}; chỉ đọc trang tính đầu tiên",
        "en": "At most {limit} per file; only the first sheet is read",
    },
    "phase.reading": {"vi": "Đọc tệp", "en": "Reading"},
    "phase.checking": {"vi": "Kiểm tra", "en": "Checking"},
    "phase.writing": {"vi": "Ghi", "en": "Writing"},
    "phase.done": {"vi": "Xong", "en": "Done"},
}

# Names of the kinds of data, for messages.
KIND_NAMES: dict[str, dict[str, str]] = {
    "members": {"vi": "hội viên", "en": "members"},
    "aid": {"vi": "viện trợ PCPNN", "en": "foreign NGO aid"},
    "exchanges": {"vi": "đoàn ra, đoàn vào", "en": "exchanges"},
    "organizations": {"vi": "tổ chức", "en": "organisations"},
}

# The natural key of each kind, which decides whether two rows are the same record.
KEY_COLUMNS: dict[str, dict[str, str]] = {
    "members": {"vi": "tổ chức, tỉnh và năm", "en": "organisation, province and year"},
    "aid": {
        "vi": "năm, tỉnh, nhà tài trợ, lĩnh vực, cam kết/giải ngân và tên dự án",
        "en": "year, province, donor, sector, measure and title",
    },
    "exchanges": {
        "vi": "ngày, tỉnh, nước đối tác, đoàn vào/ra, loại hoạt động và nội dung",
        "en": "date, province, partner country, direction, kind and title",
    },
    "organizations": {"vi": "tên tổ chức và tỉnh", "en": "name and province"},
}

# Words accepted for the coded columns, besides the code word itself: (vi, en, *aliases).
# The first two are shown in messages and in the template guide.
CHOICE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "measure": {
        "committed": ("cam kết", "committed", "commitment"),
        "disbursed": ("giải ngân", "disbursed", "disbursement", "đã giải ngân"),
    },
    "direction": {
        "incoming": ("đoàn vào", "incoming", "vào", "in"),
        "outgoing": ("đoàn ra", "outgoing", "ra", "out"),
    },
    "kind": {
        "delegation": ("đoàn", "delegation", "đoàn công tác"),
        "event": ("sự kiện", "event"),
        "conference": ("hội nghị", "conference", "hội thảo"),
        "humanitarian_visit": ("thăm nhân đạo", "humanitarian visit", "nhân đạo"),
        "cultural_exchange": ("giao lưu văn hóa", "cultural exchange", "giao lưu"),
    },
    "organization_kind": {
        "national_union": ("liên hiệp quốc gia", "national union"),
        "provincial_union": ("liên hiệp tỉnh", "provincial union"),
        "friendship_association": ("hội hữu nghị", "friendship association"),
        "chapter": ("chi hội", "chapter"),
    },
}

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
    "organization": ("Tên tổ chức", "Name of the organisation"),
    "partner_country_code": ("Mã ISO 3 chữ cái (KHM, LAO, USA)", "ISO alpha-3 code"),
    "partner_country": (
        "Tên nước tiếng Việt hoặc tiếng Anh (Campuchia, Lào, Hoa Kỳ, Hàn Quốc)",
        "Country name in Vietnamese or English",
    ),
    "donor_country_code": ("Mã ISO 3 chữ cái; để trống nếu trong nước", "ISO alpha-3 code"),
    "donor_country": (
        "Tên nước tài trợ; để trống nếu nhà tài trợ trong nước",
        "Donor country name; empty for a domestic donor",
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
    "founded_on": ("Ngày thành lập", "Founding date"),
    "parent": ("Tên tổ chức cấp trên (đã nạp trước)", "Name of the parent (loaded before)"),
    "source": (
        "Ghi tự động: số và tên tệp của lượt nạp",
        "Set by the load: its number and file name",
    ),
}


def quote(value: object, *, limit: int = 60) -> str:
    """A value in quotes for a message, shortened when long."""
    text = "" if value is None else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"“{text}”"


def render(message_id: str, lang: str, params: Mapping[str, Any]) -> str:
    """The text of one message in one language ("vi" or "en")."""
    return MESSAGES[message_id][lang].format(**params)


def hint(options: list[str]) -> dict[str, str]:
    """The "did you mean" parameters of a message, empty when there is nothing to suggest."""
    if not options:
        return {"hint_vi": "", "hint_en": ""}
    joined = ", ".join(options)
    return {
        "hint_vi": render("hint", "vi", {"options": joined}),
        "hint_en": render("hint", "en", {"options": joined}),
    }


def placeholders(text: str) -> set[str]:
    """The names a message text expects."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class DataProblem(ValueError):
    """A problem with what a person sent, told in Vietnamese and English."""

    def __init__(self, message_id: str, **params: Any):
        if message_id not in MESSAGES:
            raise KeyError(f"unknown message id {message_id!r}")
        self.message_id = message_id
        self.params = params
        super().__init__(self.message_en)

    @property
    def message_vi(self) -> str:
        return render(self.message_id, "vi", self.params)

    @property
    def message_en(self) -> str:
        return render(self.message_id, "en", self.params)

    def __str__(self) -> str:
        return self.message_en
