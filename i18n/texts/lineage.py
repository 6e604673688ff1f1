"""Organisation lineage: who succeeded whom, in the organisations file and the import's checks."""

from __future__ import annotations

LINEAGE: dict[str, dict[str, str]] = {
    "lineage.column.succeeds": {"vi": "Kế thừa tổ chức", "en": "Succeeds"},
    "lineage.unknown": {
        "vi": "chưa có tổ chức nào tên {value}; nạp tổ chức được kế thừa trước",
        "en": "no organisation named {value} is loaded yet; load the predecessor first",
    },
    "lineage.itself": {
        "vi": "{value} là chính tổ chức này; một tổ chức không kế thừa chính nó",
        "en": "{value} is this organisation itself; an organisation cannot succeed itself",
    },
    "lineage.ambiguous": {
        "vi": "có nhiều tổ chức tên {value} ({places}); không biết tổ chức nào được kế thừa",
        "en": "several organisations are named {value} ({places}); which one is succeeded is "
        "unclear",
    },
    "lineage.no_date": {
        "vi": "tổ chức kế thừa {value} cần ngày thành lập: đó là ngày kế thừa",
        "en": "{value} succeeds others and needs its founding date: the day it succeeded them",
    },
}
