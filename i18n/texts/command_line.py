"""The command line (`python -m datastore`): help texts, messages and listing headings.

Each is printed in Vietnamese then English (i18n.catalogue.bilingual).
"""

from __future__ import annotations

COMMAND_LINE: dict[str, dict[str, str]] = {
    # Every command ---------------------------------------------------------------------------
    "cli.description": {"vi": "Dữ liệu đối ngoại nhân dân", "en": "People's diplomacy data"},
    "cli.error": {"vi": "Lỗi", "en": "Error"},
    "cli.help.database_url": {
        "vi": "CSDL cần dùng, thay cho DATABASE_URL",
        "en": "database to use instead of DATABASE_URL",
    },
    # migrate, rollups --------------------------------------------------------------------------
    "cli.help.migrate": {
        "vi": "cập nhật cấu trúc CSDL và dữ liệu danh mục",
        "en": "upgrade the schema, load reference data",
    },
    "cli.migrated": {"vi": "Đã cập nhật cơ sở dữ liệu.", "en": "The database is up to date."},
    "cli.help.rollups": {
        "vi": "tính lại các bảng tổng hợp giao lưu đoàn",
        "en": "rebuild the exchange rollups",
    },
    "cli.rollups_rebuilt": {
        "vi": "Đã tính lại bảng tổng hợp cho {years} năm.",
        "en": "Rebuilt the rollups for {years} years.",
    },
    # export ------------------------------------------------------------------------------------
    "cli.help.export": {
        "vi": "trích xuất dữ liệu ra CSV/XLSX",
        "en": "write an extract as CSV or XLSX",
    },
    "cli.help.export_description": {
        "vi": "Trích xuất các dòng dữ liệu theo bộ lọc.",
        "en": "Write the rows a set of filters selects. Provinces by code or name (old names "
        "switch to the 63-province list), countries by ISO alpha-3 code or name, sectors by DAC "
        "code or name.",
    },
    "cli.help.province": {
        "vi": "mã hoặc tên tỉnh",
        "en": "province code or name (repeatable)",
    },
    "cli.help.province_list": {
        "vi": "từ 1/7/2025, mặc định",
        "en": "since 1 July 2025, default",
    },
    "cli.or": {"vi": "hoặc", "en": "or"},
    "cli.export_to_terminal": {
        "vi": "không ghi XLSX ra màn hình; dùng --out FILE hoặc chuyển hướng stdout",
        "en": "refusing to write XLSX to a terminal; use --out FILE or redirect stdout",
    },
    "cli.out.is_database": {
        "vi": "“{path}” là tệp của cơ sở dữ liệu đang dùng; không ghi đè. Hãy chọn tệp khác.",
        "en": "“{path}” is a file of the database in use; it is not overwritten. "
        "Choose another file.",
    },
    "cli.out.is_folder": {
        "vi": "“{path}” là một thư mục; hãy ghi cả tên tệp, ví dụ {path}/trich_xuat.csv.",
        "en": "“{path}” is a folder; give a file name too, e.g. {path}/extract.csv.",
    },
    "cli.out.is_link": {
        "vi": "“{path}” là một liên kết tượng trưng; không ghi đè. Hãy ghi vào chính tệp đích.",
        "en": "“{path}” is a symbolic link; it is not overwritten. Write to the file itself.",
    },
    "cli.out.is_special": {
        "vi": "“{path}” không phải là tệp thường (thiết bị, FIFO hoặc socket); không ghi đè.",
        "en": "“{path}” is not a regular file (a device, FIFO or socket); it is not overwritten.",
    },
    "cli.out.no_folder": {
        "vi": "Thư mục “{folder}” không tồn tại; hãy tạo nó trước khi ghi “{path}”.",
        "en": "The folder “{folder}” does not exist; create it before writing “{path}”.",
    },
    "cli.out.parent_not_folder": {
        "vi": "“{folder}” không phải là thư mục; không thể ghi tệp vào trong đó.",
        "en": "“{folder}” is not a folder; no file can be written inside it.",
    },
    "cli.out.name_too_long": {
        "vi": "Tên tệp “{name}…” quá dài ({length} byte; tối đa {limit}).",
        "en": "The file name “{name}…” is too long ({length} bytes; at most {limit}).",
    },
    "cli.out.cannot_write": {
        "vi": "Không ghi được “{path}”: {reason}. Không có tệp nào bị thay.",
        "en": "Could not write “{path}”: {reason}. No file was replaced.",
    },
    "cli.export_written": {
        "vi": "Đã ghi {rows} dòng vào {out}.",
        "en": "Wrote {rows} rows to {out}.",
    },
    "cli.option_ignored": {
        "vi": "Bỏ qua {flag} (không dùng cho {kind}).",
        "en": "{flag} ignored for {kind}.",
    },
    "cli.years_reversed": {
        "vi": "--year-from {start} sau --year-to {end}",
        "en": "--year-from {start} is after --year-to {end}",
    },
    # The command line follows these with the lookup's own message, which says more in English.
    "cli.no_country": {"vi": "không tìm thấy nước {value!r}", "en": "no country {value!r}"},
    "cli.no_province": {
        "vi": "không tìm thấy tỉnh/thành {value!r}",
        "en": "no province {value!r}",
    },
    "cli.no_sector": {"vi": "không tìm thấy lĩnh vực {value!r}", "en": "no sector {value!r}"},
    "cli.legacy_with_codes": {
        "vi": "{value!r} là tỉnh cũ (danh mục 63) nhưng có mã tỉnh đi kèm: hãy chọn "
        "--province-list",
        "en": "{value!r} is an old province (63-list) but codes were given too: choose "
        "--province-list",
    },
    "cli.legacy_list_chosen": {
        "vi": "{value!r} là tỉnh trước 1/7/2025: dùng danh mục 63 tỉnh.",
        "en": "{value!r} is a province before 1 July 2025: using the 63-province list.",
    },
    "cli.not_in_list": {
        "vi": "{value!r} không thuộc danh mục {chosen} (nay thuộc {today})",
        "en": "{value!r} is not in the {chosen}-list (today part of {today})",
    },
    # Printed after cli.not_in_list, in English only as it always was.
    "cli.choose_list_or_unit": {
        "vi": "dùng --province-list {other} hoặc --province {today!r}",
        "en": "use --province-list {other} or --province {today!r}",
    },
    # import, loads, undo, template -----------------------------------------------------------
    "cli.help.import": {"vi": "nạp tệp CSV/XLSX vào CSDL", "en": "load a CSV or XLSX file"},
    "cli.help.import_description": {
        "vi": "Nạp tệp số liệu; lỗi được liệt kê theo dòng và không ghi gì cho đến khi tệp đúng.",
        "en": "Load a file of figures; problems are listed row by row and nothing is written "
        "until the whole file is right.",
    },
    "cli.help.dry_run": {
        "vi": "kiểm tra và đếm, không ghi",
        "en": "check and count, write nothing",
    },
    "cli.help.import_user": {"vi": "người nạp", "en": "who loads (default: login)"},
    "cli.help.replaces": {
        "vi": "tệp này thay cho lượt nạp N (cùng loại, còn hiệu lực): các dòng của lượt N không "
        "có trong tệp bị xoá",
        "en": "this file replaces load N (same kind, in place): the rows of load N the file has "
        "not are removed",
    },
    "cli.help.loads": {"vi": "lịch sử các lượt nạp", "en": "history of loads"},
    "cli.help.undo": {"vi": "hoàn tác một lượt nạp", "en": "undo a whole load"},
    "cli.help.undo_user": {"vi": "người hoàn tác", "en": "who undoes"},
    "cli.help.template": {"vi": "tệp mẫu để nhập số liệu", "en": "empty file to fill in"},
    "cli.summary": {
        "vi": "{file}: {rows} dòng; thêm {added}, cập nhật {updated}, không đổi {unchanged}",
        "en": "{file}: {rows} rows; {added} added, {updated} updated, {unchanged} unchanged",
    },
    "cli.saved": {"vi": "Đã lưu: lượt nạp #{batch}.", "en": "Saved as load #{batch}."},
    "cli.sheet_read": {
        "vi": "Đã đọc trang tính {sheet} (trang hiện đầu tiên).",
        "en": "Read the sheet {sheet} (the first visible one).",
    },
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
    "cli.replaced": {
        "vi": "Thay cho lượt nạp #{batch}: xoá {removed} dòng không còn trong tệp, {restored} dòng "
        "lấy lại giá trị của lượt nạp trước đó.",
        "en": "Replaces load #{batch}: {removed} rows not in the file removed, {restored} rows "
        "given back the values of an earlier load.",
    },
    "cli.kept": {
        "vi": "Giữ lại {rows} dòng vì lượt nạp {loads} vẫn có các dòng đó.",
        "en": "Kept {rows} rows because load(s) {loads} still hold them.",
    },
    "cli.back_in_place": {
        "vi": "Lượt nạp #{batch} (đã bị thay thế) có hiệu lực trở lại.",
        "en": "Load #{batch}, which it had replaced, is in place again.",
    },
    "cli.replace_refused": {"vi": "Không nạp: {problem}", "en": "Not loaded: {problem}"},
    "cli.xlsx_to_terminal": {
        "vi": "không ghi XLSX ra màn hình; dùng --out FILE",
        "en": "refusing to write XLSX to a terminal; use --out FILE",
    },
    "cli.template_written": {
        "vi": "Đã ghi mẫu {kind} vào {out}.",
        "en": "Wrote the {kind} template to {out}.",
    },
    # The history of loads: headings of its columns ---------------------------------------------
    "cli.loads.kind": {"vi": "loại", "en": "kind"},
    "cli.loads.at": {"vi": "lúc", "en": "at"},
    "cli.loads.by": {"vi": "người", "en": "by"},
    "cli.loads.added": {"vi": "thêm", "en": "added"},
    "cli.loads.updated": {"vi": "sửa", "en": "updated"},
    "cli.loads.unchanged": {"vi": "giữ", "en": "unchanged"},
    "cli.loads.file": {"vi": "tệp", "en": "file"},
    "cli.loads.status": {"vi": "trạng thái", "en": "status"},
    "cli.loads.undone": {"vi": "hoàn tác", "en": "undone"},
    # user ----------------------------------------------------------------------------------------
    "cli.help.user": {"vi": "quản lý tài khoản", "en": "manage accounts"},
    "cli.help.user_description": {
        "vi": "Tài khoản và vai trò",
        "en": "Accounts and roles (viewer, editor, admin)",
    },
    "cli.help.user_add": {"vi": "tạo tài khoản", "en": "create an account"},
    "cli.help.email": {"vi": "để đăng nhập qua tổ chức", "en": "for OIDC sign-in"},
    "cli.help.password_stdin": {"vi": "đọc mật khẩu từ stdin", "en": "read from stdin"},
    "cli.help.no_password": {
        "vi": "chỉ đăng nhập qua tổ chức (cần --email)",
        "en": "organisation sign-in only (needs --email)",
    },
    "cli.help.user_list": {"vi": "liệt kê tài khoản", "en": "list accounts"},
    "cli.help.set_role": {"vi": "đổi vai trò", "en": "change the role"},
    "cli.help.set_password": {
        "vi": "đặt lại mật khẩu, mở khoá",
        "en": "set a new password, lift a lock-out",
    },
    "cli.help.set_email": {"vi": "đổi thư điện tử", "en": "change the e-mail"},
    "cli.help.remove_email": {"vi": '"" để xoá', "en": '"" to remove'},
    "cli.no_password_on_stdin": {"vi": "stdin không có mật khẩu", "en": "no password on stdin"},
    "cli.no_terminal": {
        "vi": "không có màn hình để hỏi mật khẩu; dùng --password-stdin",
        "en": "no terminal to ask for the password; use --password-stdin",
    },
    "cli.password_as_argument": {
        "vi": (
            "không nhận mật khẩu trên dòng lệnh (nó sẽ nằm trong lịch sử shell); "
            "dùng --password-stdin hoặc gõ khi được hỏi"
        ),
        "en": (
            "a password is never taken on the command line (it would stay in the shell "
            "history); use --password-stdin or type it when asked"
        ),
    },
    "cli.unrecognized_arguments": {
        "vi": (
            "có đối số không nhận ra (không in lại vì có thể là mật khẩu; "
            "mật khẩu đưa vào bằng --password-stdin)"
        ),
        "en": (
            "unrecognized arguments (not repeated, as one may be a password; "
            "give passwords with --password-stdin)"
        ),
    },
    "cli.password_prompt": {"vi": "Mật khẩu", "en": "Password"},
    "cli.password_again": {"vi": "Nhập lại", "en": "Again"},
    "cli.passwords_differ": {"vi": "hai lần nhập không khớp", "en": "the two entries differ"},
    "cli.user_created": {
        "vi": "Đã tạo tài khoản {name!r} ({role}).",
        "en": "Created the account {name!r} ({role}).",
    },
    "cli.role_set": {
        "vi": "Tài khoản {name!r} nay là {role}.",
        "en": "The account {name!r} is now {role}.",
    },
    "cli.password_set": {
        "vi": "Đã đặt mật khẩu mới cho {name!r}.",
        "en": "Set a new password for {name!r}.",
    },
    "cli.email_set": {
        "vi": "Thư điện tử của {name!r}: {email}.",
        "en": "E-mail of {name!r}: {email}.",
    },
}
