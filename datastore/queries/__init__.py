"""Chart queries: one `Filters` value in, a small DataFrame aggregated in SQL out.

Every chart query is `f(*, session, filters, lang="vi", ...) -> pd.DataFrame`; labels follow
`filters.province_list` and `lang`, rows come in Vietnamese order of the label, then year.
One module per topic (overview, members, aid, exchanges); `options` holds what the filters
offer (provinces, years, countries, sectors, kinds) and the data banner's status. Which chart
draws which query, with its key columns and figures, is declared once in `ui/catalog.py`.
"""

from __future__ import annotations

from datastore.queries.aid import (
    aid_by_donor_country,
    aid_by_sector,
    aid_by_year_and_sector,
    aid_committed_vs_disbursed,
)
from datastore.queries.aid_notes import aid_notes
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
    "aid_notes",
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
