"""How the demo data names unions and associations, shared by the documented and synthetic parts."""

from __future__ import annotations

from datastore.reference.provinces import ProvinceRecord

VUFO = "Liên hiệp các tổ chức hữu nghị Việt Nam"
SYNTHETIC = "synthetic"


def place(record: ProvinceRecord) -> str:
    """'tỉnh Gia Lai', 'thành phố Hồ Chí Minh': a province as it follows an organisation's name."""
    return f"{record.kind.lower()} {record.short_name}"


def union_name(record: ProvinceRecord) -> str:
    """The provincial union of a province."""
    return f"Liên hiệp các tổ chức hữu nghị {place(record)}"


def association_name(country_vi: str, where: str) -> str:
    """A bilateral friendship association, e.g. 'Hội hữu nghị Việt Nam – Lào tỉnh Đồng Nai'."""
    return f"Hội hữu nghị Việt Nam – {country_vi} {where}"
