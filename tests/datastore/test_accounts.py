"""Accounts: argon2id hashes only, sign-in, lock-out after repeated failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import argon2
import pytest
from sqlalchemy import text
from sqlmodel import Session

from datastore import credentials
from datastore.accounts import (
    authenticate,
    create_user,
    get_user,
    has_role,
    list_users,
    role_of,
    set_email,
    set_password,
    set_role,
    user_for_email,
)
from datastore.credentials import AccountLocked, AccountProblem, lock_duration
from datastore.models.accounts import Role, UserAccount

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
PASSWORD = "mật-khẩu đủ dài 2026"


def at(seconds: float) -> datetime:
    """A moment `seconds` after T0."""
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def lan(session: Session) -> UserAccount:
    """An editor called "lan" with PASSWORD."""
    return create_user(
        session=session, name="Lan", role=Role.EDITOR, password=PASSWORD, email="Lan@Hoi.vn", now=T0
    )


def failures_of(session: Session, name: str) -> tuple[int, datetime | None]:
    """The failures in a row and the lock stored for a name (0 and None when none is)."""
    row = session.execute(
        text("SELECT failures, locked_until FROM signinfailure WHERE name_key = :key"),
        {"key": credentials.failure_key(name)},
    ).one_or_none()
    if row is None:
        return 0, None
    return row.failures, row.locked_until


def stored_row(session: Session, name: str) -> dict[str, Any]:
    """The account's row as the database holds it, read past the session's identity map."""
    row = session.execute(
        text("SELECT * FROM useraccount WHERE name = :name"), {"name": name}
    ).mappings()
    return dict(row.one())


# Hashes -------------------------------------------------------------------------------------


def test_a_password_is_stored_only_as_an_argon2id_hash(session: Session, lan: UserAccount) -> None:
    row = stored_row(session, "lan")
    stored = row["password_hash"]
    assert stored.startswith("$argon2id$")
    assert argon2.extract_parameters(stored).type is argon2.Type.ID
    assert PASSWORD not in str(row.values())
    assert PASSWORD.encode() not in stored.encode()


def test_the_same_password_gets_a_different_salt_for_each_account(session: Session) -> None:
    first = create_user(session=session, name="a", role="viewer", password=PASSWORD)
    second = create_user(session=session, name="b", role="viewer", password=PASSWORD)
    assert first.password_hash != second.password_hash


def test_a_hash_made_with_older_parameters_is_replaced_at_the_next_sign_in(
    session: Session, lan: UserAccount
) -> None:
    weak = argon2.PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    lan.password_hash = weak.hash(PASSWORD)
    session.add(lan)
    session.commit()
    assert credentials.hasher.check_needs_rehash(lan.password_hash)

    assert authenticate(session=session, name="lan", password=PASSWORD, now=at(1)) is not None

    renewed = stored_row(session, "lan")["password_hash"]
    assert not credentials.hasher.check_needs_rehash(renewed)
    assert argon2.extract_parameters(renewed).memory_cost == 65536
    assert authenticate(session=session, name="lan", password=PASSWORD, now=at(2)) is not None


def test_a_short_password_is_refused(session: Session) -> None:
    with pytest.raises(AccountProblem) as refused:
        create_user(session=session, name="ngan", role="viewer", password="123456789")
    assert "10" in refused.value.message_vi
    assert get_user(session=session, name="ngan") is None


# Signing in ---------------------------------------------------------------------------------


def test_the_right_password_signs_in_and_records_the_moment(
    session: Session, lan: UserAccount
) -> None:
    account = authenticate(session=session, name="lan", password=PASSWORD, now=at(5))
    assert account is not None
    assert (account.name, account.role) == ("lan", "editor")
    assert failures_of(session, "lan") == (0, None)
    session.refresh(account)
    assert account.last_login_at == at(5)


def test_names_are_compared_trimmed_and_without_case(session: Session, lan: UserAccount) -> None:
    assert authenticate(session=session, name="  LAN ", password=PASSWORD, now=at(1)) is not None


def test_an_account_made_before_names_were_ascii_still_signs_in(session: Session) -> None:
    # Stored as names were before: NFC and case-folded, diacritics and spaces kept.
    session.add(
        UserAccount(
            name="nguyễn thị hà",
            role="editor",
            password_hash=credentials.new_hash(PASSWORD),
            created_at=T0,
        )
    )
    session.commit()
    decomposed = "Nguye\u0302\u0303n Thi\u0323 Ha\u0300"  # the same letters as combining marks
    account = authenticate(session=session, name=decomposed, password=PASSWORD, now=at(1))
    assert account is not None and account.name == "nguyễn thị hà"


def test_a_wrong_password_is_refused_and_counted(session: Session, lan: UserAccount) -> None:
    assert authenticate(session=session, name="lan", password="sai mật khẩu", now=at(1)) is None
    assert authenticate(session=session, name="lan", password=PASSWORD.upper(), now=at(2)) is None
    assert failures_of(session, "lan") == (2, None)
    assert stored_row(session, "lan")["last_login_at"] is None


def test_an_unknown_name_is_refused_after_the_same_argon2_work(
    session: Session, lan: UserAccount, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = credentials.hasher

    class CountingHasher:
        """The real hasher, noting every hash it verifies against."""

        def verify(self, stored: str, password: str) -> bool:
            calls.append(stored)
            return real.verify(stored, password)

        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

    monkeypatch.setattr(credentials, "hasher", CountingHasher())
    assert authenticate(session=session, name="không có ai", password=PASSWORD, now=at(1)) is None
    assert authenticate(session=session, name="lan", password="sai mật khẩu", now=at(2)) is None
    assert len(calls) == 2
    # Both were full argon2id verifications with the same cost.
    costs = {(p.type, p.time_cost, p.memory_cost) for p in map(argon2.extract_parameters, calls)}
    assert costs == {(argon2.Type.ID, 3, 65536)}


def test_an_account_without_a_password_cannot_sign_in_with_one(session: Session) -> None:
    create_user(session=session, name="oidc", role="editor", password=None, email="o@hoi.vn")
    assert authenticate(session=session, name="oidc", password="", now=at(1)) is None
    assert authenticate(session=session, name="oidc", password=PASSWORD, now=at(2)) is None


# Lock-out -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failures", "seconds"),
    [(0, 0), (4, 0), (5, 30), (6, 60), (7, 120), (8, 240), (9, 480), (10, 900), (60, 900)],
)
def test_the_lock_starts_at_five_failures_doubles_and_stops_at_fifteen_minutes(
    failures: int, seconds: int
) -> None:
    assert lock_duration(failures) == timedelta(seconds=seconds)


def test_five_failures_lock_the_account_even_against_the_right_password(
    session: Session, lan: UserAccount
) -> None:
    for second in range(4):
        assert authenticate(session=session, name="lan", password="sai", now=at(second)) is None
    with pytest.raises(AccountLocked) as fifth:
        authenticate(session=session, name="lan", password="sai", now=at(4))
    assert fifth.value.retry_after == 30
    assert fifth.value.message_vi == "Tài khoản tạm khoá, thử lại sau 30 giây"

    with pytest.raises(AccountLocked) as during:
        authenticate(session=session, name="lan", password=PASSWORD, now=at(14))
    assert during.value.retry_after == 20
    assert failures_of(session, "lan")[0] == 5  # attempts while locked don't count


def test_each_failure_after_a_lock_doubles_it_up_to_fifteen_minutes(
    session: Session, lan: UserAccount
) -> None:
    now = 0.0
    for _ in range(4):
        authenticate(session=session, name="lan", password="sai", now=at(now))
    waits = []
    for _ in range(7):
        with pytest.raises(AccountLocked) as locked:
            authenticate(session=session, name="lan", password="sai", now=at(now))
        waits.append(locked.value.retry_after)
        now += locked.value.retry_after  # come back exactly when the lock ends
    assert waits == [30, 60, 120, 240, 480, 900, 900]


def test_signing_in_after_the_lock_resets_the_count(session: Session, lan: UserAccount) -> None:
    for second in range(4):
        authenticate(session=session, name="lan", password="sai", now=at(second))
    with pytest.raises(AccountLocked):
        authenticate(session=session, name="lan", password="sai", now=at(4))
    assert authenticate(session=session, name="lan", password=PASSWORD, now=at(34)) is not None
    assert failures_of(session, "lan") == (0, None)
    # A fresh start: one more failure is just a failure.
    assert authenticate(session=session, name="lan", password="sai", now=at(35)) is None


def test_an_unknown_name_locks_like_a_real_one(session: Session) -> None:
    for second in range(4):
        assert authenticate(session=session, name="ma", password="sai", now=at(second)) is None
    with pytest.raises(AccountLocked) as fifth:
        authenticate(session=session, name="MA", password="sai", now=at(4))
    assert fifth.value.retry_after == 30


def test_a_new_password_lifts_the_lock(session: Session, lan: UserAccount) -> None:
    for second in range(4):
        authenticate(session=session, name="lan", password="sai", now=at(second))
    with pytest.raises(AccountLocked):
        authenticate(session=session, name="lan", password="sai", now=at(4))
    set_password(session=session, name="lan", password="một mật khẩu mới")
    account = authenticate(session=session, name="lan", password="một mật khẩu mới", now=at(6))
    assert account is not None
    assert authenticate(session=session, name="lan", password=PASSWORD, now=at(7)) is None


# Roles and e-mails --------------------------------------------------------------------------


def test_roles_can_be_changed_but_only_to_known_roles(session: Session, lan: UserAccount) -> None:
    assert set_role(session=session, name="LAN", role="admin").role == "admin"
    with pytest.raises(AccountProblem):
        set_role(session=session, name="lan", role="boss")
    with pytest.raises(AccountProblem):
        set_role(session=session, name="nobody", role="viewer")
    assert stored_row(session, "lan")["role"] == "admin"


@pytest.mark.parametrize(
    ("role", "needed", "allowed"),
    [
        (Role.VIEWER, Role.VIEWER, True),
        (Role.VIEWER, Role.EDITOR, False),
        (Role.EDITOR, Role.EDITOR, True),
        (Role.EDITOR, Role.ADMIN, False),
        (Role.ADMIN, Role.EDITOR, True),
    ],
)
def test_an_admin_may_do_what_an_editor_may_and_an_editor_what_a_viewer_may(
    role: Role, needed: Role, allowed: bool
) -> None:
    assert has_role(role, needed) is allowed


def test_no_account_or_an_unknown_stored_role_counts_as_a_viewer() -> None:
    assert role_of(None) is Role.VIEWER
    assert role_of(UserAccount(name="x", role="boss", created_at=T0)) is Role.VIEWER


def test_names_and_emails_are_unique_after_normalisation(
    session: Session, lan: UserAccount
) -> None:
    with pytest.raises(AccountProblem):
        create_user(session=session, name=" LAN", role="viewer", password=PASSWORD)
    with pytest.raises(AccountProblem):
        create_user(
            session=session, name="khac", role="viewer", password=PASSWORD, email="lan@hoi.VN"
        )
    assert [a.name for a in list_users(session=session)] == ["lan"]


def test_an_email_finds_its_account_without_regard_to_case(
    session: Session, lan: UserAccount
) -> None:
    found = user_for_email(session=session, email=" LAN@hoi.vn ")
    assert found is not None and found.name == "lan"
    assert user_for_email(session=session, email="other@hoi.vn") is None
    assert user_for_email(session=session, email="") is None
    set_email(session=session, name="lan", email="lan.moi@hoi.vn")
    assert user_for_email(session=session, email="lan@hoi.vn") is None


def test_an_account_without_password_needs_an_email(session: Session) -> None:
    with pytest.raises(AccountProblem):
        create_user(session=session, name="x", role="viewer", password=None)


def test_list_users_is_sorted_by_name(session: Session) -> None:
    for name in ("Ha", "an", "Binh"):
        create_user(session=session, name=name, role="viewer", password=PASSWORD)
    assert [a.name for a in list_users(session=session)] == ["an", "binh", "ha"]


# Look-alike names and weak passwords ---------------------------------------------------------


@pytest.mark.parametrize(
    "look_alike",
    [
        "ｅｄ１",  # full-width: the same letters
        "ED1",
        " ed1 ",
    ],
)
def test_a_name_that_normalises_to_an_existing_one_is_refused(
    session: Session, look_alike: str
) -> None:
    create_user(session=session, name="ed1", role="editor", password=PASSWORD)
    with pytest.raises(AccountProblem) as refused:
        create_user(session=session, name=look_alike, role="admin", password=PASSWORD)
    assert refused.value.message_en == "An account 'ed1' exists already"
    assert [(a.name, a.role) for a in list_users(session=session)] == [("ed1", "editor")]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("еd1", "'е' (U+0435)"),  # Cyrillic е, then Latin d1
        ("edı", "'ı' (U+0131)"),  # dotless i
        ("Nguyễn", "'ễ' (U+1EC5)"),
        ("lan hoa", "' ' (U+0020)"),
        ("lan@hoi", "'@' (U+0040)"),
    ],
)
def test_names_outside_ascii_letters_digits_and_dot_dash_underscore_are_refused(
    session: Session, name: str, shown: str
) -> None:
    create_user(session=session, name="ed1", role="editor", password=PASSWORD)
    with pytest.raises(AccountProblem) as refused:
        create_user(session=session, name=name, role="admin", password=PASSWORD)
    assert shown in refused.value.message_en
    assert "a–z" in refused.value.message_vi and "ha.nguyen" in refused.value.message_en
    assert [a.name for a in list_users(session=session)] == ["ed1"]


def test_a_full_width_name_signs_in_to_the_ascii_account(session: Session) -> None:
    create_user(session=session, name="Ha.Nguyen_2", role="editor", password=PASSWORD)
    account = authenticate(
        session=session, name="ＨＡ．ｎｇｕｙｅｎ＿２", password=PASSWORD, now=at(1)
    )
    assert account is not None and account.name == "ha.nguyen_2"


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        (" " * 8, "account.password_too_short"),
        ("123456789", "account.password_too_short"),
        (" " * 12, "account.password_blank"),
        ("\t \u3000" * 4, "account.password_blank"),
        ("a" * 12, "account.password_one_character"),
    ],
)
def test_weak_passwords_are_refused_and_nothing_is_written(
    session: Session, lan: UserAccount, password: str, problem: str
) -> None:
    before = stored_row(session, "lan")["password_hash"]
    with pytest.raises(AccountProblem) as refused:
        create_user(session=session, name="yeu", role="viewer", password=password)
    assert refused.value.message_id == problem
    with pytest.raises(AccountProblem):
        set_password(session=session, name="lan", password=password)
    assert get_user(session=session, name="yeu") is None
    assert stored_row(session, "lan")["password_hash"] == before
