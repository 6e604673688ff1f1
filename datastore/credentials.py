"""What an account is checked against: names, e-mails, roles, argon2id hashes and lock-out times.

Names are compared after NFKC normalisation, trimming and case folding, so "Lan", " lan ",
"LAN" and a full-width "ＬＡＮ" are one account; new names are limited to ASCII letters, digits
and `._-`, so no look-alike (a Cyrillic "е" for "e") can pass for another account. Passwords are
never stored or logged: only argon2id hashes (argon2-cffi's RFC 9106 low-memory profile).
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from datastore.models.accounts import Role
from datastore.problems import DataProblem
from i18n.catalogue import Lang, t

# Five failures in a row lock the name for 30 s; each further failure doubles the wait,
# up to 15 minutes. A success resets the count.
FREE_FAILURES = 5
FIRST_LOCK = timedelta(seconds=30)
LONGEST_LOCK = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
MAX_NAME_LENGTH = 80
MAX_EMAIL_LENGTH = 255

hasher = PasswordHasher()


class AccountProblem(DataProblem):
    """A request about accounts that cannot be done: a message id with its parameters."""

    def message(self, lang: Lang) -> str:
        """The message in the interface language ("vi" or "en")."""
        return t(self.message_id, lang, **self.params)


class AccountLocked(AccountProblem):
    """Too many failed sign-ins: the name is locked for `retry_after` more seconds."""

    def __init__(self, retry_after: int):
        super().__init__("auth.locked", seconds=retry_after)
        self.retry_after = retry_after


# Names, e-mails, passwords ------------------------------------------------------------------


# What a new account name may hold once normalised: no character that looks like another.
NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")


def normalize_name(name: str) -> str:
    """The form a name is stored and compared in: NFKC, trimmed, inner spaces single, casefolded."""
    # NFKC folds full-width and other compatibility forms ("ｅｄ１" is "ed1"); again after
    # casefold, which can undo it for a few letters.
    text = " ".join(unicodedata.normalize("NFKC", name).split())
    return unicodedata.normalize("NFKC", text.casefold())


def normalize_email(email: str) -> str:
    """E-mail addresses compared case-insensitively, as providers treat them."""
    return unicodedata.normalize("NFC", email.strip()).casefold()


def checked_name(name: str) -> str:
    normal = normalize_name(name)
    if not normal:
        raise AccountProblem("account.name_empty")
    if len(normal) > MAX_NAME_LENGTH:
        raise AccountProblem("account.name_too_long", limit=MAX_NAME_LENGTH)
    if any(unicodedata.category(char).startswith("C") for char in normal):
        raise AccountProblem("account.name_control")
    if not set(normal) <= NAME_CHARACTERS:
        # Names are typed by staff (ASCII user names); letters of other scripts and symbols
        # include look-alikes of ASCII ones, so none is allowed at all.
        others = sorted(set(normal) - NAME_CHARACTERS)
        refused = ", ".join(f"{char!r} (U+{ord(char):04X})" for char in others)
        raise AccountProblem("account.name_characters", name=name, characters=refused)
    return normal


def checked_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    normal = normalize_email(email)
    local, at, domain = normal.rpartition("@")
    if not at or not local or "." not in domain or len(normal) > MAX_EMAIL_LENGTH:
        raise AccountProblem("account.email_invalid", email=email)
    return normal


def checked_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise AccountProblem("account.role_unknown", role=role, names=names) from None


def prepared_password(password: str) -> str:
    """NFC, so the same password typed on different keyboards gives the same hash."""
    return unicodedata.normalize("NFC", password)


def new_hash(password: str) -> str:
    """The hash of a new password: at least 10 characters, not only spaces or one character."""
    text = prepared_password(password)
    if len(text) < MIN_PASSWORD_LENGTH:
        raise AccountProblem("account.password_too_short", limit=MIN_PASSWORD_LENGTH)
    if not text.strip():
        raise AccountProblem("account.password_blank")
    if len(set(text)) == 1:
        raise AccountProblem("account.password_one_character")
    if len(text) > MAX_PASSWORD_LENGTH:
        raise AccountProblem("account.password_too_long", limit=MAX_PASSWORD_LENGTH)
    return hasher.hash(text)


def needs_rehash(stored: str) -> bool:
    """Whether a hash was made with other parameters than the hasher's current ones."""
    return hasher.check_needs_rehash(stored)


def rehash(password: str) -> str:
    """A fresh hash of a password already verified, with the hasher's current parameters."""
    return hasher.hash(prepared_password(password))


@cache
def _dummy_hash() -> str:
    """A hash no password matches in practice, verified when there is no real one to check."""
    return hasher.hash("no account has this password: dummy for constant-time sign-in")


def verify(stored: str | None, password: str) -> bool:
    """Argon2 verification; exactly one hash computation whatever `stored` is."""
    try:
        return hasher.verify(stored or _dummy_hash(), prepared_password(password)) and bool(stored)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def utc_now(now: datetime | None) -> datetime:
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
    return min(FIRST_LOCK * (1 << doublings), LONGEST_LOCK)  # 2**n, typed as an int


def seconds_left(locked_until: datetime | None, now: datetime) -> int:
    if locked_until is None or locked_until <= now:
        return 0
    return max(1, math.ceil((locked_until - now).total_seconds()))


# Failures by name ---------------------------------------------------------------------------

# Failures are counted by name, whether or not an account has it, and forgotten after a day
# without one; the same rule for every name, so the answers tell nothing about which exist.
FORGET_FAILURES_AFTER = timedelta(days=1)


def failure_key(normal_name: str) -> str:
    """The key a name's failures are kept under: a digest, as people type passwords as names."""
    return hashlib.sha256(normal_name.encode("utf-8")).hexdigest()
