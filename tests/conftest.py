"""Test databases: SQLite files and a real PostgreSQL server, each migrated through Alembic.

Every test that asks for `database_url` (or `engine`, `session`) runs twice, once per backend,
on a fresh database that already holds the schema and the reference data. The PostgreSQL
server is started once per test session, only if a test needs it, from Debian's binaries.
"""

from __future__ import annotations

import itertools
import os
import pwd
import re
import shutil
import socket
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from datastore.db import get_engine
from datastore.migrate import migrate
from tests.utils.small_dataset import load_small_fixture

# One module for the browser fixtures, registered here at the root so that every folder
# shares one Chromium (a second Playwright started in the same run fails).
pytest_plugins = ["tests.utils.browser_fixtures"]

BACKENDS = ["sqlite", "postgresql"]
_DATABASE_NAMES = itertools.count(1)


@dataclass(frozen=True)
class PostgresServer:
    """A throwaway PostgreSQL server on 127.0.0.1 with trust authentication."""

    port: int
    version_num: int  # e.g. 150018 for 15.18
    user: str = "postgres"
    host: str = "127.0.0.1"

    def url(self, database: str) -> str:
        """SQLAlchemy URL of one database on this server."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def execute(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql.encode())

    def create_database(self, *, template: str = "template0") -> str:
        """A new database copied from `template`; returns its name."""
        name = f"test_{next(_DATABASE_NAMES)}"
        # Copying the files is faster than WAL-logging every page of a small database.
        strategy = " STRATEGY FILE_COPY" if self.version_num >= 150000 else ""
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"{strategy}')
        return name

    def drop_database(self, name: str) -> None:
        """Drop a database even if a forgotten connection is still open on it."""
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def _postgres_bin_dir() -> Path | None:
    """Debian's newest /usr/lib/postgresql/<version>/bin, else whatever is on PATH."""

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", path.parent.parent.name))

    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=version)
    if candidates:
        return candidates[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _unprivileged_prefix(base: Path) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the `postgres` (or `nobody`) user then."""
    if os.geteuid() != 0:
        return []
    for user in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(user)
        except KeyError:
            continue
        os.chown(base, entry.pw_uid, entry.pw_gid)
        return ["runuser", "-u", user, "--"]
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str], *, what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed ({result.returncode}):\n{result.stdout}{result.stderr}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server in a temporary folder, started once and stopped at the end."""
    bin_dir = _postgres_bin_dir()
    if bin_dir is None:
        message = (
            "PostgreSQL server binaries (initdb, pg_ctl) not found; "
            "install Debian's 'postgresql' package (bash scripts/test.sh does)"
        )
        if _ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    base = Path(tempfile.mkdtemp(prefix="ddn-pg-"))
    data_dir, log_file = base / "data", base / "server.log"
    prefix = _unprivileged_prefix(base)
    started = False
    try:
        initdb = [str(bin_dir / "initdb"), "-D", str(data_dir), "-U", "postgres", "-A", "trust"]
        # UTF-8 with a UTF-8 ctype so lower()/upper() handle Vietnamese letters; --no-sync
        # because a test cluster need not survive a power cut.
        _run([*prefix, *initdb, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], what="initdb")
        last_error: RuntimeError | None = None
        for _attempt in range(3):  # another process may grab the free port before we bind it
            port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={base}"
                " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-l", str(log_file)]
            try:
                _run([*prefix, *pg_ctl, "-o", options, "-w", "-t", "60", "start"], what="pg_ctl")
            except RuntimeError as error:
                last_error = error
                continue
            started = True
            break
        if not started:
            log = log_file.read_text(errors="replace") if log_file.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {last_error}\n{log[-2000:]}")
        with psycopg.connect(
            host="127.0.0.1", port=port, user="postgres", dbname="postgres"
        ) as connection:
            row = connection.execute("SHOW server_version_num").fetchone()
        yield PostgresServer(port=port, version_num=int(row[0]) if row else 0)
    finally:
        if started:
            _run(
                [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-m", "fast", "-w", "stop"],
                what="pg_ctl stop",
            )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def _postgres_template(postgres_server: PostgresServer) -> str:
    """A database migrated once; each test gets a copy made by CREATE DATABASE ... TEMPLATE."""
    name = postgres_server.create_database()
    url = postgres_server.url(name)
    migrate(url)
    # CREATE DATABASE refuses a template that anyone is connected to.
    get_engine(url).dispose()
    return name


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once; each test gets a copy."""
    path = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite3"
    url = f"sqlite:///{path}"
    migrate(url)
    get_engine(url).dispose()
    return path


def _sqlite_copy(template: Path, target: Path) -> str:
    """Copy through SQLite's backup API, which also takes pages still in the WAL file."""
    source, destination = sqlite3.connect(template), sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()
    return f"sqlite:///{target}"


def _forget_engine(url: str) -> None:
    """Close pooled connections so files can go and PostgreSQL databases can be dropped."""
    get_engine(url).dispose()


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh database with the schema at head and the reference data loaded."""
    if request.param == "sqlite":
        template = request.getfixturevalue("_sqlite_template")
        url = _sqlite_copy(template, tmp_path / "test.sqlite3")
        yield url
        _forget_engine(url)
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database(template=request.getfixturevalue("_postgres_template"))
    url = server.url(name)
    try:
        yield url
    finally:
        _forget_engine(url)
        server.drop_database(name)


@pytest.fixture(params=BACKENDS, ids=BACKENDS)
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a database with nothing in it at all, not even the schema."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        yield url
        _forget_engine(url)
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    url = server.url(name)
    try:
        yield url
    finally:
        _forget_engine(url)
        server.drop_database(name)


@pytest.fixture
def sqlite_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Like `database_url`, on SQLite only, for tests that need just one backend."""
    url = _sqlite_copy(request.getfixturevalue("_sqlite_template"), tmp_path / "test.sqlite3")
    yield url
    _forget_engine(url)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """The engine of `database_url` (the cached one that application code also gets)."""
    engine = get_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on `engine`; whatever it leaves uncommitted is rolled back."""
    with Session(engine) as session:
        yield session


# The small dataset (tests/utils/small_dataset.py), loaded as three import batches -----------


@pytest.fixture
def small(session: Session) -> Session:
    """The session after the small dataset has been loaded (batches 1-3)."""
    load_small_fixture(session=session)
    return session


@pytest.fixture
def small_url(database_url: str) -> str:
    """URL of a database (SQLite, then PostgreSQL) holding the small dataset."""
    with Session(get_engine(database_url)) as session:
        load_small_fixture(session=session)
    return database_url


@pytest.fixture
def small_sqlite_url(sqlite_url: str) -> str:
    """Like `small_url`, on SQLite only."""
    with Session(get_engine(sqlite_url)) as session:
        load_small_fixture(session=session)
    return sqlite_url
