"""Accounts and roles: argon2id password hashes, sign-in with lock-out after repeated failures.

Every function commits what it changes. Names are compared after NFC normalisation, trimming
and case folding, so "Lan", " lan " and "LAN" are one account. Passwords are never stored or
logged: only argon2id hashes (argon2-cffi's RFC 9106 low-memory profile), rehashed at sign-in
when the hasher's parameters change.
"""

from __future__ import annotations

import math
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import update
from sqlmodel import Session, col, select

from datastore.models import Role, UserAccount

# Five failures in a row lock the account for 30 s; each further failure doubles the wait,
# up to 15 minutes. A success resets the count.
FREE_FAILURES = 5
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
MAX_NAME_LENGTH = 80
MAX_EMAIL_LENGTH = 255
# Failures for names that have no account are kept in memory, so a locked name looks the same
# whether or not it exists; the oldest are forgotten beyond this many names.
MAX_REMEMBERED_UNKNOWN = 10_000

hasher = PasswordHasher()


class AccountProblem(ValueError):
    """A request about accounts that cannot be done, with its message in both languages."""

    def __init__(self, message_vi: str, message_en: str):
        super().__init__(message_en)
        self.message_vi = message_vi
        self.message_en = message_en

    def message(self, lang: str) -> str:
        """The message in the interface language ("vi" or "en")."""
        return self.message_vi if lang == "vi" else self.message_en


class AccountLocked(AccountProblem):
    """Too many failed sign-ins: the name is locked for `retry_after` more seconds."""

    def __init__(self, retry_after: int):
        super().__init__(
            f"Tài khoản tạm khoá, thử lại sau {retry_after} giây",
            f"Account temporarily locked, try again in {retry_after} seconds",
        )
        self.retry_after = retry_after


# Names, e-mails, passwords ------------------------------------------------------------------


def normalize_name(name: str) -> str:
    """The form a name is stored and compared in: NFC, trimmed, inner spaces single, case-folded."""
    text = " ".join(unicodedata.normalize("NFC", name).split())
    return unicodedata.normalize("NFC", text.casefold())


def normalize_email(email: str) -> str:
    """E-mail addresses compared case-insensitively, as providers treat them."""
    return unicodedata.normalize("NFC", email.strip()).casefold()


def _checked_name(name: str) -> str:
    normal = normalize_name(name)
    if not normal:
        raise AccountProblem("Tên tài khoản không được để trống", "The account name is empty")
    if len(normal) > MAX_NAME_LENGTH:
        raise AccountProblem(
            f"Tên tài khoản dài quá {MAX_NAME_LENGTH} ký tự",
            f"The account name is longer than {MAX_NAME_LENGTH} characters",
        )
    if any(unicodedata.category(char).startswith("C") for char in normal):
        raise AccountProblem(
            "Tên tài khoản có ký tự điều khiển", "The account name holds control characters"
        )
    return normal


def _checked_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    normal = normalize_email(email)
    local, at, domain = normal.rpartition("@")
    if not at or not local or "." not in domain or len(normal) > MAX_EMAIL_LENGTH:
        raise AccountProblem(
            f"Địa chỉ thư điện tử không hợp lệ: {email!r}", f"Not an e-mail address: {email!r}"
        )
    return normal


def _checked_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise AccountProblem(
            f"Vai trò {role!r} không có; chọn một trong: {names}",
            f"No role {role!r}; choose one of: {names}",
        ) from None


def _prepared_password(password: str) -> str:
    """NFC, so the same password typed on different keyboards gives the same hash."""
    return unicodedata.normalize("NFC", password)


def _new_hash(password: str) -> str:
    text = _prepared_password(password)
    if len(text) < MIN_PASSWORD_LENGTH:
        raise AccountProblem(
            f"Mật khẩu cần ít nhất {MIN_PASSWORD_LENGTH} ký tự",
            f"The password needs at least {MIN_PASSWORD_LENGTH} characters",
        )
    if len(text) > MAX_PASSWORD_LENGTH:
        raise AccountProblem(
            f"Mật khẩu dài quá {MAX_PASSWORD_LENGTH} ký tự",
            f"The password is longer than {MAX_PASSWORD_LENGTH} characters",
        )
    return hasher.hash(text)


@cache
def _dummy_hash() -> str:
    """A hash no password matches in practice, verified when there is no real one to check."""
    return hasher.hash("no account has this password: dummy for constant-time sign-in")


