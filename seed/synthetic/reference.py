"""Look-ups in datastore's reference data: country names, the provinces of a list, the coast."""

from __future__ import annotations

from functools import lru_cache

from datastore.models.reference import ProvinceList
from datastore.reference.countries import country_records
from datastore.reference.provinces import ProvinceRecord, province_key, province_records
from seed.synthetic.world import COASTAL


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Vietnamese country names by alpha-3 code."""
    return {record.code: record.name_vi for record in country_records()}


def provinces_of(province_list: ProvinceList) -> list[ProvinceRecord]:
    """The provinces of one list, by code."""
    return sorted(
        (r for r in province_records() if r.province_list is province_list), key=lambda r: r.code
    )


def legacy_province(name: str) -> ProvinceRecord:
    """An old (63-list) province by name."""
    key = province_key(name)
    return next(r for r in provinces_of(ProvinceList.LEGACY) if r.key == key)


def coastal_units(province_list: ProvinceList) -> frozenset[str]:
    """Codes of the units with a coast: an old province as listed, a new unit if any of its old
    provinces has one (since 2025 Gia Lai, Đắk Lắk, Lâm Đồng, Tây Ninh, An Giang reach the sea).
    """
    if province_list is ProvinceList.LEGACY:
        return COASTAL
    return frozenset(r.current_code for r in provinces_of(ProvinceList.LEGACY) if r.code in COASTAL)
