"""Workbooks read as a person sees them in Excel: every row whatever the `<dimension>` tag says,
formulas by their stored result (or a problem naming the cell), the first visible sheet (named
in the summary), and a sparse or oversized sheet refused at its first stray value.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from sqlalchemy import func
from sqlmodel import Session, select

from datastore.load.files import read_file
from datastore.load.imports import import_file, preview_file
from datastore.load.problems import FileProblem, LoadRejected
from datastore.load.workbooks import EXCEL_MAX_ROWS, TICK_ROWS, max_columns
from datastore.models.facts import Membership
from tests.utils.bad_files import COLUMNS, rows
from tests.utils.cli import run_cli

# The members fixture: 9 rows in columns A..F.
HEADER: list[Any] = list(COLUMNS["members"])
BODY: list[list[Any]] = [[row.get(name) for name in HEADER] for row in rows("members")]


def workbook_bytes(
    sheets: list[tuple[str, list[list[Any]]]], *, hidden: tuple[str, ...] = ()
) -> bytes:
    """A workbook written by openpyxl, its sheets in order, some hidden."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, lines in sheets:
        sheet = workbook.create_sheet(title)
        for line in lines:
            sheet.append(line)
        if title in hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def patched(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """The workbook with one of its zipped XML parts rewritten, as another tool might write it."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            target.writestr(info, change(body) if info.filename == name else body)
    return out.getvalue()


def with_dimension(data: bytes, ref: str) -> bytes:
    """The first sheet's `<dimension ref>` replaced by `ref`."""

    def change(xml: bytes) -> bytes:
        found = re.subn(rb'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>'.encode(), xml)
        assert found[1] == 1
        return found[0]

    return patched(data, "xl/worksheets/sheet1.xml", change)


def load(session: Session, data: bytes, name: str = "hoi_vien.xlsx") -> Any:
    return import_file(
        session=session, kind="members", data=data, file_name=name, created_by="cán bộ"
    )


def memberships(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Membership)) or 0)


# The <dimension> tag ------------------------------------------------------------------------


@pytest.mark.parametrize("ref", ["A1:F3", "A1:B10", "A1", "A1:F2"])
def test_a_stale_dimension_tag_loses_no_row_and_no_column(ref: str) -> None:
    data = with_dimension(workbook_bytes([("Số liệu", [HEADER, *BODY])]), ref)
    table = read_file(data, file_name="hoi_vien.xlsx", kind="members")
    assert table.columns == HEADER
    assert table.row_numbers == list(range(2, 2 + len(BODY)))
    assert [[row[name] for name in HEADER] for row in table.rows] == BODY


def test_a_workbook_claiming_two_rows_loads_all_of_them(session: Session) -> None:
    data = with_dimension(workbook_bytes([("Số liệu", [HEADER, *BODY])]), "A1:F3")
    before = memberships(session)
    summary = load(session, data)
    assert (summary.rows, summary.added) == (len(BODY), len(BODY))
    assert memberships(session) == before + len(BODY)


# Formulas -----------------------------------------------------------------------------------


def test_a_formula_without_a_stored_result_is_a_problem_naming_its_cell(
    session: Session,
) -> None:
    lines: list[list[Any]] = [HEADER, *BODY]
    lines[4] = [*lines[4][:4], "=100+11", lines[4][5]]  # E5, as openpyxl writes: no result
    before = memberships(session)
    with pytest.raises(LoadRejected) as rejected:
        load(session, workbook_bytes([("Số liệu", lines)]))
    assert [(p.row, p.column, p.value, p.message_id) for p in rejected.value.problems] == [
        (5, "members", "=100+11", "row.formula")
    ]
    assert "E5" in rejected.value.problems[0].reason
    assert "E5" in rejected.value.problems[0].reason_en
    assert memberships(session) == before


