"""Alembic migrations build exactly the schema of datastore.models, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import UniqueConstraint, func, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select

from datastore.db import get_engine
from datastore.migrate import alembic_config, current_revision, head_revision, migrate
from datastore.models import Country, ImportBatch, Organization, Province, Sector


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
