"""Two replicas behind nginx on one PostgreSQL, run from the files in deploy/.

nginx (Debian's binary, as an ordinary foreground process with everything in a temporary
folder) serves deploy/nginx/ddn-dashboard.conf with TLS on a self-signed certificate, in front
of two `streamlit run app.py` started with the ExecStart line of
deploy/systemd/ddn-dashboard@.service, both on one PostgreSQL database holding the small
hand-made dataset. The site file is used as shipped except for its listen addresses, its
certificate and its backend ports, plus a test-only `X-Upstream` header naming the replica that
answered; an access log records the sticky key and the replica of every request.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from email.message import Message
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from sqlalchemy import func, select, text
from sqlmodel import Session, col

from datastore.accounts import create_user
from datastore.config import DEFAULT_MAX_UPLOAD_MB
from datastore.config import PROJECT_ROOT as ROOT
from datastore.db import get_engine
from datastore.extracts import EXTRACT_COLUMNS
from datastore.extracts.reading import count_rows
from datastore.filters import Filters
from datastore.models.accounts import Role
from datastore.models.loads import ImportBatch
from i18n.catalogue import t
from testkit.browser import (
    PAGE_TIMEOUT_MS,
    VIEWPORT,
    charts,
    data_traces,
    load_through_import_page,
    sign_in,
    wait_until_settled,
)
from testkit.server import SERVER_START_SECONDS, stop_process
from tests.utils.small_dataset import load_small_fixture

if TYPE_CHECKING:
    from tests.conftest import PostgresServer

SITE = ROOT / "deploy" / "nginx" / "ddn-dashboard.conf"
UNIT = ROOT / "deploy" / "systemd" / "ddn-dashboard@.service"
BACKUP_SCRIPT = ROOT / "deploy" / "backup.sh"
STREAMLIT_CONFIG = ROOT / ".streamlit" / "config.toml"

# nginx listens on 127.0.0.2, which Streamlit does not trust as an origin on its own (it trusts
# localhost and 127.0.0.1 whatever the Host header says): the websocket is then accepted only
# because the proxy passes the browser's Host on, as a real host name would need.
PROXY_HOST = "127.0.0.2"
STICKY_COOKIE = "ddn_backend"
CERTIFICATE_PATH = "/etc/letsencrypt/live/dashboard.example.org/fullchain.pem"
KEY_PATH = "/etc/letsencrypt/live/dashboard.example.org/privkey.pem"
# Test only: which replica answered, as a response header and in the access log.
UPSTREAM_HEADER = "    add_header X-Upstream $upstream_addr always;\n"
LOG_FORMAT = "'$ddn_backend_key|$upstream_addr|$status|$request_method|$uri'"

EDITOR, EDITOR_PASSWORD = "lan", "mật khẩu của Lan 2026"
# Two associations new in 2026, 120 + 80 = 200 members. The small dataset's latest year is 2026
# with 250 (Gia Lai) + 450 (Đồng Nai) = 700 members, so the overview's figure becomes 900.
MEMBERS_BEFORE, MEMBERS_AFTER = "700", "900"
MEMBERS_CSV = (
    "year,province,organization,partner_country,members,chapters\r\n"
    "2026,Đắk Lắk,Hội hữu nghị Việt Nam – Lào tỉnh Đắk Lắk,Lào,120,3\r\n"
    "2026,Đồng Nai,Hội hữu nghị Việt Nam – Hàn Quốc tỉnh Đồng Nai,Hàn Quốc,80,2\r\n"
)
# Rows of the small dataset (tests/utils/small_dataset.py): members M1-M9, aid A1-A6,
# exchanges E1-E8.
SMALL_FIXTURE_ROWS = {"membership": 9, "aid": 6, "exchange": 8}


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def _nginx_binary() -> Path | None:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    return Path(found) if found else None


needs_nginx = pytest.mark.skipif(
    _nginx_binary() is None and not _ci(),
    reason="nginx is not installed (Debian's 'nginx' package; bash scripts/test.sh installs it)",
)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# Rendering the shipped files --------------------------------------------------------------------


def _replace_once(config: str, old: str, new: str) -> str:
    """Replace a line the test relies on; fails if the shipped file no longer has it once."""
    found = config.count(old)
    assert found == 1, f"{SITE.name}: expected {old.strip()!r} once, found it {found} times"
    return config.replace(old, new)


def _site_with_certificate(certificate: Path, key: Path) -> str:
    """The shipped site with a certificate of ours in place of Let's Encrypt's."""
    config = SITE.read_text()
    config = _replace_once(config, f" {CERTIFICATE_PATH};", f" {certificate};")
    return _replace_once(config, f" {KEY_PATH};", f" {key};")


def _site_for_test(
    *, certificate: Path, key: Path, http_port: int, https_port: int, backends: list[str]
) -> str:
    """The shipped site on loopback ports in front of our replicas, saying who answered."""
    config = _site_with_certificate(certificate, key)
    config = _replace_once(config, "    listen 80;\n", f"    listen {PROXY_HOST}:{http_port};\n")
    config = _replace_once(config, "    listen [::]:80;\n", "")
    config = _replace_once(
        config, "    listen 443 ssl http2;\n", f"    listen {PROXY_HOST}:{https_port} ssl http2;\n"
    )
    config = _replace_once(config, "    listen [::]:443 ssl http2;\n", "")
    shipped = re.findall(r"^    server 127\.0\.0\.1:\d+;\n", config, flags=re.MULTILINE)
    assert len(shipped) == len(backends), f"{SITE.name}: upstream lists {len(shipped)} servers"
    for line, backend in zip(shipped, backends, strict=True):
        config = _replace_once(config, line, f"    server {backend};\n")
    cookie_line = "    add_header Set-Cookie $ddn_backend_cookie always;\n"
    return _replace_once(config, cookie_line, cookie_line + UPSTREAM_HEADER)


def _main_config(folder: Path, site: Path, *, log_format: str | None = None) -> Path:
    """An nginx.conf around the site with every path in `folder` (no root paths needed)."""
    temp = folder / "temp"
    temp.mkdir(exist_ok=True)
    lines = [
        "daemon off;",
        "worker_processes 1;",
        f"pid {folder / 'nginx.pid'};",
        f"error_log {folder / 'error.log'} notice;",
        "events { worker_connections 512; }",
        "http {",
        *(f"    {kind}_temp_path {temp / kind};" for kind in ("client_body", "proxy")),
        *(f"    {kind}_temp_path {temp / kind};" for kind in ("fastcgi", "uwsgi", "scgi")),
    ]
    if os.geteuid() == 0:
        # Workers would run as nobody and could not enter pytest's private temporary folder.
        lines.insert(0, "user root;")
    if log_format is not None:
        lines += [
            f"    log_format replicas {log_format};",
            f"    access_log {folder / 'access.log'} replicas;",
        ]
    else:
        lines.append(f"    access_log {folder / 'access.log'};")
    lines += [f"    include {site};", "}"]
    path = folder / "nginx.conf"
    path.write_text("\n".join(lines) + "\n")
    return path


def _self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for PROXY_HOST, valid for a day."""
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={PROXY_HOST}",
            "-addext",
            f"subjectAltName=IP:{PROXY_HOST}",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    return certificate, key


