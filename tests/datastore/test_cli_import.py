"""`python -m datastore import|loads|undo|template`: summaries, problems, exit codes."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from datastore.cli import main
from datastore.cli_common import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from datastore.db import get_engine
from datastore.extracts import EXTRACT_COLUMNS, extract_columns
from datastore.models.facts import Exchange
from datastore.models.loads import ImportBatch
from tests.utils.bad_files import csv_bytes, rows
from tests.utils.cli import run_cli
from tests.utils.small_dataset import EXCHANGES


def batches(url: str) -> int:
    with Session(get_engine(url)) as session:
        return int(session.scalar(select(func.count()).select_from(ImportBatch)) or 0)


def test_an_import_prints_what_it_added_updated_and_kept_and_exits_0(
    small_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "hoi_vien_2019.csv"
    path.write_bytes(csv_bytes("members", rows("members")))  # the first row corrected
    result = run_cli(
        "import", str(path), "--kind", "members", "--user", "Lan", database_url=small_url
    )
    assert result.returncode == EXIT_OK, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "hoi_vien_2019.csv: 9 dòng; thêm 0, cập nhật 1, không đổi 8",
        "hoi_vien_2019.csv: 9 rows; 0 added, 1 updated, 8 unchanged",
        "Đã lưu: lượt nạp #4. / Saved as load #4.",
    ]
    assert "Ghi / Writing" in result.stderr
    with Session(get_engine(small_url)) as session:
        batch = session.get(ImportBatch, 4)
        assert batch is not None and batch.created_by == "Lan"


def test_an_invalid_file_lists_every_problem_in_both_languages_and_writes_nothing(
    small_url: str, tmp_path: Path
) -> None:
    bad = rows("exchanges")
    bad[2]["province"] = "Đồng Naii"
    bad[5]["participants"] = "-3"
    path = tmp_path / "doan.csv"
    path.write_bytes(csv_bytes("exchanges", bad))
    result = run_cli("import", str(path), "--kind", "exchanges", database_url=small_url)
    assert result.returncode == EXIT_FAILED
    assert result.stdout.splitlines() == [
        "dòng/row 4 | cột/column province | giá trị/value “Đồng Naii” | không tìm thấy tỉnh/thành "
        "“Đồng Naii” (có phải Đồng Nai?) / unknown province “Đồng Naii” (did you mean Đồng Nai?)",
        "dòng/row 7 | cột/column participants | giá trị/value “-3” | “-3” là số âm / “-3” is "
        "negative",
        "2 lỗi; không ghi gì vào cơ sở dữ liệu. / 2 problem(s); nothing was written to the "
        "database.",
    ]
    assert batches(small_url) == 3
    with Session(get_engine(small_url)) as session:
        stored = session.exec(select(Exchange).where(Exchange.participants == 13)).all()
        assert stored == []  # the corrected first row was not written either


def test_a_file_that_cannot_be_read_is_refused_as_a_whole(
    small_sqlite_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "bao_cao.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    result = run_cli("import", str(path), "--kind", "aid", database_url=small_sqlite_url)
    assert result.returncode == EXIT_FAILED
    assert result.stdout.strip() == (
        "Lỗi tệp: đây là tệp PDF; hãy gửi bảng số liệu dạng Excel (.xlsx) hoặc CSV / "
        "File problem: this is a PDF file; send the table as Excel (.xlsx) or CSV"
    )
    assert batches(small_sqlite_url) == 3


def test_a_file_over_the_limit_is_refused_by_its_size(
    small_sqlite_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "lon.csv"
    path.write_bytes(b"x" * 3_000)
    result = run_cli(  # the smoke test of `import`: the limit read in a fresh process
        *("import", str(path), "--kind", "aid"),
        database_url=small_sqlite_url,
        environ={"DDN_MAX_UPLOAD_MB": "0.001"},
        in_subprocess=True,
    )
    assert result.returncode == EXIT_FAILED
    assert "lớn hơn giới hạn 1.0 KB" in result.stdout


def test_a_missing_file_is_a_usage_error(
    small_sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--database-url", small_sqlite_url, "import", "NO_SUCH_FILE.csv", "--kind", "aid"])
    assert code == EXIT_USAGE
    assert (
        "không có tệp NO_SUCH_FILE.csv / no such file: NO_SUCH_FILE.csv" in capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["import", "x.csv"], "--kind"),
        (["import", "x.csv", "--kind", "money"], "invalid choice"),
        (["undo", "mot"], "invalid int value"),
        (["template", "aid", "--format", "pdf"], "invalid choice"),
    ],
)
def test_wrong_arguments_exit_2_and_say_what_is_wrong(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(arguments)
    assert exited.value.code == EXIT_USAGE
    assert message in capsys.readouterr().err


def test_a_dry_run_prints_the_counts_and_writes_nothing(
    small_sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "vien_tro.csv"
    path.write_bytes(csv_bytes("aid", rows("aid")))
    code = main(
        ["--database-url", small_sqlite_url, "import", str(path), "--kind", "aid", "--dry-run"]
    )
    assert code == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "vien_tro.csv: 6 dòng; thêm 0, cập nhật 1, không đổi 5",
        "vien_tro.csv: 6 rows; 0 added, 1 updated, 5 unchanged",
        "Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu. / Dry run (--dry-run): nothing was "
        "written to the database.",
    ]
    assert batches(small_sqlite_url) == 3


def test_loads_lists_the_history_and_undo_reverses_a_load_once(
    small_sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doan_moi.csv"
    new = [{**EXCHANGES[0], "date": "01/04/2014", "title": "Đoàn mới"}]
    path.write_bytes(csv_bytes("exchanges", new))
    assert (
        main(["--database-url", small_sqlite_url, "import", str(path), "--kind", "exchanges"]) == 0
    )
    capsys.readouterr()
    # The smoke tests of `undo` and `loads`: `python -m datastore` in its own process.
    undone = run_cli(
        "undo", "4", "--user", "Hùng", database_url=small_sqlite_url, in_subprocess=True
    )
    assert undone.returncode == EXIT_OK, undone.stderr
    assert undone.stdout.strip() == (
        "Đã hoàn tác lượt nạp #4 (exchanges): xóa 1 dòng, khôi phục 0 dòng. / "
        "Undid load #4 (exchanges): 1 rows removed, 0 rows restored."
    )
    assert main(["--database-url", small_sqlite_url, "undo", "4"]) == EXIT_FAILED
    assert capsys.readouterr().out.startswith("Không hoàn tác: lượt nạp #4 đã được hoàn tác lúc ")
    listed = run_cli("loads", database_url=small_sqlite_url, in_subprocess=True)
    assert listed.returncode == EXIT_OK, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].startswith("    #  loại/kind")
    assert [line.split()[0] for line in lines[1:]] == ["4", "3", "2", "1"]
    assert "doan_moi.csv" in lines[1] and "hoàn tác/undone" in lines[1] and "Hùng" in lines[1]
    assert lines[1].split()[5:8] == ["1", "0", "0"]  # added, updated, unchanged


def test_templates_have_the_extract_columns(tmp_path: Path) -> None:
    out = tmp_path / "mau" / "vien_tro.xlsx"
    out.parent.mkdir()
    assert main(["template", "aid", "--format", "xlsx", "--out", str(out)]) == EXIT_OK
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [cell.value for cell in sheet[1]] == [c.header_vi for c in extract_columns("aid")]
    result = run_cli("template", "exchanges", "--format", "csv", in_subprocess=True)  # smoke
    assert result.returncode == EXIT_OK, result.stderr
    assert (
        result.stdout_bytes
        == b"\xef\xbb\xbf" + ",".join(EXTRACT_COLUMNS["exchanges"]).encode() + b"\r\n"
    )


def test_an_extract_exported_and_imported_by_the_commands_changes_nothing(
    small_sqlite_url: str, tmp_path: Path
) -> None:
    extract = tmp_path / "doan.csv"
    exported = run_cli(
        "export",
        "exchanges",
        "--format",
        "csv",
        "--out",
        str(extract),
        database_url=small_sqlite_url,
    )
    assert exported.returncode == EXIT_OK, exported.stderr
    result = run_cli("import", str(extract), "--kind", "exchanges", database_url=small_sqlite_url)
    assert result.returncode == EXIT_OK, result.stdout + result.stderr
    assert result.stdout.splitlines()[1] == "doan.csv: 8 rows; 0 added, 0 updated, 8 unchanged"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", ["members", "aid", "exchanges"])
def test_every_extract_loads_back_unchanged(
    small_sqlite_url: str, tmp_path: Path, kind: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    extract = tmp_path / f"{kind}.{fmt}"
    arguments = ["--database-url", small_sqlite_url, "export", kind, "--format", fmt]
    assert main([*arguments, "--out", str(extract)]) == EXIT_OK
    capsys.readouterr()
    assert (
        main(["--database-url", small_sqlite_url, "import", str(extract), "--kind", kind])
        == EXIT_OK
    )
    expected = {"members": 9, "aid": 6, "exchanges": 8}[kind]
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == f"{kind}.{fmt}: {expected} rows; 0 added, 0 updated, {expected} unchanged"


def test_the_import_reads_xlsx_the_way_excel_saves_it(
    small_sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Năm", "Tỉnh/thành (như báo cáo)", "Tổ chức hữu nghị", "Số hội viên"])
    sheet.append([2021, "Đồng Nai", "Hội hữu nghị Việt Nam – Campuchia tỉnh Đồng Nai", 4300])
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = tmp_path / "2021.xlsx"
    path.write_bytes(buffer.getvalue())
    assert main(["--database-url", small_sqlite_url, "import", str(path), "--kind", "members"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[1]
        == "2021.xlsx: 1 rows; 1 added, 0 updated, 0 unchanged"
    )


def test_control_characters_in_a_file_name_are_not_stored_and_loads_stay_one_a_line(
    small_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "doan\x1b[2J\x07\tmoi\n.csv"
    path.write_bytes(csv_bytes("exchanges", [{**EXCHANGES[0], "date": "01/04/2014"}]))
    result = run_cli(
        "import",
        str(path),
        "--kind",
        "exchanges",
        "--user",
        "Lan\x1b]0;x\x07",
        database_url=small_url,
    )
    assert result.returncode == EXIT_OK, result.stdout + result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    with Session(get_engine(small_url)) as session:
        batch = session.get(ImportBatch, 4)
        assert batch is not None
        assert (batch.file_name, batch.created_by) == ("doan[2J moi .csv", "Lan]0;x")
        assert batch.source.endswith("doan[2J moi .csv")
        # A row written before names were cleaned is still listed on one line.
        legacy = session.get(ImportBatch, 3)
        assert legacy is not None
        legacy.file_name, legacy.created_by = "cu\tten\nhai\x1b[31m.csv", "An\x07"
        session.commit()
    listed = run_cli("loads", database_url=small_url)
    assert listed.returncode == EXIT_OK, listed.stderr
    lines = listed.stdout.splitlines()
    assert [line.split()[0] for line in lines[1:]] == ["4", "3", "2", "1"]
    assert "doan[2J moi .csv" in lines[1]
    assert "cu\\tten\\nhai\\x1b[31m.csv" in lines[2] and "An\\x07" in lines[2]
    assert not any(ch in listed.stdout for ch in "\x1b\x07\t")


def test_a_problem_quoting_a_cell_with_control_characters_stays_on_one_line(
    small_url: str, tmp_path: Path
) -> None:
    bad = rows("exchanges")
    bad[2]["participants"] = "x\x1b[2J\ny"
    path = tmp_path / "doan.csv"
    path.write_bytes(csv_bytes("exchanges", bad))
    result = run_cli("import", str(path), "--kind", "exchanges", database_url=small_url)
    assert result.returncode == EXIT_FAILED
    assert "\x1b" not in result.stdout
    assert [line for line in result.stdout.splitlines() if "x\\x1b[2J" in line]
