"""User imports: read the files people send, load them through load_rows, list and undo loads.

Accepted files (told apart by their content, not their name):
- CSV in UTF-8 with or without a byte-order mark, or Excel's "Unicode Text" (UTF-16 with a
  byte-order mark, tab-separated); separator `,`, `;` or tab, whichever the header row uses;
- XLSX, data on the first sheet (formulas read as their last computed value).
Anything else (PDF, .xls, .ods, Word, images, legacy Vietnamese encodings such as TCVN3 or
VNI, an empty file) is refused as a whole with a FileProblem saying what to do. Files larger
than MAX_UPLOAD_BYTES are refused before anything in them is read.

The header row names the columns: the extract's column names (`partner_country`) or the
Vietnamese headers of the XLSX extract (`Nước đối tác`), in any case and with or without
diacritics. Rows above the header (a title) and blank rows are skipped; row numbers are those
of the spreadsheet. "STT" (row number) and "Ghi chú" (notes) columns are ignored; any other
unknown column is a problem (a misspelt "memebers" must never be dropped silently), and so is
a missing required column. Cells an extract neutralised with a leading apostrophe are restored.

A file loaded twice changes nothing the second time; the second load is still recorded, with
0 added, 0 updated and every row unchanged, so the history shows who loaded what and when.
Every load can be undone as a whole, demo loads included, unless a later load that is still in
place changed rows that it wrote.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update
from sqlmodel import Session, SQLModel, col

from datastore.export import BOM, DATA_SHEET, restore
from datastore.extracts import EXTRACT_COLUMNS, ExtractColumn, extract_columns
from datastore.loading import (
    KINDS,
    VALIDATION_SHARE,
    BatchInfo,
    LoadRejected,
    LoadSummary,
    Progress,
    RowProblem,
    load_rows,
    take_load_lock,
    validate_rows,
)
from datastore.models import (
    Aid,
    Exchange,
    ImportBatch,
    Membership,
    Organization,
    RowChange,
)
from datastore.problems import DataProblem
from datastore.rollups import refresh_rollups
from datastore.vietnamese import fold
from i18n.catalogue import hint, render
from i18n.formatting import quote
from i18n.texts.data_words import KIND_NAMES
from i18n.texts.template_guide import (
    COLUMN_GUIDE,
    DERIVED_LABEL,
    GUIDE_TITLES,
    IGNORED_LABEL,
    ONE_OF_LABEL,
    OPTIONAL_LABEL,
    REQUIRED_LABEL,
)

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_MAX_UPLOAD_MB = 20
# An XLSX is a zip: refuse one that unpacks to far more than any honest workbook.
XLSX_UNPACK_FACTOR = 20
READ_SHARE = 0.1  # of the progress bar
HEADER_SEARCH_ROWS = 10  # a title may sit above the header row
FORMATS = ("csv", "xlsx")
GUIDE_SHEET = "Hướng dẫn - Guide"
LOAD_COLUMNS = (
    "id",
    "kind",
    "file_name",
    "checksum",
    "created_at",
    "created_by",
    "rows_added",
    "rows_updated",
    "rows_unchanged",
    "is_demo",
    "undone_at",
    "undone_by",
)

# Columns a person must fill in; a tuple lists columns of which one is enough.
REQUIRED_COLUMNS: dict[str, tuple[tuple[str, ...], ...]] = {
    "members": (("year",), ("province", "province_code"), ("organization",), ("members",)),
    "aid": (
        ("year",),
        ("province", "province_code"),
        ("donor",),
        ("sector", "sector_code"),
        ("measure",),
        ("amount",),
        ("currency",),
        ("title",),
    ),
    "exchanges": (
        ("date",),
        ("province", "province_code"),
        ("direction",),
        ("kind",),
        ("title",),
    ),
    "organizations": (("kind",), ("organization",)),
}
# Columns computed from the others: they may be missing or empty, and must agree if given.
DERIVED_COLUMNS = frozenset({"province_2025_code", "province_2025", "amount_vnd", "amount_usd"})
# Short headers people write for the template's columns (folded; the same in every kind).
_HEADER_ALIASES = {
    "tinh": "province",
    "tinhthanh": "province",
    "tinhthanhpho": "province",
    "tentinh": "province",
    "matinh": "province_code",
    "tochuc": "organization",
    "tentochuc": "organization",
    "tenhoi": "organization",
    "hoihuunghi": "organization",
    "hoivien": "members",
    "sohoivien": "members",
    "chihoi": "chapters",
    "nuocdoitac": "partner_country",
    "manuocdoitac": "partner_country_code",
    "nhataitro": "donor",
    "nuoctaitro": "donor_country",
    "malinhvuc": "sector_code",
    "linhvuc": "sector",
    "sotien": "amount",
    "loaitien": "currency",
    "tiente": "currency",
    "tenduan": "title",
    "duan": "title",
    "noidung": "title",
    "songuoi": "participants",
    "songuoithamgia": "participants",
    "doanvaodoanra": "direction",
    "loaihoatdong": "kind",
    "diaphuongdoitac": "partner_locality",
}
# Columns people add to their sheets that hold no figures.
_IGNORED_HEADERS = frozenset({"stt", "tt", "sott", "no", "ghichu", "note", "notes"})
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def max_upload_bytes() -> int:
    """The size limit of an uploaded file: DDN_MAX_UPLOAD_MB megabytes (default 20)."""
    try:
        megabytes = float(os.environ.get("DDN_MAX_UPLOAD_MB", "") or DEFAULT_MAX_UPLOAD_MB)
    except ValueError:
        megabytes = DEFAULT_MAX_UPLOAD_MB
    return int(megabytes * 1024 * 1024)


MAX_UPLOAD_BYTES = max_upload_bytes()


class FileProblem(DataProblem):
    """A whole file refused (too large, not CSV/XLSX, not Unicode, empty, no header)."""


class UndoRefused(DataProblem):
    """A load that cannot be undone (unknown, undone already, or changed by a later load)."""


@dataclass
class Table:
    """A file as read: rows keyed by column name, with the spreadsheet row of each."""

    columns: list[str]  # column names found in the header, in file order
    headers: dict[str, str]  # column name -> header as written
    rows: list[dict[str, Any]] = field(default_factory=list)
    row_numbers: list[int] = field(default_factory=list)
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (header, cell address)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)  # rows too long for the header
    header_row: int = 1


@dataclass(frozen=True)
class UndoSummary:
    """What undoing a load did."""

    batch_id: int
    kind: str
    rows_removed: int
    rows_restored: int
    organizations_removed: int = 0


# Header names -------------------------------------------------------------------------------


def _header_names() -> dict[str, str]:
    """Folded column name or Vietnamese header -> column name, over every kind."""
    names: dict[str, str] = {}
    for kind in KINDS:
        for column in extract_columns(kind):
            for label in (column.name, column.header_vi):
                key = fold(label)
                if names.setdefault(key, column.name) != column.name:
                    raise ValueError(f"header {label!r} names two columns")
    for key, name in _HEADER_ALIASES.items():
        if names.setdefault(key, name) != name:
            raise ValueError(f"header alias {key!r} names two columns")
    return names


_HEADER_NAMES = _header_names()


def column_label(kind: str, name: str) -> str:
    """The Vietnamese header of a column in one kind's template."""
    for column in extract_columns(kind):
        if column.name == name:
            return column.header_vi
    return name


