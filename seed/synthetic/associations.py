"""The friendship associations of an old province and how their membership moves."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from datastore.reference.provinces import ProvinceRecord, province_key
from seed import documented
from seed.documented.dong_nai_2020 import DONG_NAI_2020
from seed.names import association_name, place
from seed.synthetic.dates import day_in
from seed.synthetic.reference import country_names
from seed.synthetic.world import BORDERS, EVERY_UNION, OTHER_PARTNERS, YEARS


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


def province_associations(
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
                founded_on=day_in(rng, year),
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
    total_stated = DONG_NAI_2020
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
