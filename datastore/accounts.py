"""Accounts and roles: the account records, and sign-in with lock-out after repeated failures.

Every function commits what it changes. Names, e-mails, passwords and lock-out times are checked
by `datastore.credentials`; passwords are rehashed at sign-in when the hasher's parameters change.
Failures are counted in the database by name (`SignInFailure`), the same way whether the name
has an account or not, so neither the answer nor the work done tells which names exist, after a
restart and on every replica alike.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from datastore.credentials import (
    FORGET_FAILURES_AFTER,
    AccountLocked,
    AccountProblem,
    checked_email,
    checked_name,
    checked_role,
    failure_key,
    lock_duration,
    needs_rehash,
    new_hash,
    normalize_email,
    normalize_name,
    rehash,
    seconds_left,
    utc_now,
    verify,
)
from datastore.models.accounts import Role, SignInFailure, UserAccount

# Accounts -----------------------------------------------------------------------------------


def _find(session: Session, name: str) -> UserAccount | None:
    return session.exec(select(UserAccount).where(col(UserAccount.name) == name)).first()


def _get(session: Session, name: str) -> UserAccount:
    account = _find(session, normalize_name(name))
    if account is None:
        raise AccountProblem("account.not_found", name=name)
    return account


def get_user(*, session: Session, name: str) -> UserAccount | None:
    """The account with this name (after normalisation), or None."""
    return _find(session, normalize_name(name))


def create_user(
    *,
    session: Session,
    name: str,
    role: Role | str,
    password: str | None,
    email: str | None = None,
    now: datetime | None = None,
) -> UserAccount:
    """A new account; `password` None means sign-in through the organisation's provider only."""
    normal = checked_name(name)
    new_role = checked_role(role)
    new_email = checked_email(email)
    if password is None and new_email is None:
        raise AccountProblem("account.needs_email_to_create")
    if _find(session, normal) is not None:
        raise AccountProblem("account.exists", name=normal)
    _refuse_taken_email(session, new_email, owner=None)
    account = UserAccount(
        name=normal,
        role=new_role.value,
        password_hash=new_hash(password) if password is not None else None,
        email=new_email,
        created_at=utc_now(now),
    )
    session.add(account)
    session.commit()
    session.refresh(account)
    return account


def _refuse_taken_email(session: Session, email: str | None, *, owner: int | None) -> None:
    """One account per e-mail, so a provider's sign-in maps to exactly one role."""
    if email is None:
        return
    other = session.exec(select(UserAccount).where(col(UserAccount.email) == email)).first()
    if other is not None and other.id != owner:
        raise AccountProblem("account.email_taken", email=email, name=other.name)


def authenticate(
    *, session: Session, name: str, password: str, now: datetime | None = None
) -> UserAccount | None:
    """The account if the password is right, else None; AccountLocked while the name is locked.

    Whether the name exists, is locked, or has no password, the same steps run: one account
    lookup, one argon2 verification, one read of the name's failures and, on failure, one
    count in the database.
    """
    moment = utc_now(now)
    normal = normalize_name(name)
    account = _find(session, normal) if normal else None
    right = verify(account.password_hash if account else None, password)
    key = failure_key(normal)
    failure = session.get(SignInFailure, key)
    wait = seconds_left(failure.locked_until, moment) if failure else 0
    if wait:
        raise AccountLocked(wait)
    if account is None or not right:
        _count_failure(session, key, moment)
        return None
    session.execute(delete(SignInFailure).where(col(SignInFailure.name_key) == key))
    account.last_login_at = moment
    if account.password_hash and needs_rehash(account.password_hash):
        account.password_hash = rehash(password)
    session.add(account)
    session.commit()
    session.refresh(account)
    return account


def _count_failure(session: Session, key: str, moment: datetime) -> None:
    """Add one failure in the database itself, so parallel attempts are all counted."""
    # A name quiet for a day starts again from zero; rows of such names are dropped here
    # rather than by a job, so the table holds only recent names.
    session.execute(
        delete(SignInFailure).where(
            col(SignInFailure.last_failed_at) < moment - FORGET_FAILURES_AFTER
        )
    )
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = insert(SignInFailure).values(name_key=key, failures=1, last_failed_at=moment)
    failures = session.execute(
        statement.on_conflict_do_update(
            index_elements=[col(SignInFailure.name_key)],
            set_={"failures": col(SignInFailure.failures) + 1, "last_failed_at": moment},
        ).returning(col(SignInFailure.failures))
    ).scalar_one()
    wait = lock_duration(failures)
    if wait:
        session.execute(
            update(SignInFailure)
            .where(col(SignInFailure.name_key) == key)
            .values(locked_until=moment + wait)
        )
    session.commit()
    if wait:
        raise AccountLocked(seconds_left(moment + wait, moment))


def locked_until(*, session: Session, name: str, now: datetime | None = None) -> datetime | None:
    """Until when sign-in under this name is refused, or None when it is not locked."""
    failure = session.get(SignInFailure, failure_key(normalize_name(name)))
    if failure is None or not seconds_left(failure.locked_until, utc_now(now)):
        return None
    return failure.locked_until


def user_for_email(*, session: Session, email: str) -> UserAccount | None:
    """The account registered with this e-mail address (case-insensitive), or None."""
    if not email or not email.strip():
        return None
    wanted = normalize_email(email)
    return session.exec(select(UserAccount).where(col(UserAccount.email) == wanted)).first()


def set_role(*, session: Session, name: str, role: Role | str) -> UserAccount:
    """Give an account another role."""
    account = _get(session, name)
    account.role = checked_role(role).value
    session.add(account)
    session.commit()
    session.refresh(account)
    return account


def set_password(*, session: Session, name: str, password: str) -> UserAccount:
    """Replace an account's password; also lifts a lock-out."""
    account = _get(session, name)
    account.password_hash = new_hash(password)
    key = failure_key(normalize_name(account.name))
    session.execute(delete(SignInFailure).where(col(SignInFailure.name_key) == key))
    session.add(account)
    session.commit()
    session.refresh(account)
    return account


def set_email(*, session: Session, name: str, email: str | None) -> UserAccount:
    """Set (or with None, remove) the e-mail an organisation sign-in is matched on."""
    account = _get(session, name)
    checked = checked_email(email)
    if checked is None and account.password_hash is None:
        raise AccountProblem("account.needs_email")
    _refuse_taken_email(session, checked, owner=account.id)
    account.email = checked
    session.add(account)
    session.commit()
    session.refresh(account)
    return account


def list_users(*, session: Session) -> list[UserAccount]:
    """Every account, by name."""
    return list(session.exec(select(UserAccount).order_by(col(UserAccount.name))).all())


def role_of(account: UserAccount | None) -> Role:
    """An account's role; no account means viewer."""
    if account is None:
        return Role.VIEWER
    try:
        return Role(account.role)
    except ValueError:
        return Role.VIEWER


def has_role(role: Role, needed: Role) -> bool:
    """Whether `role` may do what `needed` may (admin > editor > viewer)."""
    order = [Role.VIEWER, Role.EDITOR, Role.ADMIN]
    return order.index(role) >= order.index(needed)
