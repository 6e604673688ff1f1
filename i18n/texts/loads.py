"""Loads and their undo, their progress and the templates' guide sheet."""

from __future__ import annotations

LOADS: dict[str, dict[str, str]] = {
    # Loads and undo ----------------------------------------------------------------------
    "load.row": {"vi": "dòng", "en": "row"},
    "load.column": {"vi": "cột", "en": "column"},
    "load.value": {"vi": "giá trị", "en": "value"},
    "load.rejected": {
        "vi": "{count} lỗi; không ghi gì",
        "en": "{count} problem(s); nothing was written",
    },
    "load.source": {"vi": "Lượt nạp #{batch}: {file}", "en": "Load #{batch}: {file}"},
    "undo.not_found": {
        "vi": "không có lượt nạp #{batch}",
        "en": "there is no load #{batch}",
    },
    "undo.already_undone": {
        "vi": "lượt nạp #{batch} đã được hoàn tác lúc {when} bởi {user}",
        "en": "load #{batch} was already undone at {when} by {user}",
    },
    "replace.not_found": {
        "vi": "không có lượt nạp #{batch} để thay thế",
        "en": "there is no load #{batch} to replace",
    },
    "replace.undone": {
        "vi": "không thay thế được lượt nạp #{batch}: nó đã được hoàn tác lúc {when} bởi {user}",
        "en": "cannot replace load #{batch}: it was undone at {when} by {user}",
    },
    "replace.other_kind": {
        "vi": "không thay thế được lượt nạp #{batch}: đó là số liệu {found_vi}, không phải "
        "{kind_vi}",
        "en": "cannot replace load #{batch}: it loaded {found_en}, not {kind_en}",
    },
    # Templates ---------------------------------------------------------------------------
    "template.sheet.guide": {"vi": "Hướng dẫn", "en": "Guide"},
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
