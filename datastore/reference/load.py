"""Write the reference tables from the libraries; safe to run again at any time."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from datastore.models.reference import Country, ExchangeRate, Province, Sector
from datastore.reference.countries import country_records
from datastore.reference.provinces import province_records
from datastore.reference.rates import RATE_SOURCE, vnd_per_unit_table
from datastore.reference.sectors import SECTORS


def load_reference_data(*, session: Session) -> None:
    """Insert or refresh provinces, countries, sectors and exchange rates."""
    _load_provinces(session=session)
    _merge_all(session, [Country(**vars(record)) for record in country_records()])
    _merge_all(session, [Sector(**sector.model_dump()) for sector in SECTORS])
    _merge_all(
        session,
        [
            ExchangeRate(year=year, currency=currency, vnd_per_unit=rate, source=RATE_SOURCE)
            for (year, currency), rate in sorted(vnd_per_unit_table().items())
        ],
    )
    session.commit()


def _merge_all(session: Session, rows: list[Country] | list[Sector] | list[ExchangeRate]) -> None:
    for row in rows:
        session.merge(row)


def _load_provinces(*, session: Session) -> None:
    """Both lists, then the links between them (which need the ids)."""
    existing = {(p.province_list, p.code): p for p in session.exec(select(Province)).all()}
    records = province_records()
    for record in records:
        province = existing.get((record.province_list.value, record.code))
        fields: dict[str, Any] = {
            "name": record.name,
            "short_name": record.short_name,
            "kind": record.kind,
            "latitude": record.latitude,
            "longitude": record.longitude,
        }
        if province is None:
            key = (record.province_list.value, record.code)
            province = Province(province_list=key[0], code=key[1], **fields)
            existing[key] = province
        else:
            province.sqlmodel_update(fields)
        session.add(province)
    session.flush()
    for record in records:
        province = existing[(record.province_list.value, record.code)]
        province.current_unit_id = existing[("34", record.current_code)].id
        province.legacy_unit_id = existing[("63", record.legacy_code)].id
    session.flush()
