"""Chart queries: one `Filters` value in, a small DataFrame aggregated in SQL out.

Every chart query is `f(*, session, filters, lang="vi", ...) -> pd.DataFrame`; labels follow
`filters.province_list` and `lang`, rows come in Vietnamese order of the label, then year.

Overview:   overview_by_year(currency) -> year, members, associations, aid_disbursed, exchanges
Members:    members_by_year -> year, members, chapters, associations
            members_by_province -> year, province_code, province, members, chapters, associations
            members_by_partner_country -> year, country_code, country, members, associations
Aid:        aid_by_sector(currency) -> sector_code, sector, sector_group, amount
            aid_by_year_and_sector(currency) -> year, sector_code, sector, amount
            aid_committed_vs_disbursed(currency) -> year, committed, disbursed, disbursement_rate
            aid_by_donor_country(currency) -> country_code, country, amount
Exchanges:  exchanges_by_partner_country -> country_code, country, exchanges, participants
            exchanges_by_province -> province_code, province, latitude, longitude, exchanges,
                                     participants
            exchanges_by_year_and_direction -> year, direction, exchanges
            exchanges_by_partner_locality(limit) -> country_code, country, partner_locality,
                                                    exchanges
            exchanges_by_province_and_country -> province_code, province, country_code, country,
                                                 exchanges
Sidebar:    data_status -> last_loaded_at, is_demo, batches (one row)
            list_provinces(province_list) -> code, name;  list_years -> [year, ...]
            list_countries -> code, name;  list_sectors -> code, name, group
            list_exchange_kinds -> [kind, ...]
"""

from __future__ import annotations

from datastore.queries.aid import (
    aid_by_donor_country,
    aid_by_sector,
    aid_by_year_and_sector,
    aid_committed_vs_disbursed,
)
from datastore.queries.exchanges import (
    exchanges_by_partner_country,
    exchanges_by_partner_locality,
    exchanges_by_province,
    exchanges_by_province_and_country,
    exchanges_by_year_and_direction,
)
from datastore.queries.members import (
    members_by_partner_country,
    members_by_province,
    members_by_year,
)
from datastore.queries.options import (
    data_status,
    list_countries,
    list_exchange_kinds,
    list_provinces,
    list_sectors,
    list_years,
)
from datastore.queries.overview import overview_by_year

__all__ = [
    "aid_by_donor_country",
    "aid_by_sector",
    "aid_by_year_and_sector",
    "aid_committed_vs_disbursed",
    "data_status",
    "exchanges_by_partner_country",
    "exchanges_by_partner_locality",
    "exchanges_by_province",
    "exchanges_by_province_and_country",
    "exchanges_by_year_and_direction",
    "list_countries",
    "list_exchange_kinds",
    "list_provinces",
    "list_sectors",
    "list_years",
    "members_by_partner_country",
    "members_by_province",
    "members_by_year",
    "overview_by_year",
]
