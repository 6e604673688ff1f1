"""Aid rows carry their period and the kind of their donor.

`period_start` and `period_end` say which span an amount covers (a total cumulated over several
years is stored once with its span); `donor_kind` tells foreign NGOs (the only donors of viện
trợ PCPNN) from other foreign donors and Vietnamese ones. Existing rows get the calendar year
of their `year` and `foreign_ngo`, also in the copies that undo keeps, so an undo puts back a
complete row.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 12:00:00
"""

import json
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEW_COLUMNS = ("period_start", "period_end", "donor_kind")
_aid = sa.table(
    "aid",
    sa.column("year", sa.Integer),
    sa.column("period_start", sa.Date),
    sa.column("period_end", sa.Date),
    sa.column("donor_kind", sa.String),
)
_changes = sa.table(
    "rowchange",
    sa.column("id", sa.Integer),
    sa.column("table_name", sa.String),
    sa.column("previous", sa.String),
)


def upgrade() -> None:
    """Add the columns, fill them for the rows already there, then make them required."""
    with op.batch_alter_table("aid", schema=None) as batch_op:
        batch_op.add_column(sa.Column("period_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("period_end", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("donor_kind", sqlmodel.sql.sqltypes.AutoString(length=15), nullable=True)
        )
    connection = op.get_bind()
    # Dates are computed here, in Python, so both databases store the same values.
    years = connection.execute(sa.select(_aid.c.year).distinct()).scalars().all()
    for year in years:
        connection.execute(
            _aid.update()
            .where(_aid.c.year == year)
            .values(period_start=date(year, 1, 1), period_end=date(year, 12, 31))
        )
    connection.execute(_aid.update().values(donor_kind="foreign_ngo"))
    with op.batch_alter_table("aid", schema=None) as batch_op:
        batch_op.alter_column("period_start", existing_type=sa.Date(), nullable=False)
        batch_op.alter_column("period_end", existing_type=sa.Date(), nullable=False)
        batch_op.alter_column(
            "donor_kind",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=15),
            nullable=False,
        )
    _rewrite_kept_copies(connection, add=True)


def downgrade() -> None:
    """Drop the columns (and their values in the copies undo keeps)."""
    _rewrite_kept_copies(op.get_bind(), add=False)
    with op.batch_alter_table("aid", schema=None) as batch_op:
        batch_op.drop_column("donor_kind")
        batch_op.drop_column("period_end")
        batch_op.drop_column("period_start")


def _rewrite_kept_copies(connection: sa.Connection, *, add: bool) -> None:
    """The JSON copies of aid rows that undo puts back, with or without the new columns."""
    kept = connection.execute(
        sa.select(_changes.c.id, _changes.c.previous).where(_changes.c.table_name == "aid")
    ).all()
    for change_id, previous in kept:
        row = json.loads(previous)
        if not add:
            for name in _NEW_COLUMNS:
                row.pop(name, None)
        elif isinstance(row.get("year"), int):
            row.setdefault("period_start", date(row["year"], 1, 1).isoformat())
            row.setdefault("period_end", date(row["year"], 12, 31).isoformat())
            row.setdefault("donor_kind", "foreign_ngo")
        connection.execute(
            _changes.update()
            .where(_changes.c.id == change_id)
            .values(previous=json.dumps(row, default=str, ensure_ascii=False))
        )
