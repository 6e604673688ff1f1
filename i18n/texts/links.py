"""Links (the address bar) and the province search that knows the 2025 reform."""

from __future__ import annotations

LINKS: dict[str, dict[str, str]] = {
    "links.unknown": {
        "vi": (
            "Liên kết có giá trị không khớp với dữ liệu nào nên đã được bỏ qua: {values}. "
            "Các bộ lọc khác của liên kết vẫn được áp dụng."
        ),
        "en": (
            "Some values in the link match nothing and were left out: {values}. "
            "The link's other filters still apply."
        ),
    },
    "links.typed_unknown": {
        "vi": "Không tìm thấy: {values}.",
        "en": "Not found: {values}.",
    },
    # Beside a unit of the 34 in the province picker, so that an old name finds it.
    "links.option_includes": {"vi": "gồm {names}", "en": "incl. {names}"},
    # Beside an old province of the 63 merged into a unit of another name.
    "links.option_now_in": {"vi": "nay thuộc {name}", "en": "now part of {name}"},
    "links.unit_includes": {
        "vi": "{unit}, gồm {names} trước 1/7/2025",
        "en": "{unit}, including {names} before 1 July 2025",
    },
}
