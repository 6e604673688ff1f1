"""Alembic migrations build exactly the schema of datastore.models, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import importlib.util
import json
import logging
import random
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import UniqueConstraint, func, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, select

from datastore.db import get_engine
from datastore.load.imports import import_file
from datastore.load.undo import undo_load
from datastore.load.write import LoadSummary
from datastore.migrate import (
    MIGRATIONS_DIR,
    alembic_config,
    current_revision,
    head_revision,
    migrate,
)
from datastore.models.facts import Exchange, Organization
from datastore.models.loads import ImportBatch, RowChange
from datastore.models.reference import Country, Province, Sector
from datastore.vietnamese import fold
from datastore.vocabulary import DataKind
from tests.utils.bad_files import csv_bytes
from tests.utils.latin_fold import latin_only_fold
from tests.utils.small_dataset import AID, EXCHANGES


def _schema(engine: Engine) -> dict[str, tuple[set[str], set[tuple[str, ...]]]]:
    """Per table in the database: index names and unique column sets."""
    inspector = inspect(engine)
    return {
        table: (
            {
                index["name"]
                for index in inspector.get_indexes(table)
                # PostgreSQL also lists the index behind each unique constraint.
                if index["name"] and "duplicates_constraint" not in index
            },
            {tuple(unique["column_names"]) for unique in inspector.get_unique_constraints(table)},
        )
        for table in inspector.get_table_names()
    }


def _model_schema() -> dict[str, tuple[set[str], set[tuple[str, ...]]]]:
    """The same, as datastore.models declares it."""
    schema: dict[str, tuple[set[str], set[tuple[str, ...]]]] = {}
    for name, table in SQLModel.metadata.tables.items():
        indexes = {str(index.name) for index in table.indexes}
        uniques = {
            tuple(column.name for column in constraint.columns)
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)
        }
        schema[name] = (indexes, uniques)
    return schema


def _reference_counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            "provinces_34": session.exec(
                select(func.count()).select_from(Province).where(Province.province_list == "34")
            ).one(),
            "provinces_63": session.exec(
                select(func.count()).select_from(Province).where(Province.province_list == "63")
            ).one(),
            "countries": session.exec(select(func.count()).select_from(Country)).one(),
            "sectors": session.exec(select(func.count()).select_from(Sector)).one(),
        }


def test_an_empty_database_gets_every_table_index_and_unique_constraint_of_the_models(
    empty_database_url: str,
) -> None:
    assert current_revision(empty_database_url) is None

    migrate(empty_database_url)

    schema = _schema(get_engine(empty_database_url))
    assert schema.pop("alembic_version") == (set(), set())
    assert schema == _model_schema()
    assert current_revision(empty_database_url) == head_revision()


def test_migrating_loads_both_province_lists_the_countries_and_the_sectors(
    empty_database_url: str,
) -> None:
    migrate(empty_database_url)

    counts = _reference_counts(get_engine(empty_database_url))
    assert counts["provinces_34"] == 34
    assert counts["provinces_63"] == 63
    assert counts["countries"] >= 240
    assert counts["sectors"] == 15


def test_the_models_and_the_migrations_describe_the_same_schema(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_migrating_twice_changes_nothing(database_url: str) -> None:
    engine = get_engine(database_url)
    schema_before, counts_before = _schema(engine), _reference_counts(engine)

    migrate(database_url)

    assert _schema(engine) == schema_before
    assert _reference_counts(engine) == counts_before
    assert current_revision(database_url) == head_revision()


def test_migrating_a_database_that_holds_data_keeps_the_data(database_url: str) -> None:
    engine = get_engine(database_url)
    created_at = datetime(2024, 12, 31, 8, 30, tzinfo=UTC)
    with Session(engine) as session:
        batch = ImportBatch(
            kind="aid",
            file_name="vien_tro_2024.xlsx",
            checksum="a" * 64,
            source="Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai",
            created_at=created_at,
            created_by="can_bo",
            rows_added=12,
        )
        session.add(batch)
        session.commit()
        batch_id = batch.id

    migrate(database_url)

    with Session(engine) as session:
        kept = session.exec(select(ImportBatch)).all()
    assert [(row.id, row.file_name, row.source, row.rows_added) for row in kept] == [
        (batch_id, "vien_tro_2024.xlsx", "Liên hiệp các tổ chức hữu nghị tỉnh Đồng Nai", 12)
    ]
    assert kept[0].created_at == created_at
    assert _reference_counts(engine)["provinces_63"] == 63


def test_downgrading_to_base_removes_every_table_and_upgrading_restores_them(
    empty_database_url: str,
) -> None:
    migrate(empty_database_url)
    engine = get_engine(empty_database_url)

    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    assert current_revision(empty_database_url) is None

    migrate(empty_database_url)
    assert set(inspect(engine).get_table_names()) == {"alembic_version", *SQLModel.metadata.tables}


def test_after_migrating_sqlite_still_rejects_a_reference_to_a_missing_province(
    sqlite_url: str,
) -> None:
    migrate(sqlite_url)

    # migrate turns enforcement off for its own connection; the pool hands that one out next.
    with Session(get_engine(sqlite_url)) as session:
        session.add(
            Organization(
                kind="provincial_union",
                name="Liên hiệp các tổ chức hữu nghị tỉnh X",
                province_id=999_999,
                source="test",
                row_key="x",
                row_hash="x",
            )
        )
        with pytest.raises(IntegrityError, match="FOREIGN KEY"):
            session.commit()


# 0005: matching keys that keep every script -------------------------------------------------


def _revision_module(number: str) -> ModuleType:
    """A revision file as a module (its name starts with a digit, so it cannot be imported)."""
    path = next((MIGRATIONS_DIR / "versions").glob(f"{number}_*.py"))
    spec = importlib.util.spec_from_file_location(f"revision_{number}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_key_written_into_revision_0005_is_the_key_loads_compute() -> None:
    rng = random.Random(42)
    alphabet = (
        "aăâbdđeêoôơuưAĐÔƯáặếộừỹ İßÆøŁ０１２ＡＢ.,–-'\u0301\u0306\u00a0\u200b"
        "ДелгацияйЙёΐάΑΩ中国友好协会日本हिन्दीالعربية٣"
    )
    frozen = _revision_module("0005")._fold
    for _ in range(3000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert frozen(sample) == fold(sample), sample


def _load_file(url: str, kind: DataKind, rows: list[dict[str, Any]], name: str) -> LoadSummary:
    with Session(get_engine(url)) as session:
        return import_file(
            session=session,
            kind=kind,
            data=csv_bytes(kind, rows),
            file_name=name,
            created_by="can_bo",
        )


# Columns that revisions after 0005 add (0008: the aid period and donor kind; its own tests
# check their values): a database at 0004 has none of them. 0010 rewrites province_63_id of
# merged new units' rows (tests/datastore/test_migration_0010.py checks it).
_ADDED_LATER = frozenset({"row_key", "period_start", "period_end", "donor_kind", "province_63_id"})


def _contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the fact tables and the undo records, without keys or later columns."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with Session(get_engine(url)) as session:
        for name in ("organization", "membership", "aid", "exchange"):
            rows = session.execute(text(f"SELECT * FROM {name} ORDER BY id")).mappings()
            found[name] = [
                tuple(v for k, v in row.items() if k not in _ADDED_LATER) for row in rows
            ]
        changes = session.exec(select(RowChange).order_by(col(RowChange.id))).all()
        found["rowchange"] = [
            (
                c.batch_id,
                c.row_id,
                {k: v for k, v in json.loads(c.previous).items() if k not in _ADDED_LATER},
            )
            for c in changes
        ]
    return found


def test_revision_0005_rekeys_rows_keeps_every_value_and_reports_what_was_merged(
    empty_database_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    url = empty_database_url
    engine = get_engine(url)
    # Loaded with the key of the code before 0005, through today's load path (hence at the
    # head), then taken back to 0004, whose tables the facts and undo records fit unchanged.
    migrate(url)
    exchange, aid = copy.deepcopy(EXCHANGES[0]), copy.deepcopy(AID[0])
    moscow = {**exchange, "title": "Делегация Москвы"}
    kazan = {**exchange, "title": "Делегация Казани"}
    # Loaded by the code before 0005, whose key kept only a-z and 0-9.
    with monkeypatch.context() as before_0005:
        before_0005.setattr("datastore.load.records.fold", latin_only_fold)
        _load_file(url, "exchanges", EXCHANGES, "doan_vao.csv")  # load 1
        _load_file(url, "exchanges", [moscow], "moscow.csv")  # load 2: added
        merged = _load_file(url, "exchanges", [kazan], "kazan.csv")  # load 3: overwrote it
        assert (merged.added, merged.updated) == (0, 1)
        # "Dự án ２" had no digit in its old key; read as "Dự án 2" now, it meets its namesake.
        pair = [{**aid, "title": "Dự án 2"}, {**aid, "title": "Dự án ２"}]
        assert _load_file(url, "aid", pair, "vien_tro.csv").added == 2  # load 4
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection=connection), "0004")
    with Session(engine) as session:
        keys_before = {e.title: e.row_key for e in session.exec(select(Exchange)).all()}
    contents_before = _contents(url)

    with caplog.at_level(logging.WARNING, logger="datastore.migrations"):
        migrate(url)

    assert _contents(url) == contents_before
    with Session(engine) as session:
        keys_after = {e.title: e.row_key for e in session.exec(select(Exchange)).all()}
    vietnamese = {row["title"] for row in EXCHANGES}
    assert {t: keys_after[t] for t in vietnamese} == {t: keys_before[t] for t in vietnamese}
    reports = [record.getMessage() for record in caplog.records]
    assert len(reports) == 2, reports
    merge = next(r for r in reports if "load #3" in r)
    assert "'kazan.csv'" in merge and "'Делегация Москвы'" in merge
    assert "'Делегация Казани'" in merge and "undo load #3" in merge
    assert "load #2 ('moscow.csv')" in merge
    clash = next(r for r in reports if r.startswith("0005: aid rows"))
    assert "'Dự án 2'" in clash and "'Dự án ２'" in clash
    # What the report advises brings the overwritten delegation back beside the other.
    with Session(engine) as session:
        undo_load(session=session, batch_id=3, user="can_bo")
    assert _load_file(url, "exchanges", [moscow], "moscow.csv").added == 1
    assert _load_file(url, "exchanges", [kazan], "kazan.csv").added == 1
    with Session(engine) as session:
        titles = set(session.exec(select(Exchange.title)).all())
    assert {"Делегация Москвы", "Делегация Казани"} <= titles
    # Every key is what a load computes now: the files sent again change nothing.
    assert _load_file(url, "exchanges", EXCHANGES, "lai.csv").unchanged == len(EXCHANGES)
    assert _load_file(url, "exchanges", [kazan], "lai.csv").unchanged == 1
    assert _load_file(url, "aid", pair[:1], "lai.csv").unchanged == 1
