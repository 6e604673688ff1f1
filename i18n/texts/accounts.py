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
}
