"""Deterministic synthetic demo data for every province, 2010–2025, at DOMAIN.md's magnitudes.

Nothing here touches the database: `build_plan(seed=...)` draws the lasting features (unions,
associations, how active each province is), and one function per kind turns the plan into
the rows of one year, each year from its own `random.Random`, so a year's rows depend only on
the seed (and, for exchanges, the scale).
"""

from __future__ import annotations

import calendar
import itertools
import math
import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from datastore.models import ProvinceList
from datastore.reference.countries import country_records
from datastore.reference.provinces import (
    REFORM_DATE,
    ProvinceRecord,
    list_for_date,
    list_for_year,
    province_key,
    province_records,
)
from datastore.reference.rates import vnd_per_unit_table
from datastore.vietnamese import fold
from seed import documented
from seed.names import SYNTHETIC, VUFO, association_name, place, union_name

YEARS = range(2010, 2026)
EXCHANGES_AT_SCALE_1 = 100_000

# Countries -------------------------------------------------------------------------------------

# Every provincial union has these associations (DOMAIN.md: neighbours, and Japan, Korea, the
# USA, Russia, France, Cuba as the usual partners); further ones come from OTHER_PARTNERS.
EVERY_UNION = ("LAO", "KHM", "CHN", "JPN", "KOR", "USA", "RUS", "FRA", "CUB")
OTHER_PARTNERS = {
    "THA": 3.0, "DEU": 3.0, "IND": 2.5, "AUS": 2.0, "GBR": 2.0, "ITA": 1.5, "CAN": 1.5,
    "SGP": 1.5, "MYS": 1.2, "IDN": 1.2, "PHL": 1.0, "MMR": 1.0, "NLD": 1.0, "BEL": 1.0,
    "SWE": 1.0, "POL": 1.0, "CZE": 1.0, "HUN": 1.0, "UKR": 1.0, "BLR": 1.0, "MNG": 1.0,
    "ISR": 1.0, "NZL": 1.0, "VEN": 1.0, "BRA": 1.0, "CHE": 1.0, "AUT": 1.0, "DNK": 1.0,
    "NOR": 1.0, "FIN": 1.0, "BGR": 1.0, "KAZ": 1.0,
}  # fmt: skip

# Old (63-list) province codes along each land border.
BORDERS = {
    "KHM": {"62", "64", "66", "67", "70", "72", "80", "87", "89", "91"},
    "LAO": {"11", "14", "38", "40", "42", "44", "45", "46", "49", "62"},
    "CHN": {"02", "04", "10", "11", "12", "20", "22"},
}

# How often people exchange with each country, relative to the rest (0.5).
EXCHANGE_WEIGHT = {
    "KHM": 3.0, "LAO": 3.0, "JPN": 2.0, "KOR": 2.0, "CHN": 1.5, "USA": 1.2, "THA": 1.0,
    "RUS": 0.8, "FRA": 0.8, "CUB": 0.5,
}  # fmt: skip
NEW_YEAR_PARTNERS = ("KHM", "LAO")

# Partner localities: the neighbouring provinces across the border first, then the usual ones.
LOCALITIES_BY_PROVINCE: dict[str, dict[str, tuple[str, ...]]] = {
    "KHM": {
        "62": ("Ratanakiri",),
        "64": ("Ratanakiri",),
        "66": ("Mondulkiri",),
        "67": ("Mondulkiri",),
        "70": ("Kratie", "Tbong Khmum", "Mondulkiri"),
        "72": ("Svay Rieng", "Tbong Khmum", "Prey Veng"),
        "80": ("Svay Rieng", "Prey Veng"),
        "87": ("Prey Veng",),
        "89": ("Takeo", "Kandal"),
        "91": ("Kampot", "Takeo"),
    },
    "LAO": {
        "11": ("Phongsaly", "Luang Prabang", "Oudomxay"),
        "14": ("Houaphanh", "Luang Prabang"),
        "38": ("Houaphanh",),
        "40": ("Xiengkhouang", "Bolikhamxay"),
        "42": ("Bolikhamxay", "Khammouane"),
        "44": ("Khammouane", "Savannakhet"),
        "45": ("Savannakhet", "Salavan"),
        "46": ("Salavan", "Sekong"),
        "49": ("Sekong",),
        "62": ("Attapeu",),
        # 000:8 and 003:9: the Central Highlands work with the southern Lao provinces.
        "64": ("Attapeu", "Champasak"),
        "66": ("Champasak", "Attapeu", "Sekong", "Salavan"),
    },
    "CHN": {
        "02": ("Vân Nam",),
        "04": ("Quảng Tây",),
        "10": ("Vân Nam",),
        "11": ("Vân Nam",),
        "12": ("Vân Nam",),
        "20": ("Quảng Tây",),
        "22": ("Quảng Tây",),
    },
}
LOCALITIES: dict[str, tuple[str, ...]] = {
    "KHM": (
        "Mondulkiri", "Ratanakiri", "Stung Treng", "Kratie", "Svay Rieng", "Prey Veng", "Takeo",
        "Kampot", "Tbong Khmum", "Phnom Penh", "Siem Reap", "Battambang", "Kampong Cham",
    ),
    "LAO": (
        "Champasak", "Attapeu", "Sekong", "Salavan", "Savannakhet", "Viêng Chăn",
        "Luang Prabang", "Khammouane",
    ),
    "CHN": ("Quảng Tây", "Vân Nam", "Quảng Đông", "Hải Nam"),
    "JPN": (
        "Kanagawa", "Osaka", "Fukuoka", "Nagano", "Hiroshima", "Ibaraki", "Gunma", "Saitama",
        "Chiba", "Hokkaido", "Okayama", "Kumamoto",
    ),
    "KOR": ("Gyeonggi", "Gyeongsangbuk", "Chungcheongnam", "Jeollanam", "Jeju", "Busan", "Incheon"),
    "USA": ("California", "Texas", "Washington", "Virginia", "Massachusetts", "Oregon"),
    "RUS": ("Moskva", "Sankt-Peterburg", "Ulyanovsk", "Primorsky", "Tatarstan"),
    "FRA": ("Île-de-France", "Val-de-Marne", "Seine-Saint-Denis", "Bretagne", "Occitanie"),
    "CUB": ("La Habana", "Santiago de Cuba", "Cienfuegos", "Pinar del Río"),
    "THA": ("Udon Thani", "Nakhon Phanom", "Mukdahan", "Sakon Nakhon", "Bangkok"),
    "DEU": ("Sachsen", "Bayern", "Berlin", "Nordrhein-Westfalen"),
}  # fmt: skip

