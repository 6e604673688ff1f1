"""Undo records (RowChange, ImportBatch.undone_*) and user accounts with roles.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 11:05:35.357892
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the undo records, the undo columns of a load, and the accounts."""
    op.create_table(
        "useraccount",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("role", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("password_hash", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_login_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_useraccount")),
        sa.UniqueConstraint("name", name=op.f("uq_useraccount_name")),
    )
    with op.batch_alter_table("useraccount", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_useraccount_email"), ["email"], unique=False)

    op.create_table(
        "rowchange",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("previous", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["importbatch.id"], name=op.f("fk_rowchange_batch_id_importbatch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rowchange")),
    )
    with op.batch_alter_table("rowchange", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rowchange_batch_id"), ["batch_id"], unique=False)

    with op.batch_alter_table("importbatch", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("undone_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
        batch_op.add_column(
            sa.Column("undone_by", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True)
        )


def downgrade() -> None:
    """Remove them again."""
    with op.batch_alter_table("importbatch", schema=None) as batch_op:
        batch_op.drop_column("undone_by")
        batch_op.drop_column("undone_at")

    with op.batch_alter_table("rowchange", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rowchange_batch_id"))

    op.drop_table("rowchange")
    with op.batch_alter_table("useraccount", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_useraccount_email"))

    op.drop_table("useraccount")
