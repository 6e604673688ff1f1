"""A load that replaces an earlier one: which loads may be replaced, and what a replace changes.

`import FILE --kind K --replaces N` loads the file and, in the same transaction, takes load N
out as an undo would (datastore.load.versions): N's rows the file has not are removed, or keep
the values of another load in place that holds them. Load N is marked undone ("replaced");
undoing the replacing load puts N back.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from datastore.models.facts import Organization
from datastore.models.loads import ImportBatch
from datastore.problems import DataProblem
from datastore.vocabulary import DataKind
from i18n.formatting import format_moment
from i18n.texts.data_words import KIND_NAMES

if TYPE_CHECKING:
    import pandas as pd

# The columns a preview shows of each changed row, by kind (names of the extract's columns).
SHOWN_COLUMNS: dict[DataKind, tuple[str, ...]] = {
    "members": ("year", "organization", "members", "chapters"),
    "aid": ("year", "donor", "measure", "amount", "currency", "title"),
    "exchanges": ("date", "partner_country", "partner_locality", "participants", "title"),
    "organizations": ("kind", "organization", "district"),
}
CHANGES = ("added", "updated", "restored", "removed")


class ReplaceRefused(DataProblem):
    """A load that cannot be replaced: unknown, undone, or of another kind."""


def check_replaceable(*, session: Session, batch_id: int, kind: DataKind) -> ImportBatch:
    """The load `batch_id` if a file of `kind` may replace it; ReplaceRefused naming why not."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise ReplaceRefused("replace.not_found", batch=batch_id)
    if batch.undone_at is not None:
        when = f"{format_moment(batch.undone_at)} UTC"
        raise ReplaceRefused("replace.undone", batch=batch_id, when=when, user=batch.undone_by)
    if batch.kind != kind:
        names = {
            f"{name}_{lang}": KIND_NAMES.get(value, {}).get(lang, value)
            for name, value in (("found", batch.kind), ("kind", kind))
            for lang in ("vi", "en")
        }
        raise ReplaceRefused("replace.other_kind", batch=batch_id, **names)
    return batch


def replaceable_loads(
    *, session: Session, kind: DataKind, user: str, limit: int = 50
) -> list[ImportBatch]:
    """`user`'s loads of `kind` still in place, newest first: those the import page offers."""
    statement = (
        select(ImportBatch)
        .where(
            col(ImportBatch.kind) == kind,
            col(ImportBatch.created_by) == user,
            col(ImportBatch.undone_at).is_(None),
        )
        .order_by(col(ImportBatch.id).desc())
        .limit(limit)
    )
    return list(session.scalars(statement).all())


def claim_replaced(session: Session, batch_id: int, *, kind: DataKind, by: ImportBatch) -> None:
    """Mark load `batch_id` replaced by load `by`, under the load lock; refused as above."""
    claimed = session.execute(
        update(ImportBatch)
        .where(
            col(ImportBatch.id) == batch_id,
            col(ImportBatch.undone_at).is_(None),
            col(ImportBatch.kind) == kind,
        )
        .values(undone_at=datetime.now(UTC), undone_by=by.created_by)
    )
    if not claimed.rowcount:  # type: ignore[attr-defined]
        session.expire_all()
        check_replaceable(session=session, batch_id=batch_id, kind=kind)
        raise AssertionError("unreachable")  # pragma: no cover
    by.replaces_id = batch_id
    session.add(by)


def changes_frame(
    *, session: Session, kind: DataKind, shown: list[tuple[str, str, dict[str, Any]]]
) -> pd.DataFrame:
    """Some rows of each change a load makes, readable: change, then SHOWN_COLUMNS[kind]."""
    import pandas as pd

    columns = ["change", *SHOWN_COLUMNS[kind]]
    wanted = {row.get("organization_id") for _, _, row in shown} - {None}
    statement = select(col(Organization.id), col(Organization.name)).where(
        col(Organization.id).in_(wanted)
    )
    names: dict[int | None, str] = {key: name for key, name in session.execute(statement)}
    order = {change: number for number, change in enumerate(CHANGES)}
    records = [
        {"change": change, **_readable(kind, row, names)}
        for change, _, row in sorted(shown, key=lambda item: order.get(item[0], 0))
    ]
    return pd.DataFrame.from_records(records, columns=columns).astype(object)


def _readable(kind: DataKind, row: dict[str, Any], names: dict[int | None, str]) -> dict[str, Any]:
    """A stored row under the extract's column names: codes and names rather than ids."""
    values = dict(row)
    values["partner_country"] = row.get("country_code")
    if kind == "members":
        values["organization"] = names.get(row.get("organization_id"), "")
    if kind == "organizations":
        values["organization"] = row.get("name")
    if kind == "aid":
        values["donor_country"] = row.get("country_code")
    return {
        name: "" if values.get(name) is None else str(values[name]) for name in SHOWN_COLUMNS[kind]
    }
