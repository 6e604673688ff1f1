"""In the 63-province view, figures of a merged new unit stand under that unit, not its host.

Rows reported after 1 July 2025 under a unit of the 34 list made of several old provinces
(Đồng Nai = old Đồng Nai + Bình Phước) carried as `province_63_id` the old province that hosts
the new centre, so the 63 view put the whole new unit's figures under old Đồng Nai and showed
Bình Phước as 0. They now carry the new unit itself. Units that stayed as they were (Cao Bằng)
keep their old province: it is the same place. The facts, the exchange rollups holding the 63
column (rebuilt for the years concerned) and the copies that undo puts back are all rewritten.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 14:00:00
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FACTS = ("membership", "aid", "exchange")
# The rollups holding province_63_id, each after the table it is filled from, with their
# grouping columns. Written out rather than imported from datastore.rollups: a migration keeps
# meaning what it meant when it was written.
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
_province = sa.table(
    "province",
    sa.column("id", sa.Integer),
    sa.column("province_list", sa.String),
    sa.column("current_unit_id", sa.Integer),
    sa.column("legacy_unit_id", sa.Integer),
)
_changes = sa.table(
    "rowchange",
    sa.column("id", sa.Integer),
    sa.column("table_name", sa.String),
    sa.column("previous", sa.String),
)


def upgrade() -> None:
    """Rows of a merged new unit name that unit in the 63 view."""
    _rewrite(op.get_bind(), to_new_unit=True)


def downgrade() -> None:
    """Rows of a merged new unit name the old province hosting its centre again."""
    _rewrite(op.get_bind(), to_new_unit=False)


def _rewrite(connection: sa.Connection, *, to_new_unit: bool) -> None:
    hosts = _merged_units(connection)
    if not hosts:
        return
    for name in _FACTS:
        fact = sa.table(
            name,
            sa.column("province_id", sa.Integer),
            sa.column("province_63_id", sa.Integer),
        )
        for unit, host in hosts.items():
            connection.execute(
                fact.update()
                .where(fact.c.province_id == unit)
                .values(province_63_id=unit if to_new_unit else host)
            )
    _refresh_rollups(connection, sorted(hosts))
    _rewrite_kept_copies(connection, hosts, to_new_unit=to_new_unit)


def _merged_units(connection: sa.Connection) -> dict[int, int]:
    """Units of the 34 list made of more than one old province, with their host old province."""
    merged = (
        sa.select(_province.c.current_unit_id)
        .where(_province.c.province_list == "63")
        .group_by(_province.c.current_unit_id)
        .having(sa.func.count() > 1)
    )
    rows = connection.execute(
        sa.select(_province.c.id, _province.c.legacy_unit_id).where(
            _province.c.province_list == "34", _province.c.id.in_(merged.scalar_subquery())
        )
    ).all()
    return {int(unit): int(host) for unit, host in rows if host is not None}


def _refresh_rollups(connection: sa.Connection, units: list[int]) -> None:
    """Rebuild, from the facts, the rollup rows of every year holding an exchange of `units`."""
    exchange = sa.table("exchange", sa.column("year", sa.Integer), sa.column("province_id"))
    years = sorted(
        int(year)
        for year in connection.execute(
            sa.select(exchange.c.year).distinct().where(exchange.c.province_id.in_(units))
        ).scalars()
    )
    if not years:
        return
    listed_years = ", ".join(str(year) for year in years)
    for name, dimensions, source in _ROLLUPS:
        connection.execute(sa.text(f"DELETE FROM {name} WHERE year IN ({listed_years})"))
        listed = ", ".join(dimensions)
        if source == "exchange":
            totals = "count(*), coalesce(sum(participants), 0)"
        else:
            totals = "sum(exchanges), sum(participants)"
        connection.execute(
            sa.text(
                f"INSERT INTO {name} ({listed}, exchanges, participants) "
                f"SELECT {listed}, {totals} FROM {source} "
                f"WHERE year IN ({listed_years}) GROUP BY {listed}"
            )
        )


def _rewrite_kept_copies(
    connection: sa.Connection, hosts: dict[int, int], *, to_new_unit: bool
) -> None:
    """The JSON copies of fact rows that undo puts back, with the same 63-view unit."""
    kept = connection.execute(
        sa.select(_changes.c.id, _changes.c.previous).where(
            _changes.c.table_name.in_(_FACTS), _changes.c.previous.is_not(None)
        )
    ).all()
    for change_id, previous in kept:
        row = json.loads(previous)
        unit = row.get("province_id") if isinstance(row, dict) else None
        if unit not in hosts:
            continue
        row["province_63_id"] = unit if to_new_unit else hosts[unit]
        connection.execute(
            _changes.update()
            .where(_changes.c.id == change_id)
            .values(previous=json.dumps(row, default=str, ensure_ascii=False))
        )
