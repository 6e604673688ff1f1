"""The `succeeds` column of an organisations file: predecessors checked, then stored as links.

A cell lists the predecessors' names separated by ";". A name is looked up among the
organisations already stored, leaving out the row's own (in a province that did not merge in
2025, the new association often bears its predecessor's name). A blank cell, or a file without
the column, leaves the links already stored as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlmodel import Session, col

from datastore.load.cells import Context, Row
from datastore.models.facts import Organization, OrganizationSuccession
from datastore.problems import DataProblem
from datastore.vietnamese import fold
from i18n.formatting import quote

SEPARATOR = ";"
COLUMN = "succeeds"


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


def write_successions(session: Session, records: Sequence[dict[str, Any]]) -> None:
    """Store the links of the rows whose cell named predecessors, exactly as the cell lists them."""
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
    link = OrganizationSuccession.__table__  # type: ignore[attr-defined]
    for record in named:
        successor = ids[record["row_key"]]
        wanted = set(record["_succeeds"])
        stored = set(
            session.execute(
                select(link.c.predecessor_id).where(link.c.successor_id == successor)
            ).scalars()
        )
        gone = stored - wanted
        if gone:
            session.execute(
                delete(link).where(
                    link.c.successor_id == successor, link.c.predecessor_id.in_(sorted(gone))
                )
            )
        new = [
            {"successor_id": successor, "predecessor_id": p, "date": record["founded_on"]}
            for p in sorted(wanted - stored)
        ]
        if new:
            session.execute(insert(link), new)
