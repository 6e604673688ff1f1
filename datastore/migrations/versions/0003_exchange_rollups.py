"""Exchange rollups: pre-aggregated exchange counts for the charts, filled from the facts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 13:11:19.139885
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Each rollup, its grouping columns, and the table it is filled from (the finest comes first).
# Written out here rather than imported from datastore.rollups: a migration keeps meaning what
# it meant when it was written.
_ROLLUPS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "exchange_rollup_locality",
        (
            "year",
            "province_2025_id",
            "province_63_id",
            "country_code",
            "direction",
            "kind",
            "partner_locality",
        ),
        "exchange",
    ),
    (
        "exchange_rollup",
        ("year", "province_2025_id", "province_63_id", "country_code", "direction", "kind"),
        "exchange_rollup_locality",
    ),
    (
        "exchange_rollup_country",
        ("year", "country_code", "direction", "kind", "partner_locality"),
        "exchange_rollup_locality",
    ),
    (
        "exchange_rollup_province",
        ("year", "province_2025_id", "province_63_id", "direction", "kind"),
        "exchange_rollup",
    ),
    (
        "exchange_rollup_province_country",
        ("year", "province_2025_id", "province_63_id", "country_code"),
        "exchange_rollup",
    ),
)


# One per province list: for one province's busiest localities, and covering ones in the order
# of the province-by-country chart.
_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_exchange_rollup_locality_p34", "exchange_rollup_locality", ("province_2025_id", "year")),
    ("ix_exchange_rollup_locality_p63", "exchange_rollup_locality", ("province_63_id", "year")),
    (
        "ix_exchange_rollup_p34",
        "exchange_rollup",
        (
            "province_2025_id",
            "country_code",
            "direction",
            "kind",
            "year",
            "exchanges",
            "participants",
        ),
    ),
    (
        "ix_exchange_rollup_p63",
        "exchange_rollup",
        (
            "province_63_id",
            "country_code",
            "direction",
            "kind",
            "year",
            "exchanges",
            "participants",
        ),
    ),
    (
        "ix_exchange_rollup_province_country_p34",
        "exchange_rollup_province_country",
        ("province_2025_id", "country_code", "year", "exchanges", "participants"),
    ),
    (
        "ix_exchange_rollup_province_country_p63",
        "exchange_rollup_province_country",
        ("province_63_id", "country_code", "year", "exchanges", "participants"),
    ),
)


def _columns(name: str) -> list[sa.Column]:
    """The columns of one rollup: an id, its grouping columns, and the two totals."""
    dimensions = next(columns for table, columns, _ in _ROLLUPS if table == name)
    types = {
        "year": (sa.Integer(), False),
        "province_2025_id": (sa.Integer(), False),
        "province_63_id": (sa.Integer(), False),
        "country_code": (sqlmodel.sql.sqltypes.AutoString(length=3), True),
        "direction": (sqlmodel.sql.sqltypes.AutoString(length=10), False),
        "kind": (sqlmodel.sql.sqltypes.AutoString(length=30), False),
        "partner_locality": (sqlmodel.sql.sqltypes.AutoString(length=120), True),
    }
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("exchanges", sa.Integer(), nullable=False),
        sa.Column("participants", sa.BigInteger(), nullable=False),
        *(
            sa.Column(column, types[column][0], nullable=types[column][1])
            for column in dimensions
            if column != "year"
        ),
    ]


def _backfill(name: str, dimensions: tuple[str, ...], source: str) -> str:
    """INSERT … SELECT … GROUP BY filling one rollup from the facts or from a finer rollup."""
    listed = ", ".join(dimensions)
    if source == "exchange":
        totals = "count(*), coalesce(sum(participants), 0)"
    else:
        totals = "sum(exchanges), sum(participants)"
    return (
        f"INSERT INTO {name} ({listed}, exchanges, participants) "
        f"SELECT {listed}, {totals} FROM {source} GROUP BY {listed}"
    )


def upgrade() -> None:
    """Create the rollups, fill them from the exchanges already stored, then index them."""
    for name, dimensions, source in _ROLLUPS:
        op.create_table(
            name, *_columns(name), sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}"))
        )
        op.execute(_backfill(name, dimensions, source))
    # After the backfill: building an index once is faster than keeping it up row by row.
    for name, table, columns in _INDEXES:
        op.create_index(name, table, list(columns))


def downgrade() -> None:
    """Drop the rollups; the facts they were computed from stay."""
    for name, _, _ in reversed(_ROLLUPS):
        op.drop_table(name)
