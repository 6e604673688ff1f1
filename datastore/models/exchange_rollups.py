"""Pre-aggregated copies of the exchange table.

Kept current by datastore.rollups inside every load and undo; chart queries read the smallest
one that holds the columns they need.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Index
from sqlmodel import Field, SQLModel


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


# The small rollups below hold what the exchange charts show by default (no direction, kind or
# country filter, or only a province): each a few hundred to a thousand rows at national
# scale, where the rollups above hold ten to four hundred thousand.


class ExchangeKindRollup(_ExchangeTotals, table=True):
    """Exchanges per year, direction and kind: no place at all."""

    __tablename__ = "exchange_rollup_kind"

    direction: str = Field(max_length=10)
    kind: str = Field(max_length=30)


class ExchangeUnitRollup(_ExchangeTotals, table=True):
    """Exchanges per year and province (both lists)."""

    __tablename__ = "exchange_rollup_unit"

    province_2025_id: int
    province_63_id: int


class ExchangePartnerRollup(_ExchangeTotals, table=True):
    """Exchanges per year and partner country."""

    __tablename__ = "exchange_rollup_partner"

    country_code: str | None = Field(default=None, max_length=3)


class ExchangePlaceRollup(_ExchangeTotals, table=True):
    """Exchanges per year, partner country and partner locality."""

    __tablename__ = "exchange_rollup_place"

    country_code: str | None = Field(default=None, max_length=3)
    partner_locality: str | None = Field(default=None, max_length=120)
