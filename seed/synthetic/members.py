"""Year-end members and chapters of every association; after the reform, by current unit."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict
from typing import Any

from datastore.models.reference import ProvinceList
from datastore.reference.provinces import list_for_year
from seed import documented
from seed.names import SYNTHETIC, association_name, place
from seed.synthetic.associations import Association
from seed.synthetic.plan import Plan
from seed.synthetic.reference import country_names
from seed.synthetic.world import GAP_MEMBERS


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
