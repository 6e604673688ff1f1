"""`python -m datastore user add|list|set-role|set-password|set-email`: accounts from a shell."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest
from sqlmodel import Session

from datastore.accounts import authenticate, get_user, list_users, user_for_email
from datastore.config import PROJECT_ROOT
from datastore.db import get_engine
from datastore.models.accounts import UserAccount
from tests.utils.cli import run_cli

PASSWORD = "mật-khẩu đủ dài 2026"


def test_user_add_reads_the_password_from_stdin_and_the_account_signs_in(
    database_url: str,
) -> None:
    result = run_cli(
        *("user", "add", "Binh.Tran", "--role", "editor", "--email", "binh@hoi.vn"),
        "--password-stdin",
        database_url=database_url,
        stdin=PASSWORD + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Đã tạo tài khoản 'binh.tran' (editor)" in result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    with Session(get_engine(database_url)) as session:
        account = authenticate(session=session, name="BINH.TRAN", password=PASSWORD)
        assert account is not None and account.role == "editor"
        assert user_for_email(session=session, email="BINH@hoi.vn") is not None

    listing = run_cli("user", "list", database_url=database_url)
    assert listing.returncode == 0
    assert listing.stdout.splitlines()[1].split("\t")[:4] == [
        "binh.tran",
        "editor",
        "binh@hoi.vn",
        "yes",
    ]


def test_user_add_without_a_terminal_or_stdin_flag_refuses_and_creates_nothing(
    database_url: str,
) -> None:
    result = run_cli(
        "user", "add", "lan", "--role", "viewer", database_url=database_url, stdin=PASSWORD
    )
    assert result.returncode == 2
    assert "--password-stdin" in result.stderr
    with Session(get_engine(database_url)) as session:
        assert list_users(session=session) == []


def test_user_commands_report_refusals_in_both_languages(database_url: str) -> None:
    add = ("user", "add", "lan", "--role", "viewer", "--password-stdin")
    assert run_cli(*add, database_url=database_url, stdin=PASSWORD).returncode == 0
    again = run_cli(*add, database_url=database_url, stdin=PASSWORD)
    assert again.returncode == 1
    assert "Lỗi: Đã có tài khoản 'lan' / Error: An account 'lan' exists already" in again.stderr
    short = run_cli(
        "user", "set-password", "lan", "--password-stdin", database_url=database_url, stdin="abc"
    )
    assert short.returncode == 1
    assert "ít nhất 10 ký tự" in short.stderr and "at least 10 characters" in short.stderr
    missing = run_cli("user", "set-role", "ai-do", "admin", database_url=database_url)
    assert missing.returncode == 1
    assert run_cli("user", "set-role", "lan", "boss", database_url=database_url).returncode == 2

    assert run_cli("user", "set-role", "LAN", "admin", database_url=database_url).returncode == 0
    with Session(get_engine(database_url)) as session:
        account = get_user(session=session, name="lan")
        assert account is not None and account.role == "admin"


SECRET = "bí-mật-không-được-in-ra 2026"


@pytest.mark.parametrize(
    "arguments",
    [
        ("--password", SECRET),
        (f"--password={SECRET}",),
        (f"--password-stdin={SECRET}",),
        ("--pass", SECRET),
        ("--password-stdin", SECRET),  # a stray argument after the right flag
        (SECRET,),
    ],
)
def test_a_password_on_the_command_line_is_refused_and_never_repeated(
    database_url: str, arguments: tuple[str, ...]
) -> None:
    result = run_cli(
        *("user", "add", "lan", "--role", "editor", *arguments),
        database_url=database_url,
        stdin=PASSWORD + "\n",
    )
    assert result.returncode == 2
    assert SECRET not in result.stdout + result.stderr
    assert "bí-mật" not in result.stderr
    with Session(get_engine(database_url)) as session:
        assert list_users(session=session) == []


def test_a_password_flag_is_answered_with_the_way_to_give_one(sqlite_url: str) -> None:
    result = run_cli("user", "add", "lan", "--role", "editor", "--password", SECRET)
    assert result.returncode == 2
    assert "--password-stdin" in result.stderr
    assert "lịch sử shell" in result.stderr and "shell history" in result.stderr
    stray = run_cli("user", "add", "lan", "--role", "editor", "--password-stdin", SECRET)
    assert "unrecognized arguments (not repeated" in stray.stderr
    assert "--password-stdin)" in stray.stderr


def run_cli_at_a_terminal(database_url: str, *args: str, answers: list[str]) -> tuple[int, str]:
    """`python -m datastore ARGS` with a terminal as stdin, answering each password prompt."""
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONIOENCODING": "utf-8"}
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "datastore", *args],
        stdin=terminal,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=PROJECT_ROOT,
        env=env,
        start_new_session=True,  # no controlling terminal: getpass uses stdin, echo off
    )
    os.close(terminal)
    assert process.stderr is not None
    said = b""
    try:
        for asked, answer in enumerate(answers):
            # Answer only once asked: getpass flushes whatever was typed before its prompt.
            while said.count(b"Password: ") + said.count(b"Again: ") <= asked:
                ready, _, _ = select.select([process.stderr], [], [], 60)
                assert ready, f"no prompt; the command said {said.decode(errors='replace')!r}"
                chunk = os.read(process.stderr.fileno(), 4096)
                assert chunk, f"the command ended; it said {said.decode(errors='replace')!r}"
                said += chunk
            # getpass prints its prompt and then flushes pending input (TCSAFLUSH): give it
            # time to get there, or the answer is thrown away and the command waits forever.
            time.sleep(0.5)
            os.write(controller, answer.encode() + b"\n")
        # Bounded: a command still waiting for input must fail the test, not hang the suite.
        _, rest = process.communicate(timeout=60)
        said += rest
        return process.returncode, said.decode()
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()


def test_user_add_at_a_terminal_asks_twice_and_refuses_two_different_answers(
    database_url: str,
) -> None:
    code, said = run_cli_at_a_terminal(
        database_url, "user", "add", "lan", "--role", "editor", answers=[PASSWORD, PASSWORD + "x"]
    )
    assert code == 2
    assert "hai lần nhập không khớp / the two entries differ" in said
    with Session(get_engine(database_url)) as session:
        assert list_users(session=session) == []

    code, said = run_cli_at_a_terminal(
        database_url, "user", "add", "lan", "--role", "editor", answers=[PASSWORD, PASSWORD]
    )
    assert code == 0, said
    assert PASSWORD not in said
    with Session(get_engine(database_url)) as session:
        assert authenticate(session=session, name="lan", password=PASSWORD) is not None


def test_the_user_listing_keeps_one_account_a_line_whatever_a_stored_value_holds(
    database_url: str,
) -> None:
    with Session(get_engine(database_url)) as session:
        # As an older version or a hand-edited database may hold them.
        session.add(
            UserAccount(
                name="an\tb\x1b[2J", role="viewer", email="a\nb@x.vn", created_at=datetime.now(UTC)
            )
        )
        session.commit()
    listing = run_cli("user", "list", database_url=database_url)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert len(lines) == 2 and lines[1].split("\t")[:3] == [
        "an\\tb\\x1b[2J",
        "viewer",
        "a\\nb@x.vn",
    ]
    assert "\x1b" not in listing.stdout
