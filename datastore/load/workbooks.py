"""Reading a workbook as a person sees it in Excel: the first visible sheet, every row, values.

The `<dimension>` tag a writer stores is not trusted (some tools leave a stale one, and
openpyxl's read-only mode would stop at it): the sheet's own rows are read. A formula gives its
stored result; one without a result (never opened in a spreadsheet program, or in a workbook
marked for recalculation on opening, whose stored results are placeholders) is a problem of its
row naming the cell. The cells are bounded while they are read, so a sparse or oversized sheet
(one value at XFD1048576 in a 5 KB file) is refused at its first stray value, not padded out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.worksheet._reader import FORMULA_TAG, VALUE_TAG, WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

from datastore.extracts import EXTRACT_COLUMNS
from datastore.load.headers import Table, column_letter
from datastore.load.problems import FileProblem, RowProblem
from datastore.problems import DataProblem
from datastore.vocabulary import DataKind
from i18n.formatting import format_file_size_plain, grouped, quote

# An XLSX is a zip: refuse one that unpacks to far more than any honest workbook.
XLSX_UNPACK_FACTOR = 20
EXCEL_MAX_ROWS = 1_048_576
# The fewest bytes of sheet XML a row holding values takes (`<row r="1"><c r="A1"><v>1</v>`...);
# a row number beyond what the unpacked size could describe row by row means empty rows
# skipped over, a sparse sheet.
MIN_ROW_XML_BYTES = 40
# A sheet of one kind holds its template's columns, an "STT" and notes, blank columns between:
# a value further right than this many times the template's width is no table of ours.
COLUMN_FACTOR = 3
TICK_ROWS = 2_000  # rows between two calls of `tick`, which lets the caller cancel the read


def max_columns(kind: DataKind | None) -> int:
    """The rightmost column a sheet of `kind` (any kind: None) may hold a value in."""
    kinds = [kind] if kind else list(EXTRACT_COLUMNS)
    return COLUMN_FACTOR * max(len(EXTRACT_COLUMNS[name]) for name in kinds)


def max_rows(limit: int) -> int:
    """The last row a workbook within the upload limit `limit` may hold a value in."""
    return min(EXCEL_MAX_ROWS, XLSX_UNPACK_FACTOR * limit // MIN_ROW_XML_BYTES)


@dataclass(frozen=True)
class Unevaluated:
    """A formula cell whose result is not in the file: Excel would show something else."""

    cell: str  # its address, "C5"
    formula: str  # "=A5*B5"; "=" alone for a cell sharing another cell's formula
    recalculated: bool  # a result is stored, but the workbook asks Excel to recompute it

    def __str__(self) -> str:
        return self.formula


class _CellParser(WorkSheetParser):  # type: ignore[misc]  # openpyxl is untyped
    """openpyxl's sheet parser, telling a formula's missing result from a blank cell."""

    recalculated = False  # the workbook asks to recompute every formula when opened
    unevaluated = 0  # formula cells without a result seen so far

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = super().parse_cell(element)
        formula = element.find(FORMULA_TAG)
        if formula is None:
            return cell
        # Excel stores an empty text result as `t="str"` with an empty <v>: a real blank.
        empty_text = cell["data_type"] == "str" and element.find(VALUE_TAG) is not None
        stored = cell["value"] is not None or empty_text
        if self.recalculated or not stored:
            address = f"{column_letter(cell['column'] - 1)}{cell['row']}"
            self.unevaluated += 1
            cell["value"] = Unevaluated(
                cell=address, formula="=" + (formula.text or ""), recalculated=stored
            )
        return cell


class SheetRows:
    """The rows of a workbook's first visible sheet, as values; `sheet` names it."""

    def __init__(
        self,
        data: bytes,
        *,
        limit: int,
        kind: DataKind | None,
        tick: Callable[[], None] | None = None,
    ):
        self.limit = limit
        self.columns = max_columns(kind)
        self.tick = tick
        self.unevaluated = 0  # formula cells without a result, known once the rows are read
        self.workbook, self.recalculated = _open(data, limit)
        try:
            visible = [s for s in self.workbook.worksheets if s.sheet_state == "visible"]
            if not visible:
                raise FileProblem("file.xlsx_no_visible_sheet")
            self._sheet = visible[0]  # what Excel shows on opening, whichever tab is active
            self.sheet = str(self._sheet.title)
        except BaseException:
            self.workbook.close()
            raise

    def __iter__(self) -> Iterator[Sequence[Any]]:
        try:
            yield from self._rows()
        except FileProblem:
            raise
        except Exception as error:  # openpyxl raises many kinds for a damaged sheet
            raise FileProblem("file.xlsx_unreadable", detail=type(error).__name__) from error
        finally:
            self.workbook.close()

    def _rows(self) -> Iterator[Sequence[Any]]:
        workbook, last_row = self.workbook, max_rows(self.limit)
        with self._sheet._get_source() as source:
            parser = _CellParser(
                source,
                self._sheet._shared_strings,
                data_only=True,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            parser.recalculated = self.recalculated
            done = 0  # rows given so far, the blank rows in between included
            for number, cells in parser.parse():
                values = [(c["column"], c["value"]) for c in cells if _holds_value(c["value"])]
                if not values:
                    continue  # styled but empty: nothing a person sees, no reason to pad to it
                self._check_bounds(number, values, last_row)
                if number <= done:
                    raise FileProblem("file.xlsx_unreadable", detail=f"row {number} out of order")
                while done < number - 1:
                    done += 1
                    yield ()
                    self._ticked(done)
                row: list[Any] = [None] * max(column for column, _ in values)
                for column, value in values:
                    row[column - 1] = value
                done = number
                yield row
                self._ticked(done)
            self.unevaluated = parser.unevaluated

    def _check_bounds(self, number: int, values: list[tuple[int, Any]], last_row: int) -> None:
        """Refuse the first value outside the bounds, before any padding is built for it."""
        column, value = max(values, key=lambda found: found[0])
        if column > self.columns:
            raise FileProblem(
                "file.sheet_too_wide",
                sheet=quote(self.sheet),
                cell=f"{column_letter(column - 1)}{number}",
                value=quote(value),
                columns=self.columns,
                last=column_letter(self.columns - 1),
            )
        if number > last_row:
            raise FileProblem(
                "file.sheet_too_long",
                sheet=quote(self.sheet),
                cell=f"{column_letter(values[0][0] - 1)}{number}",
                value=quote(values[0][1]),
                rows=grouped(last_row),
            )

    def _ticked(self, done: int) -> None:
        if self.tick is not None and done % TICK_ROWS == 0:
            self.tick()


def _holds_value(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _open(data: bytes, limit: int) -> tuple[Any, bool]:
    """The workbook, read-only, and whether it asks for every formula to be recalculated."""
    # FileProblem for anything that is not an honest XLSX.
    import openpyxl
    from openpyxl.xml.functions import fromstring

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            if "mimetype" in names and b"opendocument" in archive.read("mimetype"):
                raise FileProblem("file.ods")
            raise FileProblem("file.zip")
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > XLSX_UNPACK_FACTOR * limit:
            raise FileProblem(
                "file.xlsx_too_large",
                size=format_file_size_plain(unpacked),
                limit=format_file_size_plain(XLSX_UNPACK_FACTOR * limit),
            )
        # Read here: openpyxl takes a missing fullCalcOnLoad for "1", Excel for "0".
        calculation = fromstring(archive.read("xl/workbook.xml")).find(f"{{{SHEET_MAIN_NS}}}calcPr")
        recalculated = calculation is not None and calculation.get("fullCalcOnLoad") in (
            "1",
            "true",
        )
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        return workbook, recalculated
    except FileProblem:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FileProblem("file.xlsx_unreadable", detail=type(error).__name__) from error


def formula_problems(table: Table) -> None:
    """Turn every formula without a result into a problem of its row, naming the cell."""
    for index, row in enumerate(table.rows):
        for name, value in row.items():
            if isinstance(value, Unevaluated):
                message_id = "row.formula_recalculated" if value.recalculated else "row.formula"
                problem = DataProblem(message_id, cell=value.cell, formula=quote(value.formula))
                table.problems.append(
                    RowProblem.of(table.row_numbers[index], name, value.formula, problem)
                )
                row[name] = None
    table.problems.sort(key=lambda problem: problem.row)
