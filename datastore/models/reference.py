"""Reference tables: provincial units of both lists, countries, aid sectors, exchange rates."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Column, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel


class ProvinceList(StrEnum):
    """The two official lists of provincial units, named by their size."""

    CURRENT = "34"  # since 1 July 2025 (Resolution 202/2025/QH15)
    LEGACY = "63"  # until 30 June 2025


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
