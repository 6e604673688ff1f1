"""Which organisation a year's figures of another now count toward: lineage across mergers.

A comparison of year Y with Y-1 restates Y-1 on Y's organisations: an association of Y-1
counts toward its successor of Y (the link dated on or before 31 December of Y, followed
through a chain of successions). An association with several successors (one split in two) is
left as it was, its members cannot be shared out. One that stopped without a successor keeps
its own identity: its members are left out of the members change (it has nothing in Y to
compare with), and it is counted among Y-1's associations, since it did stop.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from datastore.models.facts import OrganizationSuccession
from datastore.queries._base import fetch, table

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
