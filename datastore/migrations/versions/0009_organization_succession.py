"""Organisations can succeed others: the 2025 merged associations and the ones they took over.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 13:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """The organization_succession table: a pair is stored once, and goes with either side."""
    op.create_table(
        "organization_succession",
        sa.Column("successor_id", sa.Integer(), nullable=False),
        sa.Column("predecessor_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["successor_id"],
            ["organization.id"],
            name=op.f("fk_organization_succession_successor_id_organization"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["predecessor_id"],
            ["organization.id"],
            name=op.f("fk_organization_succession_predecessor_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "successor_id", "predecessor_id", name=op.f("pk_organization_succession")
        ),
    )
    op.create_index(
        op.f("ix_organization_succession_predecessor_id"),
        "organization_succession",
        ["predecessor_id"],
        unique=False,
    )


def downgrade() -> None:
    """Drop the table and what it links."""
    op.drop_index(
        op.f("ix_organization_succession_predecessor_id"), table_name="organization_succession"
    )
    op.drop_table("organization_succession")
