"""A person's file loaded or previewed: read, its header checked, its rows validated, written.

A file loaded twice changes nothing the second time; the second load is still recorded, with
0 added, 0 updated and every row unchanged, so the history shows who loaded what and when.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from datastore.extracts import EXTRACT_COLUMNS
from datastore.load.files import check_size, read_file
from datastore.load.headers import header_problems
from datastore.load.problems import LoadRejected, RowProblem
from datastore.load.records import VALIDATION_SHARE, Progress, validate_rows
from datastore.load.replace import check_replaceable
from datastore.load.write import BatchInfo, LoadSummary, load_rows
from datastore.vocabulary import DataKind, as_kind
from i18n.formatting import format_day

if TYPE_CHECKING:
    import pandas as pd

READ_SHARE = 0.1  # of the progress bar


def checksum(data: bytes) -> str:
    """SHA-256 of the file's bytes, recorded with its load."""
    return hashlib.sha256(data).hexdigest()


def import_file(
    *,
    session: Session,
    kind: DataKind,
    data: bytes,
    file_name: str,
    created_by: str,
    dry_run: bool = False,
    progress: Progress | None = None,
    max_bytes: int | None = None,
    replaces: int | None = None,
) -> LoadSummary:
    """Read a file and load its rows; raises FileProblem or LoadRejected, writing nothing then.

    `max_bytes` replaces the configured upload limit (the benchmark loads larger files).
    `replaces`: an earlier load of `kind` that this file replaces (ReplaceRefused if it may not).
    """
    as_kind(kind)
    check_size(len(data), max_bytes)
    if replaces is not None:  # refused before the file is read; checked again under the lock
        check_replaceable(session=session, batch_id=replaces, kind=kind)
        session.rollback()
    if progress is not None:
        progress(0.0)
    table = read_file(
        data, file_name=file_name, kind=kind, max_bytes=max_bytes, tick=_tick(progress)
    )
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
        raise LoadRejected(_together(table.problems, found))
    batch = BatchInfo(
        file_name=file_name, checksum=checksum(data), created_by=created_by, replaces=replaces
    )
    summary = load_rows(
        session=session,
        kind=kind,
        rows=table.rows,
        row_numbers=table.row_numbers,
        batch=batch,
        dry_run=dry_run,
        progress=scaled,
    )
    summary.sheet = table.sheet
    return summary


def preview_file(
    *,
    session: Session,
    kind: DataKind,
    data: bytes,
    file_name: str,
    created_by: str = "",
    limit: int = 20,
    progress: Progress | None = None,
) -> tuple[pd.DataFrame, list[RowProblem]]:
    """The first rows as read (index: spreadsheet row) and every problem; writes nothing."""
    # FileProblem for a file that cannot be read at all; `created_by` is accepted for symmetry
    # with import_file and not used. The frame's attrs["sheet"] names the workbook's sheet read.
    import pandas as pd

    as_kind(kind)
    table = read_file(data, file_name=file_name, kind=kind, tick=_tick(progress))
    columns = [name for name in EXTRACT_COLUMNS[kind] if name in table.columns]
    frame = pd.DataFrame(
        [[_shown(row.get(name)) for name in columns] for row in table.rows[:limit]],
        columns=columns,
        index=pd.Index(table.row_numbers[:limit], name="row"),
        dtype=object,
    )
    frame.attrs["sheet"] = table.sheet  # the workbook's sheet read, for the page to name
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
    return frame, _together(table.problems, found)


def _tick(progress: Progress | None) -> Callable[[], None] | None:
    """While a workbook is read: progress at its start, which lets the web page cancel it."""
    if progress is None:
        return None
    report = progress
    return lambda: report(0.0)


def _together(read: list[RowProblem], found: list[RowProblem]) -> list[RowProblem]:
    """The problems of reading and of checking, in file order, each cell reported once."""
    # A formula without a result is read as a blank: its cell is not also "required".
    cells = {(problem.row, problem.column) for problem in read}
    found = [problem for problem in found if (problem.row, problem.column) not in cells]
    return sorted(read + found, key=lambda problem: problem.row)


def _shown(value: Any) -> str:
    """A cell as text for the preview table (one type per column, for Arrow)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_day(value) if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return format_day(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def phase_of(fraction: float) -> str:
    """The message id of what a load is doing at `fraction` of import_file's progress."""
    if fraction >= 1.0:
        return "phase.done"
    if fraction < READ_SHARE:
        return "phase.reading"
    if fraction < READ_SHARE + (1 - READ_SHARE) * VALIDATION_SHARE:
        return "phase.checking"
    return "phase.writing"