# Reading files ------------------------------------------------------------------------------


def read_table(data: bytes, *, file_name: str, kind: str | None = None) -> list[dict[str, Any]]:
    """The rows of a CSV or XLSX file, keyed by column name; raises FileProblem."""
    # Unknown columns are left out here; import_file and preview_file report them.
    return read_file(data, file_name=file_name, kind=kind).rows


def read_file(data: bytes, *, file_name: str, kind: str | None = None) -> Table:
    """The whole file as read (rows, their row numbers, header findings); raises FileProblem."""
    check_size(len(data))
    if not data:
        raise FileProblem("file.empty")
    grid = _grid(data)
    table = _table(grid, kind=kind)
    if not table.rows and not table.problems:
        raise FileProblem("file.no_rows")
    return table


def check_size(size: int) -> None:
    """Refuse a file over the limit, before reading it."""
    limit = max_upload_bytes()
    if size > limit:
        raise FileProblem("file.too_large", size=_megabytes(size), limit=_megabytes(limit))


def _megabytes(size: int) -> str:
    """A file size for a message: 18 KB, 20.5 MB."""
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def _grid(data: bytes) -> Any:
    """The cells of the file, row by row, as an iterator of sequences."""
    if data.startswith(b"%PDF"):
        raise FileProblem("file.pdf")
    if data.startswith(_OLE2):
        raise FileProblem("file.xls")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _xlsx_rows(data)
    return _csv_rows(_decode(data))


