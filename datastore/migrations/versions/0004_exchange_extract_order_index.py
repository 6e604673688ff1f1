"""An index in the exchange extract's order, so a preview of its first rows needs no sort.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 14:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Index exchanges by year, date and id."""
    op.create_index("ix_exchange_year_date", "exchange", ["year", "date", "id"], unique=False)


def downgrade() -> None:
    """Drop the index."""
    op.drop_index("ix_exchange_year_date", table_name="exchange")
