"""`python -m datastore import FILE --kind K --replaces N`, and the undo of a replace."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, select

from datastore.cli_common import EXIT_FAILED, EXIT_OK
from datastore.db import get_engine
from datastore.models.facts import Exchange
from datastore.models.loads import ImportBatch
from tests.utils.bad_files import csv_bytes
from tests.utils.cli import run_cli
from tests.utils.small_dataset import EXCHANGES

# The small fixture's exchanges are load #3; members #1, aid #2.
EXCHANGES_LOAD = 3


def exchanges(url: str) -> int:
    with Session(get_engine(url)) as session:
        return int(session.scalar(select(func.count()).select_from(Exchange)) or 0)


def corrected_file(tmp_path: Path) -> Path:
    """The exchanges again, E3's partner country corrected to Laos, E8 left out."""
    rows = [dict(row) for row in EXCHANGES[:7]]
    rows[2]["partner_country"] = "Lào"
    path = tmp_path / "doan_sua.csv"
    path.write_bytes(csv_bytes("exchanges", rows))
    return path


def test_an_import_that_replaces_a_load_says_what_it_removed_and_undo_puts_it_back(
    small_url: str, tmp_path: Path
) -> None:
    path = corrected_file(tmp_path)
    result = run_cli(
        *("import", str(path), "--kind", "exchanges", "--replaces", str(EXCHANGES_LOAD)),
        database_url=small_url,
    )
    assert result.returncode == EXIT_OK, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "doan_sua.csv: 7 dòng; thêm 1, cập nhật 0, không đổi 6",
        "doan_sua.csv: 7 rows; 1 added, 0 updated, 6 unchanged",
        "Thay cho lượt nạp #3: xoá 2 dòng không còn trong tệp, 0 dòng lấy lại giá trị của lượt "
        "nạp trước đó. / Replaces load #3: 2 rows not in the file removed, 0 rows given back the "
        "values of an earlier load.",
        "Đã lưu: lượt nạp #4. / Saved as load #4.",
    ]
    assert exchanges(small_url) == 7  # E3 counted once (from Laos), E8 gone

    undone = run_cli("undo", "4", "--user", "Lan", database_url=small_url)

    assert undone.returncode == EXIT_OK, undone.stdout
    assert undone.stdout.splitlines()[1:] == [
        "Lượt nạp #3 (đã bị thay thế) có hiệu lực trở lại. / Load #3, which it had replaced, is "
        "in place again."
    ]
    assert exchanges(small_url) == 8


def test_a_dry_run_of_a_replace_prints_the_counts_and_writes_nothing(
    small_url: str, tmp_path: Path
) -> None:
    path = corrected_file(tmp_path)
    result = run_cli(
        *("import", str(path), "--kind", "exchanges", "--replaces", "3", "--dry-run"),
        database_url=small_url,
    )
    assert result.returncode == EXIT_OK
    assert "Replaces load #3: 2 rows not in the file removed" in result.stdout
    assert "Dry run (--dry-run): nothing was written to the database." in result.stdout
    assert exchanges(small_url) == 8
    with Session(get_engine(small_url)) as session:
        replaced = session.get(ImportBatch, EXCHANGES_LOAD)
        assert replaced is not None and replaced.undone_at is None


@pytest.mark.parametrize(
    ("replaces", "expected"),
    [
        (
            "99",
            "Không nạp: không có lượt nạp #99 để thay thế / Not loaded: there is no load #99 to "
            "replace",
        ),
        (
            "2",
            "Không nạp: không thay thế được lượt nạp #2: đó là số liệu viện trợ PCPNN, không phải "
            "đoàn ra, đoàn vào / Not loaded: cannot replace load #2: it loaded foreign NGO aid, "
            "not exchanges",
        ),
        ("3", "Not loaded: cannot replace load #3: it was undone at "),
    ],
    ids=["unknown", "other kind", "undone"],
)
def test_a_replace_of_an_unknown_undone_or_other_kind_of_load_is_refused_naming_it(
    small_url: str, tmp_path: Path, replaces: str, expected: str
) -> None:
    assert run_cli("undo", "3", "--user", "An", database_url=small_url).returncode == EXIT_OK
    path = corrected_file(tmp_path)
    result = run_cli(
        *("import", str(path), "--kind", "exchanges", "--replaces", replaces),
        database_url=small_url,
    )
    assert result.returncode == EXIT_FAILED
    assert expected in result.stdout
    assert exchanges(small_url) == 0  # nothing loaded, load #3 still undone
    with Session(get_engine(small_url)) as session:
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 3
