"""The fact tables: organisations, their members, aid and exchanges, with their codes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import BigInteger, Column, Index, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel


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


class DonorKind(StrEnum):
    """Who gave an aid amount: only foreign NGOs count as viện trợ PCPNN."""

    FOREIGN_NGO = "foreign_ngo"
    FOREIGN_OTHER = "foreign_other"  # a foreign government, company or agency
    DOMESTIC = "domestic"  # e.g. VUFO's own gifts: shown apart, never as foreign NGO aid


class ExchangeKind(StrEnum):
    """What sort of exchange an activity was."""

    DELEGATION = "delegation"
    EVENT = "event"
    CONFERENCE = "conference"
    HUMANITARIAN_VISIT = "humanitarian_visit"
    CULTURAL_EXCHANGE = "cultural_exchange"


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
        # Covering the members charts (by year, by partner country in its group order) and the
        # years of an organisation (lineage): no row of the table is read.
        Index(
            "ix_membership_year_country_totals",
            "year",
            "country_code",
            "organization_id",
            "members",
            "chapters",
            "province_2025_id",
            "province_63_id",
        ),
        Index("ix_membership_organization_year", "organization_id", "year"),
    )

    id: int | None = Field(default=None, primary_key=True)
    organization_id: int = Field(foreign_key="organization.id")
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
    """One amount of aid committed or disbursed in a province, over its period.

    `year` is the year it is reported under; the period (one calendar year unless the source
    says otherwise, e.g. a total cumulated since 2013) always contains it.
    """

    __table_args__ = (
        UniqueConstraint("row_key", name="uq_aid_row_key"),
        Index("ix_aid_year_p34", "year", "province_2025_id"),
        Index("ix_aid_year_p63", "year", "province_63_id"),
        Index("ix_aid_sector_year", "sector_code", "year"),
        Index("ix_aid_country_year", "country_code", "year"),
        # Covering every aid chart: the table's rows (titles, donors, sources) are not read.
        Index(
            "ix_aid_year_totals",
            "year",
            "measure",
            "donor_kind",
            "sector_code",
            "country_code",
            "period_start",
            "period_end",
            "province_2025_id",
            "province_63_id",
            "amount_vnd",
            "amount_usd",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    year: int
    period_start: date
    period_end: date
    province_id: int = Field(foreign_key="province.id")
    province_2025_id: int = Field(foreign_key="province.id")
    province_63_id: int = Field(foreign_key="province.id")
    donor: str = Field(max_length=255)
    donor_kind: str = Field(default=DonorKind.FOREIGN_NGO.value, max_length=15)
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


class OrganizationSuccession(SQLModel, table=True):
    """An organisation that took over another's members on a date (e.g. the 2025 mergers).

    A comparison of a year with the year before restates the earlier year on the later one's
    organisations: a predecessor's figures count toward its successor.
    """

    __tablename__ = "organization_succession"

    # Rows go with either organisation: undoing a load that created one takes its links along.
    successor_id: int = Field(foreign_key="organization.id", primary_key=True, ondelete="CASCADE")
    predecessor_id: int = Field(
        foreign_key="organization.id", primary_key=True, index=True, ondelete="CASCADE"
    )
    date: date
