"""Every table of the dashboard's database, as SQLModel classes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import BigInteger, Column, Index, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel

# Named constraints, so later migrations (SQLite batch mode included) can drop or alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class ProvinceList(StrEnum):
    """The two official lists of provincial units, named by their size."""

    CURRENT = "34"  # since 1 July 2025 (Resolution 202/2025/QH15)
    LEGACY = "63"  # until 30 June 2025


class OrganizationKind(StrEnum):
    """Levels of the friendship-union hierarchy."""

    NATIONAL_UNION = "national_union"
    PROVINCIAL_UNION = "provincial_union"
    FRIENDSHIP_ASSOCIATION = "friendship_association"
    CHAPTER = "chapter"


class Measure(StrEnum):
    """Whether an aid amount was promised or paid out."""

    COMMITTED = "committed"
    DISBURSED = "disbursed"


class Direction(StrEnum):
    """Whether a delegation came to Vietnam or went abroad."""

    INCOMING = "incoming"
    OUTGOING = "outgoing"


class ExchangeKind(StrEnum):
    """What sort of exchange an activity was."""

    DELEGATION = "delegation"
    EVENT = "event"
    CONFERENCE = "conference"
    HUMANITARIAN_VISIT = "humanitarian_visit"
    CULTURAL_EXCHANGE = "cultural_exchange"


# Reference data -----------------------------------------------------------------------------


class Province(SQLModel, table=True):
    """A provincial unit of one official list; a GSO code means nothing without its list."""

    __table_args__ = (UniqueConstraint("province_list", "code", name="uq_province_list_code"),)

    id: int | None = Field(default=None, primary_key=True)
    province_list: str = Field(max_length=2, index=True)
    code: str = Field(max_length=2)
    name: str = Field(max_length=80)
    short_name: str = Field(max_length=60)
    kind: str = Field(max_length=20)
    latitude: float
    longitude: float
    # The unit of the 34-list this one belongs to today (itself for a current unit).
    current_unit_id: int | None = Field(default=None, foreign_key="province.id")
    # The unit of the 63-list this one is shown as (itself for an old province; for a
    # current unit, the old province that hosts its centre and whose code it kept).
    legacy_unit_id: int | None = Field(default=None, foreign_key="province.id")


class Country(SQLModel, table=True):
    """A partner or donor country, keyed by ISO 3166-1 alpha-3."""

    code: str = Field(primary_key=True, max_length=3)
    alpha2: str = Field(max_length=2, unique=True)
    name_vi: str = Field(max_length=80)
    name_en: str = Field(max_length=80)
    region_vi: str = Field(max_length=40)
    region_en: str = Field(max_length=40)


class Sector(SQLModel, table=True):
    """An aid sector, keyed by its OECD DAC purpose code."""

    code: str = Field(primary_key=True, max_length=3)
    name_vi: str = Field(max_length=80)
    name_en: str = Field(max_length=80)
    group_vi: str = Field(max_length=60)
    group_en: str = Field(max_length=60)


class ExchangeRate(SQLModel, table=True):
    """Yearly average value of one unit of a currency in VND."""

    year: int = Field(primary_key=True)
    currency: str = Field(primary_key=True, max_length=3)
    vnd_per_unit: Decimal = Field(sa_column=Column(Numeric(18, 4), nullable=False))
    source: str = Field(max_length=200)


# Loads --------------------------------------------------------------------------------------


class ImportBatch(SQLModel, table=True):
    """One load of a file (or of the demo dataset) into a fact table."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)
    file_name: str = Field(max_length=255)
    checksum: str = Field(max_length=64)
    source: str = Field(max_length=255)
    created_at: datetime
    created_by: str = Field(max_length=80)
    is_demo: bool = False
    rows_added: int = 0
    rows_updated: int = 0
    rows_unchanged: int = 0
    undone_at: datetime | None = None
    undone_by: str | None = Field(default=None, max_length=80)
    replaces_id: int | None = None  # the load it replaced (no foreign key: see migration 0006)


