"""Synthetic foreign NGO aid: donors' currencies, sectors, storms, and the rows of a year."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from typing import Any

from datastore.models.reference import ProvinceList
from datastore.reference.provinces import ProvinceRecord, list_for_year, province_key
from datastore.reference.rates import vnd_per_unit_table
from seed import documented
from seed.documented.dong_nai_2020 import CUMULATIVE_COMMITMENT
from seed.names import SYNTHETIC, place
from seed.synthetic.plan import Plan, ProvincePlan
from seed.synthetic.reference import legacy_province
from seed.synthetic.titles import distinct_title
from seed.synthetic.world import (
    AID_DISBURSED_MUSD,
    COASTAL,
    COMMITTED_PER_DISBURSED,
    DONOR_SECTORS,
    DONOR_WEIGHT,
    DONORS,
    PROVINCE_AID_USD,
)

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
    "410": ("Trồng rừng phòng hộ đầu nguồn", "Thu gom, phân loại rác thải sinh hoạt"),
    "430": ("Phát triển nông thôn tổng hợp", "Phát triển cộng đồng vùng biên"),
    "720": ("Cứu trợ khẩn cấp sau bão lũ", "Lương thực, nước uống cho vùng lũ"),
    "730": ("Khôi phục nhà ở sau bão lũ", "Sửa chữa trường học sau thiên tai"),
    "740": ("Phòng chống thiên tai dựa vào cộng đồng", "Nhà tránh lũ đa năng"),
}
# Projects only a province with a coast has (world.COASTAL), added to its choice of titles.
COASTAL_TITLES = {
    "311": ("Sinh kế cho ngư dân ven biển",),
    "410": ("Trồng rừng ngập mặn ven biển",),
    "740": ("Chống chịu bão, nước biển dâng cho cộng đồng ven biển",),
}


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
    """The amount in USD exactly as datastore.load.records computes it."""
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
            code = legacy_province(row["province"]).code
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
    cumulative = CUMULATIVE_COMMITMENT
    no_commitments = (province_key(cumulative["province"]), cumulative["year"])
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
            sector = rng.choices(sectors, sector_weights)[0]
            donors, donor_weights = _donors_of(sector)
            country, donor = rng.choices(donors, donor_weights)[0]
            currency = _currency(rng, country)
            titles = AID_TITLES[sector]
            if code in COASTAL:
                titles += COASTAL_TITLES.get(sector, ())
            title = distinct_title(
                seen,
                (where.short_name, donor, sector),
                # Named after the unit that reports it: since 2025 the new one.
                f"{rng.choice(titles)} tại {place(where, on=date(year, 12, 31))}",
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


@cache
def _donors_of(sector: str) -> tuple[list[tuple[str, str]], list[float]]:
    """The (country, donor) pairs that fund `sector`, each weighted by its country's share."""
    pairs = [
        (country, donor)
        for country, names in DONORS.items()
        for donor in names
        if sector in DONOR_SECTORS[donor]
    ]
    return pairs, [DONOR_WEIGHT[country] / len(DONORS[country]) for country, _ in pairs]


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
