"""The kinds of data a load writes, each with the table it fills: the load path's one list."""

from __future__ import annotations

from sqlmodel import SQLModel

from datastore.models import Aid, Exchange, Membership, Organization

# In load order: members rows link to the organisations, so a full load writes those first.
MODELS: dict[str, type[SQLModel]] = {
    "organizations": Organization,
    "members": Membership,
    "aid": Aid,
    "exchanges": Exchange,
}
KINDS = tuple(MODELS)


def check_kind(kind: str) -> None:
    """Refuse a kind the load path does not know (a programming error, not a user's)."""
    if kind not in MODELS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
