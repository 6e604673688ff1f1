"""The plan: what one seed draws once for every old province, before any row is made."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from datastore.models.reference import ProvinceList
from datastore.reference.provinces import REFORM_DATE, ProvinceRecord
from seed import documented
from seed.documented.cao_bang_2022 import PROVINCIAL_UNIONS_ON
from seed.documented.dong_nai_2020 import DONG_NAI_2020
from seed.documented.gia_lai_2018 import CONGRESS
from seed.names import union_name
from seed.synthetic.associations import Association, province_associations
from seed.synthetic.dates import day_between, day_in
from seed.synthetic.reference import legacy_province, provinces_of
from seed.synthetic.world import (
    AID_FOCUS,
    BORDERS,
    DONORS,
    EXCHANGE_WEIGHT,
    EXCHANGES_AT_SCALE_1,
    GAP_MONTH,
    GAP_YEAR,
    UNION_RAMP_MONTHS,
    WITHOUT_UNION,
    YEARS,
    month_weight,
)


@dataclass(frozen=True)
class ProvincePlan:
    """The lasting features of one old province."""

    record: ProvinceRecord  # 63-list
    union: str
    union_founded_on: date
    union_documented: bool
    union_active_from: date  # founding, or for a dormant union the congress that revived it
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


def build_plan(*, seed: int = 42) -> Plan:
    """Draw unions, associations and activity levels for every old province."""
    rng = random.Random(f"{seed}:plan")
    legacy = provinces_of(ProvinceList.LEGACY)
    documented_unions = {
        legacy_province(row["province"]).code: row
        for row in documented.ORGANIZATIONS
        if row["kind"] == "provincial_union"
    }
    union_dates = _union_dates(rng, legacy, documented_unions)
    closed_list = legacy_province(DONG_NAI_2020.province).code
    # 003:9 "Liên hiệp hầu như không hoạt động" until the first congress (003:11).
    revived = {legacy_province(CONGRESS["province"]).code: CONGRESS["date"]}
    provinces = []
    for record in legacy:
        union_founded_on = union_dates[record.code]
        associations = province_associations(
            rng, record, union_founded_on, closed=record.code == closed_list
        )
        provinces.append(
            ProvincePlan(
                record=record,
                union=union_name(record),
                union_founded_on=union_founded_on,
                union_documented=record.code in documented_unions,
                union_active_from=max(union_founded_on, revived.get(record.code, union_founded_on)),
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
        province.activity * union_weight(province, year, month) * month_weight(year, month)
        for province in provinces
        for year in YEARS
        for month in range(1, 13)
        if (province.record.code, year) not in exchange_gaps
        and (province.record.code, year, month) not in month_gaps
    )
    return Plan(
        seed=seed,
        provinces=tuple(provinces),
        current_units={r.code: r for r in provinces_of(ProvinceList.CURRENT)},
        exchange_gaps=exchange_gaps,
        month_gaps=month_gaps,
        exchanges_per_weight=EXCHANGES_AT_SCALE_1 / total_weight,
    )


def _union_dates(
    rng: random.Random, legacy: list[ProvinceRecord], documented_unions: Mapping[str, Any]
) -> dict[str, date]:
    """Founding dates such that exactly the stated number of unions existed on the stated day."""
    day, count = PROVINCIAL_UNIONS_ON
    dates = {code: row["founded_on"] for code, row in documented_unions.items()}
    already = sum(1 for founded_on in dates.values() if founded_on <= day)
    undecided = [r.code for r in legacy if r.code not in dates]
    # The capital and Ho Chi Minh City had unions long before 2022.
    late_candidates = [code for code in undecided if code not in {"01", "79"}]
    late = set(rng.sample(late_candidates, len(undecided) - (count - already)))
    for code in undecided:
        if code in late:
            dates[code] = day_between(rng, day + timedelta(days=1), REFORM_DATE - timedelta(1))
        else:
            year = round(rng.triangular(1990, 2022, 2005))
            dates[code] = min(day_in(rng, year), day)
    return dates


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


def union_weight(province: ProvincePlan, year: int, month: int) -> float:
    """Exchange volume of a month relative to a working union's: few before, then a ramp."""
    start = province.union_active_from
    if date(year, month, 1) < start:
        return WITHOUT_UNION
    months = (year - start.year) * 12 + month - start.month + 1
    return WITHOUT_UNION + (1 - WITHOUT_UNION) * min(1.0, months / UNION_RAMP_MONTHS)


def unions_founded_by(plan: Plan, day: date) -> int:
    """How many old provinces had a provincial union on `day`."""
    return sum(1 for province in plan.provinces if province.union_founded_on <= day)
