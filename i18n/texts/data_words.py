"""The words of the data kinds, their natural keys and the values accepted in coded columns."""

from __future__ import annotations

# Names of the kinds of data, for messages.
KIND_NAMES: dict[str, dict[str, str]] = {
    "members": {"vi": "hội viên", "en": "members"},
    "aid": {"vi": "viện trợ PCPNN", "en": "foreign NGO aid"},
    "exchanges": {"vi": "đoàn ra, đoàn vào", "en": "exchanges"},
    "organizations": {"vi": "tổ chức", "en": "organisations"},
}

# The natural key of each kind, which decides whether two rows are the same record.
KEY_COLUMNS: dict[str, dict[str, str]] = {
    "members": {"vi": "tổ chức, tỉnh và năm", "en": "organisation, province and year"},
    "aid": {
        "vi": "năm, tỉnh, nhà tài trợ, lĩnh vực, cam kết/giải ngân và tên dự án",
        "en": "year, province, donor, sector, measure and title",
    },
    "exchanges": {
        "vi": "ngày, tỉnh, nước đối tác, đoàn vào/ra, loại hoạt động và nội dung",
        "en": "date, province, partner country, direction, kind and title",
    },
    "organizations": {"vi": "tên tổ chức và tỉnh", "en": "name and province"},
}

# Words accepted for the coded columns, besides the code word itself: (vi, en, *aliases).
# The first two are shown in messages and in the template guide.
CHOICE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "measure": {
        "committed": ("cam kết", "committed", "commitment"),
        "disbursed": ("giải ngân", "disbursed", "disbursement", "đã giải ngân"),
    },
    "donor_kind": {
        "foreign_ngo": (
            "phi chính phủ nước ngoài",
            "foreign NGO",
            "PCPNN",
            "tổ chức phi chính phủ nước ngoài",
            "NGO",
        ),
        "foreign_other": (
            "nước ngoài khác",
            "other foreign",
            "foreign other",
            "nhà tài trợ nước ngoài khác",
            "other foreign donor",
        ),
        "domestic": ("trong nước", "domestic"),
    },
    "direction": {
        "incoming": ("đoàn vào", "incoming", "vào", "in"),
        "outgoing": ("đoàn ra", "outgoing", "ra", "out"),
    },
    "kind": {
        "delegation": ("đoàn", "delegation", "đoàn công tác"),
        "event": ("sự kiện", "event"),
        "conference": ("hội nghị", "conference", "hội thảo"),
        "humanitarian_visit": ("thăm nhân đạo", "humanitarian visit", "nhân đạo"),
        "cultural_exchange": ("giao lưu văn hóa", "cultural exchange", "giao lưu"),
    },
    "organization_kind": {
        "national_union": ("liên hiệp quốc gia", "national union"),
        "provincial_union": ("liên hiệp tỉnh", "provincial union"),
        "friendship_association": ("hội hữu nghị", "friendship association"),
        "chapter": ("chi hội", "chapter"),
    },
}
