"""Problems with a whole loaded file or one of its rows."""

from __future__ import annotations

PROBLEMS_FILES: dict[str, dict[str, str]] = {
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
    "file.xlsx_no_visible_sheet": {
        "vi": "mọi trang tính trong tệp Excel đều bị ẩn; hiện trang có số liệu rồi lưu lại",
        "en": "every sheet of the Excel file is hidden; unhide the sheet with the figures and "
        "save the file",
    },
    "file.sheet_too_wide": {
        "vi": "trang tính {sheet} có giá trị {value} ở ô {cell}, ngoài cột {last}: một bảng số "
        "liệu có nhiều nhất {columns} cột; xoá các ô thừa hoặc chép bảng sang trang tính mới",
        "en": "the sheet {sheet} holds the value {value} in cell {cell}, beyond column {last}: "
        "a table of figures has at most {columns} columns; delete the stray cells or copy the "
        "table to a new sheet",
    },
    "file.sheet_too_long": {
        "vi": "trang tính {sheet} có giá trị {value} ở ô {cell}, quá {rows} dòng mà một tệp cỡ "
        "này có thể chứa; xoá các ô thừa ở cuối trang hoặc chép bảng sang trang tính mới",
        "en": "the sheet {sheet} holds the value {value} in cell {cell}, beyond the {rows} rows "
        "a file of this size can hold; delete the stray cells below the table or copy the table "
        "to a new sheet",
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
    "file.csv_unclosed_quote": {
        "vi": "dòng {row}: dấu ngoặc kép mở ô {cell} không được đóng, nên mọi thứ sau nó đến cuối "
        "tệp thành một ô; thêm dấu ngoặc kép đóng (hoặc bỏ dấu mở) rồi gửi lại tệp",
        "en": "row {row}: the quotation mark that opens the cell {cell} is never closed, so "
        "everything after it to the end of the file would be one cell; close the quotation mark "
        "(or remove it) and send the file again",
    },
    "file.no_header": {
        "vi": "không tìm thấy dòng tiêu đề: dòng đầu tiên phải là tên cột của mẫu {kind_vi} "
        "(ví dụ {example})",
        "en": "no header row: the first row must hold the column names of the {kind_en} "
        "template (e.g. {example})",
    },
    "file.no_rows": {
        "vi": "tệp chỉ có dòng tiêu đề, không có dòng số liệu nào",
        "en": "the file holds a header row but no data rows",
    },
    "row.formula": {
        "vi": "ô {cell} chứa công thức {formula} nhưng tệp không lưu kết quả của nó; mở tệp "
        "bằng Excel, lưu lại rồi gửi lại",
        "en": "cell {cell} holds the formula {formula} but the file stores no result for it; "
        "open the file in Excel, save it and send it again",
    },
    "row.formula_recalculated": {
        "vi": "ô {cell} chứa công thức {formula} mà tệp yêu cầu tính lại khi mở, nên giá trị "
        "lưu trong tệp chưa chắc đúng; mở tệp bằng Excel, lưu lại rồi gửi lại",
        "en": "cell {cell} holds the formula {formula}, which the file asks to be recalculated "
        "when opened, so the value stored in it may be wrong; open the file in Excel, save it "
        "and send it again",
    },
    "row.too_many_cells": {
        "vi": "dòng có {cells} ô, nhiều hơn {columns} cột của dòng tiêu đề (có dấu phân cách "
        "trong một ô không nằm trong ngoặc kép?)",
        "en": "the row has {cells} cells, more than the {columns} columns of the header (a "
        "separator inside a cell without double quotes?)",
    },
}
