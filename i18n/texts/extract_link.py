"""The Data page's download links: what the download address answers when it cannot give a file."""

from __future__ import annotations

EXTRACT_LINK: dict[str, dict[str, str]] = {
    "extract_link.unknown_file": {
        "vi": "Không có tệp trích xuất {name}. Tệp có thể tải: {choices}.",
        "en": "There is no extract file {name}. Files that can be downloaded: {choices}.",
    },
    "extract_link.unknown_values": {
        "vi": (
            "Không tải tệp: liên kết có giá trị không khớp với dữ liệu nào: {values}. "
            "Hãy sửa liên kết hoặc tải tệp từ trang Dữ liệu."
        ),
        "en": (
            "No file was sent: the link has values that match nothing: {values}. "
            "Correct the link or download the file from the Data page."
        ),
    },
    "extract_link.sign_in": {
        "vi": (
            "Máy chủ này yêu cầu đăng nhập: hãy đăng nhập rồi tải tệp bằng liên kết trên "
            "trang Dữ liệu."
        ),
        "en": (
            "This server requires signing in: sign in, then download the file with the link on "
            "the Data page."
        ),
    },
    "extract_link.pass_expired": {
        "vi": (
            "Không tải tệp: liên kết tải đã quá {minutes} phút. Hãy quay lại trang Dữ liệu "
            "(liên kết trên trang được làm mới khi trang còn mở) và bấm liên kết tải một lần nữa."
        ),
        "en": (
            "No file was sent: the download link is more than {minutes} minutes old. Go back to "
            "the Data page (its links are renewed while it is open) and click the download link "
            "again."
        ),
    },
    "extract_link.pass_not_valid": {
        "vi": (
            "Không tải tệp: liên kết tải không hợp lệ (đã bị sửa, hoặc không phải do máy chủ "
            "này tạo ra). Hãy tải tệp bằng liên kết trên trang Dữ liệu sau khi đăng nhập."
        ),
        "en": (
            "No file was sent: the download link is not valid (it was changed, or this server "
            "did not make it). Download the file with the link on the Data page once signed in."
        ),
    },
    "extract_link.pass_account_gone": {
        "vi": (
            "Không tải tệp: tài khoản đã tạo liên kết này không còn được xem dữ liệu. "
            "Hãy đăng nhập lại."
        ),
        "en": (
            "No file was sent: the account that made this link may no longer see the data. "
            "Sign in again."
        ),
    },
}
