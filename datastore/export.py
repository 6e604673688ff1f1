"""Extract writers: CSV (UTF-8 with BOM, the load format) and XLSX (one language, to be read).

The CSV is the same in every interface language: the English column names, codes and
Vietnamese names, exactly the columns the import reads. The XLSX is written in the interface
language (`readable`): headers, sheet names, the information sheet, country, sector and
partner-locality names, and a label beside the code of each coded value; every data sheet has
an autofilter over its rows and a frozen header row.

Formula neutralisation, the same in both formats so that a round trip is predictable: a text
cell whose first character, once any leading apostrophes are set aside, is one of
`= + - @ TAB CR` gets one more apostrophe in front (OWASP's advice against CSV injection). So
"=HYPERLINK(...)" is written "'=HYPERLINK(...)" and "'=x" is written "''=x"; `restore` removes
exactly one apostrophe again and gives back the original text in every case. Numbers and dates
are not text and are never altered; XLSX cells are written as strings, numbers or dates, never
as formulas.

Numbers in XLSX are written digit for digit from the database's exact value (84700.54 as
"84700.54", never XlsxWriter's 16-digit "84700.54000000001"). Excel keeps 15 significant digits
and any reader that goes through a double gives back every decimal of at most 15 digits
unchanged, so such a number is a number cell; a longer one (amount_vnd above 10^15) is written
as right-aligned text of its digits, which Excel would otherwise round on the next save and
which our own import reads back exactly.

CSV follows RFC 4180 as Excel reads it: a byte-order mark, commas, CRLF line ends, the English
column names as header, text cells in double quotes, numbers and ISO dates (yyyy-mm-dd) bare.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import xlsxwriter
from sqlalchemy.engine import Engine
from sqlmodel import Session
from xlsxwriter.worksheet import Worksheet

from datastore.extracts import EXTRACT_COLUMNS, arrow_schema
from datastore.extracts.readable import readable_columns, readable_table
from datastore.extracts.reading import DEFAULT_CHUNK_SIZE, data_date, iter_extract
from datastore.filters import Filters
from datastore.vocabulary import DataKind
from i18n.catalogue import Lang, t

FORMATS = ("csv", "xlsx")
BOM = b"\xef\xbb\xbf"
_DANGEROUS_FIRST = frozenset("=+-@\t\r")
# The same rule as `neutralise`, for Arrow (RE2 syntax; ^ is the start of the cell).
_DANGEROUS_START = r"^('*[=+\-@\t\r])"
XLSX_MAX_ROWS = 1_048_576  # Excel's limit per sheet, header included
EXCEL_DIGITS = 15  # significant digits a spreadsheet number keeps (Excel, and any double)
DATA_SHEET = t("extract.sheet.data", "vi")  # the load templates' sheet
INFO_SHEET = t("extract.sheet.info", "vi")
# Filters whose values are codes with a label, and the text-key prefix of the labels.
_FILTER_LABELS = {"measure": "measure", "direction": "direction", "kinds": "kind"}


def neutralise(text: str) -> str:
    """The text as it must appear in a spreadsheet so that it is never run as a formula."""
    if text.lstrip("'")[:1] in _DANGEROUS_FIRST:
        return "'" + text
    return text


def restore(text: str) -> str:
    """The inverse of `neutralise`, for reading an extract back in."""
    if text[:1] == "'" and text.lstrip("'")[:1] in _DANGEROUS_FIRST:
        return text[1:]
    return text


def neutralise_table(table: pa.Table) -> pa.Table:
    """Every text column of a chunk neutralised; other columns untouched."""
    columns = []
    for column in table.columns:
        # Finding costs a quarter of replacing, and most columns have nothing to replace.
        if (
            pa.types.is_string(column.type)
            and pc.any(pc.match_substring_regex(column, pattern=_DANGEROUS_START)).as_py()
        ):
            column = pc.replace_substring_regex(
                column, pattern=_DANGEROUS_START, replacement=r"'\1"
            )
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=table.schema)


# CSV ----------------------------------------------------------------------------------------


def write_csv(kind: DataKind, chunks: Iterable[pa.Table], out: BinaryIO) -> int:
    """Write an extract as CSV to a binary stream; returns the number of data rows."""
    out.write(BOM)
    out.write((",".join(EXTRACT_COLUMNS[kind]) + "\r\n").encode("utf-8"))
    options = pa_csv.WriteOptions(include_header=False, eol="\r\n", quoting_style="needed")
    rows = 0
    # Arrow's writer flushes but does not close a Python stream: the caller keeps it.
    with pa_csv.CSVWriter(out, arrow_schema(kind), write_options=options) as writer:
        for chunk in chunks:
            writer.write_table(neutralise_table(chunk))
            rows += chunk.num_rows
    return rows


# XLSX ---------------------------------------------------------------------------------------


def write_xlsx(
    kind: DataKind,
    chunks: Iterable[pa.Table],
    out: BinaryIO,
    *,
    filters: Filters,
    data_date: datetime | None,
    lang: Lang = "vi",
    sources: Iterable[str] | None = None,
    max_rows_per_sheet: int = XLSX_MAX_ROWS,
) -> int:
    """Write an extract as XLSX in `lang`: the data, then a sheet on what it holds.

    `chunks` are extract chunks taken in `lang`. `sources` defaults to the distinct values of
    the extract's source column. Rows beyond one sheet's limit continue on further data sheets,
    placed after the information sheet.
    """
    columns = readable_columns(kind, lang)
    workbook = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,  # each row goes to a temporary file once written
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    bold = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    by_type = {
        "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
        "int": workbook.add_format({"num_format": "#,##0"}),
        "decimal": workbook.add_format({"num_format": "#,##0.00"}),
    }
    # A year is a label, not a quantity: no thousands separator.
    formats = [None if c.source == "year" else by_type.get(c.type) for c in columns]
    datetime_format = workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"})

    long_number = workbook.add_format({"align": "right"})
    data_sheet = t("extract.sheet.data", lang)

    def add_data_sheet(number: int) -> Any:
        name = data_sheet if number == 1 else f"{data_sheet} {number}"
        sheet = workbook.add_worksheet(name, worksheet_class=ExactNumberSheet)
        sheet.freeze_panes(1, 0)
        for i, column in enumerate(columns):
            sheet.set_column(i, i, 28 if column.type == "text" else 14)
            sheet.write_string(0, i, column.header, bold)
        return sheet

    def close_data_sheet(sheet: Any, last_row: int) -> None:
        # The filter buttons sit on the header and cover every row written below it.
        sheet.autofilter(0, 0, last_row, len(columns) - 1)

    sheet = add_data_sheet(1)
    info = workbook.add_worksheet(t("extract.sheet.info", lang))
    seen_sources: set[str] = set()
    row_number, sheet_number, rows = 0, 1, 0
    # One write method per column, chosen once: strings stay strings, never formulas.
    writers = [_WRITERS[column.type] for column in columns]
    alternates = [long_number if column.type in ("int", "decimal") else None for column in columns]
    for chunk in chunks:
        seen_sources.update(s for s in pc.unique(chunk.column("source")).to_pylist() if s)
        shown = readable_table(kind, neutralise_table(chunk), lang)
        values = [_sheet_values(column) for column in shown.columns]
        for row in zip(*values, strict=True):
            row_number += 1
            if row_number >= max_rows_per_sheet:
                close_data_sheet(sheet, row_number - 1)
                sheet_number += 1
                sheet = add_data_sheet(sheet_number)
                row_number = 1
            for i, value in enumerate(row):
                if value is not None:
                    writers[i](sheet, row_number, i, value, formats[i], alternates[i])
        rows += chunk.num_rows
    close_data_sheet(sheet, row_number)

    listed = sorted(set(sources)) if sources is not None else sorted(seen_sources)
    _write_info(info, kind, filters, data_date, listed, rows, lang, bold, datetime_format)
    workbook.close()
    return rows


class ExactNumberSheet(Worksheet):  # type: ignore[misc] # xlsxwriter is untyped here
    """A worksheet that writes Decimal and int cells digit for digit."""

    # XlsxWriter formats every number with "%.16G": 84700.54 becomes 84700.54000000001, and an
    # integer above 2^53 is rounded through a float. Floats (dates) keep XlsxWriter's way.
    def _xml_number_element(self, number: Any, attributes: Any = ()) -> None:
        if isinstance(number, float):
            super()._xml_number_element(number, list(attributes))
            return
        attr = "".join(f' {key}="{value}"' for key, value in attributes)  # a cell name, an index
        self.fh.write(f"<c{attr}><v>{exact_digits(number)}</v></c>")


def exact_digits(number: Decimal | int) -> str:
    """The shortest plain decimal text of an exact number: 2000.00 -> "2000", 0.50 -> "0.5"."""
    if isinstance(number, int):
        return str(number)
    return f"{number.normalize():f}"


def fits_spreadsheet(number: Decimal | int) -> bool:
    """Whether a spreadsheet number cell holds `number` exactly (15 significant digits)."""
    if isinstance(number, int) and -(10**EXCEL_DIGITS) < number < 10**EXCEL_DIGITS:
        return True
    return len(Decimal(number).normalize().as_tuple().digits) <= EXCEL_DIGITS


def _write_text(sheet: Worksheet, row: int, col: int, value: str, fmt: Any, _: Any) -> None:
    sheet.write_string(row, col, value, fmt)


def _write_exact(
    sheet: Worksheet, row: int, col: int, value: Decimal | int, fmt: Any, long_fmt: Any
) -> None:
    if fits_spreadsheet(value):
        sheet.write_number(row, col, value, fmt)  # written exactly by ExactNumberSheet
    else:
        sheet.write_string(row, col, exact_digits(value), long_fmt)


def _write_date(sheet: Worksheet, row: int, col: int, value: Any, fmt: Any, _: Any) -> None:
    sheet.write_datetime(row, col, value, fmt)


_WRITERS: dict[str, Callable[..., None]] = {
    "text": _write_text,
    "int": _write_exact,
    "decimal": _write_exact,
    "date": _write_date,
}


def _sheet_values(column: pa.ChunkedArray) -> list[Any]:
    """Python values of a column: amounts as exact Decimals, counts as ints, dates as dates."""
    values: list[Any] = column.to_pylist()  # pyarrow is untyped
    return values


def _write_info(
    sheet: Any,
    kind: DataKind,
    filters: Filters,
    loaded_at: datetime | None,
    sources: list[str],
    rows: int,
    lang: Lang,
    bold: Any,
    datetime_format: Any,
) -> None:
    """The information sheet, in `lang`: what the extract is, its filters, how fresh, sources."""
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, 1, 80)
    sheet.write_string(0, 0, t("extract.info.item", lang), bold)
    sheet.write_string(0, 1, t("extract.info.value", lang), bold)
    entries: list[tuple[str, Any]] = [
        (t("extract.info.kind", lang), t(f"extract.kind.{kind}", lang)),
        (t("extract.info.rows", lang), rows),
        (t("extract.info.data_date", lang), loaded_at),
        (t("extract.info.extracted_at", lang), datetime.now(UTC)),
    ]
    entries += [
        (t(f"extract.filter.{name}", lang), filter_value(name, value, lang))
        for name, value in filters.as_rows()
    ]
    entries.append((t("extract.info.sources", lang), sources[0] if sources else "—"))
    entries += [("", source) for source in sources[1:]]
    entries.append((t("extract.info.notes", lang), t("extract.notes", lang)))
    for number, (label, value) in enumerate(entries, start=1):
        if label:
            sheet.write_string(number, 0, label, bold)
        if value is None:
            sheet.write_string(number, 1, "—")
        elif isinstance(value, datetime):
            sheet.write_datetime(number, 1, value.replace(tzinfo=None), datetime_format)
        elif isinstance(value, int):
            sheet.write_number(number, 1, value)
        else:
            sheet.write_string(number, 1, neutralise(str(value)))


def filter_value(name: str, value: str, lang: Lang) -> str:
    """A filter's value on the information sheet: coded values as "label (code)"."""
    prefix = _FILTER_LABELS.get(name)
    if prefix is None or value == "*":
        return value
    codes = value.split(", ")
    return ", ".join(f"{t(f'{prefix}.{code}', lang)} ({code})" for code in codes)


