"""The `succeeds` column of an organisations file: predecessors checked, then stored as links.

A cell lists the predecessors' names separated by ";". A name is looked up among the
organisations already stored, leaving out the row's own (in a province that did not merge in
2025, the new association often bears its predecessor's name). A blank cell, or a file without
the column, leaves the links already stored as they are.

Links have no load of their own: each load that names an organisation's predecessors keeps, as
a RowChange of table LINKS, the links before and after it. Undoing or replacing a load gives
each successor it set the links of the latest load still in place that set them, or the links
from before the first such load.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlmodel import Session, col

from datastore.load.cells import Context, Row
from datastore.models.facts import Organization, OrganizationSuccession
from datastore.models.loads import ImportBatch, RowChange
from datastore.problems import DataProblem
from datastore.vietnamese import fold
from i18n.formatting import quote

SEPARATOR = ";"
COLUMN = "succeeds"
LINK = OrganizationSuccession.__table__  # type: ignore[attr-defined]
LINKS = LINK.name  # RowChange.table_name of the links a load set; row_id is the successor
Links = list[tuple[int, str]]  # (predecessor id, ISO date), sorted


def predecessors(
    context: Context, cells: Row, *, name: str | None, own_key: str, founded_on: date | None
) -> tuple[int, ...] | None:
    """The ids of the organisations the row succeeds; None when the cell is blank."""
    written = cells.text(COLUMN, max_length=4000, required=False)
    if written is None or name is None:
        return None
    if founded_on is None:
        cells.problem(COLUMN, DataProblem("lineage.no_date", value=quote(name)))
        return None
    stored = _stored(context)
    found: list[int] = []
    for predecessor in dict.fromkeys(part.strip() for part in written.split(SEPARATOR)):
        if not predecessor:
            continue
        candidates = stored.get(fold(predecessor), [])
        others = [(i, place) for i, key, place in candidates if key != own_key]
        if not others:
            itself = candidates or fold(predecessor) == fold(name)
            message = "lineage.itself" if itself else "lineage.unknown"
            cells.problem(COLUMN, DataProblem(message, value=quote(predecessor)))
        elif len(others) > 1:
            places = ", ".join(place for _, place in others)
            problem = DataProblem("lineage.ambiguous", value=quote(predecessor), places=places)
            cells.problem(COLUMN, problem)
        else:
            found.append(others[0][0])
    return tuple(sorted(found))


def _stored(context: Context) -> dict[str, list[tuple[int, str, str]]]:
    """Folded name -> (id, row key, province) of every stored organisation, read once a load."""
    if context.organizations_by_name is None:
        rows = context.session.execute(
            select(col(Organization.id), col(Organization.name), col(Organization.row_key))
            .add_columns(col(Organization.province_id))
            .order_by(col(Organization.id))
        ).all()
        provinces = context.directory.provinces.values()
        names = {p.id: f"{p.short_name} ({p.province_list}:{p.code})" for p in provinces}
        by_name: dict[str, list[tuple[int, str, str]]] = {}
        for org_id, name, key, province_id in rows:
            place = names.get(province_id, "-")
            by_name.setdefault(fold(name), []).append((org_id, key, place))
        context.organizations_by_name = by_name
    return context.organizations_by_name


def write_successions(session: Session, records: Sequence[dict[str, Any]], batch_id: int) -> None:
    """Store the links of the rows whose cell named predecessors, exactly as the cell lists them.

    Load `batch_id` keeps each successor's links before and after, so that it can be undone.
    """
    named = [record for record in records if record.get("_succeeds") is not None]
    if not named:
        return
    keys = [record["row_key"] for record in named]
    ids = dict(
        session.execute(
            select(col(Organization.row_key), col(Organization.id)).where(
                col(Organization.row_key).in_(keys)
            )
        ).all()
    )
    for record in named:
        successor = ids[record["row_key"]]
        before = _links(session, successor)
        day = record["founded_on"].isoformat()
        after = sorted((p, day) for p in set(record["_succeeds"]))
        if after != before:
            _set_links(session, successor, after)
        change = {"before": before, "after": after}
        session.execute(
            insert(RowChange).values(
                batch_id=batch_id, table_name=LINKS, row_id=successor, previous=json.dumps(change)
            )
        )


def settle_successions(session: Session, *, gone: int, active: dict[int, str]) -> int:
    """Give each successor load `gone` (or the load it replaced) set the links of the latest
    load in `active` that set them, else those before the first; how many successors changed."""
    replaced = session.scalar(
        select(col(ImportBatch.replaces_id)).where(col(ImportBatch.id) == gone)
    )
    loads = [gone] if replaced is None else [gone, replaced]
    successors = session.scalars(
        select(col(RowChange.row_id))
        .where(col(RowChange.table_name) == LINKS, col(RowChange.batch_id).in_(loads))
        .distinct()
    ).all()
    changed = 0
    for successor in sorted(successors):
        history = session.execute(
            select(col(RowChange.batch_id), col(RowChange.previous))
            .where(col(RowChange.table_name) == LINKS, col(RowChange.row_id) == successor)
            .order_by(col(RowChange.batch_id), col(RowChange.id))
        ).all()
        in_place = [json.loads(change) for batch, change in history if batch in active]
        wanted = in_place[-1]["after"] if in_place else json.loads(history[0][1])["before"]
        # An organisation the undo took out has no links left to set, nor any to it.
        existing = set(
            session.scalars(
                select(col(Organization.id)).where(
                    col(Organization.id).in_([successor, *(p for p, _ in wanted)])
                )
            )
        )
        if successor not in existing:
            continue
        target = sorted((p, day) for p, day in wanted if p in existing)
        if target != _links(session, successor):
            _set_links(session, successor, target)
            changed += 1
    return changed


def _links(session: Session, successor: int) -> Links:
    """The links stored for one successor."""
    found = session.execute(
        select(LINK.c.predecessor_id, LINK.c.date).where(LINK.c.successor_id == successor)
    )
    return sorted((int(p), day.isoformat()) for p, day in found)


def _set_links(session: Session, successor: int, links: Links) -> None:
    """Replace one successor's links by `links`."""
    session.execute(delete(LINK).where(LINK.c.successor_id == successor))
    rows = [
        {"successor_id": successor, "predecessor_id": p, "date": date.fromisoformat(day)}
        for p, day in links
    ]
    if rows:
        session.execute(insert(LINK), rows)
