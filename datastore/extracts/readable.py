"""The extract as a person reads it (XLSX and the Data page preview): one language throughout.

Headers are in the interface language, and each coded value (donor kind, measure, direction,
kind of activity or organisation) is shown as its label, with the code kept in the next column,
named `<column>_code` in both languages ("Đoàn vào/đoàn ra" = "Đoàn ra", then "direction_code" =
"outgoing"). The labels are words the import accepts, so the Vietnamese XLSX loads back
unchanged: the import reads the label column and leaves the `_code` column aside (the
label is what a person edits). The CSV keeps the codes under the column names: it is the load
format, and its columns do not move.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
from sqlmodel import Session

from datastore.extracts import arrow_schema, extract_columns
from datastore.extracts.reading import iter_extract, pandas_type
from datastore.filters import Filters
from datastore.models.facts import Direction, DonorKind, ExchangeKind, Measure, OrganizationKind
from datastore.vocabulary import DataKind
from i18n.catalogue import Lang, t

if TYPE_CHECKING:
    import pandas as pd

# The text-key prefix of a coded column's labels, and its codes.
Labels = tuple[str, type[StrEnum]]
# Coded columns of each kind -> their labels.
LABELLED: dict[DataKind, dict[str, Labels]] = {
    "members": {},
    "aid": {"donor_kind": ("donor_kind", DonorKind), "measure": ("measure", Measure)},
    "exchanges": {"direction": ("direction", Direction), "kind": ("kind", ExchangeKind)},
    "organizations": {"kind": ("extract.org_kind", OrganizationKind)},
}
# Headers of the code columns beside the labels, the same in every language.
CODE_HEADERS: frozenset[str] = frozenset(
    f"{name}_code" for columns in LABELLED.values() for name in columns
)


@dataclass(frozen=True)
class ReadableColumn:
    """One column of the readable extract: its header, the extract column it shows, its type."""

    header: str
    source: str
    type: str  # as ExtractColumn.type
    labels: Labels | None = None  # when the column shows labels of codes


def readable_columns(kind: DataKind, lang: Lang) -> tuple[ReadableColumn, ...]:
    """The columns of the readable extract of one kind, in order."""
    columns: list[ReadableColumn] = []
    for column in extract_columns(kind):
        prefix = LABELLED[kind].get(column.name)
        columns.append(ReadableColumn(column.header(lang), column.name, column.type, prefix))
        if prefix is not None:
            columns.append(ReadableColumn(f"{column.name}_code", column.name, "text"))
    return tuple(columns)


def code_labels(labels_of: Labels, codes: pa.ChunkedArray, lang: Lang) -> pa.ChunkedArray:
    """The label of each code in `lang`; a code without a label is shown as it is."""
    prefix, vocabulary = labels_of
    known = [member.value for member in vocabulary]
    labels = pa.array([t(f"{prefix}.{code}", lang) for code in known], pa.string())
    found = pc.take(labels, pc.index_in(codes, value_set=pa.array(known, pa.string())))
    return pc.coalesce(found, codes)


def readable_table(kind: DataKind, chunk: pa.Table, lang: Lang) -> pa.Table:
    """One extract chunk (taken in `lang`) in the readable columns, headers as names."""
    columns = readable_columns(kind, lang)
    arrays = [
        code_labels(c.labels, chunk.column(c.source), lang) if c.labels else chunk.column(c.source)
        for c in columns
    ]
    return pa.Table.from_arrays(arrays, names=[c.header for c in columns])


def iter_readable(
    kind: DataKind, *, session: Session, filters: Filters, lang: Lang, limit: int | None = None
) -> Iterator[pa.Table]:
    """The extract's chunks in the readable columns of `lang`."""
    for chunk in iter_extract(kind, session=session, filters=filters, limit=limit, lang=lang):
        yield readable_table(kind, chunk, lang)


def read_readable(
    kind: DataKind, *, session: Session, filters: Filters, lang: Lang, limit: int | None = None
) -> pd.DataFrame:
    """A small or limited readable extract as one DataFrame, for the Data page preview."""
    tables = list(iter_readable(kind, session=session, filters=filters, lang=lang, limit=limit))
    table = (
        pa.concat_tables(tables)
        if tables
        else readable_table(kind, arrow_schema(kind).empty_table(), lang)
    )
    frame: pd.DataFrame = table.to_pandas(types_mapper=pandas_type, date_as_object=True)
    return frame  # pyarrow is untyped
