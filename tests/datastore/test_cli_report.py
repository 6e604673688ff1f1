"""`python -m datastore report`: the yearly report written as DOCX or PDF, or a clear refusal."""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest

from datastore.cli_common import EXIT_OK, EXIT_USAGE
from documents.cli import file_slug
from tests.utils.cli import run_cli


def test_the_report_is_written_as_docx_and_as_pdf(small_url: str, tmp_path: Path) -> None:
    docx_path, pdf_path = tmp_path / "bao-cao.docx", tmp_path / "bao-cao.pdf"
    for fmt, out in (("docx", docx_path), ("pdf", pdf_path)):
        result = run_cli(
            "report",
            "--province",
            "Đồng Nai",
            "--year",
            "2020",
            "--format",
            fmt,
            "--out",
            str(out),
            database_url=small_url,
        )
        assert result.returncode == EXIT_OK, result.stderr
        assert str(out) in result.stderr
    document = docx.Document(str(docx_path))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    today = date.today()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert f"năm {today.year}" in cells  # issued today
    assert "2020" in text and "2019" in text and "Đồng Nai" in text + cells
    assert len(document.inline_shapes) >= 3
    reader = pypdf.PdfReader(io.BytesIO(pdf_path.read_bytes()))
    pdf_text = unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pdf_text
    assert "Đồng Nai" in pdf_text and "2019" in pdf_text


def test_an_unknown_province_is_named_and_no_file_is_left(small_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "out"  # the SQLite database lives in tmp_path itself
    folder.mkdir()
    out = folder / "report.docx"
    result = run_cli(
        "report",
        "--province",
        "Xyz Lắk",
        "--year",
        "2020",
        "--out",
        str(out),
        database_url=small_url,
    )
    assert result.returncode == EXIT_USAGE
    assert "Xyz Lắk" in result.stderr
    assert "không tìm thấy" in result.stderr and "province" in result.stderr
    assert list(folder.iterdir()) == []


def test_the_default_file_is_named_after_the_province_and_the_year(
    small_sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    result = run_cli(
        "report",
        "--province",
        "75",
        "--year",
        "2020",
        "--lang",
        "en",
        database_url=small_sqlite_url,
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert [p.name for p in folder.iterdir()] == ["yearly-report-2020_dong-nai.docx"]


def test_a_year_out_of_range_is_refused_before_anything_is_read(
    small_sqlite_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "out"  # the SQLite database lives in tmp_path itself
    folder.mkdir()
    result = run_cli(
        "report",
        "--year",
        "20200",
        "--out",
        str(folder / "r.pdf"),
        database_url=small_sqlite_url,
    )
    assert result.returncode == EXIT_USAGE
    assert "20200" in result.stderr
    assert list(folder.iterdir()) == []


def test_province_names_become_ascii_file_name_parts() -> None:
    assert file_slug("Đồng Nai") == "dong-nai"
    assert file_slug("Thành phố Hồ Chí Minh") == "thanh-pho-ho-chi-minh"
    assert file_slug("Đắk Lắk") == "dak-lak"


def test_the_format_follows_the_file_name_and_a_mismatch_is_refused(
    small_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    pdf = folder / "bao-cao.pdf"
    written = run_cli("report", "--year", "2020", "--out", str(pdf), database_url=small_url)
    assert written.returncode == EXIT_OK, written.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")
    clash = folder / "bao-cao.docx"
    refused = run_cli(
        "report", "--year", "2020", "--format", "pdf", "--out", str(clash), database_url=small_url
    )
    assert refused.returncode == EXIT_USAGE
    assert "--format pdf" in refused.stderr and "bao-cao.docx" in refused.stderr
    assert not clash.exists()


def test_a_year_not_begun_is_refused(small_url: str, tmp_path: Path) -> None:
    out = tmp_path / "out" / "bao-cao.docx"
    out.parent.mkdir()
    next_year = date.today().year + 1
    result = run_cli("report", "--year", str(next_year), "--out", str(out), database_url=small_url)
    assert result.returncode == EXIT_USAGE
    assert (
        f"năm {next_year} không hợp lệ" in result.stderr and str(date.today().year) in result.stderr
    )
    assert not out.exists()
