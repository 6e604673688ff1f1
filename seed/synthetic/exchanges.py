"""Synthetic exchanges: kinds, participants, the New Year visits, and the rows of a year."""

from __future__ import annotations

import calendar
import itertools
import math
import random
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from datastore.models.reference import ProvinceList
from datastore.reference.provinces import ProvinceRecord, list_for_date
from seed.names import SYNTHETIC, place
from seed.synthetic.localities import partner_localities
from seed.synthetic.plan import Plan, ProvincePlan
from seed.synthetic.reference import country_names
from seed.synthetic.titles import distinct_title
from seed.synthetic.world import BORDERS, NEW_YEAR_PARTNERS, month_weight

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
            count = _poisson(rng, mean * month_weight(year, month))
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
                row["title"] = distinct_title(
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
        options = partner_localities(province.record.code, country)
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
