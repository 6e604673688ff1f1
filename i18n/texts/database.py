"""Database errors, each naming its cause: shown on a page and printed by the command line."""

from __future__ import annotations

DATABASE: dict[str, dict[str, str]] = {
    "database.locked": {
        "vi": "Cơ sở dữ liệu đang bị một thao tác khác khoá; không ghi gì. "
        "Hãy thử lại sau ít phút.",
        "en": "The database is locked by another operation; nothing was written. "
        "Try again in a few minutes.",
    },
    "database.disk_full": {
        "vi": "Ổ đĩa của cơ sở dữ liệu đã đầy; không ghi gì. "
        "Hãy giải phóng dung lượng rồi thử lại.",
        "en": "The database's disk is full; nothing was written. Free some space and try again.",
    },
    "database.read_only": {
        "vi": "Cơ sở dữ liệu chỉ cho phép đọc; không ghi gì. Hãy kiểm tra quyền ghi của tệp "
        "hoặc tài khoản cơ sở dữ liệu.",
        "en": "The database is read-only; nothing was written. Check the write permission of "
        "its file or of the database account.",
    },
    "database.schema": {
        "vi": "Cấu trúc cơ sở dữ liệu chưa được cập nhật; hãy chạy `python -m datastore migrate`.",
        "en": "The database schema is out of date; run `python -m datastore migrate`.",
    },
    "database.unreachable": {
        "vi": "Không mở được cơ sở dữ liệu; hãy kiểm tra DATABASE_URL và máy chủ.",
        "en": "The database cannot be opened; check DATABASE_URL and the server.",
    },
    "database.damaged": {
        "vi": "Tệp cơ sở dữ liệu bị hỏng; hãy khôi phục từ bản sao lưu.",
        "en": "The database file is damaged; restore it from a backup.",
    },
    "database.other": {
        "vi": "Lỗi cơ sở dữ liệu ({kind}); không ghi gì.",
        "en": "Database error ({kind}); nothing was written.",
    },
}
