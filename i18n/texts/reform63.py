"""The 63-province view across the 2025 reform: the new units' figures, the merged provinces."""

from __future__ import annotations

REFORM63: dict[str, dict[str, str]] = {
    # A unit of the 34 list made of several old provinces, as it appears in the 63 view.
    "reform63.unit": {"vi": "{name} (từ 1/7/2025)", "en": "{name} (from 1 Jul 2025)"},
    # Where an old province merged on 1 July 2025 would show 0 or a fall of 100 %.
    "reform63.merged_into": {
        "vi": "sáp nhập vào {unit} từ 1/7/2025",
        "en": "merged into {unit} on 1 Jul 2025",
    },
    # Under a chart of chosen old provinces whose years reach past the reform.
    "reform63.chosen": {
        "vi": (
            "Từ 1/7/2025 số liệu của {names} thuộc {units} (34 đơn vị) và không tính ở đây;"
            " chọn danh sách 34 đơn vị để xem."
        ),
        "en": (
            "From 1 Jul 2025 the figures of {names} belong to {units} (34 units) and are not"
            " counted here; choose the 34-unit list to see them."
        ),
    },
    # Under the Vietnam map in the 63 view when it draws a new unit.
    "reform63.map": {
        "vi": (
            "Đơn vị mới từ 1/7/2025 không có ranh giới trong danh sách 63 tỉnh:"
            " vòng tròn của {names} đặt tại trung tâm đơn vị mới."
        ),
        "en": (
            "New units from 1 Jul 2025 have no boundary in the 63-province list:"
            " the circles of {names} sit at the new unit's centre."
        ),
    },
}