# Donors ----------------------------------------------------------------------------------------

# Foreign NGOs by country. Invented names: synthetic amounts must not be pinned on real bodies.
DONORS = {
    "USA": (
        "Mekong Children's Health Fund", "Pacific Bridge Education Foundation",
        "Heartland Clean Water Initiative", "American Friends of Vietnamese Villages",
    ),
    "JPN": (
        "Sakura Rural Development Association", "Kokoro Education Fund",
        "Hokuriku Medical Volunteers",
    ),
    "KOR": (
        "Hanbit Medical Volunteers", "Green Village Korea Foundation", "Saebom Children's Hope",
    ),
    "DEU": ("Brücke nach Vietnam e.V.", "Kinderhilfe Mekong e.V."),
    "FRA": ("Solidarité Santé Vietnam", "Association Lotus Éducation"),
    "AUS": ("Southern Cross Vision Aid", "Australian Village Water Trust"),
    "GBR": ("Thames Trust for Asian Children",),
    "NLD": ("Stichting Rijst en Water",),
    "BEL": ("Vrienden van Vietnam vzw",),
    "CAN": ("Maple Leaf Rural Health Network",),
    "CHE": ("Fondation Helvétique pour l'Enfance",),
    "SWE": ("Nordisk Skolhjälp",),
}  # fmt: skip
DONOR_WEIGHT = {
    "USA": 24, "JPN": 16, "KOR": 14, "DEU": 9, "FRA": 9, "AUS": 8, "GBR": 5, "CAN": 4,
    "NLD": 4, "BEL": 3, "CHE": 2, "SWE": 2,
}  # fmt: skip
# Share of a donor's projects reported in its own currency (the rest in USD, a few in VND).
OWN_CURRENCY = {"JPN": "JPY", "KOR": "KRW", "DEU": "EUR", "FRA": "EUR", "NLD": "EUR",
                "BEL": "EUR", "AUS": "AUD"}  # fmt: skip
OWN_CURRENCY_SHARE = 0.35
VND_SHARE = 0.08
# Amounts are rounded as donors write them.
ROUNDING = {"USD": 10, "EUR": 10, "AUD": 10, "JPY": 1_000, "KRW": 10_000, "VND": 1_000_000}

# Sector mix of foreign NGO aid (DAC codes), before storms shift it.
SECTOR_WEIGHT = {
    "121": 10, "122": 10, "111": 5, "112": 8, "113": 4, "114": 3, "140": 9, "151": 3,
    "160": 16, "311": 9, "410": 7, "430": 8, "720": 2, "730": 1, "740": 5,
}  # fmt: skip
# Storm years and the old provinces they hit hardest: emergency aid that year, reconstruction
# the next. 2016: October floods in the north-centre; 2017: typhoon Damrey; 2020: the October
# storms and floods of the centre; 2024: typhoon Yagi in the north.
STORMS = {
    2016: {"40", "42", "44", "45", "46"},
    2017: {"49", "51", "52", "54", "56", "58", "66"},
    2020: {"44", "45", "46", "49", "51"},
    2024: {"22", "31", "10", "15", "04", "02", "08", "06", "20", "25"},
}
# Poorer regions draw more NGO aid: northern mountains, north-central coast, Central
# Highlands and the poorest Mekong provinces.
AID_FOCUS = {
    "02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "20", "38", "40", "42", "44",
    "45", "46", "49", "51", "62", "64", "66", "67", "68", "83", "84", "94", "95",
}  # fmt: skip
AID_TITLES = {
    "111": ("Học bổng cho học sinh nghèo vượt khó", "Trang thiết bị dạy học cho trường vùng khó"),
    "112": ("Xây dựng phòng học mầm non", "Thư viện thân thiện cho trường tiểu học"),
    "113": ("Học bổng cho học sinh trung học", "Nhà bán trú cho học sinh dân tộc thiểu số"),
    "114": ("Đào tạo nghề cho thanh niên nông thôn", "Học bổng sinh viên ngành y"),
    "121": ("Trang thiết bị cho bệnh viện tuyến tỉnh", "Khám, phẫu thuật mắt miễn phí"),
    "122": ("Nâng cấp trạm y tế xã", "Chăm sóc sức khỏe bà mẹ và trẻ em"),
    "140": ("Cấp nước sạch cho xã vùng khó", "Nhà vệ sinh trường học"),
    "151": ("Nâng cao năng lực cho cán bộ cơ sở", "Hỗ trợ tổ chức cộng đồng"),
    "160": ("Xây nhà tình thương cho hộ nghèo", "Hỗ trợ người khuyết tật", "Quà an sinh xã hội"),
    "311": ("Sinh kế bền vững cho hộ nông dân", "Chuỗi giá trị nông sản sạch"),
    "410": ("Trồng rừng ngập mặn", "Thu gom, phân loại rác thải sinh hoạt"),
    "430": ("Phát triển nông thôn tổng hợp", "Phát triển cộng đồng vùng biên"),
    "720": ("Cứu trợ khẩn cấp sau bão lũ", "Lương thực, nước uống cho vùng lũ"),
    "730": ("Khôi phục nhà ở sau bão lũ", "Sửa chữa trường học sau thiên tai"),
    "740": ("Phòng chống thiên tai dựa vào cộng đồng", "Nhà tránh lũ đa năng"),
}

