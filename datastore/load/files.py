"""Reading the files people send: CSV or XLSX, told apart by their content, not their name.

Accepted: CSV in UTF-8 with or without a byte-order mark, or Excel's "Unicode Text" (UTF-16 with
a byte-order mark, tab-separated), separator `,`, `;` or tab, whichever the header row uses; XLSX,
the first visible sheet as Excel shows it (datastore.load.workbooks). Anything else (PDF, .xls,
.ods, Word, images, legacy Vietnamese encodings such as TCVN3 or VNI, an empty file) is refused
as a whole with a FileProblem saying what to do. Files larger than the upload limit
(DDN_MAX_UPLOAD_MB, or the caller's own) are refused before anything in them is read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from datastore.config import settings
from datastore.export import BOM
from datastore.load.headers import Table, table_of
from datastore.load.problems import FileProblem
from datastore.load.workbooks import SheetRows, formula_problems
from datastore.vocabulary import DataKind
from i18n.formatting import format_file_size_plain, quote

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def max_upload_bytes() -> int:
    """The size limit of an uploaded file: DDN_MAX_UPLOAD_MB megabytes (default 20)."""
    return int(settings().max_upload_mb * 1024 * 1024)


def read_table(
    data: bytes, *, file_name: str, kind: DataKind | None = None
) -> list[dict[str, Any]]:
    """The rows of a CSV or XLSX file, keyed by column name; raises FileProblem."""
    # Unknown columns are left out here; import_file and preview_file report them.
    return read_file(data, file_name=file_name, kind=kind).rows


def read_file(
    data: bytes,
    *,
    file_name: str,
    kind: DataKind | None = None,
    max_bytes: int | None = None,
    tick: Callable[[], None] | None = None,
) -> Table:
    """The whole file as read (rows, their row numbers, header findings); raises FileProblem.

    `max_bytes` replaces the configured upload limit (the benchmark loads larger files); `tick`
    is called every few thousand rows of a workbook, where the caller may cancel the read.
    """
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    check_size(len(data), limit)
    if not data:
        raise FileProblem("file.empty")
    grid = _grid(data, limit, kind, tick)
    table = table_of(grid, kind=kind)
    if isinstance(grid, SheetRows):
        table.sheet = grid.sheet
        if grid.unevaluated:
            formula_problems(table)
    if not table.rows and not table.problems:
        raise FileProblem("file.no_rows")
    return table


def check_size(size: int, limit: int | None = None) -> None:
    """Refuse a file over the limit (the configured one by default), before reading it."""
    limit = max_upload_bytes() if limit is None else limit
    if size > limit:
        raise FileProblem(
            "file.too_large", size=format_file_size_plain(size), limit=format_file_size_plain(limit)
        )


def _grid(data: bytes, limit: int, kind: DataKind | None, tick: Callable[[], None] | None) -> Any:
    """The cells of the file, row by row, as an iterator of sequences."""
    if data.startswith(b"%PDF"):
        raise FileProblem("file.pdf")
    if data.startswith(_OLE2):
        raise FileProblem("file.xls")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return SheetRows(data, limit=limit, kind=kind, tick=tick)
    return _csv_rows(_decode(data), limit)


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


class _Lines:
    """The lines of a text for csv.reader, telling whether the reader asked past the last."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.exhausted = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        try:
            return next(self._lines)
        except StopIteration:
            self.exhausted = True
            raise


def _csv_rows(text: str, limit: int) -> Any:
    """Rows of CSV text; the separator is the one the first line uses most."""
    first_line = text.split("\n", 1)[0]
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    separator = max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","
    # A long cell is a problem of its row (too long for its column), not of the whole file.
    csv.field_size_limit(max(csv.field_size_limit(), limit))
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=separator)
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            if lines.exhausted:
                # A row ends at its line's end; one that needed the end of the file had a
                # quotation mark opening its last cell and nothing closing it.
                opened = row[-1] if row else ""
                shown = opened.split("\n", 1)[0].strip()
                raise FileProblem(
                    "file.csv_unclosed_quote",
                    row=number,
                    cell=quote(shown[:40] + ("…" if len(shown) > 40 else "")),
                )
            yield row
    except csv.Error as error:
        raise FileProblem("file.csv_unreadable", row=number + 1, detail=str(error)) from error
