"""The demo seed: documented facts with their articles, constraints, magnitudes, determinism."""

from __future__ import annotations

import csv
import hashlib
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import Session, SQLModel, col, select

from datastore.config import PROJECT_ROOT as ROOT
from datastore.db import get_engine
from datastore.models.facts import Aid, Exchange, Membership, Organization
from datastore.models.reference import Province, ProvinceList
from datastore.reference.provinces import province_records
from datastore.vietnamese import fold
from seed import documented, names
from seed.documented.dong_nai_2020 import DONG_NAI_CAMBODIA, UNION_DONG_NAI
from seed.documented.gia_lai_2018 import UNION_GIA_LAI
from seed.run import organization_levels, seed_database
from seed.synthetic import members
from seed.synthetic.exchanges import exchange_rows
from seed.synthetic.plan import build_plan, unions_founded_by
from seed.synthetic.reference import country_names
from seed.synthetic.world import YEARS
from tests.seed.conftest import SCALE

FACT_TABLES: tuple[type[SQLModel], ...] = (Organization, Membership, Aid, Exchange)


@pytest.fixture
def session(seeded: tuple[str, list[str]]) -> Iterator[Session]:
    """A session on the seeded database (this module's own, not conftest's per-backend one)."""
    with Session(get_engine(seeded[0])) as session:
        yield session


def _digests(url: str, *, documented_only: bool = False) -> dict[str, str]:
    """Per fact table, a hash of every row's natural key, content hash and source."""
    digests = {}
    with Session(get_engine(url)) as session:
        for model in FACT_TABLES:
            table = model.__table__  # type: ignore[attr-defined]
            query = select(table.c.row_key, table.c.row_hash, table.c.source).order_by(
                table.c.row_key
            )
            if documented_only:
                query = query.where(table.c.source.in_(documented.CITED))
            text = "\n".join("|".join(map(str, row)) for row in session.execute(query))
            digests[table.name] = hashlib.sha256(text.encode()).hexdigest()
    return digests


def _counts(url: str) -> dict[str, int]:
    with Session(get_engine(url)) as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in FACT_TABLES
        }


# Every documented fact, with its article ---------------------------------------------------------


def _fact_id(fact: tuple[str, dict[str, Any]]) -> str:
    kind, row = fact
    label = row.get("organization") or row.get("title") or ""
    return f"{kind}:{row.get('year') or row.get('date') or ''}:{label[:40]}"


FACTS = [(kind, row) for kind, rows in documented.DOCUMENTED.items() for row in rows]


def _stored(session: Session, kind: str, row: dict[str, Any]) -> tuple[tuple[Any, ...], Any]:
    """What the database holds for a documented row, in the order of `_expected`."""
    if kind == "organizations":
        # Since 2025 a merged unit has an association of the same name under the new province,
        # so the documented one is the one labelled with its article.
        organization = session.exec(
            select(Organization).where(
                Organization.name == row["organization"], Organization.source == row["source"]
            )
        ).one()
        values: tuple[Any, ...] = (
            organization.kind,
            organization.founded_on,
            organization.country_code,
            organization.district,
            organization.source,
        )
        return values, organization.province_id
    if kind == "members":
        member = session.exec(
            select(Membership)
            .join(Organization, col(Organization.id) == col(Membership.organization_id))
            .where(Organization.name == row["organization"], Membership.year == row["year"])
        ).one()
        return (member.members, member.chapters, member.source), member.province_id
    if kind == "aid":
        aid = session.exec(
            select(Aid).where(Aid.year == row["year"], Aid.title == row["title"])
        ).one()
        values = (
            aid.amount,
            aid.currency,
            aid.measure,
            aid.sector_code,
            aid.donor,
            aid.country_code,
            aid.source,
        )
        return values, aid.province_id
    exchange = session.exec(
        select(Exchange).where(Exchange.date == row["date"], Exchange.title == row["title"])
    ).one()
    values = (
        exchange.country_code,
        exchange.partner_locality,
        exchange.direction,
        exchange.kind,
        exchange.participants,
        exchange.source,
    )
    return values, exchange.province_id


