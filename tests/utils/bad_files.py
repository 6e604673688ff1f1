"""A corpus of broken files, one per problem, each with exactly what the import must say.

Every CSV case starts from the rows of tests/utils/small_dataset.py (which the tests load
first) with the first row corrected (so a partial write would show as an update) and one problem
put in; the problem is listed as (spreadsheet row, column, message id). Whole-file cases name
the FileProblem's message id. `python -m tests.utils.bad_files FOLDER` writes the corpus to
FOLDER, to try the command line or the import page by hand.
"""

from __future__ import annotations

import copy
import csv
import io
import random
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from datastore.vocabulary import DataKind
from tests.utils.small_dataset import AID, EXCHANGES, MEMBERS

# Columns each kind's test files use, in template order.
COLUMNS = {
    "members": ["year", "province", "organization", "partner_country", "members", "chapters"],
    "aid": [
        "year",
        "province",
        "donor",
        "donor_country",
        "sector",
        "measure",
        "amount",
        "currency",
        "title",
    ],
    "exchanges": [
        "date",
        "province",
        "partner_country",
        "partner_locality",
        "direction",
        "kind",
        "participants",
        "title",
    ],
}
SOURCE_ROWS: dict[str, list[dict[str, Any]]] = {
    "members": MEMBERS,
    "aid": AID,
    "exchanges": EXCHANGES,
}
# A change to the first row of each kind that, loaded, would update a fixture row.
CORRECTION = {
    "members": {"members": 111},
    "aid": {"amount": 2100},
    "exchanges": {"participants": 13},
}
# Control characters go, and so do invisible format characters (bidi override, zero width).
CONTROL_TITLE = "Tab\there, bell\x07, nul\x00, escape\x1b[31m, RLO\u202egnp.exe, zero\u200bwidth"
CONTROL_TITLE_STORED = "Tab here, bell, nul, escape[31m, RLOgnp.exe, zerowidth"
HOSTILE_TITLES = (
    "<script>alert('x')</script>",
    '=HYPERLINK("http://evil.example","Bấm vào đây")',
    "'); DROP TABLE aid;--",
    "+84 912 345 678",
    "@SUM(A1:A9)",
    "-2+3",
    "Robert'); DELETE FROM exchange; --",
    "<img src=x onerror=alert(1)>",
)


@dataclass(frozen=True)
class Expected:
    """One problem the import must report."""

    row: int
    column: str
    message_id: str


@dataclass(frozen=True)
class BadFile:
    """A broken file and what the import must say about it."""

    name: str
    kind: DataKind
    file_name: str
    build: Callable[[], bytes]
    file_problem: str | None = None  # the FileProblem's message id
    problems: tuple[Expected, ...] = ()  # every problem, exactly
    max_upload_mb: float | None = None  # DDN_MAX_UPLOAD_MB for this case
    notes: dict[str, str] = field(default_factory=dict)


def rows(kind: str) -> list[dict[str, Any]]:
    """The fixture rows of a kind, with the first one corrected."""
    result = copy.deepcopy(SOURCE_ROWS[kind])
    result[0].update(CORRECTION[kind])
    return result


def changed(kind: str, index: int, /, **cells: Any) -> list[dict[str, Any]]:
    """The corrected rows with row `index` (0-based; spreadsheet row index + 2) changed."""
    result = rows(kind)
    result[index].update(cells)
    return result


def csv_bytes(
    kind: str,
    data: list[dict[str, Any]],
    *,
    columns: list[str] | None = None,
    header: list[str] | None = None,
    separator: str = ",",
    bom: bool = True,
    encoding: str = "utf-8",
) -> bytes:
    """A CSV file of the rows, Excel-style (BOM, CRLF), quoting only where needed."""
    names = columns or COLUMNS[kind]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header or names)
    for row in data:
        writer.writerow(["" if row.get(name) is None else row[name] for name in names])
    text = buffer.getvalue()
    prefix = "\ufeff" if bom else ""
    return (prefix + text).encode(encoding)


