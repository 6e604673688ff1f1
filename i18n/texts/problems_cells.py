"""Problems with one cell or one header of a loaded file: numbers, dates, choices, look-ups."""

from __future__ import annotations

PROBLEMS_CELLS: dict[str, dict[str, str]] = {
    # Cells: numbers ------------------------------------------------------------------------
    "digits.foreign": {
        "vi": "{value} có chữ số không phải 0–9 (chữ số toàn độ rộng hoặc của chữ viết khác); "
        "gõ lại bằng các chữ số 0–9",
        "en": "{value} has digits other than 0–9 (full-width, or from another script); type it "
        "again with the digits 0–9",
    },
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
}