def _expected(kind: str, row: dict[str, Any]) -> tuple[Any, ...]:
    """The documented row's own values, as `_stored` reads them back."""
    if kind == "organizations":
        return (
            row["kind"],
            row.get("founded_on"),
            row.get("partner_country"),
            row.get("district"),
            row["source"],
        )
    if kind == "members":
        return (row["members"], row["chapters"], row["source"])
    if kind == "aid":
        amount = Decimal(row["amount"])
        return (
            amount,
            row["currency"],
            row["measure"],
            row["sector"],
            row["donor"],
            None,
            row["source"],
        )
    return (
        row.get("partner_country"),
        row.get("partner_locality"),
        row["direction"],
        row["kind"],
        row.get("participants"),
        row["source"],
    )


@pytest.mark.parametrize("fact", FACTS, ids=[_fact_id(fact) for fact in FACTS])
def test_every_documented_fact_is_stored_with_its_article_as_source(
    session: Session, fact: tuple[str, dict[str, Any]]
) -> None:
    kind, row = fact
    values, province_id = _stored(session, kind, row)
    assert values == _expected(kind, row)
    if "province" in row:
        # Every documented figure predates the reform, so it sits in the 63-province list.
        province = session.get(Province, province_id)
        assert province is not None
        assert (province.short_name, province.province_list) == (row["province"], "63")


