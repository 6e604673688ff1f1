"""Accounts that sign in, their roles, and failed sign-ins."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel


class Role(StrEnum):
    """What an account may do: look, load data, or also manage accounts."""

    VIEWER = "viewer"
    EDITOR = "editor"
    ADMIN = "admin"


class UserAccount(SQLModel, table=True):
    """A person who signs in; passwords only as argon2 hashes."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    role: str = Field(max_length=10)
    password_hash: str | None = Field(default=None, max_length=255)  # None: OIDC sign-in only
    email: str | None = Field(default=None, max_length=255, index=True)
    created_at: datetime
    last_login_at: datetime | None = None


class SignInFailure(SQLModel, table=True):
    """Failed sign-ins in a row under one name, whether an account has it or not."""

    name_key: str = Field(primary_key=True, max_length=64)  # sha256 of the normalised name
    failures: int
    locked_until: datetime | None = None
    last_failed_at: datetime = Field(index=True)