def cp1258(text: str) -> bytes:
    """Text in Windows-1258, the legacy Vietnamese code page (tones as combining marks)."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = bytearray()
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += (base + "".join(c for c in decomposed if c in tones)).encode("cp1258")
    return bytes(out)


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _csv(kind: str, data: list[dict[str, Any]], **options: Any) -> Callable[[], bytes]:
    return lambda: csv_bytes(kind, data, **options)


def _unquoted_comma() -> bytes:
    text = csv_bytes("exchanges", rows("exchanges")).decode("utf-8-sig")
    lines = text.split("\r\n")
    # Row 4 (E3): a comma typed into the title without quotes splits it into two cells.
    lines[3] = lines[3].replace("Đoàn Bình Phước thăm tỉnh Kratie", "Đoàn Bình Phước, tỉnh Kratie")
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")


def unclosed_quote() -> bytes:
    """Exchanges whose row 4 opens a quotation mark that nothing closes."""
    text = csv_bytes("exchanges", rows("exchanges")).decode("utf-8-sig")
    lines = text.split("\r\n")
    # Row 4 (E3): a quotation mark opens the title and nothing closes it; a reader that takes
    # the rest of the file as that cell sees rows 4-9 as one row with cells missing.
    lines[3] = lines[3].replace("Đoàn Bình Phước thăm tỉnh Kratie", '"Đoàn Bình Phước thăm')
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")


def _legacy_encoding() -> bytes:
    return cp1258(csv_bytes("members", rows("members"), bom=False).decode("utf-8"))


def _garbage() -> bytes:
    return random.Random(42).randbytes(4096)


def corpus() -> list[BadFile]:
    """Every broken file, one per problem."""
    long_title = "Đoàn công tác " + "x" * 490  # 504 characters; the limit is 500
    return [
        # Whole files ------------------------------------------------------------------------
        BadFile(
            "pdf",
            "members",
            "so_lieu.pdf",
            lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "file.pdf",
        ),
        BadFile(
            "xls",
            "members",
            "so_lieu.xls",
            lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "file.xls",
        ),
        BadFile(
            "docx",
            "aid",
            "bao_cao.docx",
            lambda: _zip({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<x/>"}),
            "file.zip",
        ),
        BadFile(
            "ods",
            "aid",
            "so_lieu.ods",
            lambda: _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
            "file.ods",
        ),
        BadFile(
            "broken_xlsx",
            "aid",
            "hong.xlsx",
            lambda: _zip({"xl/workbook.xml": b"<not a workbook", "[Content_Types].xml": b"?"}),
            "file.xlsx_unreadable",
        ),
        BadFile(
            "xlsx_bomb",
            "aid",
            "bom.xlsx",
            lambda: _zip({"xl/workbook.xml": b"<w/>", "xl/worksheets/sheet1.xml": bytes(600_000)}),
            "file.xlsx_too_large",
            max_upload_mb=0.02,
        ),
        BadFile(
            "too_large",
            "exchanges",
            "lon.csv",
            lambda: b"\x00garbage" * 2_000,
            "file.too_large",
            max_upload_mb=0.01,
        ),
        BadFile("empty", "members", "rong.csv", lambda: b"", "file.empty"),
        BadFile("binary_garbage", "members", "rac.csv", _garbage, "file.binary"),
        BadFile("legacy_encoding", "members", "cp1258.csv", _legacy_encoding, "file.encoding"),
        BadFile(
            "no_header",
            "members",
            "khong_tieu_de.csv",
            lambda: csv_bytes("members", rows("members")).split(b"\r\n", 1)[1],
            "file.no_header",
        ),
        BadFile(
            "header_only",
            "aid",
            "chi_tieu_de.csv",
            _csv("aid", []),
            "file.no_rows",
        ),
        # Header row -------------------------------------------------------------------------
        BadFile(
            "unknown_column",
            "members",
            "sai_cot.csv",
            _csv(
                "members",
                rows("members"),
                header=[
                    "year",
                    "province",
                    "organization",
                    "partner_country",
                    "memebers",
                    "chapters",
                ],
            ),
            problems=(
                Expected(1, "memebers", "header.unknown_column"),
                Expected(1, "members", "header.missing_column"),
            ),
        ),
        BadFile(
            "missing_required_column",
            "aid",
            "thieu_cot.csv",
            _csv("aid", rows("aid"), columns=[c for c in COLUMNS["aid"] if c != "currency"]),
            problems=(Expected(1, "currency", "header.missing_column"),),
        ),
        BadFile(
            "duplicate_column",
            "members",
            "cot_trung.csv",
            _csv(
                "members",
                rows("members"),
                columns=[*COLUMNS["members"], "province"],
                header=[*COLUMNS["members"], "Tỉnh/thành (như báo cáo)"],
            ),
            problems=(Expected(1, "province", "header.duplicate_column"),),
        ),
        # Cells ------------------------------------------------------------------------------
        BadFile(
            "unknown_province",
            "members",
            "tinh_la.csv",
            _csv("members", changed("members", 2, province="Đồng Naii")),
            problems=(Expected(4, "province", "province.unknown"),),
        ),
        BadFile(
            "old_province_after_reform",
            "members",
            "tinh_cu_2026.csv",
            _csv("members", changed("members", 6, province="Bình Phước")),
            problems=(Expected(8, "province", "province.after_reform"),),
        ),
        BadFile(
            "code_does_not_match_name",
            "members",
            "ma_tinh_sai.csv",
            _csv(
                "members",
                [
                    {**row, "province_code": "52" if i == 4 else None}
                    for i, row in enumerate(rows("members"))
                ],
                columns=["province_code", *COLUMNS["members"]],
            ),
            problems=(Expected(6, "province_code", "province.code_mismatch"),),
        ),
        BadFile(
            "unknown_country",
            "exchanges",
            "nuoc_la.csv",
            _csv("exchanges", changed("exchanges", 1, partner_country="Wakanda")),
            problems=(Expected(3, "partner_country", "country.unknown"),),
        ),
        BadFile(
            "country_code_does_not_match_name",
            "members",
            "ma_nuoc_sai.csv",
            _csv(
                "members",
                # Row 4 (M3) is the Vietnam–Laos association: "Lào" with Cambodia's code.
                [
                    {**row, "partner_country_code": "KHM" if i == 2 else None}
                    for i, row in enumerate(rows("members"))
                ],
                columns=[*COLUMNS["members"], "partner_country_code"],
            ),
            problems=(Expected(4, "partner_country", "code.name_mismatch"),),
        ),
        BadFile(
            "unknown_sector",
            "aid",
            "linh_vuc_la.csv",
            _csv("aid", changed("aid", 3, sector="Du lịch vũ trụ")),
            problems=(Expected(5, "sector", "sector.unknown"),),
        ),
        BadFile(
            "ambiguous_amount",
            "aid",
            "so_mo_ho.csv",
            _csv("aid", changed("aid", 1, amount="1.500")),
            problems=(Expected(3, "amount", "number.ambiguous"),),
        ),
        BadFile(
            "scientific_amount",
            "aid",
            "so_khoa_hoc.csv",
            _csv("aid", changed("aid", 2, amount="2,325E+08")),
            problems=(Expected(4, "amount", "number.scientific"),),
        ),
        BadFile(
            "too_many_decimals",
            "aid",
            "so_le.csv",
            _csv("aid", changed("aid", 1, amount="1500,1234")),
            problems=(Expected(3, "amount", "number.too_many_decimals"),),
        ),
        BadFile(
            "negative_number",
            "members",
            "so_am.csv",
            _csv("members", changed("members", 3, members="-400")),
            problems=(Expected(5, "members", "number.negative"),),
        ),
        BadFile(
            "text_in_number_column",
            "exchanges",
            "chu_trong_so.csv",
            _csv("exchanges", changed("exchanges", 4, participants="hai mươi")),
            problems=(Expected(6, "participants", "number.invalid"),),
        ),
        BadFile(
            "impossible_date",
            "exchanges",
            "ngay_sai.csv",
            _csv("exchanges", changed("exchanges", 2, date="31/02/2019")),
            problems=(Expected(4, "date", "date.impossible"),),
        ),
        BadFile(
            "two_digit_year",
            "exchanges",
            "nam_2_so.csv",
            _csv("exchanges", changed("exchanges", 2, date="10/05/19")),
            problems=(Expected(4, "date", "date.two_digit_year"),),
        ),
        BadFile(
            "future_date",
            "exchanges",
            "ngay_tuong_lai.csv",
            _csv("exchanges", changed("exchanges", 5, date="10/02/2031")),
            problems=(Expected(7, "date", "date.out_of_range"),),
        ),
        BadFile(
            "implausible_year",
            "members",
            "nam_sai.csv",
            _csv("members", changed("members", 1, year=1890)),
            problems=(Expected(3, "year", "year.implausible"),),
        ),
        BadFile(
            "future_year",
            "aid",
            "nam_tuong_lai.csv",
            _csv("aid", changed("aid", 4, year=2031)),
            problems=(Expected(6, "year", "year.implausible"),),
        ),
        BadFile(
            "wrong_direction",
            "exchanges",
            "huong_sai.csv",
            _csv("exchanges", changed("exchanges", 3, direction="đi")),
            problems=(Expected(5, "direction", "choice.invalid"),),
        ),
        BadFile(
            "wrong_kind",
            "exchanges",
            "loai_sai.csv",
            _csv("exchanges", changed("exchanges", 6, kind="picnic")),
            problems=(Expected(8, "kind", "choice.invalid"),),
        ),
        BadFile(
            "wrong_measure",
            "aid",
            "cam_ket_sai.csv",
            _csv("aid", changed("aid", 0, measure="promised")),
            problems=(Expected(2, "measure", "choice.invalid"),),
        ),
        BadFile(
            "unknown_currency",
            "aid",
            "tien_la.csv",
            _csv("aid", changed("aid", 5, currency="XYZ")),
            problems=(Expected(7, "currency", "currency.unknown"),),
        ),
        BadFile(
            "no_exchange_rate",
            "aid",
            "khong_ty_gia.csv",
            _csv("aid", changed("aid", 5, year=2005)),
            problems=(Expected(7, "currency", "rate.missing"),),
        ),
        BadFile(
            "derived_amount_does_not_match",
            "aid",
            "vnd_sai.csv",
            _csv(
                "aid",
                [
                    {**row, "amount_vnd": 46_500_000 if i == 1 else None}
                    for i, row in enumerate(rows("aid"))
                ],
                columns=[*COLUMNS["aid"], "amount_vnd"],
            ),
            problems=(Expected(3, "amount_vnd", "derived.mismatch"),),
        ),
        BadFile(
            "missing_value",
            "exchanges",
            "thieu_noi_dung.csv",
            _csv("exchanges", changed("exchanges", 7, title="   ")),
            problems=(Expected(9, "title", "required"),),
        ),
        BadFile(
            "duplicate_rows",
            "exchanges",
            "dong_trung.csv",
            _csv("exchanges", [*rows("exchanges"), rows("exchanges")[3]]),
            problems=(Expected(10, "*", "duplicate"),),
        ),
        BadFile(
            "too_long_text",
            "exchanges",
            "qua_dai.csv",
            _csv("exchanges", changed("exchanges", 0, title=long_title)),
            problems=(Expected(2, "title", "text.too_long"),),
        ),
        BadFile(
            "separator_inside_cell",
            "exchanges",
            "dau_phay.csv",
            _unquoted_comma,
            problems=(Expected(4, "*", "row.too_many_cells"),),
        ),
        BadFile(
            "unclosed_quote",
            "exchanges",
            "ngoac_kep.csv",
            unclosed_quote,
            "file.csv_unclosed_quote",
        ),
        BadFile(
            "full_width_and_arabic_indic_digits",
            "members",
            "chu_so_la.csv",
            _csv(
                "members",
                [
                    {**row, "members": "１２"}
                    if i == 3
                    else {**row, "chapters": "٣"}
                    if i == 5
                    else row
                    for i, row in enumerate(rows("members"))
                ],
            ),
            problems=(
                Expected(5, "members", "digits.foreign"),
                Expected(7, "chapters", "digits.foreign"),
            ),
        ),
    ]


def hostile_rows() -> list[dict[str, Any]]:
    """Exchanges whose text is hostile; they load, and are stored as text."""
    base = {
        "province": "Đồng Nai",
        "partner_country": "Campuchia",
        "direction": "incoming",
        "kind": "event",
    }
    result = [
        {**base, "date": f"{day:02d}/01/2021", "title": title}
        for day, title in enumerate(HOSTILE_TITLES, start=1)
    ]
    result.append(
        {
            **base,
            "date": "20/01/2021",
            "title": CONTROL_TITLE,
            "partner_locality": "x" * 120,  # exactly the limit
        }
    )
    return result


def write_corpus(folder: Path) -> list[Path]:
    """Write every broken file (and the hostile one) to `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in corpus():
        path = folder / f"{case.kind}__{case.name}__{case.file_name}"
        path.write_bytes(case.build())
        written.append(path)
    hostile = folder / "exchanges__hostile__loads_fine.csv"
    hostile.write_bytes(csv_bytes("exchanges", hostile_rows(), columns=[*COLUMNS["exchanges"]]))
    written.append(hostile)
    return written


if __name__ == "__main__":
    for written_path in write_corpus(Path(sys.argv[1] if len(sys.argv) > 1 else "badfiles")):
        print(written_path)
