"""Both official province lists and the 2025 old->new mapping, from `vietnamadminunits`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from datastore.models.reference import ProvinceList
from datastore.vietnamese import fold

REFORM_DATE = date(2025, 7, 1)  # Resolution 202/2025/QH15 takes effect
_PREFIXES = ("thanhpho", "tinh", "tp")
# Spellings that the library's keyword lists miss but that people write.
_EXTRA_ALIASES = {
    "thuathienhue": "hue",
    "tphcm": "hochiminh",
    "saigon": "hochiminh",
    "hochiminhcity": "hochiminh",
    "hanoicity": "hanoi",
    "daclac": "daklak",
    "daknong": "daknong",
    "dacnong": "daknong",
    "brvt": "bariavungtau",
}

# Old provinces the library names as they were on 30 June 2025, not as they reported before:
# Thừa Thiên Huế became the city of Huế only on 1 January 2025, so for 2010–2024 (nearly all of
# the 63-list's figures) it is the province of Thừa Thiên Huế. (full name, short name)
_LEGACY_NAMES = {"46": ("Tỉnh Thừa Thiên Huế", "Thừa Thiên Huế")}


@dataclass(frozen=True)
class ProvinceRecord:
    """One unit of one list, as the library describes it."""

    province_list: ProvinceList
    code: str
    name: str
    short_name: str
    kind: str
    latitude: float
    longitude: float
    key: str
    keywords: tuple[str, ...]
    current_code: str  # code of the 34-list unit it belongs to today
    legacy_code: str  # code of the 63-list unit it is shown as


def province_key(text: str) -> str:
    """Matching key of a province spelling: folded, without 'Tỉnh'/'Thành phố'/'TP.'."""
    key = fold(text)
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            key = key[len(prefix) :]
            break
    return _EXTRA_ALIASES.get(key, key)


def _kind(full_name: str) -> str:
    return "Thành phố" if full_name.startswith("Thành phố") else "Tỉnh"


@lru_cache(maxsize=1)
def province_records() -> tuple[ProvinceRecord, ...]:
    """The 34 current units and the 63 old provinces, each linked to the other list."""
    from vietnamadminunits.database import get_data

    fields = (
        "province,provinceShort,provinceCode,provinceLat,provinceLon,provinceKey,provinceKeywords"
    )
    converter = json.loads(
        resources.files("vietnamadminunits").joinpath("data/converter_2025.json").read_text("utf-8")
    )["DICT_PROVINCE"]
    rows = {
        ProvinceList.CURRENT: _unique_by_code(get_data(fields=fields, table="admin_units")),
        ProvinceList.LEGACY: _unique_by_code(get_data(fields=fields, table="admin_units_legacy")),
    }
    current_code_by_key = {
        row["provinceKey"]: row["provinceCode"] for row in rows[ProvinceList.CURRENT]
    }
    legacy_code_by_key = {
        row["provinceKey"]: row["provinceCode"] for row in rows[ProvinceList.LEGACY]
    }
    successor_code: dict[str, str] = {}
    for new_key, old_keys in converter.items():
        for old_key in old_keys:
            successor_code[legacy_code_by_key[old_key]] = current_code_by_key[new_key]
    legacy_codes = set(legacy_code_by_key.values())

    records: list[ProvinceRecord] = []
    for province_list, list_rows in rows.items():
        for row in list_rows:
            code = row["provinceCode"]
            if province_list is ProvinceList.CURRENT:
                # A new unit keeps the code of the old province that hosts its centre.
                if code not in legacy_codes or successor_code[code] != code:
                    raise ValueError(f"current unit {code} has no host province of the same code")
                current_code, legacy_code = code, code
            else:
                current_code, legacy_code = successor_code[code], code
            keywords = tuple(json.loads(row["provinceKeywords"] or "[]"))
            name, short_name = row["province"], row["provinceShort"]
            if province_list is ProvinceList.LEGACY and code in _LEGACY_NAMES:
                name, short_name = _LEGACY_NAMES[code]
            records.append(
                ProvinceRecord(
                    province_list=province_list,
                    code=code,
                    name=name,
                    short_name=short_name,
                    kind=_kind(name),
                    latitude=float(row["provinceLat"]),
                    longitude=float(row["provinceLon"]),
                    key=province_key(short_name),
                    keywords=keywords,
                    current_code=current_code,
                    legacy_code=legacy_code,
                )
            )
    return tuple(records)


def _unique_by_code(rows: list[dict[str, object]]) -> list[dict[str, str]]:
    """The library lists one row per ward; keep the first row of each province."""
    seen: dict[str, dict[str, str]] = {}
    for row in rows:
        code = str(row["provinceCode"])
        if code not in seen:
            seen[code] = {k: ("" if v is None else str(v)) for k, v in row.items()}
    return list(seen.values())


def list_for_date(day: date) -> ProvinceList:
    """Which list a figure dated `day` was reported under."""
    return ProvinceList.CURRENT if day >= REFORM_DATE else ProvinceList.LEGACY


def list_for_year(year: int) -> ProvinceList:
    """Which list a yearly figure was reported under; 2025's year-end reports use the 34 units."""
    return ProvinceList.CURRENT if year >= REFORM_DATE.year else ProvinceList.LEGACY
