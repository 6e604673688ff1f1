"""Database errors as one short message naming the cause, never the SQL, its values or a hash.

SQLAlchemy's text of an error carries the statement and its parameters (row values, an argon2
hash when an account was written), so nothing of it is shown: the cause is read from the
driver's own code (sqlite3's result code, PostgreSQL's SQLSTATE) and named by a catalogue id.
"""

from __future__ import annotations

import sqlite3
from typing import Literal

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from i18n.catalogue import Lang, bilingual, t

Cause = Literal["locked", "disk_full", "read_only", "schema", "unreachable", "damaged", "other"]

# SQLite's primary result codes (the low byte of an extended code), https://sqlite.org/rescode.html
_SQLITE_CAUSES: dict[int, Cause] = {
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    8: "read_only",  # SQLITE_READONLY
    11: "damaged",  # SQLITE_CORRUPT
    13: "disk_full",  # SQLITE_FULL
    14: "unreachable",  # SQLITE_CANTOPEN
    26: "damaged",  # SQLITE_NOTADB
}
# SQLite reports a missing table or column as a plain SQLITE_ERROR; its text says which.
_SQLITE_SCHEMA_WORDS = ("no such table", "no such column", "has no column named")
# PostgreSQL's SQLSTATE codes, https://www.postgresql.org/docs/current/errcodes-appendix.html
_POSTGRES_CAUSES: dict[str, Cause] = {
    "55P03": "locked",  # lock_not_available
    "40P01": "locked",  # deadlock_detected
    "40001": "locked",  # serialization_failure
    "57014": "locked",  # query_canceled: a statement or lock timeout
    "53100": "disk_full",
    "25006": "read_only",  # read_only_sql_transaction
    "42501": "read_only",  # insufficient_privilege
    "42P01": "schema",  # undefined_table
    "42703": "schema",  # undefined_column
    "57P03": "unreachable",  # cannot_connect_now
    "XX001": "damaged",  # data_corrupted
}


def database_cause(error: BaseException) -> Cause | None:
    """Why a database call failed, or None when `error` does not come from a database."""
    original = _original(error)
    if isinstance(original, sqlite3.Error):
        return _sqlite_cause(original)
    if type(original).__module__.split(".")[0] == "psycopg":
        return _postgres_cause(original)
    if isinstance(error, SQLAlchemyError):
        return "other"
    return None


def _sqlite_cause(error: sqlite3.Error) -> Cause:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _SQLITE_CAUSES:
        return _SQLITE_CAUSES[code & 0xFF]
    text = str(error).lower()
    if any(words in text for words in _SQLITE_SCHEMA_WORDS):
        return "schema"
    # Without a result code (sqlite3 before Python 3.11), the fixed English texts of SQLite.
    for words, cause in (
        ("locked", "locked"),
        ("readonly", "read_only"),
        ("disk is full", "disk_full"),
        ("unable to open", "unreachable"),
        ("malformed", "damaged"),
    ):
        if words in text:
            return cause  # type: ignore[return-value] # the literals above are Causes
    return "other"


def _postgres_cause(error: BaseException) -> Cause:
    state = getattr(error, "sqlstate", None)
    if not isinstance(state, str):
        return "unreachable"  # psycopg gives no SQLSTATE when no server answered
    if state in _POSTGRES_CAUSES:
        return _POSTGRES_CAUSES[state]
    if state.startswith("08"):  # connection_exception
        return "unreachable"
    if state.startswith("53"):  # insufficient_resources
        return "disk_full" if state == "53100" else "other"
    return "other"


def message_id(cause: Cause) -> str:
    """The catalogue id of the message for a cause."""
    return f"database.{cause}"


def database_message(error: BaseException, lang: Lang) -> str:
    """The short message for a database error in `lang`; `other` names only the error's kind."""
    cause = database_cause(error) or "other"
    return t(message_id(cause), lang, kind=_kind(error))


def database_message_bilingual(error: BaseException) -> str:
    """The short message for a database error, Vietnamese then English (the command line)."""
    cause = database_cause(error) or "other"
    return bilingual(message_id(cause), kind=_kind(error))


def _kind(error: BaseException) -> str:
    """The class name of the error, e.g. IntegrityError: a kind, never a value."""
    return type(_original(error)).__name__


def _original(error: BaseException) -> BaseException:
    """The driver's own exception inside SQLAlchemy's wrapper."""
    if isinstance(error, DBAPIError) and error.orig is not None:
        return error.orig
    return error
