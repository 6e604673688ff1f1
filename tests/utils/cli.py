"""`python -m datastore ARGS` as a user runs it: exit code, stdout and stderr."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from unittest import mock

from datastore.cli import main
from datastore.config import PROJECT_ROOT


@dataclass(frozen=True)
class CliRun:
    """What one command did: its exit code and what it wrote."""

    returncode: int
    stdout_bytes: bytes  # extracts are bytes (a BOM, then CSV or XLSX)
    stderr: str

    @property
    def stdout(self) -> str:
        """Standard output as text."""
        return self.stdout_bytes.decode()


def run_cli(
    *args: str,
    database_url: str | None = None,
    stdin: str = "",
    environ: Mapping[str, str] | None = None,
    in_subprocess: bool = False,
) -> CliRun:
    """Run one command with DATABASE_URL and `environ` set, `stdin` piped, no terminal.

    In this process by default, through `datastore.cli.main`; `in_subprocess=True` starts
    `python -m datastore` for real, for the smoke tests that prove the module entry works.
    """
    env = {**({"DATABASE_URL": database_url} if database_url else {}), **(environ or {})}
    if in_subprocess:
        done = subprocess.run(
            [sys.executable, "-m", "datastore", *args],
            input=stdin.encode(),
            capture_output=True,
            cwd=PROJECT_ROOT,
            env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
            timeout=300,
            check=False,
        )
        return CliRun(done.returncode, done.stdout, done.stderr.decode())
    out, err = io.BytesIO(), io.BytesIO()
    # write_through: text and bytes written to sys.stdout.buffer keep their order.
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    with (
        mock.patch.dict(os.environ, env),
        mock.patch.object(sys, "stdin", io.StringIO(stdin)),
        redirect_stdout(stdout),
        redirect_stderr(stderr),
    ):
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's usage errors, as the interpreter would exit
            code = _exit_status(stop.code)
    return CliRun(code, out.getvalue(), err.getvalue().decode())


def _exit_status(code: object) -> int:
    """The process exit status `raise SystemExit(code)` gives."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1