def _xlsxwriter_bytes(formula_value: Any, *, recalculate: bool) -> bytes:
    """Members written by XlsxWriter, E3 a formula with `formula_value` stored as its result."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer)
    sheet = workbook.add_worksheet("Số liệu")
    for index, line in enumerate([HEADER, *BODY]):
        sheet.write_row(index, 0, line)
    sheet.write_formula("E3", "=150+150", None, formula_value)
    sheet.write_formula("D3", '=IF(1>2,"x","")', None, "")
    workbook.close()
    data = buffer.getvalue()
    # Excel marks an empty text result `t="str"`, with an empty <v>: a blank cell on screen.
    data = patched(
        data,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b'<c r="D3">', b'<c r="D3" t="str">'),
    )
    if recalculate:
        return data
    # As Excel saves it once opened: results computed, no recalculation asked for.
    return patched(data, "xl/workbook.xml", lambda xml: xml.replace(b' fullCalcOnLoad="1"', b""))


def test_a_formula_reads_as_its_stored_result_and_an_empty_text_result_as_blank() -> None:
    table = read_file(_xlsxwriter_bytes(300, recalculate=False), file_name="x.xlsx", kind="members")
    assert table.rows[1]["members"] == 300
    assert table.rows[1]["partner_country"] is None
    assert not table.problems


def test_a_placeholder_result_the_workbook_asks_to_recalculate_is_a_problem() -> None:
    # XlsxWriter stores 0 for every formula and asks Excel to recompute on opening.
    table = read_file(_xlsxwriter_bytes(0, recalculate=True), file_name="x.xlsx", kind="members")
    assert [(p.row, p.column, p.value, p.message_id) for p in table.problems] == [
        (3, "partner_country", '=IF(1>2,"x","")', "row.formula_recalculated"),
        (3, "members", "=150+150", "row.formula_recalculated"),
    ]
    assert table.rows[1]["members"] is None


# Sheets -------------------------------------------------------------------------------------


def _hidden_first() -> bytes:
    decoy: list[list[Any]] = [HEADER, [2019, "Hà Nội", "Hội cũ", "Lào", 1, 1]]
    return workbook_bytes(
        [("Nháp", decoy), ("Số liệu", [HEADER, *BODY]), ("Khác", decoy)], hidden=("Nháp",)
    )


def test_the_first_visible_sheet_is_read_and_named(session: Session) -> None:
    table = read_file(_hidden_first(), file_name="x.xlsx", kind="members")
    assert table.sheet == "Số liệu"
    assert len(table.rows) == len(BODY)
    frame, problems = preview_file(
        session=session, kind="members", data=_hidden_first(), file_name="x.xlsx"
    )
    assert not problems
    summary = load(session, _hidden_first())
    assert (summary.sheet, summary.added) == ("Số liệu", len(BODY))
    assert frame.attrs["sheet"] == "Số liệu" and len(frame) == len(BODY)


def test_the_command_line_says_which_sheet_it_read(tmp_path: Any, database_url: str) -> None:
    path = tmp_path / "hoi_vien.xlsx"
    path.write_bytes(_hidden_first())
    result = run_cli("import", str(path), "--kind", "members", database_url=database_url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "“Số liệu”" in result.stdout
    assert "Nháp" not in result.stdout


def test_a_workbook_whose_sheets_are_all_hidden_is_refused() -> None:
    data = workbook_bytes([("Số liệu", [HEADER, *BODY])])
    # openpyxl refuses to save such a workbook: hide the sheet in the saved file instead.
    data = patched(
        data, "xl/workbook.xml", lambda xml: xml.replace(b'state="visible"', b'state="hidden"')
    )
    with pytest.raises(FileProblem) as refused:
        read_file(data, file_name="x.xlsx", kind="members")
    assert refused.value.message_id == "file.xlsx_no_visible_sheet"


# Bounds -------------------------------------------------------------------------------------


def _with_cell(address: str, value: Any = "x") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for line in [HEADER, *BODY]:
        sheet.append(line)
    sheet[address] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_one_value_at_the_last_cell_of_excel_is_refused_at_once_naming_it() -> None:
    data = _with_cell("XFD1048576")
    assert len(data) < 10_000
    with pytest.raises(FileProblem) as refused:
        read_file(data, file_name="x.xlsx", kind="members")
    assert refused.value.message_id == "file.sheet_too_wide"
    assert "XFD1048576" in refused.value.message_en and "“x”" in refused.value.message_vi


def test_a_value_just_inside_the_column_bound_is_read_as_a_row_problem() -> None:
    last = openpyxl.utils.get_column_letter(max_columns("members"))
    table = read_file(_with_cell(f"{last}5"), file_name="x.xlsx", kind="members")
    assert [p.message_id for p in table.problems] == ["row.too_many_cells"]
    beyond = openpyxl.utils.get_column_letter(max_columns("members") + 1)
    with pytest.raises(FileProblem, match=f"{beyond}5"):
        read_file(_with_cell(f"{beyond}5"), file_name="x.xlsx", kind="members")


def test_a_value_far_below_the_table_is_refused_when_the_file_cannot_hold_that_many_rows() -> None:
    data = _with_cell(f"A{EXCEL_MAX_ROWS}")
    with pytest.raises(FileProblem) as refused:
        read_file(data, file_name="x.xlsx", kind="members", max_bytes=20_000)
    assert refused.value.message_id == "file.sheet_too_long"
    assert f"A{EXCEL_MAX_ROWS}" in refused.value.message_en


def test_styled_empty_cells_far_away_are_not_read_and_not_refused() -> None:
    data = _with_cell("XFD1048576", value=" ")
    table = read_file(data, file_name="x.xlsx", kind="members")
    assert len(table.rows) == len(BODY) and not table.problems


class _Cancelled(BaseException):
    """As Streamlit stops a script: a BaseException raised from a call into Streamlit."""


def test_reading_a_workbook_calls_tick_and_a_cancel_from_it_stops_the_read() -> None:
    data = _with_cell(f"A{3 * TICK_ROWS}")
    ticks: list[int] = []
    table = read_file(data, file_name="x.xlsx", kind="members", tick=lambda: ticks.append(1))
    assert len(ticks) >= 2 and table.row_numbers[-1] == 3 * TICK_ROWS

    def cancel() -> None:
        raise _Cancelled

    with pytest.raises(_Cancelled):
        read_file(data, file_name="x.xlsx", kind="members", tick=cancel)