@pytest.fixture(scope="module")
def extracts(
    seeded: tuple[str, list[str]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[dict[str, str]]]:
    """Every kind of extract of the seeded database, taken with `python -m datastore export`."""
    folder = tmp_path_factory.mktemp("extracts")
    tables: dict[str, list[dict[str, str]]] = {}
    for kind in documented.DOCUMENTED:
        out = folder / f"{kind}.csv"
        command = ["-m", "datastore", "--database-url", seeded[0], "export", kind]
        subprocess.run(
            [sys.executable, *command, "--out", str(out)],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        with out.open(encoding="utf-8-sig", newline="") as handle:
            tables[kind] = list(csv.DictReader(handle))
    return tables


def _as_cells(kind: str, row: dict[str, Any]) -> dict[str, str]:
    """The cells an extract line of a documented row must hold, as the CSV writes them."""
    columns = {
        "organizations": (
            "kind", "organization", "province", "district", "founded_on", "parent", "source"
        ),
        "members": ("year", "province", "organization", "members", "chapters", "source"),
        "aid": ("year", "province", "donor", "measure", "currency", "title", "source"),
        "exchanges": (
            "date", "province", "partner_locality", "direction", "kind", "participants",
            "title", "source",
        ),
    }[kind]  # fmt: skip
    cells = {column: "" if row.get(column) is None else str(row[column]) for column in columns}
    country = "donor_country_code" if kind == "aid" else "partner_country_code"
    cells[country] = row.get("partner_country") or ""
    if kind == "aid":
        cells["sector_code"] = row["sector"]
    return cells


@pytest.mark.parametrize("fact", FACTS, ids=[_fact_id(fact) for fact in FACTS])
def test_every_documented_fact_comes_out_of_the_extract_command(
    extracts: dict[str, list[dict[str, str]]], fact: tuple[str, dict[str, Any]]
) -> None:
    kind, row = fact
    wanted = _as_cells(kind, row)
    lines = [line for line in extracts[kind] if all(line[k] == v for k, v in wanted.items())]
    assert len(lines) == 1
    if kind == "aid":
        assert Decimal(lines[0]["amount"]) == Decimal(row["amount"])


def test_each_article_is_the_source_of_at_least_one_fact(session: Session) -> None:
    cited: Counter[str] = Counter()
    for model in FACT_TABLES:
        table = model.__table__  # type: ignore[attr-defined]
        for source, count in session.execute(
            select(table.c.source, func.count()).group_by(table.c.source)
        ):
            cited[source] += count
    assert all(cited[source] > 0 for source in documented.SOURCES)


def test_the_cao_bang_gifts_of_july_2022_are_three_disbursements_from_vufo(
    session: Session,
) -> None:
    gifts = session.exec(
        select(Aid).where(Aid.year == 2022, Aid.source == "004_e7f187056cb3db50.txt")
    ).all()
    assert sorted((a.currency, a.amount, a.sector_code, a.measure) for a in gifts) == [
        ("USD", Decimal("10000.00"), "111", "disbursed"),
        ("VND", Decimal("500000000.00"), "160", "disbursed"),
        ("VND", Decimal("700000000.00"), "160", "disbursed"),
    ]
    assert {a.donor for a in gifts} == {"Liên hiệp các tổ chức hữu nghị Việt Nam"}


def test_the_first_national_conference_had_200_delegates_in_cao_bang(session: Session) -> None:
    conference = session.exec(
        select(Exchange).where(Exchange.date == date(2022, 7, 7), Exchange.kind == "conference")
    ).one()
    assert conference.participants == 200 and conference.country_code is None
    assert "66 tổ chức thành viên" in conference.title and "52 Liên hiệp" in conference.title


def test_buon_don_received_seven_delegations_from_mondulkiri_in_2014(session: Session) -> None:
    delegations = session.exec(
        select(Exchange).where(
            Exchange.year == 2014,
            Exchange.source == "000_977f301d0d2de412.txt",
            col(Exchange.title).contains("Buôn Đôn"),
        )
    ).all()
    assert len(delegations) == 7
    assert {(d.country_code, d.partner_locality, d.direction) for d in delegations} == {
        ("KHM", "Mondulkiri", "incoming")
    }


def test_the_gia_lai_union_dates_from_11_august_1994(session: Session) -> None:
    union = session.exec(
        select(Organization).where(
            Organization.name == "Liên hiệp các tổ chức hữu nghị tỉnh Gia Lai"
        )
    ).one()
    assert union.founded_on == date(1994, 8, 11)
    assert union.source == "003_eb967b834698ca2b.txt"


def test_documented_names_follow_the_naming_the_synthetic_part_uses() -> None:
    legacy = {r.short_name: r for r in province_records() if r.province_list is ProvinceList.LEGACY}
    khmer = country_names()["KHM"]
    stated = {
        names.union_name(legacy["Gia Lai"]): UNION_GIA_LAI,
        names.union_name(legacy["Đồng Nai"]): UNION_DONG_NAI,
        names.association_name(khmer, names.place(legacy["Đồng Nai"])): DONG_NAI_CAMBODIA,
    }
    assert all(made == written for made, written in stated.items())
    for row in documented.ORGANIZATIONS:
        if row.get("province") == "Đồng Nai" and row["kind"] == "friendship_association":
            country = country_names()[row["partner_country"]]
            assert names.association_name(country, "tỉnh Đồng Nai") == row["organization"]


# Constraints the articles put on the synthetic part -----------------------------------------------


def test_exactly_52_old_provinces_had_a_union_on_7_july_2022(session: Session) -> None:
    unions = session.exec(
        select(func.count())
        .select_from(Organization)
        .join(Province, col(Province.id) == col(Organization.province_id))
        .where(
            Organization.kind == "provincial_union",
            Province.province_list == "63",
            col(Organization.founded_on) <= date(2022, 7, 7),
        )
    ).one()
    assert unions == 52
    every_province = session.exec(
        select(func.count(func.distinct(Organization.province_id))).where(
            Organization.kind == "provincial_union"
        )
    ).one()
    assert every_province == 63


@pytest.mark.parametrize("seed", [1, 7, 2024])
def test_any_seed_keeps_52_unions_by_the_cao_bang_conference(seed: int) -> None:
    plan = build_plan(seed=seed)
    assert unions_founded_by(plan, date(2022, 7, 7)) == 52
    assert unions_founded_by(plan, date(2025, 6, 30)) == 63


def test_dong_nai_had_9_associations_with_just_over_7000_members_in_2020(
    session: Session,
) -> None:
    rows = session.exec(
        select(Organization.name, Membership.members, Membership.chapters)
        .join(Organization, col(Organization.id) == col(Membership.organization_id))
        .join(Province, col(Province.id) == col(Membership.province_id))
        .where(Membership.year == 2020, Province.province_list == "63", Province.code == "75")
    ).all()
    assert len(rows) == 9
    assert 7_000 < sum(members for _, members, _ in rows) <= 7_150
    by_name = {name: (members, chapters) for name, members, chapters in rows}
    assert by_name["Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai"] == (4_200, 8)


def test_the_dong_nai_cambodia_association_grew_from_296_members(session: Session) -> None:
    figures = dict(
        session.exec(
            select(Membership.year, Membership.members)
            .join(Organization, col(Organization.id) == col(Membership.organization_id))
            .where(Organization.name == "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai")
        ).all()
    )
    assert min(figures) == 2014 and figures[2014] == 296
    between = [figures[year] for year in range(2015, 2020) if year in figures]
    assert between and all(296 < members < 4_200 for members in between)


def test_old_dong_nai_has_no_commitment_to_2020_but_the_cumulative_one(session: Session) -> None:
    commitments = session.exec(
        select(col(Aid.year), col(Aid.amount), col(Aid.source))
        .join(Province, col(Province.id) == col(Aid.province_id))
        .where(
            Aid.measure == "committed",
            col(Aid.year) <= 2020,
            Province.province_list == "63",
            Province.code == "75",
        )
    ).all()
    assert commitments == [(2020, Decimal("300000000000.00"), "001_9e1acba55bf73c31.txt")]


# Magnitudes --------------------------------------------------------------------------------------


def test_each_old_province_gets_1_to_8_million_usd_of_disbursed_aid_a_year(
    session: Session,
) -> None:
    # Yearly figures up to 2024 are reported by the 63 old provinces, 2025's by the 34 units.
    totals = session.exec(
        select(col(Aid.year), col(Aid.province_63_id), func.sum(Aid.amount_usd))
        .where(Aid.measure == "disbursed", col(Aid.year) <= 2024)
        .group_by(col(Aid.year), col(Aid.province_63_id))
    ).all()
    assert len(totals) == 63 * (len(YEARS) - 1)
    assert all(1_000_000 <= total <= 8_000_000 for _, _, total in totals)


def test_in_2025_each_current_unit_reports_the_aid_of_the_provinces_merged_into_it(
    session: Session,
) -> None:
    merged = dict(
        session.exec(
            select(col(Province.current_unit_id), func.count())
            .where(Province.province_list == "63")
            .group_by(col(Province.current_unit_id))
        ).all()
    )
    totals = session.exec(
        select(col(Aid.province_id), func.sum(Aid.amount_usd))
        .where(Aid.measure == "disbursed", Aid.year == 2025)
        .group_by(col(Aid.province_id))
    ).all()
    assert len(totals) == 34
    for province_id, total in totals:
        assert 1_000_000 <= total <= 8_000_000 * merged[province_id]


@pytest.mark.parametrize(
    ("year", "million_usd"), [(2014, 304.0), (2020, 220.7), (2022, 223.7), (2023, 228.6)]
)
def test_national_disbursed_aid_matches_the_published_totals(
    session: Session, year: int, million_usd: float
) -> None:
    # Aid does not depend on --scale, so this small-scale database holds the scale-1 totals.
    total = session.exec(
        select(func.sum(Aid.amount_usd)).where(Aid.year == year, Aid.measure == "disbursed")
    ).one()
    assert float(total) == pytest.approx(million_usd * 1e6, rel=0.01)


def test_commitments_run_at_about_1_3_times_disbursements(session: Session) -> None:
    by_measure = dict(
        session.exec(
            select(col(Aid.measure), func.sum(Aid.amount_usd))
            .where(Aid.source == names.SYNTHETIC)
            .group_by(col(Aid.measure))
        ).all()
    )
    assert 1.2 <= by_measure["committed"] / by_measure["disbursed"] <= 1.4


def test_unions_have_9_to_31_associations_and_at_most_11000_members() -> None:
    plan = build_plan(seed=42)
    sizes = [len(province.associations) for province in plan.provinces]
    assert min(sizes) >= 9 and max(sizes) <= 31
    members_2024: defaultdict[str, int] = defaultdict(int)
    for row in members.membership_rows(plan, 2024):
        members_2024[row["province"]] += row["members"]
    # 2025's merged unions add up their predecessors, so the cap holds for the old provinces.
    assert max(members_2024.values()) <= 11_000 * 1.1  # a year's noise on top of the cap


def test_exchanges_come_to_about_100000_times_the_scale(seeded: tuple[str, list[str]]) -> None:
    assert 0.9 * 100_000 * SCALE <= _counts(seeded[0])["Exchange"] <= 1.1 * 100_000 * SCALE + 20


def test_exchanges_dip_under_covid_and_peak_in_the_tet_season() -> None:
    plan = build_plan(seed=42)
    by_year = {year: exchange_rows(plan, year, scale=0.2) for year in (2019, 2021)}
    assert len(by_year[2021]) < 0.25 * len(by_year[2019])
    months = Counter(row["date"].month for row in by_year[2019])
    assert months[1] + months[2] > 1.5 * (months[7] + months[8])
    new_year = [row for row in by_year[2019] if "chúc Tết Nguyên đán" in row["title"]]
    assert new_year and {row["partner_country"] for row in new_year} <= {"KHM", "LAO"}
    assert all(row["date"] < date(2019, 2, 5) for row in new_year)  # Tết 2019 fell on 5 Feb


def test_exchange_titles_are_distinct_within_the_natural_key() -> None:
    plan = build_plan(seed=42)
    rows = exchange_rows(plan, 2019, scale=0.5)
    keys = Counter(
        (
            r["date"],
            r["province"],
            r["partner_country"],
            r["direction"],
            r["kind"],
            fold(r["title"]),
        )
        for r in rows
    )
    assert keys.most_common(1)[0][1] == 1


def test_exchanges_after_the_reform_are_reported_under_the_34_units(session: Session) -> None:
    def lists(*condition: Any) -> set[str]:
        return set(
            session.exec(
                select(Province.province_list)
                .join(Exchange, col(Exchange.province_id) == col(Province.id))
                .where(*condition)
                .distinct()
            ).all()
        )

    assert lists(col(Exchange.date) < date(2025, 7, 1)) == {"63"}
    assert lists(col(Exchange.date) >= date(2025, 7, 1)) == {"34"}


def test_yearly_figures_under_the_34_units_sum_the_predecessors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = build_plan(seed=42)
    old = members.membership_rows(plan, 2025)
    monkeypatch.setattr(members, "list_for_year", lambda year: ProvinceList.CURRENT)
    merged = members.membership_rows(plan, 2025)
    # Đồng Nai (34:75) = old Đồng Nai + Bình Phước.
    predecessors = sum(
        r["members"]
        for r in old
        if r["province"] in {"Đồng Nai", "Bình Phước"} and r["partner_country"] == "KHM"
    )
    dong_nai = [r for r in merged if r["organization"] == DONG_NAI_CAMBODIA]
    assert [r["members"] for r in dong_nai] == [predecessors]
    assert len({r["province"] for r in merged}) == 34


# Determinism and idempotence ---------------------------------------------------------------------


def test_seeding_again_adds_and_changes_nothing(seeded: tuple[str, list[str]]) -> None:
    url, _ = seeded
    before = _counts(url)
    totals = seed_database(url=url, scale=SCALE, seed=42)
    assert all(t["added"] == 0 and t["updated"] == 0 for t in totals.values())
    assert all(t["unchanged"] == t["rows"] > 0 for t in totals.values())
    assert _counts(url) == before


def test_the_command_line_makes_the_same_data_for_the_same_seed(
    seeded: tuple[str, list[str]], sqlite_url: str
) -> None:
    result = subprocess.run(
        [
            sys.executable,
            *("-m", "seed", "--scale", str(SCALE), "--seed", "42"),
            "--database-url",
            sqlite_url,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "exchanges 2014:" in result.stdout and "done in" in result.stdout
    assert _digests(sqlite_url) == _digests(seeded[0])


def test_another_seed_changes_the_synthetic_rows_but_not_the_documented_ones(
    seeded: tuple[str, list[str]], sqlite_url: str
) -> None:
    seed_database(url=sqlite_url, scale=SCALE, seed=7)
    mine, theirs = _digests(seeded[0]), _digests(sqlite_url)
    assert all(mine[table] != theirs[table] for table in mine)
    assert _digests(seeded[0], documented_only=True) == _digests(sqlite_url, documented_only=True)


def test_progress_reports_one_line_per_batch(seeded: tuple[str, list[str]]) -> None:
    _, lines = seeded
    assert "members 2020" in "\n".join(lines)
    # 3 organisation levels of documented facts, 3 synthetic ones (unions, associations, their
    # successors of 2025), 3 documented fact batches, and 16 years of members, aid and exchanges.
    assert len(lines) == 3 + 3 + 3 + 3 * 16


def test_organisations_load_parents_before_children() -> None:
    levels = organization_levels(documented.ORGANIZATIONS)
    assert [row["organization"] for row in levels[0]][:1] == [names.VUFO]
    loaded: set[str] = set()
    for level in levels:
        assert all(not row.get("parent") or row["parent"] in loaded for row in level)
        loaded |= {row["organization"] for row in level}


def test_seed_refuses_a_scale_that_is_not_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="scale"):
        seed_database(url=f"sqlite:///{tmp_path / 'x.sqlite3'}", scale=0)


def test_the_seed_loads_on_postgresql_as_on_sqlite(
    database_url: str, seeded: tuple[str, list[str]]
) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite is covered by the module's seeded database")
    seed_database(url=database_url, scale=SCALE, seed=42)
    assert _digests(database_url) == _digests(seeded[0])
