"""Accounts and roles: the account records, and sign-in with lock-out after repeated failures.

Every function commits what it changes. Names, e-mails, passwords and lock-out times are checked
by `datastore.credentials`; passwords are rehashed at sign-in when the hasher's parameters change.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlmodel import Session, col, select

from datastore.credentials import (
    AccountLocked,
    AccountProblem,
    checked_email,
    checked_name,
    checked_role,
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
from datastore.models import Role, UserAccount

# Failures for names that have no account are kept in memory, so a locked name looks the same
# whether or not it exists; the oldest are forgotten beyond this many names.
MAX_REMEMBERED_UNKNOWN = 10_000


@dataclass
class _Failures:
    count: int = 0
    locked_until: datetime | None = None


class _UnknownNames:
    """In-process failure counts for names that have no account (bounded, oldest forgotten)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._names: OrderedDict[str, _Failures] = OrderedDict()

    def seconds_left(self, name: str, now: datetime) -> int:
        with self._lock:
            entry = self._names.get(name)
            return seconds_left(entry.locked_until, now) if entry else 0

    def fail(self, name: str, now: datetime) -> int:
        """Count one failure; the seconds the name is now locked for (0 if not)."""
        with self._lock:
            entry = self._names.pop(name, None) or _Failures()
            entry.count += 1
            wait = lock_duration(entry.count)
            entry.locked_until = now + wait if wait else None
            self._names[name] = entry
            while len(self._names) > MAX_REMEMBERED_UNKNOWN:
                self._names.popitem(last=False)
            return seconds_left(entry.locked_until, now)

    def clear(self) -> None:
        with self._lock:
            self._names.clear()


unknown_names = _UnknownNames()


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

    The same argon2 work is done whether the name exists, is locked, or has no password, so the
    time taken does not tell which names exist.
    """
    moment = utc_now(now)
    normal = normalize_name(name)
    account = _find(session, normal) if normal else None
    right = verify(account.password_hash if account else None, password)
    if account is None:
        wait = unknown_names.seconds_left(normal, moment)
        if wait:
            raise AccountLocked(wait)
        wait = unknown_names.fail(normal, moment)
        if wait:
            raise AccountLocked(wait)
        return None
    wait = seconds_left(account.locked_until, moment)
    if wait:
        raise AccountLocked(wait)
    if not right:
        _count_failure(session, account, moment)
        return None
    account.failed_logins = 0
    account.locked_until = None
    account.last_login_at = moment
    if account.password_hash and needs_rehash(account.password_hash):
        account.password_hash = rehash(password)
    session.add(account)
    session.commit()
    session.refresh(account)
    return account


def _count_failure(session: Session, account: UserAccount, moment: datetime) -> None:
    """Add one failure in the database itself, so parallel attempts are all counted."""
    failures = session.execute(
        update(UserAccount)
        .where(col(UserAccount.id) == account.id)
        .values(failed_logins=col(UserAccount.failed_logins) + 1)
        .returning(col(UserAccount.failed_logins))
    ).scalar_one()
    wait = lock_duration(failures)
    if wait:
        session.execute(
            update(UserAccount)
            .where(col(UserAccount.id) == account.id)
            .values(locked_until=moment + wait)
        )
    session.commit()
    session.expire(account)
    if wait:
        raise AccountLocked(seconds_left(moment + wait, moment))


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
    account.failed_logins = 0
    account.locked_until = None
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
