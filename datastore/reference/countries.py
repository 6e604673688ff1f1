"""Countries with ISO alpha-3 codes (pycountry) and Vietnamese/English names (Babel, CLDR)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# Region from the time zones CLDR assigns to a country; names of the regions from CLDR too.
_REGION_BY_ZONE_PREFIX = {
    "Asia": "142",
    "Europe": "150",
    "Africa": "002",
    "America": "019",
    "Australia": "009",
    "Pacific": "009",
    "Antarctica": "AQ",
}

# Where CLDR adds a former name in brackets, the name Vietnamese and English usage writes today.
_NAMES = {"MM": ("Myanmar", "Myanmar")}


@dataclass(frozen=True)
class CountryRecord:
    """One country as the reference table stores it."""

    code: str
    alpha2: str
    name_vi: str
    name_en: str
    region_vi: str
    region_en: str


@lru_cache(maxsize=1)
def country_records() -> tuple[CountryRecord, ...]:
    """Every ISO 3166-1 country that CLDR names in Vietnamese."""
    import pycountry
    from babel import Locale
    from babel.core import get_global

    vi, en = Locale("vi").territories, Locale("en").territories
    zones = get_global("territory_zones")
    records = []
    for country in pycountry.countries:
        alpha2 = country.alpha_2
        if alpha2 not in vi or alpha2 not in en:
            continue
        region = _region_code(zones.get(alpha2, []))
        name_vi, name_en = _NAMES.get(alpha2, (vi[alpha2], en[alpha2]))
        records.append(
            CountryRecord(
                code=country.alpha_3,
                alpha2=alpha2,
                name_vi=name_vi,
                name_en=name_en,
                region_vi=vi.get(region, "Khác"),
                region_en=en.get(region, "Other"),
            )
        )
    return tuple(records)


def _region_code(zones: list[str]) -> str:
    """The CLDR region of the first time zone whose prefix names a continent."""
    for zone in zones:
        region = _REGION_BY_ZONE_PREFIX.get(zone.split("/", 1)[0])
        if region:
            return region
    return "ZZ"
