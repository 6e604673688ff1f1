"""`python -m datastore`: migrate, and export with filters typed the way people type them."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select
from sqlmodel import Session, col

from datastore.cli import main
from datastore.cli_common import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from datastore.db import get_engine
from datastore.export import BOM
from datastore.models.facts import Exchange
from tests.utils.cli import run_cli
from tests.utils.extract_dataset import HYPERLINK, ISSUE_COLUMNS, load_extract_fixture
from tests.utils.small_dataset import load_small_fixture

QUOTED_LINK = "'" + HYPERLINK


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)


@pytest.fixture
def loaded_url(database_url: str) -> str:
    """A database (SQLite, then PostgreSQL) holding the extract fixture."""
    with Session(get_engine(database_url)) as session:
        load_extract_fixture(session)
    return database_url


@pytest.fixture
def sqlite_loaded(sqlite_url: str) -> str:
    with Session(get_engine(sqlite_url)) as session:
        load_extract_fixture(session)
    return sqlite_url


def export_to_file(url: str, tmp_path: Path, *args: str) -> tuple[int, pd.DataFrame | None]:
    """Run `export` in this process with --out; the rows written, if any."""
    out = tmp_path / "out" / "extract.csv"
    out.parent.mkdir(exist_ok=True)  # --out writes into an existing folder only
    code = main(["--database-url", url, "export", *args, "--out", str(out)])
    return code, (read_csv(out.read_bytes()) if out.exists() else None)


def test_export_to_stdout_rolls_old_provinces_up_into_the_current_one(loaded_url: str) -> None:
    result = run_cli(
        "export",
        "exchanges",
        "--province",
        "Đồng Nai",
        "--year-from",
        "2019",
        "--format",
        "csv",
        database_url=loaded_url,
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert result.stdout_bytes.startswith(BOM)
    frame = read_csv(result.stdout_bytes)
    assert list(frame.columns) == ISSUE_COLUMNS["exchanges"].split(", ")
    assert frame[["date", "province", "province_2025"]].values.tolist() == [
        ["2019-03-15", "Bình Phước", "Đồng Nai"],
        ["2025-09-10", "Đồng Nai", "Đồng Nai"],
    ]
    assert frame["title"].tolist() == ["'-Đoàn Kratie", "Giao lưu Hàn Quốc"]


def test_unknown_province_exits_2_names_it_and_writes_nothing(sqlite_loaded: str) -> None:
    result = run_cli("export", "exchanges", "--province", "Xyz Lắk", database_url=sqlite_loaded)
    assert result.returncode == EXIT_USAGE
    assert "Xyz Lắk" in result.stderr
    assert result.stdout_bytes == b""


def test_unknown_province_creates_no_output_file(sqlite_loaded: str, tmp_path: Path) -> None:
    code, frame = export_to_file(sqlite_loaded, tmp_path, "exchanges", "--province", "Atlantis")
    assert code == EXIT_USAGE and frame is None
    assert list((tmp_path / "out").iterdir()) == []  # not even a partial file


def test_a_name_only_in_the_old_list_switches_to_the_63_provinces(
    sqlite_loaded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, frame = export_to_file(sqlite_loaded, tmp_path, "exchanges", "--province", "binh phuoc")
    assert code == EXIT_OK and frame is not None
    assert frame["title"].tolist() == ["'-Đoàn Kratie"]
    assert "63" in capsys.readouterr().err


def test_an_old_name_in_the_explicit_34_list_is_refused_with_its_successor(
    sqlite_loaded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, frame = export_to_file(
        sqlite_loaded, tmp_path, "exchanges", "--province", "Bình Phước", "--province-list", "34"
    )
    assert code == EXIT_USAGE and frame is None
    err = capsys.readouterr().err
    assert "Bình Phước" in err and "Đồng Nai" in err


@pytest.mark.parametrize(
    ("args", "titles"),
    [
        # A bare code is read in the chosen list: 75 is today's Đồng Nai by default ...
        (["--province", "75"], ["'+ quà Tết", "'-Đoàn Kratie", "Giao lưu Hàn Quốc"]),
        # ... and old Đồng Nai in the 63 list (alone: post-reform Đồng Nai is the new unit's).
        (["--province", "75", "--province-list", "63"], ["'+ quà Tết"]),
        (["--province", "64", "--province-list", "63"], ["'@Ratanakiri"]),
        (["--province", "Tỉnh Gia Lai"], ["'@Ratanakiri"]),
        (["--province", "Dak Lak", "--province", "gia lai"], [QUOTED_LINK, "'@Ratanakiri"]),
        (["--country", "Campuchia", "--year-to", "2018"], [QUOTED_LINK]),
        (["--country", "cambodia", "--year-from", "2019"], ["'@Ratanakiri", "'-Đoàn Kratie"]),
        (["--country", "KOR", "--country", "Lào"], ["'+ quà Tết", "Giao lưu Hàn Quốc"]),
        (["--direction", "outgoing", "--kind", "event"], ["Giao lưu Hàn Quốc"]),
    ],
)  # fmt: skip
def test_export_filters_accept_codes_and_spellings(
    sqlite_loaded: str, tmp_path: Path, args: list[str], titles: list[str]
) -> None:
    code, frame = export_to_file(sqlite_loaded, tmp_path, "exchanges", *args)
    assert code == EXIT_OK and frame is not None
    assert frame["title"].tolist() == titles


@pytest.mark.parametrize(
    ("args", "titles"),
    [
        (["--sector", "Y tế"], ["Trang thiết bị y tế"]),  # the health group: 121 and 122
        (["--sector", "160"], ["Học bổng"]),
        (["--sector", "Social protection", "--measure", "disbursed"], ["Học bổng"]),
        (["--country", "Hoa Kỳ"], ["Trang thiết bị y tế"]),
    ],
)
def test_aid_export_filters_by_sector_name_or_code(
    sqlite_loaded: str, tmp_path: Path, args: list[str], titles: list[str]
) -> None:
    code, frame = export_to_file(sqlite_loaded, tmp_path, "aid", *args)
    assert code == EXIT_OK and frame is not None
    assert frame["title"].tolist() == titles


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["exchanges", "--country", "Atlantis"], "Atlantis"),
        (["aid", "--sector", "Vũ trụ"], "Vũ trụ"),
        (["exchanges", "--province", "99"], "99"),
        (["exchanges", "--province", "64"], "64"),  # old Gia Lai's code is not in the 34 list
        (["exchanges", "--province", "75", "--province", "Bình Phước"], "Bình Phước"),
        (["exchanges", "--year-from", "2020", "--year-to", "2019"], "2020"),
    ],
)
def test_values_that_name_nothing_exit_2_and_say_which(
    sqlite_loaded: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    named: str,
) -> None:
    code, frame = export_to_file(sqlite_loaded, tmp_path, *args)
    assert code == EXIT_USAGE and frame is None
    assert named in capsys.readouterr().err


def test_a_kind_that_does_not_exist_is_an_argparse_error(
    sqlite_loaded: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--database-url", sqlite_loaded, "export", "exchanges", "--kind", "picnic"])
    assert stop.value.code == EXIT_USAGE
    assert "picnic" in capsys.readouterr().err


def test_filters_for_another_table_are_ignored_with_a_warning(
    sqlite_loaded: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, frame = export_to_file(sqlite_loaded, tmp_path, "members", "--sector", "121")
    assert code == EXIT_OK and frame is not None and len(frame) == 2
    assert "--sector" in capsys.readouterr().err


def test_xlsx_is_written_to_a_file_with_vietnamese_headers(
    sqlite_loaded: str, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "members.xlsx"
    out.parent.mkdir()
    args = ["export", "members", "--format", "xlsx", "--out", str(out)]
    assert main([*args, "--database-url", sqlite_loaded]) == EXIT_OK
    book = openpyxl.load_workbook(out)
    assert book.worksheets[0].cell(row=1, column=1).value == "Năm"
    assert book.worksheets[0].cell(row=2, column=9).value == 150
    assert [p.name for p in out.parent.iterdir()] == ["members.xlsx"]  # no partial file left
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_xlsx_is_not_written_to_a_terminal(
    sqlite_loaded: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["--database-url", sqlite_loaded, "export", "aid", "--format", "xlsx"]) == 2
    assert "--out" in capsys.readouterr().err


def test_migrate_creates_a_database_that_exports_an_empty_extract(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    # The smoke tests of `migrate` and `export`: `python -m datastore` in its own process.
    unused = "sqlite:///unused"
    migrated = run_cli("--database-url", url, "migrate", database_url=unused, in_subprocess=True)
    assert migrated.returncode == EXIT_OK, migrated.stderr
    exported = run_cli("export", "aid", database_url=url, in_subprocess=True)
    assert exported.returncode == EXIT_OK, exported.stderr
    assert exported.stdout_bytes == BOM + (ISSUE_COLUMNS["aid"].replace(" ", "") + "\r\n").encode()
    get_engine(url).dispose()


def test_a_database_never_migrated_gets_a_hint_to_migrate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    assert main(["--database-url", url, "export", "aid", "--out", str(tmp_path / "x.csv")]) == (
        EXIT_FAILED
    )
    assert "migrate" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()
    get_engine(url).dispose()


def test_the_rollups_command_rebuilds_them_and_says_for_how_many_years(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rollups.sqlite3'}"
    assert run_cli("migrate", database_url=url).returncode == EXIT_OK
    with Session(get_engine(url)) as session:
        load_small_fixture(session=session)
        years = len(set(session.scalars(select(col(Exchange.year)))))
    rebuilt = run_cli("rollups", database_url=url, in_subprocess=True)  # the smoke test
    assert rebuilt.returncode == EXIT_OK, rebuilt.stderr
    assert f"Rebuilt the rollups for {years} years" in rebuilt.stderr
