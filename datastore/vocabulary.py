"""Closed vocabularies of the data layer, as Literal types: kinds of data and filter codes."""

from __future__ import annotations

from typing import Literal, get_args

from sqlmodel import SQLModel

from datastore.models.facts import Aid, Exchange, Membership, Organization

# A Literal rather than a str-Enum: kinds arrive as plain strings from widgets, argparse, the
# loads table and the tests, and compare, hash, print and format exactly as before.
DataKind = Literal["members", "aid", "exchanges", "organizations"]
# In the order the screens and the CLI offer them (members first).
DATA_KINDS: tuple[DataKind, ...] = get_args(DataKind)

# In load order: members rows link to the organisations, so a full load writes those first.
MODELS: dict[DataKind, type[SQLModel]] = {
    "organizations": Organization,
    "members": Membership,
    "aid": Aid,
    "exchanges": Exchange,
}
LOAD_ORDER: tuple[DataKind, ...] = tuple(MODELS)

# The values of datastore.models.Measure and .Direction (a test keeps them equal): a Filters
# value holds the plain code word, as the sidebar's query parameters and the CLI give it.
MeasureCode = Literal["committed", "disbursed"]
DirectionCode = Literal["incoming", "outgoing"]
# The values of datastore.models.facts.DonorKind; only foreign NGOs count as viện trợ PCPNN.
DonorKindCode = Literal["foreign_ngo", "foreign_other", "domestic"]
DONOR_KINDS: tuple[DonorKindCode, ...] = get_args(DonorKindCode)


def as_kind(value: object) -> DataKind:
    """The kind of data `value` names, or ValueError (a programming error, not a user's)."""
    for kind in DATA_KINDS:
        if value == kind:
            return kind
    raise ValueError(f"unknown kind {value!r}; expected one of {', '.join(DATA_KINDS)}")