def _replica_command(port: int) -> list[str]:
    """The unit's ExecStart line, with this checkout's virtual environment and `port` for %i."""
    lines = [line for line in UNIT.read_text().splitlines() if line.startswith("ExecStart=")]
    assert len(lines) == 1, f"{UNIT.name} has {len(lines)} ExecStart lines"
    program, *args = shlex.split(lines[0].removeprefix("ExecStart="))
    assert Path(program).name == "streamlit", program
    streamlit = Path(sys.executable).with_name("streamlit")
    return [str(streamlit), *(arg.replace("%i", str(port)) for arg in args)]


# The running deployment -------------------------------------------------------------------------


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: str


@dataclass(frozen=True)
class Deployment:
    """nginx on https://PROXY_HOST:<port> in front of two replicas on one database."""

    base_url: str
    http_port: int
    backends: tuple[str, str]
    database_url: str
    certificate: Path
    access_log: Path
    # For each replica, a sticky-cookie value that nginx sends to it.
    pinned: dict[str, str]

    def get(self, path: str, *, sticky: str | None = None) -> Response:
        """An HTTPS request through nginx, with a sticky cookie if given."""
        headers = {"Cookie": f"{STICKY_COOKIE}={sticky}"} if sticky else {}
        request = urllib.request.Request(self.base_url + path, headers=headers)
        context = ssl.create_default_context(cafile=str(self.certificate))
        try:
            with urllib.request.urlopen(request, timeout=10, context=context) as answer:
                return Response(answer.status, answer.headers, answer.read().decode())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers, error.read().decode(errors="replace"))