class RowChange(SQLModel, table=True):
    """A row that a load changed or took out, with its content before, so it can be undone."""

    __table_args__ = (Index("ix_rowchange_table_row", "table_name", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="importbatch.id", index=True)
    table_name: str = Field(max_length=30)
    row_id: int
    previous: str  # JSON of the row's columns before the load wrote it


class RowHeld(SQLModel, table=True):
    """A row a load loaded again unchanged (or an association its members rows used)."""

    __table_args__ = (Index("ix_rowheld_table_row", "table_name", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="importbatch.id", index=True)
    table_name: str = Field(max_length=30)
    row_id: int
    row_hash: str = Field(max_length=40)  # of the content the load held


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


class AppState(SQLModel, table=True):
    """A fact about the database as a whole, e.g. that the demo data is still being loaded."""

    key: str = Field(primary_key=True, max_length=40)
    value: str = Field(max_length=40)
    updated_at: datetime | None = None


# Organisations and facts --------------------------------------------------------------------


class Organization(SQLModel, table=True):
    """The national union, a provincial union, a friendship association or a chapter."""

    __table_args__ = (UniqueConstraint("row_key", name="uq_organization_row_key"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=30, index=True)
    name: str = Field(max_length=255)
    province_id: int | None = Field(default=None, foreign_key="province.id", index=True)
    country_code: str | None = Field(
        default=None, foreign_key="country.code", index=True, max_length=3
    )
    district: str | None = Field(default=None, max_length=120)
    founded_on: date | None = None
    parent_id: int | None = Field(default=None, foreign_key="organization.id")
    source: str = Field(max_length=255)
    batch_id: int | None = Field(default=None, foreign_key="importbatch.id", index=True)
    row_key: str = Field(max_length=40)
    row_hash: str = Field(max_length=40)


class Membership(SQLModel, table=True):
    """Members and chapters of one organisation at the end of one year."""

    __table_args__ = (
        UniqueConstraint("row_key", name="uq_membership_row_key"),
        Index("ix_membership_year_p34", "year", "province_2025_id"),
        Index("ix_membership_year_p63", "year", "province_63_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id", index=True)
    year: int
    # Copied from the organisation so every fact table filters the same way.
    province_id: int | None = Field(default=None, foreign_key="province.id")
    province_2025_id: int | None = Field(default=None, foreign_key="province.id")
    province_63_id: int | None = Field(default=None, foreign_key="province.id")
    country_code: str | None = Field(
        default=None, foreign_key="country.code", index=True, max_length=3
    )
    members: int
    chapters: int | None = None
    source: str = Field(max_length=255)
    batch_id: int | None = Field(default=None, foreign_key="importbatch.id", index=True)
    row_key: str = Field(max_length=40)
    row_hash: str = Field(max_length=40)


class Aid(SQLModel, table=True):
    """One amount of foreign non-governmental aid committed or disbursed in a province."""

    __table_args__ = (
        UniqueConstraint("row_key", name="uq_aid_row_key"),
        Index("ix_aid_year_p34", "year", "province_2025_id"),
        Index("ix_aid_year_p63", "year", "province_63_id"),
        Index("ix_aid_sector_year", "sector_code", "year"),
        Index("ix_aid_country_year", "country_code", "year"),
    )

    id: int | None = Field(default=None, primary_key=True)
    year: int
    province_id: int = Field(foreign_key="province.id")
    province_2025_id: int = Field(foreign_key="province.id")
    province_63_id: int = Field(foreign_key="province.id")
    donor: str = Field(max_length=255)
    country_code: str | None = Field(default=None, foreign_key="country.code", max_length=3)
    sector_code: str = Field(foreign_key="sector.code", max_length=3)
    measure: str = Field(max_length=12)
    amount: Decimal = Field(sa_column=Column(Numeric(20, 2), nullable=False))
    currency: str = Field(max_length=3)
    amount_vnd: int = Field(sa_column=Column(BigInteger, nullable=False))
    amount_usd: Decimal = Field(sa_column=Column(Numeric(20, 2), nullable=False))
    title: str = Field(max_length=500)
    source: str = Field(max_length=255)
    batch_id: int | None = Field(default=None, foreign_key="importbatch.id", index=True)
    row_key: str = Field(max_length=40)
    row_hash: str = Field(max_length=40)


class Exchange(SQLModel, table=True):
    """One delegation, event or visit exchanged with a partner country."""

    __table_args__ = (
        UniqueConstraint("row_key", name="uq_exchange_row_key"),
        Index("ix_exchange_year_p34", "year", "province_2025_id", "country_code"),
        Index("ix_exchange_year_p63", "year", "province_63_id", "country_code"),
        Index("ix_exchange_country_year", "country_code", "year"),
        # Extract order (a date's year first): the Data page's first 200 rows need no sort.
        Index("ix_exchange_year_date", "year", "date", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    date: date
    year: int
    province_id: int = Field(foreign_key="province.id")
    province_2025_id: int = Field(foreign_key="province.id")
    province_63_id: int = Field(foreign_key="province.id")
    country_code: str | None = Field(default=None, foreign_key="country.code", max_length=3)
    partner_locality: str | None = Field(default=None, max_length=120)
    direction: str = Field(max_length=10)
    kind: str = Field(max_length=30)
    participants: int | None = None
    title: str = Field(max_length=500)
    source: str = Field(max_length=255)
    batch_id: int | None = Field(default=None, foreign_key="importbatch.id", index=True)
    row_key: str = Field(max_length=40)
    row_hash: str = Field(max_length=40)


# Exchange rollups ---------------------------------------------------------------------------
# Pre-aggregated copies of the exchange table, kept current by datastore.rollups inside every
# load and undo; chart queries read the smallest one that holds the columns they need.


def _covering_per_province_list(name: str, *columns: str) -> tuple[Index, Index]:
    """Two covering indexes, led by the province of each list (_p34, _p63), then the totals."""
    return (
        Index(f"{name}_p34", "province_2025_id", *columns, "exchanges", "participants"),
        Index(f"{name}_p63", "province_63_id", *columns, "exchanges", "participants"),
    )


class _ExchangeTotals(SQLModel):
    """What a rollup row adds up: how many exchanges, and their known participants."""

    id: int | None = Field(default=None, primary_key=True)
    year: int
    exchanges: int
    # A sum over many rows; unknown counts add nothing, as in sum() over the facts.
    participants: int = Field(sa_type=BigInteger)


class ExchangeLocalityRollup(_ExchangeTotals, table=True):
    """Exchanges per year, province (both lists), country, direction, kind and locality."""

    __tablename__ = "exchange_rollup_locality"
    # Read only for one province's busiest localities. Covering indexes would also hold when
    # SQLite has statistics, but cost a third more on every refresh; it plans well without.
    __table_args__ = (
        Index("ix_exchange_rollup_locality_p34", "province_2025_id", "year"),
        Index("ix_exchange_rollup_locality_p63", "province_63_id", "year"),
    )

    province_2025_id: int
    province_63_id: int
    country_code: str | None = Field(default=None, max_length=3)
    direction: str = Field(max_length=10)
    kind: str = Field(max_length=30)
    partner_locality: str | None = Field(default=None, max_length=120)


class ExchangeRollup(_ExchangeTotals, table=True):
    """Exchanges per year, province (both lists), country, direction and kind."""

    __tablename__ = "exchange_rollup"
    # Covering, in the order of the province-by-country chart, for each province list.
    __table_args__ = _covering_per_province_list(
        "ix_exchange_rollup", "country_code", "direction", "kind", "year"
    )

    province_2025_id: int
    province_63_id: int
    country_code: str | None = Field(default=None, max_length=3)
    direction: str = Field(max_length=10)
    kind: str = Field(max_length=30)


class ExchangeCountryRollup(_ExchangeTotals, table=True):
    """Exchanges per year, country, direction, kind and locality: every column but provinces."""

    __tablename__ = "exchange_rollup_country"

    country_code: str | None = Field(default=None, max_length=3)
    direction: str = Field(max_length=10)
    kind: str = Field(max_length=30)
    partner_locality: str | None = Field(default=None, max_length=120)


class ExchangeProvinceRollup(_ExchangeTotals, table=True):
    """Exchanges per year, province (both lists), direction and kind."""

    __tablename__ = "exchange_rollup_province"

    province_2025_id: int
    province_63_id: int
    direction: str = Field(max_length=10)
    kind: str = Field(max_length=30)


class ExchangeProvinceCountryRollup(_ExchangeTotals, table=True):
    """Exchanges per year, province (both lists) and country."""

    __tablename__ = "exchange_rollup_province_country"
    __table_args__ = _covering_per_province_list(
        "ix_exchange_rollup_province_country", "country_code", "year"
    )

    province_2025_id: int
    province_63_id: int
    country_code: str | None = Field(default=None, max_length=3)