# National disbursed foreign NGO aid, million USD (DOMAIN.md: 304 in 2014, 220.7 in 2020, 223.7
# in 2022, about 228.6 in 2023). 2010 and 2025 are chosen inside the 220–300 band; the years
# between anchors are interpolated linearly.
AID_DISBURSED_MUSD = {2010: 262.0, 2014: 304.0, 2020: 220.7, 2022: 223.7, 2023: 228.6, 2025: 236.0}
PROVINCE_AID_USD = (1_000_000, 8_000_000)  # DOMAIN.md: one province gets 1–8 million USD a year
# Commitments run at about 1.3 times disbursements (DOMAIN.md); the range averages a little
# more because some commitments go unreported (see aid_rows).
COMMITTED_PER_DISBURSED = (1.15, 1.55)

# Exchanges --------------------------------------------------------------------------------------

EXCHANGE_KINDS = ("delegation", "event", "conference", "humanitarian_visit", "cultural_exchange")
KIND_MIX = {
    "neighbour": (55, 10, 5, 18, 12),
    "CHN": (60, 12, 8, 5, 15),
    "other": (50, 15, 8, 12, 15),
}
PARTICIPANTS = {
    "delegation": (3, 20),
    "event": (20, 60),
    "conference": (15, 60),
    "humanitarian_visit": (3, 15),
    "cultural_exchange": (10, 60),
}
DOMESTIC_SHARE = 0.04  # conferences and events of the union itself, with no partner country
# Exchanges a month relative to the year's average: the Tết season in January and February,
# the Khmer and Lao New Year in April, summer holidays, the year-end reviews.
SEASON = (1.25, 1.05, 1.1, 1.15, 1.0, 0.7, 0.6, 0.65, 0.95, 1.1, 1.2, 1.3)
# Activity by year: steady growth to 2019, a dip after COVID-19 (see _covid), then recovery.
GROWTH = {
    **{year: 0.62 + (1.0 - 0.62) * (year - 2010) / 9 for year in range(2010, 2020)},
    2020: 1.0, 2021: 1.0, 2022: 0.95, 2023: 1.05, 2024: 1.12, 2025: 1.18,
}  # fmt: skip
# Vietnamese New Year (Tết Nguyên đán), from the lunar calendar.
TET = {
    2010: date(2010, 2, 14), 2011: date(2011, 2, 3), 2012: date(2012, 1, 23),
    2013: date(2013, 2, 10), 2014: date(2014, 1, 31), 2015: date(2015, 2, 19),
    2016: date(2016, 2, 8), 2017: date(2017, 1, 28), 2018: date(2018, 2, 16),
    2019: date(2019, 2, 5), 2020: date(2020, 1, 25), 2021: date(2021, 2, 12),
    2022: date(2022, 2, 1), 2023: date(2023, 1, 22), 2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
}  # fmt: skip
NEW_YEAR_SHARE = 0.55  # of January-February and April exchanges with Cambodia and Laos
GAP_YEAR = 0.03  # a province that sent no exchange report for a year
GAP_MONTH = 0.04  # ... or for a month
GAP_MEMBERS = 0.06  # an association that reported no figure for a year


@dataclass(frozen=True)
class Association:
    """A friendship association and how its membership moves over the years."""

    name: str
    country: str
    founded_on: date
    # Fixed points (year, members) the membership curve passes through exactly.
    anchors: tuple[tuple[int, int], ...]
    growth: float  # yearly growth before the first and after the last anchor
    members_per_chapter: float
    documented: bool  # its organisation row is in seed.documented
    # Years whose figure a documented constraint fixes: reported exactly, never left out.
    pinned: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ProvincePlan:
    """The lasting features of one old province."""

    record: ProvinceRecord  # 63-list
    union: str
    union_founded_on: date
    union_documented: bool
    associations: tuple[Association, ...]
    activity: float  # exchange volume, relative
    aid_weight: float
    partners: tuple[tuple[str, float], ...]  # exchange partner countries with weights


@dataclass(frozen=True)
class Plan:
    """Everything drawn once per seed."""

    seed: int
    provinces: tuple[ProvincePlan, ...]
    current_units: Mapping[str, ProvinceRecord]  # 34-list, by code
    exchange_gaps: frozenset[tuple[str, int]]  # (old code, year) without exchange report
    month_gaps: frozenset[tuple[str, int, int]]  # (old code, year, month)
    exchanges_per_weight: float  # expected exchanges at scale 1 per unit of cell weight


# Reference look-ups ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Vietnamese country names by alpha-3 code."""
    return {record.code: record.name_vi for record in country_records()}


def _records(province_list: ProvinceList) -> list[ProvinceRecord]:
    return sorted(
        (r for r in province_records() if r.province_list is province_list), key=lambda r: r.code
    )


