"""Series restated on the last year's organisations: the note under a chart drawn over years."""

from __future__ import annotations

RESTATED: dict[str, dict[str, str]] = {
    "restated.note": {
        "vi": "Số hội hữu nghị các năm trước {year} được tính theo cơ cấu năm {year}: các hội "
        "đã hợp nhất được tính là một, như hội kế tục, nên việc hợp nhất không hiện thành giảm.",
        "en": "Associations in the years before {year} are counted on the {year} structure: "
        "associations that merged count once, as their successor, so a merger does not read "
        "as a fall.",
    },
}
