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
from seed.names import SYNTHETIC
from seed.synthetic.exchange_titles import Occasion, exchange_title
from seed.synthetic.localities import partner_localities
from seed.synthetic.occasions import TET, YearLedger, slot
from seed.synthetic.plan import Plan, ProvincePlan, union_weight
from seed.synthetic.reference import country_names
from seed.synthetic.titles import distinct_title
from seed.synthetic.world import (
    BORDERS,
    DIPLOMATIC_RELATIONS,
    GIFTS_AT_THE_BORDER,
    IN_PERSON,
    NEW_YEAR_PARTNERS,
    borders_closed,
    month_weight,
)

EXCHANGE_KINDS = ("delegation", "event", "conference", "humanitarian_visit", "cultural_exchange")
KIND_MIX = {
    "KHM": (55, 10, 5, 18, 12),
    "LAO": (55, 10, 5, 18, 12),
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
    ledger = YearLedger(year)
    for province in plan.provinces:
        code = province.record.code
        if (code, year) in plan.exchange_gaps:
            continue
        countries = [country for country, _ in province.partners]
        for month in range(1, 13):
            if (code, year, month) in plan.month_gaps:
                continue
            mean = plan.exchanges_per_weight * scale * province.activity
            share = union_weight(province, year, month) * month_weight(year, month)
            count = _poisson(rng, mean * share)
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
                row = _exchange(rng, plan, province, year, month, country, names, ledger)
                if row is None:
                    continue
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
    ledger: YearLedger,
) -> dict[str, Any] | None:
    """One exchange of a province in a month; None where a documented event fills the slot."""
    code = province.record.code
    day = date(year, month, rng.randint(1, calendar.monthrange(year, month)[1]))
    locality: str | None = None
    occasion = Occasion()
    if country is None:
        kind = "conference" if rng.random() < 0.8 else "event"
        direction = "incoming"  # held in the province
    else:
        options = partner_localities(code, country)
        if options and (country in BORDERS or rng.random() < 0.8):
            locality = rng.choice(options)
        kind, direction = _kind_and_direction(rng, country)
        if country in NEW_YEAR_PARTNERS and month in (1, 2, 4) and rng.random() < NEW_YEAR_SHARE:
            if month == 4:  # Chôl Chnăm Thmây and Bunpimay, 13–16 April: Vietnam visits
                visit, way = date(year, 4, rng.randint(8, 16)), "outgoing"
                festival = "Chôl Chnăm Thmây" if country == "KHM" else "Bunpimay"
            else:  # Tết Nguyên đán: the neighbours visit, in the weeks before
                visit = max(TET[year] - timedelta(days=rng.randint(1, 18)), date(year, 1, 2))
                way, festival = "incoming", "Nguyên đán"
            if not borders_closed(visit) and ledger.new_year_visit(
                code, country, locality, festival
            ):
                kind, day, direction = "delegation", visit, way
                occasion = Occasion(new_year=festival)
        if borders_closed(day) and occasion.new_year is None:
            kind, direction, occasion = _under_closure(rng, code, country, kind, direction)
        if kind == "event" and direction == "incoming" and not occasion.online:
            years = ledger.anniversary(code, country, month)
            if years is not None:
                established = DIPLOMATIC_RELATIONS[country]
                last = calendar.monthrange(year, month)[1]
                day = date(year, month, min(last, max(1, established.day + rng.randint(-4, 4))))
                occasion = Occasion(anniversary=years)
    if ledger.documented(slot(code, day, country, locality, direction, kind)):
        return None
    low, high = PARTICIPANTS[kind]
    participants = rng.randint(low, high) if rng.random() >= 0.05 else None
    unit = _reporting_unit(plan, province, day)
    title = exchange_title(rng, kind, direction, unit, day, country, locality, occasion, names)
    return {
        "date": day,
        "province": unit.short_name,
        "partner_country": country,
        "partner_locality": locality,
        "direction": direction,
        "kind": kind,
        "participants": participants,
        "title": title,
        "source": SYNTHETIC,
    }


def _kind_and_direction(rng: random.Random, country: str) -> tuple[str, str]:
    """What sort of exchange with `country`, and whether the province went or received."""
    kind = rng.choices(EXCHANGE_KINDS, KIND_MIX.get(country, KIND_MIX["other"]))[0]
    if kind == "humanitarian_visit":
        # Gifts go across the border; NGOs from donor countries come to see their projects.
        outgoing = 0.8 if country in (*NEW_YEAR_PARTNERS, "CUB") else 0.15
    else:
        outgoing = 0.4
    return kind, "outgoing" if rng.random() < outgoing else "incoming"


def _under_closure(
    rng: random.Random, code: str, country: str, kind: str, direction: str
) -> tuple[str, str, Occasion]:
    """An exchange while borders were closed: online, but for a few gifts and visitors."""
    if direction == "outgoing":
        across = country in BORDERS and code in BORDERS[country]
        if kind == "humanitarian_visit" and across and rng.random() < GIFTS_AT_THE_BORDER:
            return kind, direction, Occasion(border_gate=True)
    elif rng.random() < IN_PERSON.get(kind, 0.0):
        return kind, direction, Occasion()
    # Held online from the province: a conference stays one, the rest become online meetings.
    online_kind = "conference" if kind in ("conference", "delegation") else "event"
    return online_kind, "incoming", Occasion(online=True)


def _reporting_unit(plan: Plan, province: ProvincePlan, day: date) -> ProvinceRecord:
    if list_for_date(day) is ProvinceList.CURRENT:
        return plan.current_units[province.record.current_code]
    return province.record
