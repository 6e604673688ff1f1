"""Failed sign-ins counted by name in their own table; a table of facts about the database.

Failures move off the account row into `signinfailure`, keyed by a digest of the normalised
name, so a name without an account is counted and locked exactly as one with an account, and
the count survives restarts and is shared by replicas. `appstate` holds, for now, the marker of
a demo load that has not finished.

Revision ID: 0007
Revises: 0004
Create Date: 2026-11-30 10:00:00
"""

import hashlib
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_accounts = sa.table(
    "useraccount",
    sa.column("name", sa.String),
    sa.column("failed_logins", sa.Integer),
    sa.column("locked_until", sqlmodel.sql.sqltypes.UTCDateTime()),
)


def upgrade() -> None:
    """Create both tables and carry the accounts' current failure counts over."""
    failures = op.create_table(
        "signinfailure",
        sa.Column("name_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("last_failed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name_key", name=op.f("pk_signinfailure")),
    )
    with op.batch_alter_table("signinfailure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_signinfailure_last_failed_at"), ["last_failed_at"], unique=False
        )
    op.create_table(
        "appstate",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_appstate")),
    )

    # The key is computed here, in Python, so both databases give the same digest.
    connection = op.get_bind()
    now = datetime.now(UTC)
    counted = connection.execute(
        sa.select(_accounts.c.name, _accounts.c.failed_logins, _accounts.c.locked_until).where(
            _accounts.c.failed_logins > 0
        )
    ).all()
    if counted:
        op.bulk_insert(
            failures,
            [
                {
                    "name_key": hashlib.sha256(name.encode("utf-8")).hexdigest(),
                    "failures": count,
                    "locked_until": locked_until,
                    "last_failed_at": now,
                }
                for name, count, locked_until in counted
            ],
        )
    with op.batch_alter_table("useraccount", schema=None) as batch_op:
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_logins")


def downgrade() -> None:
    """Put the columns back on the accounts (counts start again at zero) and drop both tables."""
    with op.batch_alter_table("useraccount", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("locked_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True)
        )
    op.drop_table("appstate")
    with op.batch_alter_table("signinfailure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signinfailure_last_failed_at"))
    op.drop_table("signinfailure")
