"""Article 002, Hà Nội, 28 Jan 2015: the national review of people's diplomacy in 2014."""

from __future__ import annotations

from datetime import date
from typing import Any

SOURCE = "002_6504cad6700c3f67.txt"  # Hà Nội, 28 Jan 2015: national review of 2014

EXCHANGES: tuple[dict[str, Any], ...] = (
    # 002:5 "Ngày 28/1, tại Hà Nội, Ban Đối ngoại Trung ương tổ chức Hội nghị Tổng kết công tác
    # đối ngoại nhân dân năm 2014" and 002:14 "trên 200 đại biểu": the year is 2015 (it reviews
    # 2014 and plans 2015); "more than 200" stored as 200.
    {
        "date": date(2015, 1, 28),
        "province": "Hà Nội",
        "direction": "incoming",
        "kind": "conference",
        "participants": 200,
        "title": (
            "Hội nghị Tổng kết công tác đối ngoại nhân dân năm 2014 và triển khai nhiệm vụ năm "
            "2015 do Ban Đối ngoại Trung ương tổ chức, trên 200 đại biểu"
        ),
        "source": SOURCE,
    },
)
