"""Empty files to fill in: the extract's columns as CSV, or XLSX with a guide sheet."""

from __future__ import annotations

import io

from datastore.export import BOM, DATA_SHEET
from datastore.extracts import EXTRACT_COLUMNS, ExtractColumn, extract_columns
from datastore.load.files import max_upload_bytes
from datastore.load.headers import REQUIRED_COLUMNS
from datastore.vocabulary import DataKind, as_kind
from i18n.catalogue import bilingual
from i18n.formatting import format_file_size_plain
from i18n.texts.template_guide import (
    COLUMN_GUIDE,
    DERIVED_LABEL,
    GUIDE_TITLES,
    IGNORED_LABEL,
    ONE_OF_LABEL,
    OPTIONAL_LABEL,
    REQUIRED_LABEL,
)

FORMATS = ("csv", "xlsx")
GUIDE_SHEET = bilingual("template.sheet.guide", between=" - ")
# Columns computed from the others: they may be missing or empty, and must agree if given.
DERIVED_COLUMNS = frozenset({"province_2025_code", "province_2025", "amount_vnd", "amount_usd"})


def template_bytes(kind: DataKind, fmt: str) -> bytes:
    """An empty file with the extract's columns: CSV header, or XLSX with a guide sheet."""
    as_kind(kind)
    if fmt == "csv":
        return BOM + (",".join(EXTRACT_COLUMNS[kind]) + "\r\n").encode("utf-8")
    if fmt == "xlsx":
        return _template_xlsx(kind)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def column_status(kind: DataKind, name: str) -> tuple[str, str]:
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


def _template_xlsx(kind: DataKind) -> bytes:
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
    limit = format_file_size_plain(max_upload_bytes())
    notes = [bilingual("template.note_headers"), bilingual("template.note_limit", limit=limit)]
    for offset, note in enumerate(notes):
        guide.write_string(notes_row + offset, 0, note)
    workbook.close()
    return buffer.getvalue()