def _legacy_record(name: str) -> ProvinceRecord:
    key = province_key(name)
    return next(r for r in _records(ProvinceList.LEGACY) if r.key == key)


# The plan ----------------------------------------------------------------------------------------


def build_plan(*, seed: int = 42) -> Plan:
    """Draw unions, associations and activity levels for every old province."""
    rng = random.Random(f"{seed}:plan")
    legacy = _records(ProvinceList.LEGACY)
    documented_unions = {
        _legacy_record(row["province"]).code: row
        for row in documented.ORGANIZATIONS
        if row["kind"] == "provincial_union"
    }
    union_dates = _union_dates(rng, legacy, documented_unions)
    closed_list = _legacy_record(documented.DONG_NAI_2020.province).code
    provinces = []
    for record in legacy:
        union_founded_on = union_dates[record.code]
        associations = _associations(
            rng, record, union_founded_on, closed=record.code == closed_list
        )
        provinces.append(
            ProvincePlan(
                record=record,
                union=union_name(record),
                union_founded_on=union_founded_on,
                union_documented=record.code in documented_unions,
                associations=associations,
                activity=_activity(rng, record.code),
                aid_weight=rng.uniform(0.6, 1.4) * (1.5 if record.code in AID_FOCUS else 1.0),
                partners=_partners(record.code, associations),
            )
        )
    exchange_gaps = frozenset(
        (record.code, year) for record in legacy for year in YEARS if rng.random() < GAP_YEAR
    )
    month_gaps = frozenset(
        (record.code, year, month)
        for record in legacy
        for year in YEARS
        for month in range(1, 13)
        if rng.random() < GAP_MONTH
    )
    total_weight = sum(
        province.activity * _month_weight(year, month)
        for province in provinces
        for year in YEARS
        for month in range(1, 13)
        if (province.record.code, year) not in exchange_gaps
        and (province.record.code, year, month) not in month_gaps
    )
    return Plan(
        seed=seed,
        provinces=tuple(provinces),
        current_units={r.code: r for r in _records(ProvinceList.CURRENT)},
        exchange_gaps=exchange_gaps,
        month_gaps=month_gaps,
        exchanges_per_weight=EXCHANGES_AT_SCALE_1 / total_weight,
    )


def _union_dates(
    rng: random.Random, legacy: list[ProvinceRecord], documented_unions: Mapping[str, Any]
) -> dict[str, date]:
    """Founding dates such that exactly the stated number of unions existed on the stated day."""
    day, count = documented.PROVINCIAL_UNIONS_ON
    dates = {code: row["founded_on"] for code, row in documented_unions.items()}
    already = sum(1 for founded_on in dates.values() if founded_on <= day)
    undecided = [r.code for r in legacy if r.code not in dates]
    # The capital and Ho Chi Minh City had unions long before 2022.
    late_candidates = [code for code in undecided if code not in {"01", "79"}]
    late = set(rng.sample(late_candidates, len(undecided) - (count - already)))
    for code in undecided:
        if code in late:
            dates[code] = _day_between(rng, day + timedelta(days=1), REFORM_DATE - timedelta(1))
        else:
            year = round(rng.triangular(1990, 2022, 2005))
            dates[code] = min(_day_in(rng, year), day)
    return dates


def _associations(
    rng: random.Random, record: ProvinceRecord, union_founded_on: date, *, closed: bool
) -> tuple[Association, ...]:
    """The province's documented associations, topped up with synthetic ones to 9–31."""
    names = country_names()
    key = record.key
    listed = [
        row
        for row in documented.ORGANIZATIONS
        if row["kind"] == "friendship_association" and province_key(row["province"]) == key
    ]
    if closed:
        return _closed_associations(rng, listed)
    if record.code in {"01", "79"}:
        wanted = rng.randint(24, 31)
    elif record.code in {"31", "48", "92"}:
        wanted = rng.randint(15, 26)
    else:
        wanted = round(rng.triangular(9, 24, 12))
    covered = {row["partner_country"] for row in listed if not row.get("district")}
    extras = sorted(OTHER_PARTNERS, key=lambda c: -(rng.random() ** (1 / OTHER_PARTNERS[c])))
    countries = [c for c in (*EVERY_UNION, *extras) if c not in covered]
    countries = countries[: max(0, wanted - len(listed))]
    total = rng.randint(3_000, 11_000)  # DOMAIN.md: a few thousand to 11,000 members
    weights = {
        c: _association_weight(c, record.code) * rng.uniform(0.6, 1.4)
        for c in (*countries, *(row["partner_country"] for row in listed))
    }
    scale = total / sum(weights.values())
    associations = []
    for row in listed:
        final = (
            rng.randint(120, 600)  # a district association is small
            if row.get("district")
            else round(weights[row["partner_country"]] * scale)
        )
        associations.append(
            Association(
                name=row["organization"],
                country=row["partner_country"],
                founded_on=row["founded_on"],
                anchors=((YEARS[-1], max(40, final)),),
                growth=rng.uniform(0.02, 0.08),
                members_per_chapter=rng.uniform(120, 600),
                documented=True,
            )
        )
    for country in countries:
        # From a few years before the union up to 2025; the usual partners come early.
        first = min(max(union_founded_on.year - 6, 1990), YEARS[-1])
        skew = 2.0 if country in EVERY_UNION else 1.0
        year = round(first + (YEARS[-1] - first) * rng.random() ** skew)
        associations.append(
            Association(
                name=association_name(names[country], place(record)),
                country=country,
                founded_on=_day_in(rng, year),
                anchors=((YEARS[-1], max(40, round(weights[country] * scale))),),
                growth=rng.uniform(0.02, 0.08),
                members_per_chapter=rng.uniform(120, 600),
                documented=False,
            )
        )
    return tuple(associations)


