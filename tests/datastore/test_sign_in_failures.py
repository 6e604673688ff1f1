"""Lock-out kept in the database by name: the same answer and work for every name, everywhere."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy import event
from sqlmodel import Session
from sqlmodel.sql.sqltypes import UTCDateTime

from datastore.accounts import authenticate, create_user, locked_until, set_password
from datastore.config import PROJECT_ROOT
from datastore.credentials import AccountLocked, new_hash
from datastore.db import get_engine
from datastore.migrate import alembic_config, migrate
from datastore.models.accounts import Role, UserAccount

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
PASSWORD = "mật-khẩu đủ dài 2026"


def at(seconds: float) -> datetime:
    """A moment `seconds` after T0."""
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def lan(session: Session) -> UserAccount:
    """An editor called "lan" with PASSWORD."""
    return create_user(session=session, name="Lan", role=Role.EDITOR, password=PASSWORD, now=T0)


# Signs in once per name given, in a process of its own (a restarted server, another replica),
# at the moment given, and prints what each attempt answered.
ANOTHER_PROCESS = """
import sys
from datetime import datetime
from sqlmodel import Session
from datastore.accounts import authenticate
from datastore.credentials import AccountLocked
from datastore.db import get_engine

url, moment = sys.argv[1], datetime.fromisoformat(sys.argv[2])
for name in sys.argv[3:]:
    with Session(get_engine(url)) as session:
        try:
            found = authenticate(session=session, name=name, password="sai mật khẩu", now=moment)
        except AccountLocked as locked:
            print("locked", locked.retry_after)
        else:
            print("wrong" if found is None else "signed in")
"""


def answers_in_another_process(database_url: str, moment: datetime, *names: str) -> list[str]:
    """What sign-in answers for each name in a fresh process, `moment` being now."""
    done = subprocess.run(
        [sys.executable, "-c", ANOTHER_PROCESS, database_url, moment.isoformat(), *names],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_locked_account_and_a_locked_unknown_name_answer_alike_in_another_process(
    database_url: str, session: Session, lan: UserAccount
) -> None:
    for name in ("lan", "ma"):
        for second in range(4):
            assert authenticate(session=session, name=name, password="sai", now=at(second)) is None
        with pytest.raises(AccountLocked):
            authenticate(session=session, name=name, password="sai", now=at(4))

    # After a restart, or on another replica: both still locked, for the same time.
    answers = answers_in_another_process(database_url, at(14), "lan", "ma", "LAN", "Ma")
    assert answers == ["locked 20"] * 4


def test_a_failure_counted_by_one_process_is_counted_by_the_next(
    database_url: str, session: Session, lan: UserAccount
) -> None:
    for second in range(3):
        assert authenticate(session=session, name="lan", password="sai", now=at(second)) is None
        assert authenticate(session=session, name="ma", password="sai", now=at(second)) is None
    answers = answers_in_another_process(database_url, at(3), "lan", "ma", "lan", "ma")
    assert answers == ["wrong", "wrong", "locked 30", "locked 30"]


def test_unknown_known_and_locked_names_run_the_same_statements(
    session: Session, lan: UserAccount
) -> None:
    engine = session.get_bind()
    statements: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    def attempt(name: str, moment: datetime) -> list[str]:
        statements.clear()
        with contextlib.suppress(AccountLocked):
            authenticate(session=session, name=name, password="sai", now=moment)
        return list(statements)

    event.listen(engine, "before_cursor_execute", note)
    try:
        wrong = {name: attempt(name, at(0)) for name in ("lan", "không có ai")}
        assert wrong["lan"] == wrong["không có ai"]
        for second in range(1, 5):  # both names locked now
            attempt("lan", at(second))
            attempt("không có ai", at(second))
        locked = {name: attempt(name, at(10)) for name in ("lan", "không có ai")}
        assert locked["lan"] == locked["không có ai"]
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_a_day_without_failures_starts_the_count_again_for_every_name(
    session: Session, lan: UserAccount
) -> None:
    for name in ("lan", "ma"):
        for second in range(4):
            authenticate(session=session, name=name, password="sai", now=at(second))
    next_day = at(4 + 24 * 3600)
    for name in ("lan", "ma"):  # one failure more is just a failure, for both alike
        assert authenticate(session=session, name=name, password="sai", now=next_day) is None


def test_the_lock_is_listed_and_a_new_password_lifts_it(session: Session, lan: UserAccount) -> None:
    for second in range(5):
        with contextlib.suppress(AccountLocked):
            authenticate(session=session, name="lan", password="sai", now=at(second))
    assert locked_until(session=session, name="LAN", now=at(5)) == at(4 + 30)
    assert locked_until(session=session, name="lan", now=at(40)) is None
    set_password(session=session, name="lan", password="một mật khẩu mới")
    assert locked_until(session=session, name="lan", now=at(5)) is None


def test_a_lock_stored_on_an_account_row_before_the_migration_still_holds(
    database_url: str,
) -> None:
    engine = get_engine(database_url)
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "0004")
    # The account table as revision 0004 made it, failures and lock on the row.
    old_accounts = sa.table(
        "useraccount",
        sa.column("name", sa.String),
        sa.column("role", sa.String),
        sa.column("password_hash", sa.String),
        sa.column("created_at", UTCDateTime()),
        sa.column("failed_logins", sa.Integer),
        sa.column("locked_until", UTCDateTime()),
    )
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            old_accounts.insert().values(
                name="lan",
                role="editor",
                password_hash=new_hash(PASSWORD),
                created_at=now,
                failed_logins=6,
                locked_until=now + timedelta(hours=1),
            )
        )
    engine.dispose()

    migrate(database_url)

    with Session(get_engine(database_url)) as session, pytest.raises(AccountLocked):
        authenticate(session=session, name="lan", password=PASSWORD, now=now)