def _decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM optional) or UTF-16 (BOM, or plainly UTF-16)."""
    try:
        if data.startswith(BOM):
            return data[len(BOM) :].decode("utf-8")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        head = data[:4096]
        if head.count(0) > len(head) * 0.01:
            # Unicode Text saved without its byte-order mark: every other byte is zero.
            if head[1::2].count(0) > len(head) * 0.4:
                return data.decode("utf-16-le")
            if head[0::2].count(0) > len(head) * 0.4:
                return data.decode("utf-16-be")
            raise FileProblem("file.binary")
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _looks_binary(data):
            raise FileProblem("file.binary") from error
        raise FileProblem("file.encoding", position=error.start) from error


def _looks_binary(data: bytes) -> bool:
    """Many control bytes: not text in any encoding."""
    head = data[:4096]
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32 or byte == 127)
    return controls > len(head) * 0.01


def _csv_rows(text: str) -> Any:
    """Rows of CSV text; the separator is the one the first line uses most."""
    first_line = text.split("\n", 1)[0]
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    separator = max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","
    # A long cell is a problem of its row (too long for its column), not of the whole file.
    csv.field_size_limit(max(csv.field_size_limit(), max_upload_bytes()))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):  # noqa: B007 - used in the message
            yield row
    except csv.Error as error:
        raise FileProblem("file.csv_unreadable", row=number + 1, detail=str(error)) from error


def _xlsx_rows(data: bytes) -> Any:
    """Rows of the first sheet of a workbook, as values (never formulas)."""
    import openpyxl

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
                raise FileProblem("file.ods")
            raise FileProblem("file.zip")
        unpacked = sum(info.file_size for info in archive.infolist())
        limit = XLSX_UNPACK_FACTOR * max_upload_bytes()
        if unpacked > limit:
            raise FileProblem(
                "file.xlsx_too_large", size=_megabytes(unpacked), limit=_megabytes(limit)
            )
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except FileProblem:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FileProblem("file.xlsx_unreadable", detail=type(error).__name__) from error
    try:
        sheet = workbook.worksheets[0]
        yield from sheet.iter_rows(values_only=True)
    except Exception as error:
        raise FileProblem("file.xlsx_unreadable", detail=type(error).__name__) from error
    finally:
        workbook.close()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell(value: Any) -> Any:
    """A cell as load_rows reads it: text restored from an extract's neutralisation."""
    if isinstance(value, str) and value[:1] == "'":
        return restore(value)
    return value