def _closed_associations(
    rng: random.Random, listed: list[dict[str, Any]]
) -> tuple[Association, ...]:
    """Đồng Nai: exactly the nine stated associations, 2020 figures adding up as stated."""
    total_stated = documented.DONG_NAI_2020
    if len(listed) != total_stated.associations:
        raise ValueError(
            f"{total_stated.province} lists {len(listed)} associations, "
            f"not {total_stated.associations}"
        )
    year = total_stated.year
    stated = {
        row["organization"]: row for row in documented.MEMBERS if row["year"] == year
    }  # the Vietnam–Cambodia association's 4,200
    rest = [row for row in listed if row["organization"] not in stated]
    # "hơn 7 ngàn": just over 7,000 in all.
    total = total_stated.members_more_than + rng.randint(1, 150)
    remaining = total - sum(row["members"] for row in stated.values())
    weights = [(1 + 0.3 * (year - row["founded_on"].year)) * rng.uniform(0.7, 1.3) for row in rest]
    figures = dict(
        zip((row["organization"] for row in rest), _split(remaining, weights), strict=True)
    )
    associations = []
    for row in listed:
        anchors = [
            (r["year"], r["members"])
            for r in documented.MEMBERS
            if r["organization"] == row["organization"]
        ]
        if row["organization"] in figures:
            anchors.append((year, figures[row["organization"]]))
        stated_row = stated.get(row["organization"])
        per_chapter = (
            stated_row["members"] / stated_row["chapters"] if stated_row else rng.uniform(120, 600)
        )
        associations.append(
            Association(
                name=row["organization"],
                country=row["partner_country"],
                founded_on=row["founded_on"],
                anchors=tuple(sorted(anchors)),
                growth=rng.uniform(0.02, 0.06),
                members_per_chapter=per_chapter,
                documented=True,
                pinned=frozenset({year}),
            )
        )
    return tuple(associations)


