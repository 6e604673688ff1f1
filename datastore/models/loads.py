"""Loads of files into the fact tables, what they changed, and facts about the database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


class ImportBatch(SQLModel, table=True):
    """One load of a file (or of the demo dataset) into a fact table."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)
    file_name: str = Field(max_length=255)
    checksum: str = Field(max_length=64)
    source: str = Field(max_length=255)
    created_at: datetime
    created_by: str = Field(max_length=80)
    is_demo: bool = False
    rows_added: int = 0
    rows_updated: int = 0
    rows_unchanged: int = 0
    undone_at: datetime | None = None
    undone_by: str | None = Field(default=None, max_length=80)
    replaces_id: int | None = None  # the load it replaced (no foreign key: see migration 0006)


class RowChange(SQLModel, table=True):
    """A row that a load changed or took out, with its content before, so it can be undone."""

    __table_args__ = (Index("ix_rowchange_table_row", "table_name", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="importbatch.id", index=True)
    table_name: str = Field(max_length=30)
    row_id: int
    previous: str  # JSON of the row's columns before the load wrote it


class RowHeld(SQLModel, table=True):
    """A row a load loaded again unchanged (or an association its members rows used)."""

    __table_args__ = (Index("ix_rowheld_table_row", "table_name", "row_id"),)

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="importbatch.id", index=True)
    table_name: str = Field(max_length=30)
    row_id: int
    row_hash: str = Field(max_length=40)  # of the content the load held


class AppState(SQLModel, table=True):
    """A fact about the database as a whole, e.g. that the demo data is still being loaded."""

    key: str = Field(primary_key=True, max_length=40)
    value: str = Field(max_length=40)
    updated_at: datetime | None = None