def _verify(stored: str | None, password: str) -> bool:
    """Argon2 verification; exactly one hash computation whatever `stored` is."""
    try:
        return hasher.verify(stored or _dummy_hash(), _prepared_password(password)) and bool(stored)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _now(now: datetime | None) -> datetime:
    moment = now or datetime.now(UTC)
    if moment.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return moment.astimezone(UTC)


def lock_duration(failures: int) -> timedelta:
    """How long a name stays locked after `failures` failures in a row (none below five)."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    # min() on the exponent first: 2**failures would grow without bound.
    doublings = min(failures - FREE_FAILURES, 16)
    return min(FIRST_LOCK * 2**doublings, LONGEST_LOCK)


def _seconds_left(locked_until: datetime | None, now: datetime) -> int:
    if locked_until is None or locked_until <= now:
        return 0
    return max(1, math.ceil((locked_until - now).total_seconds()))


# Failures of names without an account -------------------------------------------------------


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
            return _seconds_left(entry.locked_until, now) if entry else 0

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
            return _seconds_left(entry.locked_until, now)

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
        raise AccountProblem(f"Không có tài khoản {name!r}", f"There is no account called {name!r}")
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
    normal = _checked_name(name)
    checked_role = _checked_role(role)
    checked_email = _checked_email(email)
    if password is None and checked_email is None:
        raise AccountProblem(
            "Tài khoản không có mật khẩu cần địa chỉ thư điện tử (đăng nhập qua tổ chức)",
            "An account without a password needs an e-mail address (organisation sign-in)",
        )
    if _find(session, normal) is not None:
        raise AccountProblem(f"Đã có tài khoản {normal!r}", f"An account {normal!r} exists already")
    _refuse_taken_email(session, checked_email, owner=None)
    account = UserAccount(
        name=normal,
        role=checked_role.value,
        password_hash=_new_hash(password) if password is not None else None,
        email=checked_email,
        created_at=_now(now),
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
        raise AccountProblem(
            f"Địa chỉ {email} đã thuộc tài khoản {other.name!r}",
            f"{email} already belongs to the account {other.name!r}",
        )


def authenticate(
    *, session: Session, name: str, password: str, now: datetime | None = None
) -> UserAccount | None:
    """The account if the password is right, else None; AccountLocked while the name is locked.

    The same argon2 work is done whether the name exists, is locked, or has no password, so the
    time taken does not tell which names exist.
    """
    moment = _now(now)
    normal = normalize_name(name)
    account = _find(session, normal) if normal else None
    right = _verify(account.password_hash if account else None, password)
    if account is None:
        wait = unknown_names.seconds_left(normal, moment)
        if wait:
            raise AccountLocked(wait)
        wait = unknown_names.fail(normal, moment)
        if wait:
            raise AccountLocked(wait)
        return None
    wait = _seconds_left(account.locked_until, moment)
    if wait:
        raise AccountLocked(wait)
    if not right:
        _count_failure(session, account, moment)
        return None
    account.failed_logins = 0
    account.locked_until = None
    account.last_login_at = moment
    if account.password_hash and hasher.check_needs_rehash(account.password_hash):
        account.password_hash = hasher.hash(_prepared_password(password))
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
        raise AccountLocked(_seconds_left(moment + wait, moment))


def user_for_email(*, session: Session, email: str) -> UserAccount | None:
    """The account registered with this e-mail address (case-insensitive), or None."""
    if not email or not email.strip():
        return None
    wanted = normalize_email(email)
    return session.exec(select(UserAccount).where(col(UserAccount.email) == wanted)).first()


def set_role(*, session: Session, name: str, role: Role | str) -> UserAccount:
    """Give an account another role."""
    account = _get(session, name)
    account.role = _checked_role(role).value
    session.add(account)
    session.commit()
    session.refresh(account)
    return account


def set_password(*, session: Session, name: str, password: str) -> UserAccount:
    """Replace an account's password; also lifts a lock-out."""
    account = _get(session, name)
    account.password_hash = _new_hash(password)
    account.failed_logins = 0
    account.locked_until = None
    session.add(account)
    session.commit()
    session.refresh(account)
    return account


def set_email(*, session: Session, name: str, email: str | None) -> UserAccount:
    """Set (or with None, remove) the e-mail an organisation sign-in is matched on."""
    account = _get(session, name)
    checked = _checked_email(email)
    if checked is None and account.password_hash is None:
        raise AccountProblem(
            "Tài khoản không có mật khẩu cần địa chỉ thư điện tử",
            "An account without a password needs an e-mail address",
        )
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