def _split(total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights`, in whole numbers that add up exactly."""
    raw = [total * w / sum(weights) for w in weights]
    parts = [math.floor(x) for x in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _association_weight(country: str, code: str) -> float:
    """Neighbours' associations are the largest, bigger still along their border."""
    if country in BORDERS:
        return 3.0 * (2.0 if code in BORDERS[country] else 1.0)
    return {"JPN": 2.0, "KOR": 2.0, "RUS": 1.5, "CUB": 1.5, "USA": 1.5, "FRA": 1.5}.get(
        country, 0.6
    )


def _activity(rng: random.Random, code: str) -> float:
    """Exchange volume: the two big cities most, then the other cities and border provinces."""
    if code in {"01", "79"}:
        return rng.uniform(2.5, 3.2)
    if code in {"31", "48", "92"}:
        return rng.uniform(1.3, 1.7)
    border = any(code in codes for codes in BORDERS.values())
    return rng.uniform(0.5, 1.3) * (1.6 if border else 1.0)


def _partners(code: str, associations: Iterable[Association]) -> tuple[tuple[str, float], ...]:
    """Exchange partners: the association countries (neighbours more so) and the donors."""
    weights: dict[str, float] = {}
    for association in associations:
        border = association.country in BORDERS and code in BORDERS[association.country]
        weight = EXCHANGE_WEIGHT.get(association.country, 0.5) * (3.0 if border else 1.0)
        weights[association.country] = max(weights.get(association.country, 0.0), weight)
    for donor in DONORS:
        weights.setdefault(donor, 0.3)  # NGO delegations from donor countries
    return tuple(sorted(weights.items()))


def _day_in(rng: random.Random, year: int) -> date:
    """A day of `year`, before the reform date (an older body belongs to the 63-list)."""
    last = min(date(year, 12, 31), REFORM_DATE - timedelta(days=1))
    return _day_between(rng, date(year, 1, 1), last)


def _day_between(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def unions_founded_by(plan: Plan, day: date) -> int:
    """How many old provinces had a provincial union on `day`."""
    return sum(1 for province in plan.provinces if province.union_founded_on <= day)


# Organisations -----------------------------------------------------------------------------------


def union_rows(plan: Plan) -> list[dict[str, Any]]:
    """The synthetic provincial unions (the documented ones are in seed.documented)."""
    return [
        {
            "kind": "provincial_union",
            "organization": province.union,
            "province": province.record.short_name,
            "founded_on": province.union_founded_on,
            "parent": VUFO,
            "source": SYNTHETIC,
        }
        for province in plan.provinces
        if not province.union_documented
    ]


def association_rows(plan: Plan) -> list[dict[str, Any]]:
    """The synthetic friendship associations, each under its province's union."""
    return [
        {
            "kind": "friendship_association",
            "organization": association.name,
            "province": province.record.short_name,
            "partner_country": association.country,
            "founded_on": association.founded_on,
            "parent": province.union,
            "source": SYNTHETIC,
        }
        for province in plan.provinces
        for association in province.associations
        if not association.documented
    ]


# Membership ------------------------------------------------------------------------------------


def expected_members(association: Association, year: int) -> float:
    """Members on the association's curve: through its anchors, growing away from them."""
    anchors = association.anchors
    first_year, first = anchors[0]
    last_year, last = anchors[-1]
    if year >= last_year:
        return last * (1 + association.growth) ** (year - last_year)
    if year <= first_year:
        value = first / (1 + association.growth) ** (first_year - year)
        if year == first_year:
            return value
        # A young association gathers its first members over its first three years.
        age = year - association.founded_on.year
        return value * (0.55 + 0.15 * age) if age < 3 else value
    for (year_a, members_a), (year_b, members_b) in itertools.pairwise(anchors):
        if year_a <= year <= year_b:
            share = (year - year_a) / (year_b - year_a)
            return members_a * (members_b / members_a) ** share
    raise AssertionError("anchors are sorted and cover the year")


def membership_rows(plan: Plan, year: int) -> list[dict[str, Any]]:
    """Year-end members and chapters of every association, as its province reported them."""
    rng = random.Random(f"{plan.seed}:members:{year}")
    stated = {(row["organization"], row["year"]) for row in documented.MEMBERS}
    rows = []
    for province in plan.provinces:
        for association in province.associations:
            noise, gap, no_chapters = rng.uniform(0.96, 1.04), rng.random(), rng.random()
            if year < association.founded_on.year or (association.name, year) in stated:
                continue
            pinned = year in association.pinned
            if gap < GAP_MEMBERS and not pinned:
                continue
            value = expected_members(association, year)
            members = round(value if pinned else value * noise)
            chapters = max(1, round(members / association.members_per_chapter))
            rows.append(
                {
                    "year": year,
                    "province": province.record.short_name,
                    "organization": association.name,
                    "partner_country": association.country,
                    "members": max(1, members),
                    "chapters": None if no_chapters < 0.08 and not pinned else chapters,
                    "source": SYNTHETIC,
                }
            )
    if list_for_year(year) is ProvinceList.CURRENT:
        return _merged_membership(plan, rows, year)
    return rows


def _merged_membership(plan: Plan, rows: list[dict[str, Any]], year: int) -> list[dict[str, Any]]:
    """After the reform: one association per current unit and country, its predecessors' sum."""
    unit_of = {
        p.record.short_name: plan.current_units[p.record.current_code] for p in plan.provinces
    }
    members: dict[tuple[str, str], int] = defaultdict(int)
    chapters: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        key = (unit_of[row["province"]].code, row["partner_country"])
        members[key] += row["members"]
        chapters[key] += row["chapters"] or 0
    names = country_names()
    return [
        {
            "year": year,
            "province": plan.current_units[code].short_name,
            "organization": association_name(names[country], place(plan.current_units[code])),
            "partner_country": country,
            "members": members[(code, country)],
            "chapters": chapters[(code, country)] or None,
            "source": SYNTHETIC,
        }
        for code, country in sorted(members)
    ]


# Aid ---------------------------------------------------------------------------------------------


def national_disbursed_usd(year: int) -> float:
    """The national disbursed total the synthetic aid is calibrated to, in USD."""
    anchors = sorted(AID_DISBURSED_MUSD.items())
    for (year_a, value_a), (year_b, value_b) in itertools.pairwise(anchors):
        if year_a <= year <= year_b:
            return (value_a + (value_b - value_a) * (year - year_a) / (year_b - year_a)) * 1e6
    raise ValueError(f"no aid calibration for {year}")


@lru_cache(maxsize=1)
def _rates() -> dict[tuple[int, str], Decimal]:
    return vnd_per_unit_table()


def usd_value(amount: Decimal | int, currency: str, year: int) -> Decimal:
    """The amount in USD exactly as datastore.loading computes it."""
    if currency == "USD":
        return Decimal(amount)
    vnd = (Decimal(amount) * _rates()[(year, currency)]).to_integral_value(ROUND_HALF_UP)
    return (vnd / _rates()[(year, "USD")]).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _in_currency(usd: float, currency: str, year: int) -> Decimal:
    """A USD value expressed in `currency`, rounded the way donors write amounts."""
    rates = _rates()
    value = Decimal(str(usd)) * rates[(year, "USD")] / rates[(year, currency)]
    step = ROUNDING[currency]
    return max(Decimal(step), (value / step).to_integral_value(ROUND_HALF_UP) * step)


def documented_disbursed_usd(year: int) -> dict[str, Decimal]:
    """The documented disbursements of a year in USD, by old province code."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for row in documented.AID:
        if row["year"] == year and row["measure"] == "disbursed":
            code = _legacy_record(row["province"]).code
            totals[code] += usd_value(row["amount"], row["currency"], year)
    return totals


def _fit(
    weights: Mapping[str, float],
    total: float,
    low: Mapping[str, float],
    high: Mapping[str, float],
) -> dict[str, float]:
    """Shares of `total` in proportion to `weights`, each kept within its bounds."""
    values: dict[str, float] = {}
    free = set(weights)
    while True:
        remaining = total - sum(values.values())
        scale = remaining / sum(weights[k] for k in free)
        outside = {
            k: min(max(weights[k] * scale, low[k]), high[k])
            for k in free
            if not low[k] <= weights[k] * scale <= high[k]
        }
        if not outside:
            values.update({k: weights[k] * scale for k in free})
            return values
        values.update(outside)
        free -= outside.keys()


def aid_rows(plan: Plan, year: int) -> list[dict[str, Any]]:
    """Disbursed and committed aid by project: each province 1–8 M USD, the nation calibrated."""
    rng = random.Random(f"{plan.seed}:aid:{year}")
    stated = documented_disbursed_usd(year)
    target = national_disbursed_usd(year) - float(sum(stated.values()))
    # Half a percent inside the bounds, so rounding amounts cannot push a province out.
    low_bound, high_bound = PROVINCE_AID_USD[0] * 1.005, PROVINCE_AID_USD[1] * 0.995
    weights = {p.record.code: p.aid_weight * rng.uniform(0.75, 1.3) for p in plan.provinces}
    low = {code: low_bound - float(stated.get(code, 0)) for code in weights}
    high = {code: high_bound - float(stated.get(code, 0)) for code in weights}
    totals = _fit(weights, target, low, high)
    cumulative = documented.CUMULATIVE_COMMITMENT
    no_commitments = (province_key(cumulative["province"]), cumulative["year"])
    donors = list(DONOR_WEIGHT)
    donor_weights = list(DONOR_WEIGHT.values())
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str, str]] = set()
    for province in plan.provinces:
        code = province.record.code
        where = _reporting_unit_for_year(plan, province, year)
        sectors, sector_weights = _sector_weights(code, year)
        projects = rng.randint(3, 9)
        shares = [rng.uniform(0.3, 1.7) for _ in range(projects)]
        skip_commitments = province.record.key == no_commitments[0] and year <= no_commitments[1]
        for share in shares:
            usd = totals[code] * share / sum(shares)
            country = rng.choices(donors, donor_weights)[0]
            donor = rng.choice(DONORS[country])
            sector = rng.choices(sectors, sector_weights)[0]
            currency = _currency(rng, country)
            title = _distinct(
                seen,
                (where.short_name, donor, sector),
                f"{rng.choice(AID_TITLES[sector])} tại {place(province.record)}",
                word="dự án",
            )
            base = {
                "year": year,
                "province": where.short_name,
                "donor": donor,
                "donor_country": country,
                "sector": sector,
                "currency": currency,
                "title": title,
                "source": SYNTHETIC,
            }
            rows.append(
                {**base, "measure": "disbursed", "amount": _in_currency(usd, currency, year)}
            )
            ratio = rng.uniform(*COMMITTED_PER_DISBURSED)
            if not skip_commitments and rng.random() >= 0.05:  # a few commitments unreported
                committed = _in_currency(usd * ratio, currency, year)
                rows.append({**base, "measure": "committed", "amount": committed})
    return rows


def _sector_weights(code: str, year: int) -> tuple[list[str], list[float]]:
    """Sector mix of a province-year: storms bring emergency aid, then reconstruction."""
    weights = {sector: float(w) for sector, w in SECTOR_WEIGHT.items()}
    if code in STORMS.get(year, ()):
        weights["720"] += 25
        weights["740"] += 5
    if code in STORMS.get(year - 1, ()):
        weights["730"] += 20
    return list(weights), list(weights.values())


def _currency(rng: random.Random, country: str) -> str:
    draw = rng.random()
    if draw < VND_SHARE:
        return "VND"
    if country in OWN_CURRENCY and draw < VND_SHARE + OWN_CURRENCY_SHARE:
        return OWN_CURRENCY[country]
    return "USD"


def _reporting_unit_for_year(plan: Plan, province: ProvincePlan, year: int) -> ProvinceRecord:
    if list_for_year(year) is ProvinceList.CURRENT:
        return plan.current_units[province.record.current_code]
    return province.record


# Titles repeat a lot (templates × places × partners): folding each one once saves seconds.
_fold = lru_cache(maxsize=1 << 16)(fold)


def _distinct(seen: set[Any], key: tuple[Any, ...], title: str, *, word: str) -> str:
    """`title`, numbered when the same key already has it, since titles are part of row keys.

    The loader compares titles folded (accents and punctuation dropped), and so does this.
    """
    candidate, number = title, 1
    while (*key, _fold(candidate)) in seen:
        number += 1
        candidate = f"{title} ({word} {number})"
    seen.add((*key, _fold(candidate)))
    return candidate


# Exchanges -------------------------------------------------------------------------------------


def _covid(year: int, month: int) -> float:
    """COVID-19: borders closed from March 2020, reopened step by step in 2022."""
    if year == 2020:
        return 1.0 if month <= 2 else (0.4 if month == 3 else 0.12)
    if year == 2021:
        return 0.06 if 5 <= month <= 9 else (0.15 if month <= 4 else 0.2)
    if year == 2022:
        return 0.4 if month <= 3 else 0.85
    return 1.0


def _month_weight(year: int, month: int) -> float:
    return GROWTH[year] * SEASON[month - 1] * _covid(year, month)


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson count; the normal approximation once the mean is large."""
    if mean <= 0:
        return 0
    if mean > 40:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _localities(code: str, country: str) -> tuple[str, ...]:
    return LOCALITIES_BY_PROVINCE.get(country, {}).get(code) or LOCALITIES.get(country, ())


def exchange_rows(plan: Plan, year: int, *, scale: float = 1.0) -> list[dict[str, Any]]:
    """Delegations, events and visits of a year: about 100,000 × scale over 2010–2025."""
    rng = random.Random(f"{plan.seed}:exchanges:{year}:{scale}")
    names = country_names()
    rows: list[dict[str, Any]] = []
    seen: set[Any] = set()
    for province in plan.provinces:
        code = province.record.code
        if (code, year) in plan.exchange_gaps:
            continue
        countries = [country for country, _ in province.partners]
        for month in range(1, 13):
            if (code, year, month) in plan.month_gaps:
                continue
            mean = plan.exchanges_per_weight * scale * province.activity
            count = _poisson(rng, mean * _month_weight(year, month))
            new_year_month = month in (1, 2, 4)
            cumulative = list(
                itertools.accumulate(
                    weight * (2.2 if new_year_month and country in NEW_YEAR_PARTNERS else 1.0)
                    for country, weight in province.partners
                )
            )
            for _ in range(count):
                country: str | None = rng.choices(countries, cum_weights=cumulative)[0]
                if rng.random() < DOMESTIC_SHARE:
                    country = None
                row = _exchange(rng, plan, province, year, month, country, names)
                row["title"] = _distinct(
                    seen,
                    (row["date"], row["province"], country, row["direction"], row["kind"]),
                    row["title"],
                    word="lượt",
                )
                rows.append(row)
    return rows


def _exchange(
    rng: random.Random,
    plan: Plan,
    province: ProvincePlan,
    year: int,
    month: int,
    country: str | None,
    names: Mapping[str, str],
) -> dict[str, Any]:
    """One exchange of a province in a month."""
    day = date(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))
    locality: str | None = None
    if country is None:
        kind = "conference" if rng.random() < 0.8 else "event"
        direction = "incoming"  # held in the province
    else:
        options = _localities(province.record.code, country)
        if options and (country in BORDERS or rng.random() < 0.8):
            locality = rng.choice(options)
        group = (
            "neighbour"
            if country in NEW_YEAR_PARTNERS
            else ("CHN" if country == "CHN" else "other")
        )
        kind = rng.choices(EXCHANGE_KINDS, KIND_MIX[group])[0]
        if kind == "humanitarian_visit":
            # Gifts go across the border; NGOs from donor countries come to see their projects.
            outgoing = 0.8 if country in (*NEW_YEAR_PARTNERS, "CUB") else 0.15
        else:
            outgoing = 0.4
        direction = "outgoing" if rng.random() < outgoing else "incoming"
    new_year = None
    if country in NEW_YEAR_PARTNERS and month in (1, 2, 4) and rng.random() < NEW_YEAR_SHARE:
        kind = "delegation"
        if month == 4:  # Chôl Chnăm Thmây and Bunpimay, 13–16 April: Vietnam visits
            day, direction = date(year, 4, rng.randint(8, 16)), "outgoing"
            new_year = "Chôl Chnăm Thmây" if country == "KHM" else "Bunpimay"
        else:  # Tết Nguyên đán: the neighbours visit, in the weeks before
            day = max(TET[year] - timedelta(days=rng.randint(1, 18)), date(year, 1, 2))
            direction, new_year = "incoming", "Nguyên đán"
    low, high = PARTICIPANTS[kind]
    participants = rng.randint(low, high) if rng.random() >= 0.05 else None
    unit = _reporting_unit(plan, province, day)
    return {
        "date": day,
        "province": unit.short_name,
        "partner_country": country,
        "partner_locality": locality,
        "direction": direction,
        "kind": kind,
        "participants": participants,
        "title": _exchange_title(rng, kind, direction, unit, country, locality, new_year, names),
        "source": SYNTHETIC,
    }


def _reporting_unit(plan: Plan, province: ProvincePlan, day: date) -> ProvinceRecord:
    if list_for_date(day) is ProvinceList.CURRENT:
        return plan.current_units[province.record.current_code]
    return province.record


def _exchange_title(
    rng: random.Random,
    kind: str,
    direction: str,
    unit: ProvinceRecord,
    country: str | None,
    locality: str | None,
    new_year: str | None,
    names: Mapping[str, str],
) -> str:
    where = place(unit)
    if country is None:
        return rng.choice(
            (
                f"Hội nghị tổng kết công tác đối ngoại nhân dân {where}",
                f"Hội nghị Ban Chấp hành Liên hiệp các tổ chức hữu nghị {where}",
                f"Tập huấn công tác đối ngoại nhân dân {where}",
            )
            if kind == "conference"
            else (f"Ngày hội hữu nghị {where}", f"Gặp mặt bạn bè quốc tế tại {where}")
        )
    country_vi = names[country]
    partner = f"{locality} ({country_vi})" if locality else country_vi
    if new_year == "Nguyên đán":
        return f"Đoàn {partner} thăm, chúc Tết Nguyên đán {where}"
    if new_year:
        return f"Đoàn {where} thăm, chúc Tết {new_year} {partner}"
    incoming = direction == "incoming"
    titles = {
        "delegation": (
            (f"Đón đoàn {partner} thăm và làm việc tại {where}",
             f"Tiếp đoàn {partner} tìm hiểu hợp tác tại {where}")
            if incoming
            else (f"Đoàn {where} thăm và làm việc tại {partner}",)
        ),
        "event": (
            (f"Lễ kỷ niệm quan hệ ngoại giao Việt Nam – {country_vi} tại {where}",
             f"Giao lưu hữu nghị nhân dân {where} với {partner}")
            if incoming
            else (f"Đoàn {where} dự sự kiện hữu nghị tại {partner}",)
        ),
        "conference": (
            (f"Hội thảo hợp tác giữa {where} và {partner}",)
            if incoming
            else (f"Đoàn {where} dự hội thảo tại {partner}",)
        ),
        "humanitarian_visit": (
            (f"Đoàn tổ chức phi chính phủ {country_vi} khảo sát, trao quà tại {where}",)
            if incoming
            else (f"Đoàn {where} thăm và tặng quà nhân dân {partner}",)
        ),
        "cultural_exchange": (
            (f"Giao lưu văn hóa, nghệ thuật với đoàn {partner} tại {where}",)
            if incoming
            else (f"Đoàn nghệ thuật {where} biểu diễn giao lưu tại {partner}",)
        ),
    }  # fmt: skip
    return rng.choice(titles[kind])
