"""Sign-in, roles and access."""

from __future__ import annotations

ACCOUNTS: dict[str, dict[str, str]] = {
    "role.viewer": {"vi": "người xem", "en": "viewer"},
    "role.editor": {"vi": "biên tập viên", "en": "editor"},
    "role.admin": {"vi": "quản trị viên", "en": "administrator"},
    "auth.name": {"vi": "Tên tài khoản", "en": "Account name"},
    "auth.password": {"vi": "Mật khẩu", "en": "Password"},
    "auth.sign_in": {"vi": "Đăng nhập", "en": "Sign in"},
    "auth.sign_in_oidc": {
        "vi": "Đăng nhập với tài khoản tổ chức",
        "en": "Sign in with your organisation account",
    },
    "auth.sign_out": {"vi": "Đăng xuất", "en": "Sign out"},
    "auth.signed_in": {
        "vi": "Đã đăng nhập: **{name}** ({role})",
        "en": "Signed in as **{name}** ({role})",
    },
    "auth.empty": {
        "vi": "Hãy nhập tên tài khoản và mật khẩu",
        "en": "Enter the account name and the password",
    },
    "auth.wrong": {
        "vi": "Sai tên tài khoản hoặc mật khẩu",
        "en": "Wrong account name or password",
    },
    "auth.locked": {
        "vi": "Tài khoản tạm khoá, thử lại sau {seconds} giây",
        "en": "Account temporarily locked, try again in {seconds} seconds",
    },
    "auth.required_title": {"vi": "Đăng nhập", "en": "Sign in"},
    "auth.required": {
        "vi": "Cần đăng nhập để xem bảng điều khiển.",
        "en": "Sign in to see the dashboard.",
    },
    "auth.refused_title": {"vi": "Không có quyền truy cập", "en": "Access denied"},
    "auth.refused": {
        "vi": "Trang này chỉ dành cho tài khoản có vai trò {role} trở lên.",
        "en": "This page is only for accounts with the {role} role or higher.",
    },
    "auth.refused_sign_in": {
        "vi": "Hãy mở trang chính và đăng nhập bằng một tài khoản có quyền này.",
        "en": "Open the main page and sign in with an account that has this role.",
    },
    # Refusals of the account commands (datastore.credentials.AccountProblem) ------------------
    "account.not_found": {
        "vi": "Không có tài khoản {name!r}",
        "en": "There is no account called {name!r}",
    },
    "account.exists": {
        "vi": "Đã có tài khoản {name!r}",
        "en": "An account {name!r} exists already",
    },
    "account.needs_email_to_create": {
        "vi": "Tài khoản không có mật khẩu cần địa chỉ thư điện tử (đăng nhập qua tổ chức)",
        "en": "An account without a password needs an e-mail address (organisation sign-in)",
    },
    "account.needs_email": {
        "vi": "Tài khoản không có mật khẩu cần địa chỉ thư điện tử",
        "en": "An account without a password needs an e-mail address",
    },
    "account.email_taken": {
        "vi": "Địa chỉ {email} đã thuộc tài khoản {name!r}",
        "en": "{email} already belongs to the account {name!r}",
    },
    "account.name_empty": {
        "vi": "Tên tài khoản không được để trống",
        "en": "The account name is empty",
    },
    "account.name_too_long": {
        "vi": "Tên tài khoản dài quá {limit} ký tự",
        "en": "The account name is longer than {limit} characters",
    },
    "account.name_control": {
        "vi": "Tên tài khoản có ký tự điều khiển",
        "en": "The account name holds control characters",
    },
    "account.name_characters": {
        "vi": (
            "Tên tài khoản {name!r} có ký tự không được dùng: {characters}. Tên chỉ gồm chữ cái "
            "a–z không dấu, chữ số và . _ - (ví dụ: ha.nguyen), để không tên nào giả được tên khác"
        ),
        "en": (
            "The account name {name!r} holds characters that are not allowed: {characters}. "
            "Names use only the letters a–z without accents, digits and . _ - (e.g. ha.nguyen), "
            "so that no name can pass for another"
        ),
    },
    "account.email_invalid": {
        "vi": "Địa chỉ thư điện tử không hợp lệ: {email!r}",
        "en": "Not an e-mail address: {email!r}",
    },
    "account.role_unknown": {
        "vi": "Vai trò {role!r} không có; chọn một trong: {names}",
        "en": "No role {role!r}; choose one of: {names}",
    },
    "account.password_too_short": {
        "vi": "Mật khẩu cần ít nhất {limit} ký tự",
        "en": "The password needs at least {limit} characters",
    },
    "account.password_blank": {
        "vi": "Mật khẩu không được chỉ gồm khoảng trắng",
        "en": "The password is only spaces",
    },
    "account.password_one_character": {
        "vi": "Mật khẩu không được chỉ lặp lại một ký tự",
        "en": "The password repeats a single character",
    },
    "account.password_too_long": {
        "vi": "Mật khẩu dài quá {limit} ký tự",
        "en": "The password is longer than {limit} characters",
    },
}