def _table(grid: Any, *, kind: str | None) -> Table:
    """Find the header row, map its cells to column names, and read the rows below it."""
    rows = iter(grid)
    header: Sequence[Any] | None = None
    header_row = 0
    for header_row, cells in enumerate(rows, start=1):
        if any(_header_name(cell) for cell in cells):
            header = cells
            break
        if header_row >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        if header_row == 0:
            raise FileProblem("file.empty")
        kind_names = KIND_NAMES.get(kind or "members", KIND_NAMES["members"])
        example = ", ".join(EXTRACT_COLUMNS[kind or "members"][:4])
        raise FileProblem(
            "file.no_header", kind_vi=kind_names["vi"], kind_en=kind_names["en"], example=example
        )
    allowed = set(EXTRACT_COLUMNS[kind]) if kind else set(_HEADER_NAMES.values())
    positions: list[tuple[int, str]] = []
    seen: dict[str, str] = {}
    table = Table(columns=[], headers={}, header_row=header_row)
    unnamed: list[int] = []
    for index, cell in enumerate(header):
        written = "" if cell is None else str(cell).strip()
        address = f"{_column_letter(index)}{header_row}"
        if not written:
            unnamed.append(index)
            continue
        name = _header_name(written)
        if name is None or name not in allowed:
            if fold(written) not in _IGNORED_HEADERS:
                table.unknown.append((written, address))
            continue
        if name in seen:
            table.duplicates.append((name, seen[name], written))
            continue
        seen[name] = written
        positions.append((index, name))
    table.columns = [name for _, name in positions]
    table.headers = dict(seen)
    width = len(header)
    unnamed_used: set[int] = set()
    for number, cells in enumerate(rows, start=header_row + 1):
        if all(_blank(cell) for cell in cells):
            continue
        if len(cells) > width and any(not _blank(cell) for cell in cells[width:]):
            table.problems.append(
                RowProblem.of(
                    number,
                    "*",
                    next(cell for cell in cells[width:] if not _blank(cell)),
                    DataProblem("row.too_many_cells", cells=len(cells), columns=width),
                )
            )
            continue
        unnamed_used.update(i for i in unnamed if i < len(cells) and not _blank(cells[i]))
        size = len(cells)
        table.rows.append(
            {
                name: _cell(value) if (value := cells[index] if index < size else None) else value
                for index, name in positions
            }
        )
        table.row_numbers.append(number)
    for index in sorted(unnamed_used):
        table.unknown.append(("", f"{_column_letter(index)}{header_row}"))
    return table


def _header_name(cell: Any) -> str | None:
    if cell is None:
        return None
    return _HEADER_NAMES.get(fold(str(cell)))


def _column_letter(index: int) -> str:
    """Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def header_problems(table: Table, *, kind: str) -> list[RowProblem]:
    """Unknown, doubled and missing columns, as problems of the header row."""
    problems: list[RowProblem] = []
    names = KIND_NAMES[kind]
    template = list(EXTRACT_COLUMNS[kind])
    for written, address in table.unknown:
        label = written or f"({address})"
        suggestions = difflib.get_close_matches(fold(written), [fold(c) for c in template], n=1)
        shown = [c for c in template if fold(c) in suggestions]
        problems.append(
            RowProblem.of(
                table.header_row,
                label,
                written,
                DataProblem(
                    "header.unknown_column",
                    value=quote(label),
                    kind_vi=names["vi"],
                    kind_en=names["en"],
                    **hint(shown),
                ),
            )
        )
    for name, first, second in table.duplicates:
        problems.append(
            RowProblem.of(
                table.header_row,
                name,
                second,
                DataProblem(
                    "header.duplicate_column", column=name, first=quote(first), second=quote(second)
                ),
            )
        )
    present = set(table.columns)
    for alternatives in REQUIRED_COLUMNS[kind]:
        if not present.intersection(alternatives):
            name = alternatives[0]
            problems.append(
                RowProblem.of(
                    table.header_row,
                    name,
                    "",
                    DataProblem(
                        "header.missing_column", column=name, label=column_label(kind, name)
                    ),
                )
            )
    return problems


# Import, preview ----------------------------------------------------------------------------


def checksum(data: bytes) -> str:
    """SHA-256 of the file's bytes, recorded with its load."""
    return hashlib.sha256(data).hexdigest()


