"""Every figure the five seed articles state, as rows for datastore.load.write.load_rows."""

# One module per article. Each row carries `source` = the article's file name in
# ../shared/seeds/, and a comment `# <article>:<line>` quoting what it rests on. Where an article
# leaves a part out (a day, a count), the comment says which part is stated and which was
# chosen; a chosen founding date also says so in the source (wording.with_note), and a chosen
# day of an exchange in its title (wording.NO_DAY). Chosen days follow one rule: the first day
# of the stated period (2013 -> 2013-01-01, July 2020 -> 2020-07-01), unless the comment says
# otherwise.
from __future__ import annotations

from typing import Any

from datastore.vocabulary import DataKind
from seed.documented import (
    cao_bang_2022,
    dak_lak_2014,
    dong_nai_2020,
    gia_lai_2018,
    national_review_2014,
)

ARTICLES = (dak_lak_2014, dong_nai_2020, national_review_2014, gia_lai_2018, cao_bang_2022)
SOURCES = tuple(article.SOURCE for article in ARTICLES)

# The national union first (every provincial union's parent), then the provincial unions, then
# their associations. The order below is the order of the rows in a batch, which fixes the row
# ids of a fresh database and the batch checksums: change it and the demo data changes.
ORGANIZATIONS: tuple[dict[str, Any], ...] = (
    cao_bang_2022.NATIONAL_UNION,
    gia_lai_2018.UNION,
    gia_lai_2018.CHAPTER,
    dong_nai_2020.UNION,
    dak_lak_2014.UNION,
    cao_bang_2022.UNION,
    *dong_nai_2020.ASSOCIATIONS,
    *dak_lak_2014.ASSOCIATIONS,
)
MEMBERS: tuple[dict[str, Any], ...] = dong_nai_2020.MEMBERS
AID: tuple[dict[str, Any], ...] = (*dong_nai_2020.AID, *cao_bang_2022.AID)
EXCHANGES: tuple[dict[str, Any], ...] = (
    *dak_lak_2014.EXCHANGES,
    *dong_nai_2020.EXCHANGES,
    *gia_lai_2018.EXCHANGES,
    *cao_bang_2022.EXCHANGES,
    *national_review_2014.EXCHANGES,
)

DOCUMENTED: dict[DataKind, tuple[dict[str, Any], ...]] = {
    "organizations": ORGANIZATIONS,
    "members": MEMBERS,
    "aid": AID,
    "exchanges": EXCHANGES,
}
# Every source a documented row carries: an article's file name, alone or with a note.
CITED: tuple[str, ...] = tuple(
    sorted({row["source"] for rows in DOCUMENTED.values() for row in rows if "source" in row})
)
