"""Three small exchange rollups for the charts' default views, filled from the finer rollups.

Per year and direction and kind, per year and province (both lists), per year and partner
country: 155, 998 and 672 rows at national scale (seed --scale 10), where the by-province,
by-year-and-direction and by-country charts read 9.6k to 18k rows before.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 06:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each rollup, its grouping columns, and the finer rollup it is filled from. Written out rather
# than imported from datastore.rollups: a migration keeps meaning what it meant when written.
_ROLLUPS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("exchange_rollup_kind", ("year", "direction", "kind"), "exchange_rollup_province"),
    (
        "exchange_rollup_unit",
        ("year", "province_2025_id", "province_63_id"),
        "exchange_rollup_province",
    ),
    ("exchange_rollup_partner", ("year", "country_code"), "exchange_rollup_country"),
)
_TYPES: dict[str, tuple[sa.types.TypeEngine[object], bool]] = {
    "province_2025_id": (sa.Integer(), False),
    "province_63_id": (sa.Integer(), False),
    "country_code": (sqlmodel.sql.sqltypes.AutoString(length=3), True),
    "direction": (sqlmodel.sql.sqltypes.AutoString(length=10), False),
    "kind": (sqlmodel.sql.sqltypes.AutoString(length=30), False),
}


def _columns(dimensions: tuple[str, ...]) -> list[sa.Column[object]]:
    """The columns of one rollup: an id, the year, the two totals, its other grouping columns."""
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("exchanges", sa.Integer(), nullable=False),
        sa.Column("participants", sa.BigInteger(), nullable=False),
        *(
            sa.Column(column, _TYPES[column][0], nullable=_TYPES[column][1])
            for column in dimensions
            if column != "year"
        ),
    ]


def upgrade() -> None:
    """Create the rollups and fill them from the finer rollups already kept current."""
    for name, dimensions, source in _ROLLUPS:
        op.create_table(
            name, *_columns(dimensions), sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}"))
        )
        listed = ", ".join(dimensions)
        op.execute(
            f"INSERT INTO {name} ({listed}, exchanges, participants) "
            f"SELECT {listed}, sum(exchanges), sum(participants) FROM {source} GROUP BY {listed}"
        )


def downgrade() -> None:
    """Drop the rollups; the finer ones they were computed from stay."""
    for name, _, _ in reversed(_ROLLUPS):
        op.drop_table(name)
