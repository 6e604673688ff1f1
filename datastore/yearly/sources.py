"""The report's sources as a leader reads them: what each load gave and when, each article by name.

Loads are grouped by what they gave (members, exchanges, aid), one line each however many loads
there are; an article is named by its title and date (as About names the five seed articles),
one line per article whatever the notes its rows carry.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime

from sqlmodel import Session

from datastore.filters import Filters
from datastore.queries.reports import FactKind
from datastore.yearly import records
from i18n.catalogue import TEXTS, Lang, t
from i18n.formatting import format_day, format_number

KINDS: tuple[FactKind, ...] = ("members", "exchanges", "aid")  # the report's order
# A cited row's source: the article's file name, then perhaps "(what the demo chose)".
_NOTE = re.compile(r"\s*\([^()]*\)$")
_NUMBER = re.compile(r"^(\d{3})_")


def report_sources(session: Session, filters: Filters, lang: Lang) -> tuple[str, ...]:
    """One line per kind of loaded figures, then one per article, each with its dates."""
    loads: dict[FactKind, list[tuple[int, tuple[int, int], datetime | None]]] = defaultdict(list)
    articles: dict[str, dict[FactKind, int]] = defaultdict(lambda: defaultdict(int))
    years: dict[str, set[int]] = defaultdict(set)
    for origin in records.origins(session, filters):
        if records.is_cited(origin.source, origin.batch_source):
            file = _NOTE.sub("", origin.source)
            for kind, count in origin.rows.items():
                articles[file][kind] += count
            years[file] |= set(origin.years)
        else:
            for kind, count in origin.rows.items():
                loads[kind].append((count, origin.years, origin.loaded))
    lines = [_loads_line(kind, loads[kind], lang) for kind in KINDS if loads[kind]]
    for file, rows in sorted(articles.items()):
        lines.append(
            t(
                "yearly.source.article",
                lang,
                title=article_title(file, lang),
                kinds=_kinds(rows, lang),
                years=_years(years[file]),
                rows=format_number(sum(rows.values()), lang),
                file=file,
            )
        )
    return tuple(lines)


def article_title(source: str, lang: Lang) -> str:
    """An article's title and date where known (the seed articles), else its file name."""
    file = _NOTE.sub("", source)
    number = _NUMBER.match(file)
    key = f"yearly.article.{number[1]}" if number else ""
    return t(key, lang) if key in TEXTS else file


def _loads_line(
    kind: FactKind, loads: list[tuple[int, tuple[int, int], datetime | None]], lang: Lang
) -> str:
    rows = format_number(sum(count for count, _, _ in loads), lang)
    covered = _years({year for _, span, _ in loads for year in span})
    days = sorted({format_day(m): m for _, _, m in loads if m is not None}.items(), key=_when)
    kinds = t(f"yearly.kind.{kind}", lang)
    count = format_number(len(loads), lang)
    if len(days) > 1:
        first, last = days[0][0], days[-1][0]
        return t(
            "yearly.source.loads_many",
            lang,
            kinds=kinds,
            years=covered,
            loads=count,
            first=first,
            last=last,
            rows=rows,
        )
    loaded = days[0][0] if days else "–"
    key = "yearly.source.loads" if len(loads) == 1 else "yearly.source.loads_one_day"
    return t(key, lang, kinds=kinds, years=covered, loads=count, loaded=loaded, rows=rows)


def _when(item: tuple[str, datetime]) -> datetime:
    return item[1]


def _kinds(rows: dict[FactKind, int], lang: Lang) -> str:
    return ", ".join(t(f"yearly.kind.{kind}", lang) for kind in KINDS if rows.get(kind))


def _years(found: set[int]) -> str:
    first, last = min(found), max(found)
    return str(first) if first == last else f"{first}–{last}"
