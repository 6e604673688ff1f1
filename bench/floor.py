"""The floor of each chart query: the same aggregate as one hand-written SQL `GROUP BY`.

The least work any database layer can do for it: it reads the fact tables `membership`, `aid`
and `exchange` (and `organization_succession`, to count earlier associations as their
successors), never a pre-aggregated table. Datasette is asked the same SQL text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

from bench.queries import CURRENCY, ChartQuery
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from ui import catalog

# {where} restricts the fact table to the filters, {province} is the fact's province column of
# the chosen list, {money} the amount column of the currency; values are bound parameters.
FLOOR_SQL: dict[str, str] = {
    "overview_by_year": """
        WITH RECURSIVE last_year AS (
            SELECT MAX(year) AS year FROM (
                SELECT m.year FROM membership m WHERE {membership_where}
                UNION ALL
                SELECT a.year FROM aid a WHERE a.measure = 'disbursed' AND {aid_where}
                UNION ALL
                SELECT e.year FROM exchange e WHERE {exchange_where}
            ) AS years
        ), single AS (
            SELECT s.predecessor_id, MIN(s.successor_id) AS successor_id
            FROM organization_succession s CROSS JOIN last_year l
            WHERE CAST(SUBSTR(CAST(s.date AS VARCHAR(10)), 1, 4) AS INTEGER) <= l.year
            GROUP BY s.predecessor_id HAVING COUNT(*) = 1
        ), chain (organization_id, successor_id, steps) AS (
            SELECT predecessor_id, successor_id, 1 FROM single
            UNION ALL
            SELECT c.organization_id, s.successor_id, c.steps + 1
            FROM chain c JOIN single s ON s.predecessor_id = c.successor_id
            WHERE c.steps < 100
        ), restated AS (
            SELECT c.organization_id, c.successor_id FROM chain c
            WHERE NOT EXISTS (SELECT 1 FROM single s WHERE s.predecessor_id = c.successor_id)
        )
        SELECT year, SUM(members) AS members, SUM(associations) AS associations,
               SUM(aid_disbursed) AS aid_disbursed, SUM(exchanges) AS exchanges
        FROM (
            SELECT m.year, SUM(m.members) AS members,
                   COUNT(DISTINCT CASE WHEN m.year < l.year
                       THEN COALESCE(r.successor_id, m.organization_id)
                       ELSE m.organization_id END) AS associations,
                   0 AS aid_disbursed, 0 AS exchanges
            FROM membership m CROSS JOIN last_year l
            LEFT JOIN restated r ON r.organization_id = m.organization_id
            WHERE {membership_where} GROUP BY m.year
            UNION ALL
            SELECT a.year, 0, 0, SUM(a.{money}), 0
            FROM aid a WHERE a.measure = 'disbursed' AND {aid_where} GROUP BY a.year
            UNION ALL
            SELECT e.year, 0, 0, 0, COUNT(*)
            FROM exchange e WHERE {exchange_where} GROUP BY e.year
        ) AS per_table
        GROUP BY year""",
    "members_by_year": """
        SELECT m.year, COALESCE(SUM(m.members), 0) AS members,
               COALESCE(SUM(m.chapters), 0) AS chapters,
               COUNT(DISTINCT m.organization_id) AS associations
        FROM membership m WHERE {where} GROUP BY m.year""",
    "members_by_province": """
        SELECT t.year, p.code AS province_code, t.members, t.chapters, t.associations
        FROM (
            SELECT m.year, m.{province} AS province_id, COALESCE(SUM(m.members), 0) AS members,
                   COALESCE(SUM(m.chapters), 0) AS chapters,
                   COUNT(DISTINCT m.organization_id) AS associations
            FROM membership m WHERE {where} GROUP BY m.year, m.{province}
        ) AS t JOIN province p ON p.id = t.province_id""",
    "members_by_partner_country": """
        SELECT m.year, m.country_code, COALESCE(SUM(m.members), 0) AS members,
               COUNT(DISTINCT m.organization_id) AS associations
        FROM membership m WHERE m.country_code IS NOT NULL AND {where}
        GROUP BY m.year, m.country_code""",
    "aid_by_sector": """
        SELECT a.sector_code, COALESCE(SUM(a.{money}), 0) AS amount
        FROM aid a WHERE {where} GROUP BY a.sector_code""",
    "aid_by_year_and_sector": """
        SELECT a.year, a.sector_code, COALESCE(SUM(a.{money}), 0) AS amount
        FROM aid a WHERE {where} GROUP BY a.year, a.sector_code""",
    "aid_committed_vs_disbursed": """
        SELECT a.year,
               COALESCE(SUM(CASE WHEN a.measure = 'committed' THEN a.{money} ELSE 0 END), 0)
                   AS committed,
               COALESCE(SUM(CASE WHEN a.measure = 'disbursed' THEN a.{money} ELSE 0 END), 0)
                   AS disbursed
        FROM aid a WHERE {where} GROUP BY a.year""",
    "aid_by_donor_country": """
        SELECT a.country_code, COALESCE(SUM(a.{money}), 0) AS amount
        FROM aid a WHERE {where} GROUP BY a.country_code""",
    "exchanges_by_partner_country": """
        SELECT e.country_code, COUNT(*) AS exchanges,
               COALESCE(SUM(e.participants), 0) AS participants
        FROM exchange e WHERE e.country_code IS NOT NULL AND {where}
        GROUP BY e.country_code""",
    "exchanges_by_province": """
        SELECT p.code AS province_code, t.exchanges, t.participants
        FROM (
            SELECT e.{province} AS province_id, COUNT(*) AS exchanges,
                   COALESCE(SUM(e.participants), 0) AS participants
            FROM exchange e WHERE {where} GROUP BY e.{province}
        ) AS t JOIN province p ON p.id = t.province_id""",
    "exchanges_by_year_and_direction": """
        SELECT e.year, e.direction, COUNT(*) AS exchanges
        FROM exchange e WHERE {where} GROUP BY e.year, e.direction""",
    "exchanges_by_partner_locality": """
        SELECT e.country_code, e.partner_locality, COUNT(*) AS exchanges
        FROM exchange e WHERE e.partner_locality IS NOT NULL AND {where}
        GROUP BY e.country_code, e.partner_locality
        ORDER BY exchanges DESC, e.partner_locality, COALESCE(e.country_code, '')
        LIMIT {limit}""",
    "exchanges_by_province_and_country": """
        SELECT p.code AS province_code, t.country_code, t.exchanges
        FROM (
            SELECT e.{province} AS province_id, e.country_code, COUNT(*) AS exchanges
            FROM exchange e WHERE e.country_code IS NOT NULL AND {where}
            GROUP BY e.{province}, e.country_code
        ) AS t JOIN province p ON p.id = t.province_id""",
}
_FACT_OF_PAGE = {"members": "membership", "aid": "aid", "exchanges": "exchange"}
_ALIAS = {"membership": "m", "aid": "a", "exchange": "e"}


def province_column(filters: Filters) -> str:
    """The fact column naming the province in the chosen list."""
    if ProvinceList(filters.province_list) is ProvinceList.CURRENT:
        return "province_2025_id"
    return "province_63_id"


def money_column(currency: str) -> str:
    """The aid amount column of a currency."""
    return {"VND": "amount_vnd", "USD": "amount_usd"}[currency]


def where_sql(fact: str, filters: Filters, params: dict[str, Any]) -> str:
    """The conditions `filters` puts on one fact table (aliased m, a or e); adds to `params`."""
    alias = _ALIAS[fact]
    conditions: list[str] = []

    def bind(name: str, value: Any) -> str:
        key = f"{alias}_{name}"
        params[key] = value
        return f":{key}"

    def one_of(column: str, values: Sequence[str]) -> str:
        names = ", ".join(bind(f"{column}_{i}", value) for i, value in enumerate(values))
        return f"{alias}.{column} IN ({names})"

    if filters.provinces:
        codes = ", ".join(bind(f"province_{i}", code) for i, code in enumerate(filters.provinces))
        chosen_list = bind("province_list", ProvinceList(filters.province_list).value)
        conditions.append(
            f"{alias}.{province_column(filters)} IN (SELECT id FROM province "
            f"WHERE province_list = {chosen_list} AND code IN ({codes}))"
        )
    if filters.year_from is not None:
        conditions.append(f"{alias}.year >= {bind('year_from', filters.year_from)}")
    if filters.year_to is not None:
        conditions.append(f"{alias}.year <= {bind('year_to', filters.year_to)}")
    if filters.countries:
        conditions.append(one_of("country_code", filters.countries))
    if fact == "aid":
        # Yearly foreign NGO aid only (datastore.filters.yearly_pcpnn); text years on both.
        conditions.append(f"{alias}.donor_kind = 'foreign_ngo'")
        conditions.append(
            f"SUBSTR(CAST({alias}.period_start AS VARCHAR(10)), 1, 4) = "
            f"SUBSTR(CAST({alias}.period_end AS VARCHAR(10)), 1, 4)"
        )
        if filters.sectors:
            conditions.append(one_of("sector_code", filters.sectors))
        if filters.measure:
            conditions.append(f"{alias}.measure = {bind('measure', filters.measure)}")
    if fact == "exchange":
        if filters.direction:
            conditions.append(f"{alias}.direction = {bind('direction', filters.direction)}")
        if filters.kinds:
            conditions.append(one_of("kind", filters.kinds))
    return " AND ".join(conditions) or "1 = 1"


def floor_statement(query: ChartQuery, filters: Filters) -> tuple[str, dict[str, Any]]:
    """The floor SQL of a chart query for these filters, and its parameters."""
    params: dict[str, Any] = {}
    parts: dict[str, Any] = {
        "province": province_column(filters),
        "money": money_column(query.options.get("currency", CURRENCY)),
        "limit": int(query.options.get("limit", catalog.TOP_LOCALITIES)),
    }
    if query.name == "overview_by_year":
        parts["membership_where"] = where_sql("membership", filters, params)
        parts["aid_where"] = where_sql("aid", filters.with_(measure=None), params)
        parts["exchange_where"] = where_sql("exchange", filters, params)
    else:
        fact = _FACT_OF_PAGE[query.page]
        # Committed against disbursed shows both measures whatever the measure filter says.
        chosen = (
            filters.with_(measure=None) if query.name == "aid_committed_vs_disbursed" else filters
        )
        parts["where"] = where_sql(fact, chosen, params)
    return " ".join(FLOOR_SQL[query.name].split()).format(**parts), params


def run_floor(query: ChartQuery, *, engine: Engine, filters: Filters) -> list[tuple[Any, ...]]:
    """The floor SQL's rows, through the same engine as the chart query."""
    sql, params = floor_statement(query, filters)
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql), params)]