# Top level ----------------------------------------------------------------------------------


def export(
    kind: DataKind,
    *,
    session: Session | None = None,
    engine: Engine | None = None,
    filters: Filters,
    fmt: str = "csv",
    out: BinaryIO,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    lang: Lang = "vi",
) -> int:
    """Write the extract of one kind in `fmt` to `out`; returns the number of data rows.

    `lang` is the XLSX's language; the CSV, a load format, is the same in every language.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if session is None:
        if engine is None:
            raise ValueError("give a session or an engine")
        with Session(engine) as own_session:
            return export(
                kind,
                session=own_session,
                filters=filters,
                fmt=fmt,
                out=out,
                chunk_size=chunk_size,
                lang=lang,
            )
    if fmt == "csv":
        chunks = iter_extract(kind, session=session, filters=filters, chunk_size=chunk_size)
        return write_csv(kind, chunks, out)
    chunks = iter_extract(kind, session=session, filters=filters, chunk_size=chunk_size, lang=lang)
    loaded_at = data_date(session=session, kind=kind)
    return write_xlsx(kind, chunks, out, filters=filters, data_date=loaded_at, lang=lang)


def export_bytes(
    kind: DataKind, *, engine: Engine, filters: Filters, fmt: str = "csv", lang: Lang = "vi"
) -> bytes:
    """The extract as bytes, for a download button."""
    buffer = io.BytesIO()
    export(kind, engine=engine, filters=filters, fmt=fmt, out=buffer, lang=lang)
    return buffer.getvalue()


def file_name(kind: DataKind, *, filters: Filters, fmt: str, lang: Lang = "vi") -> str:
    """A file name that says what the extract holds, e.g. exchanges_p75_2019-.csv.

    The English workbook ends in _en; the CSV is the same file in both languages.
    """
    suffix = "_en" if fmt == "xlsx" and lang == "en" else ""
    return f"{kind}_{filters.slug()}{suffix}.{fmt}"


def iter_rows(chunks: Iterable[pa.Table]) -> Iterator[tuple[Any, ...]]:
    """The rows of extract chunks as Python tuples (dates, Decimals, None for missing)."""
    for chunk in chunks:
        yield from zip(*(column.to_pylist() for column in chunk.columns), strict=True)
