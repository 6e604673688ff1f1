"""Mapping a file's header row to the template's columns, and what is wrong with it.

The header row names the columns: the extract's column names (`partner_country`) or the
headers of the XLSX extract in either language (`Nước đối tác`), in any case and with or without
diacritics. Rows above the header (a title) and blank rows are skipped; row numbers are those
of the spreadsheet. "STT" (row number) and "Ghi chú" (notes) columns are ignored; any other
unknown column is a problem (a misspelt "memebers" must never be dropped silently), and so is
a missing required column. Cells an extract neutralised with a leading apostrophe are restored.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from datastore.export import restore
from datastore.extracts import EXTRACT_COLUMNS, extract_columns
from datastore.extracts.readable import CODE_HEADERS
from datastore.load.problems import FileProblem, RowProblem
from datastore.problems import DataProblem
from datastore.vietnamese import fold
from datastore.vocabulary import LOAD_ORDER, DataKind
from i18n.catalogue import hint
from i18n.formatting import quote
from i18n.texts.data_words import KIND_NAMES

HEADER_SEARCH_ROWS = 10  # a title may sit above the header row
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
# Columns people add to their sheets that hold no figures, and the codes the XLSX extract
# writes beside its labels (the label is read).
_IGNORED_HEADERS = frozenset({"stt", "tt", "sott", "no", "ghichu", "note", "notes"}) | {
    fold(header) for header in CODE_HEADERS
}


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
    sheet: str | None = None  # the workbook's sheet read; None for a CSV file


def _header_names() -> dict[str, str]:
    """Folded column name or Vietnamese header -> column name, over every kind."""
    names: dict[str, str] = {}
    for kind in LOAD_ORDER:
        for column in extract_columns(kind):
            # The XLSX extract's headers in either language.
            for label in (column.name, column.header("vi"), column.header("en")):
                key = fold(label)
                if names.setdefault(key, column.name) != column.name:
                    raise ValueError(f"header {label!r} names two columns")
    for key, name in _HEADER_ALIASES.items():
        if names.setdefault(key, name) != name:
            raise ValueError(f"header alias {key!r} names two columns")
    return names


_HEADER_NAMES = _header_names()


def column_label(kind: DataKind, name: str) -> str:
    """The Vietnamese header of a column in one kind's template."""
    for column in extract_columns(kind):
        if column.name == name:
            return column.header_vi
    return name


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def table_of(grid: Any, *, kind: DataKind | None) -> Table:
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
        address = f"{column_letter(index)}{header_row}"
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
        if len(cells) < width:  # a short row: its missing cells are blank
            cells = [*cells, *([None] * (width - len(cells)))]
        # Text an extract neutralised with a leading apostrophe, restored; written inline, as
        # this runs once per cell of the file.
        table.rows.append(
            {
                name: restore(value)
                if isinstance(value := cells[index], str) and value[:1] == "'"
                else value
                for index, name in positions
            }
        )
        table.row_numbers.append(number)
    for index in sorted(unnamed_used):
        table.unknown.append(("", f"{column_letter(index)}{header_row}"))
    return table


def _header_name(cell: Any) -> str | None:
    if cell is None:
        return None
    return _HEADER_NAMES.get(fold(str(cell)))


def column_letter(index: int) -> str:
    """Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def header_problems(table: Table, *, kind: DataKind) -> list[RowProblem]:
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
