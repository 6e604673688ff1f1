"""Rows a load held unchanged (so an undo keeps them), and the load a load replaced.

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-23 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the held rows, the index of a row's changes and the replaced load of a load."""
    op.create_table(
        "rowheld",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("row_hash", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["importbatch.id"], name=op.f("fk_rowheld_batch_id_importbatch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rowheld")),
    )
    with op.batch_alter_table("rowheld", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rowheld_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index("ix_rowheld_table_row", ["table_name", "row_id"], unique=False)

    with op.batch_alter_table("rowchange", schema=None) as batch_op:
        batch_op.create_index("ix_rowchange_table_row", ["table_name", "row_id"], unique=False)

    with op.batch_alter_table("importbatch", schema=None) as batch_op:
        # No foreign key: adding one rebuilds importbatch on SQLite, which fails as every load
        # row points to it; loads are never deleted anyway.
        batch_op.add_column(sa.Column("replaces_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Remove them again."""
    # Dropped in place: rebuilding importbatch on SQLite would fail, every load row points to it
    # (SQLite drops a column itself since 3.35).
    op.drop_column("importbatch", "replaces_id")

    with op.batch_alter_table("rowchange", schema=None) as batch_op:
        batch_op.drop_index("ix_rowchange_table_row")

    with op.batch_alter_table("rowheld", schema=None) as batch_op:
        batch_op.drop_index("ix_rowheld_table_row")
        batch_op.drop_index(batch_op.f("ix_rowheld_batch_id"))

    op.drop_table("rowheld")