def import_file(
    *,
    session: Session,
    kind: str,
    data: bytes,
    file_name: str,
    created_by: str,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> LoadSummary:
    """Read a file and load its rows; raises FileProblem or LoadRejected, writing nothing then."""
    _check_kind(kind)
    check_size(len(data))
    if progress is not None:
        progress(0.0)
    table = read_file(data, file_name=file_name, kind=kind)
    problems = header_problems(table, kind=kind)
    if problems:
        raise LoadRejected(problems + table.problems)

    def scaled(fraction: float) -> None:
        if progress is not None:
            progress(READ_SHARE + (1 - READ_SHARE) * fraction)

    if progress is not None:
        progress(READ_SHARE)
    if table.problems:
        _, found = validate_rows(
            session=session, kind=kind, rows=table.rows, row_numbers=table.row_numbers
        )
        raise LoadRejected(sorted(table.problems + found, key=lambda problem: problem.row))
    batch = BatchInfo(file_name=file_name, checksum=checksum(data), created_by=created_by)
    return load_rows(
        session=session,
        kind=kind,
        rows=table.rows,
        row_numbers=table.row_numbers,
        batch=batch,
        dry_run=dry_run,
        progress=scaled,
    )


def preview_file(
    *,
    session: Session,
    kind: str,
    data: bytes,
    file_name: str,
    created_by: str = "",
    limit: int = 20,
    progress: Progress | None = None,
) -> tuple[pd.DataFrame, list[RowProblem]]:
    """The first rows as read (index: spreadsheet row) and every problem; writes nothing."""
    # FileProblem for a file that cannot be read at all; `created_by` is accepted for symmetry
    # with import_file and not used.
    import pandas as pd

    _check_kind(kind)
    table = read_file(data, file_name=file_name, kind=kind)
    columns = [name for name in EXTRACT_COLUMNS[kind] if name in table.columns]
    frame = pd.DataFrame(
        [[_shown(row.get(name)) for name in columns] for row in table.rows[:limit]],
        columns=columns,
        index=pd.Index(table.row_numbers[:limit], name="row"),
        dtype=object,
    )
    problems = header_problems(table, kind=kind)
    if problems:
        return frame, problems + table.problems
    _, found = validate_rows(
        session=session,
        kind=kind,
        rows=table.rows,
        row_numbers=table.row_numbers,
        progress=progress,
    )
    return frame, sorted(table.problems + found, key=lambda problem: problem.row)


def _shown(value: Any) -> str:
    """A cell as text for the preview table (one type per column, for Arrow)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y") if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


def phase_of(fraction: float) -> str:
    """The message id of what a load is doing at `fraction` of import_file's progress."""
    if fraction >= 1.0:
        return "phase.done"
    if fraction < READ_SHARE:
        return "phase.reading"
    if fraction < READ_SHARE + (1 - READ_SHARE) * VALIDATION_SHARE:
        return "phase.checking"
    return "phase.writing"


# History and undo ---------------------------------------------------------------------------


def list_loads(*, session: Session, limit: int = 100) -> pd.DataFrame:
    """The latest loads, newest first: who loaded which file when, with what result."""
    import pandas as pd

    statement = select(ImportBatch).order_by(col(ImportBatch.id).desc()).limit(limit)
    batches = session.scalars(statement).all()
    records = [{name: getattr(batch, name) for name in LOAD_COLUMNS} for batch in batches]
    return pd.DataFrame.from_records(records, columns=list(LOAD_COLUMNS))


_TABLES: dict[str, type[SQLModel]] = {
    "organizations": Organization,
    "members": Membership,
    "aid": Aid,
    "exchanges": Exchange,
}


def undo_load(*, session: Session, batch_id: int, user: str) -> UndoSummary:
    """Reverse a whole load in one transaction: its new rows go, its updated rows come back."""
    # Refused (UndoRefused) when there is no such load, when it is undone already, or when a
    # later load still in place changed rows this load wrote (that one must be undone first).
    try:
        summary = _undo(session, batch_id, user)
    except BaseException:
        session.rollback()
        raise
    session.commit()
    return summary


def _undo(session: Session, batch_id: int, user: str) -> UndoSummary:
    take_load_lock(session)
    # The first statement writes, so SQLite takes its write lock before anything is read.
    claimed = session.execute(
        update(ImportBatch)
        .where(col(ImportBatch.id) == batch_id, col(ImportBatch.undone_at).is_(None))
        .values(undone_at=datetime.now(UTC), undone_by=user[:80])
    )
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise UndoRefused("undo.not_found", batch=batch_id)
    if not claimed.rowcount:  # type: ignore[attr-defined]
        when = batch.undone_at.strftime("%d/%m/%Y %H:%M UTC") if batch.undone_at else "?"
        raise UndoRefused("undo.already_undone", batch=batch_id, when=when, user=batch.undone_by)
    model = _TABLES[batch.kind]
    table = model.__table__  # type: ignore[attr-defined]
    _refuse_if_changed_later(session, batch_id, table.name)
    changes = session.execute(
        select(col(RowChange.row_id), col(RowChange.previous)).where(
            col(RowChange.batch_id) == batch_id, col(RowChange.table_name) == table.name
        )
    ).all()
    restored = [_typed_row(table, json.loads(previous)) for _, previous in changes]
    created_organizations: list[int] = []
    if batch.kind == "members":
        created_organizations = [
            organization_id
            for organization_id in session.scalars(
                select(col(Organization.id)).where(col(Organization.batch_id) == batch_id)
            )
            if organization_id is not None
        ]
    added_ids = set(
        session.scalars(select(table.c.id).where(table.c.batch_id == batch_id)).all()
    ) - {row["id"] for row in restored}
    organization_ids = set(created_organizations)
    if batch.kind == "organizations":
        organization_ids = added_ids
    _refuse_if_organizations_in_use(session, batch_id, organization_ids, batch.kind)
    years: set[int] = set()  # of the rows this undo removes or puts back, before and after
    if "year" in table.c:
        years.update(
            session.scalars(select(table.c.year).where(table.c.batch_id == batch_id).distinct())
        )
        years.update(row["year"] for row in restored)
    for start in range(0, len(restored), 1000):
        session.execute(update(model), restored[start : start + 1000])
    removed = 0
    ids = sorted(added_ids)
    for start in range(0, len(ids), 1000):
        result = session.execute(delete(table).where(table.c.id.in_(ids[start : start + 1000])))
        removed += result.rowcount  # type: ignore[attr-defined]
    organizations_removed = 0
    if created_organizations:
        result = session.execute(
            delete(Organization).where(col(Organization.id).in_(created_organizations))
        )
        organizations_removed = result.rowcount  # type: ignore[attr-defined]
    refresh_rollups(session=session, fact=table.name, years=years)
    return UndoSummary(
        batch_id=batch_id,
        kind=batch.kind,
        rows_removed=removed,
        rows_restored=len(restored),
        organizations_removed=organizations_removed,
    )


def _refuse_if_changed_later(session: Session, batch_id: int, table_name: str) -> None:
    """Later loads still in place that overwrote rows last written by this one."""
    later = session.execute(
        select(col(RowChange.batch_id), col(RowChange.previous))
        .join(ImportBatch, col(ImportBatch.id) == col(RowChange.batch_id))
        .where(
            col(RowChange.batch_id) > batch_id,
            col(RowChange.table_name) == table_name,
            col(ImportBatch.undone_at).is_(None),
        )
    ).all()
    blocking: dict[int, int] = {}
    for later_id, previous in later:
        if json.loads(previous).get("batch_id") == batch_id:
            blocking[later_id] = blocking.get(later_id, 0) + 1
    if blocking:
        raise UndoRefused(
            "undo.later_loads",
            batch=batch_id,
            later=", ".join(f"#{number}" for number in sorted(blocking)),
            rows=sum(blocking.values()),
        )


def _refuse_if_organizations_in_use(
    session: Session, batch_id: int, organization_ids: set[int], kind: str
) -> None:
    """Organisations this load created that rows of other loads still point to."""
    if not organization_ids:
        return
    ids = sorted(organization_ids)
    users: set[int | None] = set()
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        users.update(
            session.scalars(
                select(col(Membership.batch_id)).where(
                    col(Membership.organization_id).in_(chunk),
                    col(Membership.batch_id) != batch_id,
                )
            ).all()
        )
        users.update(
            session.scalars(
                select(col(Organization.batch_id)).where(
                    col(Organization.parent_id).in_(chunk),
                    col(Organization.id).not_in(ids),
                )
            ).all()
        )
    if users:
        raise UndoRefused(
            "undo.organizations_in_use",
            batch=batch_id,
            count=len(ids),
            later=", ".join(f"#{number}" for number in sorted(u for u in users if u)) or "?",
        )


def _typed_row(table: Any, values: dict[str, Any]) -> dict[str, Any]:
    """A row read back from its JSON copy, each value in its column's Python type."""
    row: dict[str, Any] = {}
    for column in table.columns:
        value = values.get(column.name)
        if value is None:
            row[column.name] = None
            continue
        try:
            python_type = column.type.python_type
        except NotImplementedError:
            python_type = str
        if python_type is datetime:
            row[column.name] = datetime.fromisoformat(value)
        elif python_type is date:
            row[column.name] = date.fromisoformat(value)
        elif python_type is Decimal:
            row[column.name] = Decimal(str(value))
        elif python_type is int and not isinstance(value, bool):
            row[column.name] = int(value)
        else:
            row[column.name] = value
    return row


# Templates ----------------------------------------------------------------------------------


def template_bytes(kind: str, fmt: str) -> bytes:
    """An empty file with the extract's columns: CSV header, or XLSX with a guide sheet."""
    _check_kind(kind)
    if fmt == "csv":
        return BOM + (",".join(EXTRACT_COLUMNS[kind]) + "\r\n").encode("utf-8")
    if fmt == "xlsx":
        return _template_xlsx(kind)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def column_status(kind: str, name: str) -> tuple[str, str]:
    """Whether a column must be filled in, as (vi, en) text for the guide."""
    if name == "source":
        return IGNORED_LABEL["vi"], IGNORED_LABEL["en"]
    if name in DERIVED_COLUMNS or (kind == "exchanges" and name == "year"):
        return DERIVED_LABEL["vi"], DERIVED_LABEL["en"]
    for alternatives in REQUIRED_COLUMNS[kind]:
        if name in alternatives:
            if len(alternatives) == 1:
                return REQUIRED_LABEL["vi"], REQUIRED_LABEL["en"]
            other = ", ".join(a for a in alternatives if a != name)
            return ONE_OF_LABEL["vi"].format(other=other), ONE_OF_LABEL["en"].format(other=other)
    return OPTIONAL_LABEL["vi"], OPTIONAL_LABEL["en"]


def _both(message_id: str, **params: Any) -> str:
    return f"{render(message_id, 'vi', params)} / {render(message_id, 'en', params)}"


def _template_xlsx(kind: str) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False})
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    required = workbook.add_format(
        {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#FFF2CC"}
    )
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    text_cells = workbook.add_format({"num_format": "@"})
    date_cells = workbook.add_format({"num_format": "dd/mm/yyyy"})
    columns: tuple[ExtractColumn, ...] = extract_columns(kind)
    sheet = workbook.add_worksheet(DATA_SHEET)
    sheet.freeze_panes(1, 0)
    for index, column in enumerate(columns):
        status_vi, _ = column_status(kind, column.name)
        is_required = status_vi.startswith(REQUIRED_LABEL["vi"])
        # Codes typed as text keep their leading zero ("04"); dates show as dd/mm/yyyy.
        cell_format = (
            date_cells if column.type == "date" else text_cells if column.type == "text" else None
        )
        sheet.set_column(index, index, 28 if column.type == "text" else 14, cell_format)
        sheet.write_string(0, index, column.header_vi, required if is_required else bold)
    guide = workbook.add_worksheet(GUIDE_SHEET)
    widths = (24, 34, 30, 60, 50)
    for index, width in enumerate(widths):
        guide.set_column(index, index, width)
    for index, title in enumerate(GUIDE_TITLES):
        guide.write_string(0, index, title, bold)
    for number, column in enumerate(columns, start=1):
        status_vi, status_en = column_status(kind, column.name)
        forms_vi, forms_en = COLUMN_GUIDE.get(column.name, ("", ""))
        guide.write_string(number, 0, column.name, wrap)
        guide.write_string(number, 1, column.header_vi, wrap)
        guide.write_string(number, 2, f"{status_vi} / {status_en}", wrap)
        guide.write_string(number, 3, forms_vi, wrap)
        guide.write_string(number, 4, forms_en, wrap)
    notes_row = len(columns) + 2
    limit = _megabytes(max_upload_bytes())
    notes = [_both("template.note_headers"), _both("template.note_limit", limit=limit)]
    for offset, note in enumerate(notes):
        guide.write_string(notes_row + offset, 0, note)
    workbook.close()
    return buffer.getvalue()
