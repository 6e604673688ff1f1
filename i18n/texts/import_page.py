"""The Load data page: templates, upload, checking, load history and undo."""

from __future__ import annotations

IMPORT_PAGE: dict[str, dict[str, str]] = {
    "import.caption": {
        "vi": (
            "Nạp số liệu từ tệp Excel (XLSX) hoặc CSV. Không dòng nào được ghi cho đến khi mọi "
            "dòng của tệp đều hợp lệ; nạp lại cùng một tệp không thay đổi gì, tệp đã sửa thì "
            "cập nhật đúng những dòng đã sửa."
        ),
        "en": (
            "Load figures from an Excel (XLSX) or CSV file. Nothing is written until every row "
            "of the file is valid; loading the same file again changes nothing, a corrected file "
            "updates just the rows it corrects."
        ),
    },
    "import.step_kind": {"vi": "1. Loại số liệu và tệp mẫu", "en": "1. Kind of data and templates"},
    "import.kind": {"vi": "Loại số liệu", "en": "Kind of data"},
    "import.templates": {
        "vi": (
            "Tệp mẫu có đúng các cột của tệp trích xuất ở trang Dữ liệu, nên có thể sửa một tệp "
            "trích xuất rồi nạp lại. Chỉ cần điền những gì người nhập biết; mã tỉnh, năm và số "
            "tiền quy đổi được tự suy ra."
        ),
        "en": (
            "The templates have the columns of the extracts on the Data page, so an extract can "
            "be edited and loaded back. Fill in only what you know; province codes, years and "
            "converted amounts are worked out."
        ),
    },
    "import.template_csv": {"vi": "Tải tệp mẫu CSV", "en": "Download the CSV template"},
    "import.template_xlsx": {"vi": "Tải tệp mẫu Excel", "en": "Download the Excel template"},
    "import.step_file": {"vi": "2. Tệp số liệu", "en": "2. The file"},
    "import.uploader": {
        "vi": "Chọn tệp CSV hoặc Excel (tối đa {limit})",
        "en": "Choose a CSV or Excel file (at most {limit})",
    },
    "import.uploader_help": {
        "vi": (
            "CSV (UTF-8, có hoặc không có BOM; dấu phân cách ; hoặc ,), Unicode Text của Excel, "
            "hoặc XLSX với số liệu ở trang tính hiện đầu tiên (trang ẩn được bỏ qua)."
        ),
        "en": (
            "CSV (UTF-8 with or without a BOM; ; or , separated), Excel's Unicode Text, or XLSX "
            "with the data on the first visible sheet (hidden sheets are skipped)."
        ),
    },
    "import.too_large": {
        "vi": "Tệp {name} nặng {size}, vượt giới hạn {limit}: tệp không được đọc.",
        "en": "The file {name} is {size}, over the {limit} limit: it was not read.",
    },
    "import.nothing_written": {
        "vi": "Chưa có gì được ghi vào cơ sở dữ liệu.",
        "en": "Nothing was written to the database.",
    },
    "import.problems": {
        "vi": "Tệp có {count} lỗi, liệt kê dưới đây; hãy sửa tệp rồi tải lên lại.",
        "en": "The file has {count} problems, listed below; correct the file and upload it again.",
    },
    "import.column.row": {"vi": "Dòng", "en": "Row"},
    "import.column.column": {"vi": "Cột", "en": "Column"},
    "import.column.value": {"vi": "Giá trị", "en": "Value"},
    "import.column.reason": {"vi": "Lý do", "en": "Reason"},
    "import.checking": {"vi": "Đang kiểm tra tệp…", "en": "Checking the file…"},
    "import.preview": {"vi": "Xem trước các dòng đầu", "en": "Preview of the first rows"},
    "import.sheet_read": {
        "vi": "Đọc trang tính {sheet} (trang hiện đầu tiên của tệp Excel).",
        "en": "Read the sheet {sheet} (the first visible sheet of the workbook).",
    },
    "import.ready": {
        "vi": "Tệp {name} hợp lệ. Bấm nút dưới đây để nạp vào cơ sở dữ liệu.",
        "en": "The file {name} is valid. Press the button below to load it.",
    },
    "import.confirm": {"vi": "Nạp vào cơ sở dữ liệu", "en": "Load into the database"},
    "import.loading": {"vi": "Đang nạp…", "en": "Loading…"},
    "import.done": {
        "vi": (
            "Đã nạp tệp {name} (lượt nạp #{batch}): thêm {added} dòng, cập nhật {updated} dòng, "
            "{unchanged} dòng không đổi."
        ),
        "en": (
            "Loaded {name} (load #{batch}): {added} rows added, {updated} updated, "
            "{unchanged} unchanged."
        ),
    },
    "import.done_replaced": {
        "vi": (
            "Thay cho lượt nạp #{batch}: xoá {removed} dòng không còn trong tệp, {restored} dòng "
            "lấy lại giá trị của lượt nạp trước đó."
        ),
        "en": (
            "In place of load #{batch}: {removed} rows not in the file removed, {restored} rows "
            "given back the values of an earlier load."
        ),
    },
    "import.kept": {
        "vi": "Giữ lại {rows} dòng vì lượt nạp {loads} vẫn có các dòng đó.",
        "en": "{rows} rows kept because load(s) {loads} still hold them.",
    },
    "import.replace_choose": {
        "vi": "Tệp này thay cho một lượt nạp trước?",
        "en": "Does this file replace an earlier load?",
    },
    "import.replace_help": {
        "vi": (
            "Chọn lượt nạp mà tệp này sửa lại (ví dụ khi đã sửa nước đối tác hay ngày của một "
            "đoàn): các dòng của lượt đó không có trong tệp này sẽ bị xoá, thay vì được giữ lại "
            "bên cạnh dòng đã sửa. Hoàn tác lượt nạp mới sẽ trả lại lượt nạp cũ."
        ),
        "en": (
            "Choose the load this file corrects (e.g. a delegation's partner country or date "
            "corrected): the rows of that load this file has not are removed, rather than kept "
            "beside the corrected row. Undoing the new load brings the old one back."
        ),
    },
    "import.replace_none": {
        "vi": "Không: nạp thêm vào số liệu đã có",
        "en": "No: add to the data already loaded",
    },
    "import.replace_option": {
        "vi": "Thay cho lượt nạp #{id} – {name} ({when})",
        "en": "Replaces load #{id} – {name} ({when})",
    },
    "import.replace_option_gone": {
        "vi": "Thay cho lượt nạp #{id} (không còn hiệu lực)",
        "en": "Replaces load #{id} (no longer in place)",
    },
    "import.replace_preview": {
        "vi": (
            "Nếu thay cho lượt nạp #{batch}: thêm {added} dòng, sửa {updated} dòng, {unchanged} "
            "dòng không đổi, xoá {removed} dòng, {restored} dòng lấy lại giá trị của lượt nạp "
            "trước đó. Chưa có gì được ghi."
        ),
        "en": (
            "Replacing load #{batch} would add {added} rows, change {updated}, leave {unchanged} "
            "unchanged, remove {removed} and give {restored} back the values of an earlier load. "
            "Nothing is written yet."
        ),
    },
    "import.column.change": {"vi": "Thay đổi", "en": "Change"},
    "import.change.added": {"vi": "Thêm", "en": "Added"},
    "import.change.updated": {"vi": "Sửa", "en": "Changed"},
    "import.change.restored": {"vi": "Lấy lại giá trị cũ", "en": "Earlier values back"},
    "import.change.removed": {"vi": "Xoá", "en": "Removed"},
    "import.history": {"vi": "3. Lịch sử nạp", "en": "3. Load history"},
    "import.history_empty": {"vi": "Chưa có lượt nạp nào.", "en": "No loads yet."},
    "import.history.id": {"vi": "Lượt", "en": "Load"},
    "import.history.created_at": {"vi": "Thời điểm (UTC)", "en": "When (UTC)"},
    "import.history.kind": {"vi": "Loại", "en": "Kind"},
    "import.history.file_name": {"vi": "Tệp", "en": "File"},
    "import.history.created_by": {"vi": "Người nạp", "en": "By"},
    "import.history.rows_added": {"vi": "Thêm", "en": "Added"},
    "import.history.rows_updated": {"vi": "Cập nhật", "en": "Updated"},
    "import.history.rows_unchanged": {"vi": "Không đổi", "en": "Unchanged"},
    "import.history.status": {"vi": "Trạng thái", "en": "Status"},
    "import.history.checksum": {"vi": "Mã kiểm tra SHA-256", "en": "SHA-256 checksum"},
    "import.status.active": {"vi": "Đang có hiệu lực", "en": "In effect"},
    "import.status.demo": {"vi": "Dữ liệu minh họa", "en": "Demo data"},
    "import.status.undone": {
        "vi": "Đã hoàn tác {when} ({who})",
        "en": "Undone {when} ({who})",
    },
    "import.status.replaced": {
        "vi": "Đã thay bằng lượt nạp #{by} {when} ({who})",
        "en": "Replaced by load #{by} {when} ({who})",
    },
    "import.undo_choose": {"vi": "Hoàn tác một lượt nạp", "en": "Undo a load"},
    "import.undo_placeholder": {"vi": "Chọn lượt nạp…", "en": "Choose a load…"},
    "import.undo_option": {
        "vi": "#{id} – {name} ({when}, {who})",
        "en": "#{id} – {name} ({when}, {who})",
    },
    "import.undo": {"vi": "Hoàn tác…", "en": "Undo…"},
    "import.undo_warning": {
        "vi": (
            "Hoàn tác lượt nạp {load}: các dòng lượt này thêm vào sẽ bị xoá, các dòng nó sửa "
            "được trả lại giá trị trước đó. Tiếp tục?"
        ),
        "en": (
            "Undo the load {load}: the rows it added are removed, the rows it changed get "
            "their earlier values back. Go ahead?"
        ),
    },
    "import.undo_confirm": {"vi": "Hoàn tác lượt nạp này", "en": "Undo this load"},
    "import.undo_cancel": {"vi": "Thôi", "en": "Cancel"},
    "import.undone": {
        "vi": "Đã hoàn tác lượt nạp #{batch}: xoá {removed} dòng, khôi phục {restored} dòng.",
        "en": "Undid load #{batch}: {removed} rows removed, {restored} restored.",
    },
    "import.back_in_place": {
        "vi": "Lượt nạp #{batch} (đã bị thay thế) có hiệu lực trở lại.",
        "en": "Load #{batch}, which it had replaced, is in place again.",
    },
}
