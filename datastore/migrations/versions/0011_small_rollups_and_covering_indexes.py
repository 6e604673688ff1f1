"""Small exchange rollups for the charts' default views; covering indexes for members and aid.

Per year and direction and kind, per year and province (both lists), per year and partner
country, per year and partner locality: 155, 998, 672 and 1.9k rows at national scale (seed
--scale 10), where the by-province, by-year-and-direction, by-country and busiest-localities
charts read 9.6k to 18k rows before. Filled from the finer rollups, which loads keep current.
The members and aid charts read covering indexes instead of the tables' rows; an organisation's
years (lineage) are one index range instead of one lookup per row.

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
    (
        "exchange_rollup_place",
        ("year", "country_code", "partner_locality"),
        "exchange_rollup_country",
    ),
)
# (name, table, columns) of the new indexes on the fact tables.
_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "ix_membership_year_country_totals",
        "membership",
        (
            "year",
            "country_code",
            "organization_id",
            "members",
            "chapters",
            "province_2025_id",
            "province_63_id",
        ),
    ),
    ("ix_membership_organization_year", "membership", ("organization_id", "year")),
    (
        "ix_aid_year_totals",
        "aid",
        (
            "year",
            "measure",
            "donor_kind",
            "sector_code",
            "country_code",
            "period_start",
            "period_end",
            "province_2025_id",
            "province_63_id",
            "amount_vnd",
            "amount_usd",
        ),
    ),
)
# Replaced by ix_membership_organization_year, which begins with the same column.
_REPLACED = ("ix_membership_organization_id", "membership", ("organization_id",))
_TYPES: dict[str, tuple[sa.types.TypeEngine[object], bool]] = {
    "province_2025_id": (sa.Integer(), False),
    "province_63_id": (sa.Integer(), False),
    "country_code": (sqlmodel.sql.sqltypes.AutoString(length=3), True),
    "direction": (sqlmodel.sql.sqltypes.AutoString(length=10), False),
    "kind": (sqlmodel.sql.sqltypes.AutoString(length=30), False),
    "partner_locality": (sqlmodel.sql.sqltypes.AutoString(length=120), True),
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
    """Create the rollups, fill them from the finer rollups already kept current; the indexes."""
    for name, dimensions, source in _ROLLUPS:
        op.create_table(
            name, *_columns(dimensions), sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}"))
        )
        listed = ", ".join(dimensions)
        op.execute(
            f"INSERT INTO {name} ({listed}, exchanges, participants) "
            f"SELECT {listed}, sum(exchanges), sum(participants) FROM {source} GROUP BY {listed}"
        )
    for name, table, columns in _INDEXES:
        op.create_index(name, table, list(columns))
    op.drop_index(_REPLACED[0], table_name=_REPLACED[1])


def downgrade() -> None:
    """Drop the rollups (the finer ones they were computed from stay) and the indexes."""
    name, table, columns = _REPLACED
    op.create_index(name, table, list(columns))
    for name, table, _ in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
    for name, _, _ in reversed(_ROLLUPS):
        op.drop_table(name)
