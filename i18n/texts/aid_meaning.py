"""Aid as the sources mean it: donor kinds, periods, and the notes on what totals leave out."""

from __future__ import annotations

AID_MEANING: dict[str, dict[str, str]] = {
    # Kinds of donor (values of the data model) ----------------------------------------------
    "donor_kind.foreign_ngo": {"vi": "Tổ chức phi chính phủ nước ngoài", "en": "Foreign NGO"},
    "donor_kind.foreign_other": {
        "vi": "Nhà tài trợ nước ngoài khác",
        "en": "Other foreign donor",
    },
    "donor_kind.domestic": {"vi": "Trong nước", "en": "Domestic"},
    # A foreign NGO whose country the source does not name.
    "donor_country.unspecified": {"vi": "Chưa xác định", "en": "Unspecified"},
    # Extract columns, notes under the aid charts, and the import's checks ---------------------
    "aid_meaning.column.period_start": {"vi": "Kỳ từ ngày", "en": "Period from"},
    "aid_meaning.column.period_end": {"vi": "Kỳ đến ngày", "en": "Period to"},
    "aid_meaning.column.donor_kind": {"vi": "Loại nhà tài trợ", "en": "Donor kind"},
    "aid_meaning.multi_year.committed": {
        "vi": "Ngoài ra: {amount} cam kết lũy kế {period} ({place}), không tính vào từng năm",
        "en": "In addition: {amount} committed, cumulative {period} ({place}), not counted "
        "in any single year",
    },
    "aid_meaning.multi_year.disbursed": {
        "vi": "Ngoài ra: {amount} giải ngân lũy kế {period} ({place}), không tính vào từng năm",
        "en": "In addition: {amount} disbursed, cumulative {period} ({place}), not counted "
        "in any single year",
    },
    "aid_meaning.apart.domestic": {
        "vi": "Hỗ trợ trong nước (không tính vào viện trợ PCPNN): {amount}",
        "en": "Domestic support (not counted as foreign NGO aid): {amount}",
    },
    "aid_meaning.apart.foreign_other": {
        "vi": "Nhà tài trợ nước ngoài khác (không tính vào viện trợ PCPNN): {amount}",
        "en": "Other foreign donors (not counted as foreign NGO aid): {amount}",
    },
    "aid_meaning.exchange_rate": {
        "vi": "Tính theo tỷ giá từng năm: thay đổi bằng VND gồm cả biến động tỷ giá.",
        "en": "At each year's exchange rate: changes in VND include exchange-rate movement.",
    },
    "aid_meaning.period_reversed": {
        "vi": "kỳ bắt đầu {start}, sau ngày kết thúc {end}; sửa lại ngày bắt đầu hoặc kết thúc",
        "en": "the period starts {start}, after it ends {end}; correct the start or the end",
    },
    "aid_meaning.year_outside_period": {
        "vi": "năm {year} nằm ngoài kỳ {start}–{end}; năm báo cáo phải thuộc kỳ của khoản viện trợ",
        "en": "year {year} is outside the period {start}–{end}; the year reported must fall "
        "within the amount's period",
    },
}
