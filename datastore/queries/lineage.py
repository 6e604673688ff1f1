"""Which organisation a year's figures of another now count toward: lineage across mergers.

A comparison of year Y with Y-1 restates Y-1 on Y's organisations: an association of Y-1
counts toward its successor of Y (the link dated on or before 31 December of Y, followed
through a chain of successions). An association with several successors (one split in two) is
left as it was, its members cannot be shared out. One that stopped without a successor keeps
its own identity: its members are left out of the members change (it has nothing in Y to
compare with), and it is counted among Y-1's associations, since it did stop. A successor whose
predecessors did not all report in Y-1 (one that had reported before missed that year) is left
out of the members change: its Y figure holds members its Y-1 figure lacks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
from sqlalchemy import BigInteger, Select, and_, case, func, literal, select, union
from sqlmodel import Session

from datastore.filters import Filters, conditions
from datastore.models.facts import OrganizationSuccession
from datastore.queries._base import MEMBERSHIP, fetch, table

SUCCESSION = table(OrganizationSuccession)


def restated_on(session: Session, year: int) -> dict[int, int]:
    """Organisation id -> the id it counts as in `year`, for organisations that were succeeded."""
    stmt = select(SUCCESSION.c.predecessor_id, SUCCESSION.c.successor_id).where(
        SUCCESSION.c.date <= date(year, 12, 31)
    )
    successors: dict[int, set[int]] = defaultdict(set)
    for predecessor, successor in fetch(session, stmt):
        successors[int(predecessor)].add(int(successor))
    single = {p: next(iter(s)) for p, s in successors.items() if len(s) == 1}
    restated: dict[int, int] = {}
    for start in single:
        current, seen = start, {start}
        while current in single and single[current] not in seen:
            current = single[current]
            seen.add(current)
        restated[start] = current
    return restated


# Years of an organisation travel as bits of one integer per window of years: SQL integers have
# 64 bits, of which the sign and one spare are left alone.
_WINDOW = 62


def merged_away(session: Session, filters: Filters, years: range) -> tuple[dict[int, int], int]:
    """Associations fewer per year of `years` but the last, counted on the last's organisations.

    `filters` restrict the members rows. Returns, per earlier year, how many of its associations
    become one with another through their successors (years with none left out), and how many
    associations of those years count as their successor (0: nothing is restated).
    """
    last = years[-1] if years else None
    successors = restated_on(session, last) if last is not None else {}
    if last is None or not successors:
        return {}, 0
    starts = range(years[0], last, _WINDOW)
    rows = fetch(session, _years_reported(filters, years))
    if not rows:
        return {}, 0
    organizations = [int(row[0]) for row in rows]
    counts_as = np.array([successors.get(org, org) for org in organizations], dtype=np.int64)
    restated = counts_as != np.array(organizations, dtype=np.int64)
    # Associations that count as the same one, side by side: each group's years are OR-ed.
    order = np.argsort(counts_as, kind="stable")
    grouped = counts_as[order]
    firsts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    fewer: dict[int, int] = {}
    restated_count = 0
    for column, start in enumerate(starts, start=1):
        masks = np.array([int(row[column]) for row in rows], dtype=np.uint64)
        bits = np.arange(min(_WINDOW, last - start), dtype=np.uint64)
        reported = (masks[:, None] >> bits) & 1  # association x year: 1 if it reported
        merged = np.bitwise_or.reduceat(masks[order], firsts)
        counts = reported.sum(axis=0) - ((merged[:, None] >> bits) & 1).sum(axis=0)
        fewer.update({start + offset: int(n) for offset, n in enumerate(counts) if n})
        restated_count += int(reported[restated].sum())
    return fewer, restated_count


# Built once per filters and years: building it costs about as much as running it.
@lru_cache(maxsize=256)
def _years_reported(filters: Filters, years: range) -> Select[Any]:
    """Per association in a link, the years of `years` but the last it has members rows in.

    The years are bits of an integer per window of years, the first year of each the lowest.
    """
    last = years[-1]
    # Only associations in a link can merge with another: the predecessors and their successors.
    dated = SUCCESSION.c.date <= date(last, 12, 31)
    linked = union(
        select(SUCCESSION.c.predecessor_id).where(dated),
        select(SUCCESSION.c.successor_id).where(dated),
    ).subquery()
    year = MEMBERSHIP.c.year
    present = (
        select(MEMBERSHIP.c.organization_id, year)
        .where(
            *conditions(filters, MEMBERSHIP),
            year >= years[0],
            year < last,
            MEMBERSHIP.c.organization_id.in_(select(linked.c[0])),
        )
        .distinct()
        .subquery()
    )
    # One row per association, its years as bits, instead of one per (year, association): the
    # rows are what costs, and numpy then counts the bits of all of them at once.
    return select(
        present.c.organization_id,
        *(
            func.sum(
                case(
                    (
                        and_(present.c.year >= start, present.c.year < start + _WINDOW),
                        literal(1, BigInteger).op("<<")(present.c.year - start),
                    ),
                    else_=0,
                )
            )
            for start in range(years[0], last, _WINDOW)
        ),
    ).group_by(present.c.organization_id)


def incomplete_successors(session: Session, restated: dict[int, int], year: int) -> set[int]:
    """Successors of `year` with a predecessor that reported before `year - 1` but not in it."""
    if not restated:
        return set()
    predecessors = sorted(restated)
    reported: dict[int, set[int]] = defaultdict(set)  # organisation -> 0 before Y-1, 1 in Y-1
    for chunk in range(0, len(predecessors), 5_000):
        ids = predecessors[chunk : chunk + 5_000]
        stmt = (
            select(MEMBERSHIP.c.organization_id, MEMBERSHIP.c.year == year - 1)
            .where(MEMBERSHIP.c.organization_id.in_(ids), MEMBERSHIP.c.year <= year - 1)
            .distinct()
        )
        for org, in_year in fetch(session, stmt):
            reported[int(org)].add(int(bool(in_year)))
    return {restated[org] for org, found in reported.items() if found == {0}}


Restated = dict[tuple[int, int, int, int | None], float]


def restated(
    per_association: dict[tuple[int, int, int], float], successors: dict[int, int], year: int
) -> Restated:
    """Members per (association as of `year`, unit, year, the association it restates or None).

    Rows of the year before whose association was succeeded count toward the successor.
    """
    rows: Restated = {}
    for (org, unit, y), members in per_association.items():
        successor = successors.get(org) if y == year - 1 else None
        key = (successor, unit, y, org) if successor is not None else (org, unit, y, None)
        rows[key] = members
    return rows


def sum_members(rows: Restated) -> dict[tuple[Hashable, int], float]:
    """Members per (association, year), predecessors' added up under their successor."""
    sums: dict[tuple[Hashable, int], float] = {}
    for (org, _, y, _), members in rows.items():
        sums[(org, y)] = sums.get((org, y), 0.0) + members
    return sums


def count_associations(rows: Restated) -> dict[tuple[Hashable, int], float]:
    """Associations with a members row per (unit, year), each successor once."""
    found = {(org, unit, y) for (org, unit, y, _) in rows}
    counts: dict[tuple[Hashable, int], float] = {}
    for _, unit, y in found:
        counts[(unit, y)] = counts.get((unit, y), 0) + 1
    return counts
