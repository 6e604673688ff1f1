"""Loads and their undo, their progress, the templates' notes and the import command line."""

from __future__ import annotations

LOADS: dict[str, dict[str, str]] = {
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