@dataclass(frozen=True)
class Logged:
    """One line of the test's access log."""

    key: str
    upstream: str
    status: int
    method: str
    path: str


def _access_log(deployment: Deployment) -> list[Logged]:
    if not deployment.access_log.exists():
        return []
    return [
        Logged(key, upstream, int(status), method, path)
        for key, upstream, status, method, path in (
            line.split("|", 4) for line in deployment.access_log.read_text().splitlines() if line
        )
    ]


def _logged_for(deployment: Deployment, keys: list[str]) -> dict[str, list[Logged]]:
    """Each key's requests, once the websocket of each has ended (nginx logs it at its close)."""
    deadline = time.monotonic() + 20
    while True:
        lines = _access_log(deployment)
        by_key = {key: [line for line in lines if line.key == key] for key in keys}
        streams = {
            key: any(line.path == "/_stcore/stream" for line in found)
            for key, found in by_key.items()
        }
        if all(streams.values()):
            return by_key
        if time.monotonic() > deadline:
            raise AssertionError(f"no websocket logged through nginx for: {streams}")
        time.sleep(0.2)


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@contextmanager
def _running(
    command: list[str], *, log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """A process stopped (and waited for) on leaving the block."""
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
        try:
            yield process
        finally:
            stop_process(process, grace=15)


def _wait_until(
    ready: Callable[[], bool], process: subprocess.Popen[bytes], log: Path, what: str
) -> None:
    """Wait until `ready()`; fail with the end of the log if the process dies or takes too long."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            output = log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{what} did not start:\n{output}")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def nginx_binary() -> Path:
    """Debian's nginx; without it the tests are skipped (see needs_nginx), except in CI."""
    found = _nginx_binary()
    if found is None:
        pytest.fail("nginx is not installed; CI must test the replicas", pytrace=False)
    return found


@pytest.fixture(scope="module")
def replica_database(
    nginx_binary: Path, postgres_server: PostgresServer, _postgres_template: str
) -> Iterator[str]:
    """One PostgreSQL database for both replicas: the small dataset and an editor."""
    name = postgres_server.create_database(template=_postgres_template)
    url = postgres_server.url(name)
    try:
        with Session(get_engine(url)) as session:
            load_small_fixture(session=session)
            session.commit()
            create_user(session=session, name=EDITOR, role=Role.EDITOR, password=EDITOR_PASSWORD)
        yield url
    finally:
        get_engine(url).dispose()
        postgres_server.drop_database(name)


@pytest.fixture(scope="module")
def deployment(
    nginx_binary: Path, replica_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Deployment]:
    """Two replicas as the systemd unit starts them, behind the shipped nginx site."""
    folder = tmp_path_factory.mktemp("replicas")
    ports = [_free_port(), _free_port()]
    backends = [f"127.0.0.1:{port}" for port in ports]
    # What /etc/ddn-dashboard/env gives every replica: the same database and cookie secret.
    env = {
        **os.environ,
        "DATABASE_URL": replica_database,
        "DDN_NO_DEMO": "1",
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
    }
    env.pop("DDN_LOGIN_REQUIRED", None)
    certificate, key = _self_signed_certificate(folder)
    http_port, https_port = _free_port(), _free_port()
    site = folder / "ddn-dashboard.conf"
    site.write_text(
        _site_for_test(
            certificate=certificate,
            key=key,
            http_port=http_port,
            https_port=https_port,
            backends=backends,
        )
    )
    config = _main_config(folder, site, log_format=LOG_FORMAT)
    with ExitStack() as stack:
        replicas = []
        for port in ports:
            log = folder / f"streamlit-{port}.log"
            process = stack.enter_context(_running(_replica_command(port), log=log, env=env))
            replicas.append((port, process, log))
        for port, process, log in replicas:
            health = f"http://127.0.0.1:{port}/_stcore/health"
            _wait_until(partial(_healthy, health), process, log, f"replica {port}")
        log = folder / "nginx.log"
        nginx = stack.enter_context(
            _running([str(nginx_binary), "-p", str(folder), "-c", str(config)], log=log)
        )
        deployment = Deployment(
            base_url=f"https://{PROXY_HOST}:{https_port}",
            http_port=http_port,
            backends=(backends[0], backends[1]),
            database_url=replica_database,
            certificate=certificate,
            access_log=folder / "access.log",
            pinned={},
        )

        def through_nginx() -> bool:
            try:
                return deployment.get("/_stcore/health").status == 200
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                return False

        _wait_until(through_nginx, nginx, folder / "error.log", "nginx")
        # Cookie values that nginx hashes to each replica (about half go to each).
        for number in range(64):
            value = f"probe-{number}"
            upstream = deployment.get("/_stcore/health", sticky=value).headers["X-Upstream"]
            deployment.pinned.setdefault(upstream, value)
            if len(deployment.pinned) == len(backends):
                break
        yield deployment


def _context(chromium: Browser, deployment: Deployment, *, pinned_to: str | None) -> BrowserContext:
    """A browser with no cookies, or with the sticky cookie that sends it to one replica."""
    context = chromium.new_context(viewport=VIEWPORT, locale="vi-VN", ignore_https_errors=True)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    if pinned_to is not None:
        value = deployment.pinned[pinned_to]
        context.add_cookies([{"name": STICKY_COOKIE, "value": value, "url": deployment.base_url}])
    return context


def _open(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    # A replica's first page also migrates and fills its caches: allow it more time.
    page.goto(url, timeout=2 * PAGE_TIMEOUT_MS)
    wait_until_settled(page)
    return page


def _sticky_key(context: BrowserContext) -> str:
    values = [c.get("value", "") for c in context.cookies() if c.get("name") == STICKY_COOKIE]
    assert len(values) == 1, values
    return str(values[0])


def _members_figure(page: Page) -> str:
    """The members figure of the overview's headline (the first metric)."""
    labels = page.locator('[data-testid="stMetricLabel"]')
    assert labels.first.inner_text().strip() == t("metric.members", "vi")
    return page.locator('[data-testid="stMetricValue"]').first.inner_text().strip()


# Tests --------------------------------------------------------------------------------------------


@needs_nginx
def test_each_replica_serves_the_dashboard_and_its_health_check_directly_and_through_nginx(
    deployment: Deployment,
) -> None:
    assert set(deployment.pinned) == set(deployment.backends)
    for backend in deployment.backends:
        with urllib.request.urlopen(f"http://{backend}/_stcore/health", timeout=5) as answer:
            assert (answer.status, answer.read().decode()) == (200, "ok")
        sticky = deployment.pinned[backend]
        health = deployment.get("/_stcore/health", sticky=sticky)
        assert (health.status, health.body, health.headers["X-Upstream"]) == (200, "ok", backend)
        page = deployment.get("/", sticky=sticky)
        assert (page.status, page.headers["X-Upstream"]) == (200, backend)
        assert '<div id="root"></div>' in page.body


@needs_nginx
def test_each_replica_streams_the_data_pages_csv_through_nginx(deployment: Deployment) -> None:
    # The unit starts app.py, whose st.App serves the Data page's download route.
    with Session(get_engine(deployment.database_url)) as session:
        rows = count_rows("members", session=session, filters=Filters())
    for backend, sticky in deployment.pinned.items():
        answer = deployment.get("/extract/members.csv", sticky=sticky)
        assert (answer.status, answer.headers["X-Upstream"]) == (200, backend)
        assert answer.headers["Content-Disposition"].startswith('attachment; filename="members_')
        lines = answer.body.removeprefix("\ufeff").split("\r\n")
        assert lines[0] == ",".join(EXTRACT_COLUMNS["members"])
        assert len(lines) - 2 == rows > 0  # the header, and "" after the last CRLF


@needs_nginx
def test_a_sticky_cookie_value_always_reaches_the_same_replica(deployment: Deployment) -> None:
    for backend, sticky in deployment.pinned.items():
        answered = {deployment.get("/_stcore/health", sticky=sticky).headers["X-Upstream"]}
        answered |= {deployment.get("/", sticky=sticky).headers["X-Upstream"] for _ in range(4)}
        assert answered == {backend}
    for number in range(8):
        value = f"browser-{number}"
        answered = {deployment.get("/", sticky=value).headers["X-Upstream"] for _ in range(3)}
        assert len(answered) == 1, (value, answered)


@needs_nginx
def test_a_first_request_gets_a_random_sticky_cookie_that_keeps_it_on_the_replica_that_answered(
    deployment: Deployment,
) -> None:
    first = deployment.get("/")
    cookies = [c for c in first.headers.get_all("Set-Cookie", []) if c.startswith("ddn_backend=")]
    assert len(cookies) == 1, first.headers.get_all("Set-Cookie")
    match = re.fullmatch(
        r"ddn_backend=([0-9a-f]{32}); Path=/; Secure; HttpOnly; SameSite=Lax", cookies[0]
    )
    assert match, cookies[0]
    replica = first.headers["X-Upstream"]
    for _ in range(4):
        again = deployment.get("/", sticky=match.group(1))
        assert again.headers["X-Upstream"] == replica
        # The cookie is set once; a browser that has it is not sent another.
        assert not any(
            c.startswith("ddn_backend=") for c in again.headers.get_all("Set-Cookie", [])
        )
    assert first.headers["Strict-Transport-Security"] == "max-age=31536000"


@needs_nginx
def test_plain_http_is_sent_to_https_except_for_certificate_renewal(
    deployment: Deployment,
) -> None:
    connection = http.client.HTTPConnection(PROXY_HOST, deployment.http_port, timeout=10)
    try:
        connection.request("GET", "/ton-giao?nam=2026")
        redirect = connection.getresponse()
        redirect.read()
        assert redirect.status == 301
        assert redirect.getheader("Location") == f"https://{PROXY_HOST}/ton-giao?nam=2026"
        connection.request("GET", "/.well-known/acme-challenge/token-of-certbot")
        challenge = connection.getresponse()
        challenge.read()
        # Served from certbot's folder (empty here), not redirected.
        assert challenge.status == 404
    finally:
        connection.close()


@needs_nginx
@pytest.mark.browser
def test_two_browsers_stay_each_on_their_replica_and_draw_charts_over_the_websocket(
    deployment: Deployment, chromium: Browser
) -> None:
    fresh = _context(chromium, deployment, pinned_to=None)
    try:
        page = _open(fresh, deployment.base_url + "/")
        assert any(data_traces(chart) for chart in charts(page))
        fresh_key = _sticky_key(fresh)
    finally:
        fresh.close()
    first_lines = [line for line in _access_log(deployment) if line.key == fresh_key]
    assert first_lines, f"nothing logged for the fresh browser's key {fresh_key}"
    fresh_replica = first_lines[0].upstream
    other_replica = next(b for b in deployment.backends if b != fresh_replica)

    pinned = _context(chromium, deployment, pinned_to=other_replica)
    try:
        page = _open(pinned, deployment.base_url + "/")
        assert any(data_traces(chart) for chart in charts(page))
        pinned_key = _sticky_key(pinned)
    finally:
        pinned.close()

    logged = _logged_for(deployment, [fresh_key, pinned_key])
    expected = {fresh_key: fresh_replica, pinned_key: other_replica}
    for key, lines in logged.items():
        # The page, its scripts, its health and host checks and its websocket: one replica.
        assert {line.upstream for line in lines} == {expected[key]}, key
        assert len(lines) > 5
        streams = [line for line in lines if line.path == "/_stcore/stream"]
        assert [(line.method, line.status) for line in streams] == [("GET", 101)]


@needs_nginx
@pytest.mark.browser
def test_a_load_through_one_replica_shows_on_the_other_at_its_next_rerun(
    deployment: Deployment, chromium: Browser, tmp_path: Path
) -> None:
    loader, viewer = deployment.backends
    watching = _context(chromium, deployment, pinned_to=viewer)
    loading = _context(chromium, deployment, pinned_to=loader)
    try:
        # The viewer's replica computes and caches the overview before the load. 2026 is not
        # over, so the headline shows it only when it is the one year chosen.
        overview = _open(watching, deployment.base_url + "/?years=2026")
        assert t("overview.headline", "vi", year=2026) in overview.inner_text("h3")
        assert _members_figure(overview) == MEMBERS_BEFORE

        page = _open(loading, deployment.base_url + "/")
        sign_in(page, EDITOR, EDITOR_PASSWORD)
        csv_file = tmp_path / "hội viên 2026.csv"
        csv_file.write_text(MEMBERS_CSV, encoding="utf-8-sig")
        load_through_import_page(page, csv_file)
        main = page.locator('[data-testid="stMainBlockContainer"]').inner_text()
        assert "thêm 2 dòng" in main

        # The same browser session on the other replica reruns and reads the new data version.
        overview.reload()
        wait_until_settled(overview)
        assert _members_figure(overview) == MEMBERS_AFTER
        loading_key, watching_key = _sticky_key(loading), _sticky_key(watching)
    finally:
        loading.close()
        watching.close()

    with Session(get_engine(deployment.database_url)) as session:
        loads = session.execute(
            select(col(ImportBatch.created_by), col(ImportBatch.rows_added))
        ).all()
    assert [tuple(row) for row in loads if row[0] == EDITOR] == [(EDITOR, 2)]
    logged = _logged_for(deployment, [loading_key, watching_key])
    assert {line.upstream for line in logged[loading_key]} == {loader}
    assert {line.upstream for line in logged[watching_key]} == {viewer}
    uploads = [line for line in logged[loading_key] if line.path.startswith("/_stcore/upload_")]
    assert uploads and all(line.status < 300 for line in uploads)


@needs_nginx
def test_the_shipped_site_passes_nginx_configuration_test_with_its_production_ports(
    nginx_binary: Path, tmp_path: Path
) -> None:
    certificate, key = _self_signed_certificate(tmp_path)
    site = tmp_path / "ddn-dashboard.conf"
    site.write_text(_site_with_certificate(certificate, key))
    config = _main_config(tmp_path, site)
    result = subprocess.run(
        [str(nginx_binary), "-t", "-p", str(tmp_path), "-c", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
    assert "[warn]" not in result.stderr, result.stderr


def test_the_proxy_takes_uploads_one_megabyte_above_the_apps_own_limit() -> None:
    limits = re.findall(r"^\s*client_max_body_size (\d+)m;$", SITE.read_text(), re.MULTILINE)
    app_limit = tomllib.loads(STREAMLIT_CONFIG.read_text())["server"]["maxUploadSize"]
    assert app_limit == DEFAULT_MAX_UPLOAD_MB == 20
    # The app refuses a larger file itself, with a message; the extra megabyte is for the
    # multipart envelope around a file of exactly the limit.
    assert [int(limit) for limit in limits] == [21]


def _pg_client_dir() -> Path:
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_dump"),
        key=lambda path: int(re.sub(r"\D", "", path.parent.parent.name) or 0),
    )
    if candidates:
        return candidates[-1].parent
    found = shutil.which("pg_dump")
    if found is None:
        pytest.fail("pg_dump not found next to the PostgreSQL server binaries", pytrace=False)
    return Path(found).parent


def _counts(url: str) -> dict[str, int]:
    with get_engine(url).connect() as connection:
        counts = {
            table: int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in SMALL_FIXTURE_ROWS
        }
    get_engine(url).dispose()
    return counts


def test_the_backup_script_writes_a_dump_that_restores_and_drops_only_old_dumps(
    postgres_server: PostgresServer, _postgres_template: str, tmp_path: Path
) -> None:
    source = postgres_server.create_database(template=_postgres_template)
    restored = postgres_server.create_database()
    try:
        source_url = postgres_server.url(source)
        with Session(get_engine(source_url)) as session:
            load_small_fixture(session=session)
            session.commit()
        get_engine(source_url).dispose()
        backups = tmp_path / "backups"
        backups.mkdir()
        old, recent = backups / "ddn-20250101T023000Z.dump", backups / "ddn-recent.dump"
        old.write_bytes(b"an old dump")
        recent.write_bytes(b"a dump from yesterday")
        day = 24 * 60 * 60
        os.utime(old, (time.time() - 15 * day, time.time() - 15 * day))
        os.utime(recent, (time.time() - 1 * day, time.time() - 1 * day))

        client = _pg_client_dir()
        env = {
            **os.environ,
            "PATH": f"{client}:{os.environ.get('PATH', '')}",
            "DATABASE_URL": source_url,
            "BACKUP_DIR": str(backups),
            "BACKUP_KEEP_DAYS": "14",
        }
        result = subprocess.run(
            ["bash", str(BACKUP_SCRIPT)], env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        kept = sorted(path.name for path in backups.iterdir())
        new = [name for name in kept if re.fullmatch(r"ddn-\d{8}T\d{6}Z\.dump", name)]
        assert len(new) == 1, kept
        assert sorted(kept) == sorted([*new, recent.name])
        assert f"removed old backup: {old}" in result.stdout

        # The restore steps of docs/deploy.md, into an empty database.
        target = (
            f"postgresql://{postgres_server.user}@{postgres_server.host}:{postgres_server.port}"
        )
        restore = subprocess.run(
            [
                str(client / "pg_restore"),
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={target}/{restored}",
                str(backups / new[0]),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert restore.returncode == 0, restore.stderr
        restored_url = postgres_server.url(restored)
        assert _counts(restored_url) == SMALL_FIXTURE_ROWS
        with Session(get_engine(restored_url)) as session:
            batches = session.execute(select(func.count()).select_from(ImportBatch)).scalar_one()
        get_engine(restored_url).dispose()
        assert batches == 3
    finally:
        postgres_server.drop_database(source)
        postgres_server.drop_database(restored)
