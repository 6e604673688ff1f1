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
            "Máy chủ này yêu cầu đăng nhập: hãy tải tệp bằng nút trên trang Dữ liệu "
            "sau khi đăng nhập."
        ),
        "en": (
            "This server requires signing in: download the file with the button on the Data "
            "page once signed in."
        ),
    },
}
