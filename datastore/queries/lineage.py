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

from sqlalchemy import ColumnElement, select, union
from sqlmodel import Session

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


def merged_away(
    session: Session, where: list[ColumnElement[bool]], year: int
) -> tuple[dict[int, int], int]:
    """Associations fewer per year before `year`, counted on `year`'s organisations.

    `where` restricts the members rows. Returns, per earlier year, how many of its associations
    become one with another through their successors, and how many associations of those years
    count as their successor (0: nothing is restated).
    """
    successors = restated_on(session, year)
    if not successors:
        return {}, 0
    # Only associations in a link can merge with another: the predecessors and their successors.
    dated = SUCCESSION.c.date <= date(year, 12, 31)
    linked = union(
        select(SUCCESSION.c.predecessor_id).where(dated),
        select(SUCCESSION.c.successor_id).where(dated),
    ).subquery()
    stmt = (
        select(MEMBERSHIP.c.year, MEMBERSHIP.c.organization_id)
        .where(
            *where,
            MEMBERSHIP.c.year < year,
            MEMBERSHIP.c.organization_id.in_(select(linked.c[0])),
        )
        .distinct()
    )
    present: dict[int, set[int]] = defaultdict(set)
    for y, org in fetch(session, stmt):
        present[int(y)].add(int(org))
    fewer = {
        y: len(orgs) - len({successors.get(org, org) for org in orgs})
        for y, orgs in present.items()
    }
    restated_count = sum(
        1 for orgs in present.values() for org in orgs if successors.get(org, org) != org
    )
    return fewer, restated_count


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
