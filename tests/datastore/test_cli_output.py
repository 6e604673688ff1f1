"""`export --out` and `template --out` write a new or regular file only, never the database."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from datastore.cli_common import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from datastore.db import get_engine
from i18n.catalogue import t
from tests.utils.cli import run_cli


def _database(url: str) -> Path:
    return Path(make_url(url).database or "")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _export(url: str, out: Path | str) -> tuple[int, str]:
    result = run_cli("export", "aid", "--out", str(out), database_url=url)
    return result.returncode, result.stderr


def _says(stderr: str, message_id: str, **values: object) -> bool:
    """Whether the message was printed in both languages, and nothing like a traceback."""
    both = all(t(message_id, lang, **values) in stderr for lang in ("vi", "en"))
    return both and "Traceback" not in stderr


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_the_database_and_its_own_files_are_never_overwritten(sqlite_url: str, suffix: str) -> None:
    database = _database(sqlite_url)
    target = database.with_name(database.name + suffix)
    before = _digest(database)
    code, stderr = _export(sqlite_url, target)
    assert code == EXIT_USAGE
    assert _says(stderr, "cli.out.is_database", path=target)
    assert _digest(database) == before
    get_engine(sqlite_url).dispose()
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_database_reached_by_another_name_or_a_hard_link_is_refused(
    sqlite_url: str, tmp_path: Path
) -> None:
    database = _database(sqlite_url)
    roundabout = database.parent / "elsewhere" / ".." / database.name
    (database.parent / "elsewhere").mkdir()
    link = tmp_path / "hard-link.sqlite3"
    os.link(database, link)
    for target in (roundabout, link):
        code, stderr = _export(sqlite_url, target)
        assert code == EXIT_USAGE and _says(stderr, "cli.out.is_database", path=target)


def test_the_template_command_refuses_the_database_too(sqlite_url: str) -> None:
    database = _database(sqlite_url)
    before = _digest(database)
    result = run_cli("template", "aid", "--out", str(database), database_url=sqlite_url)
    assert result.returncode == EXIT_USAGE
    assert _says(result.stderr, "cli.out.is_database", path=database)
    assert _digest(database) == before


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _symlink(path: Path) -> None:
    target = path.with_name("target.csv")
    target.write_text("kept")
    path.symlink_to(target)


@pytest.mark.parametrize(
    ("make", "message_id"),
    [
        (Path.mkdir, "cli.out.is_folder"),
        (_fifo, "cli.out.is_special"),
        (_symlink, "cli.out.is_link"),
    ],
    ids=["folder", "fifo", "symlink"],
)
def test_what_is_not_a_regular_file_is_refused_and_left_as_it_was(
    sqlite_url: str, tmp_path: Path, make: Callable[[Path], None], message_id: str
) -> None:
    target = tmp_path / "out.csv"
    make(target)
    before = os.lstat(target)
    code, stderr = _export(sqlite_url, target)
    assert code == EXIT_USAGE and _says(stderr, message_id, path=target)
    after = os.lstat(target)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    if target.is_symlink():
        assert target.with_name("target.csv").read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []


def test_a_device_is_refused(sqlite_url: str, tmp_path: Path) -> None:
    device = Path("/dev/null")
    if os.geteuid() == 0:  # root could replace /dev/null itself if this ever regressed
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    code, stderr = _export(sqlite_url, device)
    assert code == EXIT_USAGE and _says(stderr, "cli.out.is_special", path=device)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_missing_folder_or_a_file_used_as_a_folder_is_named(
    sqlite_url: str, tmp_path: Path
) -> None:
    missing = tmp_path / "khong-co" / "x.csv"
    code, stderr = _export(sqlite_url, missing)
    assert code == EXIT_USAGE
    assert _says(stderr, "cli.out.no_folder", folder=missing.parent, path=missing)
    assert not missing.parent.exists()
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    code, stderr = _export(sqlite_url, plain / "x.csv")
    assert code == EXIT_USAGE and _says(stderr, "cli.out.parent_not_folder", folder=plain)


def test_an_over_long_name_is_refused_and_a_long_one_is_written(
    sqlite_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    too_long = folder / ("đ" * 150 + ".csv")  # 304 bytes in UTF-8
    code, stderr = _export(sqlite_url, too_long)
    assert code == EXIT_USAGE
    assert _says(stderr, "cli.out.name_too_long", name=too_long.name[:60], length=304, limit=255)
    long = folder / ("a" * 250 + ".csv")  # a valid name, whatever the temporary name adds
    code, stderr = _export(sqlite_url, long)
    assert code == EXIT_OK, stderr
    assert [p.name for p in folder.iterdir()] == [long.name]


def test_a_regular_file_is_replaced_whole(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "aid.csv"
    target.write_text("old")
    code, stderr = _export(sqlite_url, target)
    assert code == EXIT_OK, stderr
    assert target.read_bytes().startswith(b"\xef\xbb\xbfyear,")
    assert [p.name for p in folder.iterdir()] == ["aid.csv"]


def test_a_folder_where_no_file_can_be_made_is_a_short_message(sqlite_url: str) -> None:
    target = Path("/proc/self/extract.csv")  # no file can be created there, not even by root
    code, stderr = _export(sqlite_url, target)
    assert code == EXIT_FAILED
    assert t("cli.out.cannot_write", "en", path=target, reason="")[:40] in stderr
    assert "Traceback" not in stderr and len(stderr.splitlines()) == 1
