"""How the demo data names unions and associations, shared by the documented and synthetic parts."""

from __future__ import annotations

from datetime import date

from datastore.models.reference import ProvinceList
from datastore.reference.provinces import ProvinceRecord

VUFO = "Liên hiệp các tổ chức hữu nghị Việt Nam"
SYNTHETIC = "synthetic"


# Old provinces renamed before the reform: from the day, the new name. Thừa Thiên Huế became
# the centrally run city of Huế on 1 January 2025, half a year before the 2025 reform.
RENAMED = {(ProvinceList.LEGACY, "46"): (date(2025, 1, 1), "thành phố Huế")}


def place(record: ProvinceRecord, *, on: date | None = None) -> str:
    """'tỉnh Gia Lai', 'thành phố Hồ Chí Minh': a province as it follows an organisation's name.

    With `on`, the name the province had that day.
    """
    renamed = RENAMED.get((record.province_list, record.code))
    if on is not None and renamed is not None and on >= renamed[0]:
        return renamed[1]
    return f"{record.kind.lower()} {record.short_name}"


def union_name(record: ProvinceRecord) -> str:
    """The provincial union of a province."""
    return f"Liên hiệp các tổ chức hữu nghị {place(record)}"


def association_name(country_vi: str, where: str) -> str:
    """A bilateral friendship association, e.g. 'Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai'."""
    return f"Hội hữu nghị Việt Nam – {country_vi} {where}"
