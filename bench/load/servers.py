"""The servers a load test runs against: Streamlit replicas, and nginx in front of two of them.

A replica is started with the ExecStart line of deploy/systemd/ddn-dashboard@.service (the
port put in for %i); nginx serves deploy/nginx/ddn-dashboard.conf as shipped except for its
listen addresses, its certificate (self-signed, made here) and its backend ports, as
tests/deploy/test_replicas.py runs it.
"""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from datastore.config import PROJECT_ROOT
from testkit.server import SERVER_START_SECONDS, free_port, stop_process

UNIT = PROJECT_ROOT / "deploy" / "systemd" / "ddn-dashboard@.service"
SITE = PROJECT_ROOT / "deploy" / "nginx" / "ddn-dashboard.conf"
# Streamlit trusts 127.0.0.1 as an origin whatever the Host header; nginx listens elsewhere so
# that the websocket is accepted only because the proxy passes the Host on, as in production.
PROXY_HOST = "127.0.0.2"
SHIPPED_CERTIFICATE = "/etc/letsencrypt/live/dashboard.example.org/fullchain.pem"
SHIPPED_KEY = "/etc/letsencrypt/live/dashboard.example.org/privkey.pem"


@dataclass(frozen=True)
class Target:
    """Where the sessions connect, and the server processes whose CPU and memory are sampled."""

    base_url: str
    pids: tuple[int, ...]
    tls: ssl.SSLContext | None = None


def nginx_binary() -> Path | None:
    """Debian's nginx, or None."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    return Path(found) if found else None


def _healthy(url: str, tls: ssl.SSLContext | None = None) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2, context=tls) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _wait(url: str, process: subprocess.Popen[bytes], log: Path, tls: ssl.SSLContext | None = None):
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not _healthy(url, tls):
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)


def replica_command(port: int, script: str = "app.py") -> list[str]:
    """The unit's ExecStart line with this checkout's Streamlit, `port` for %i, `script` run."""
    lines = [line for line in UNIT.read_text().splitlines() if line.startswith("ExecStart=")]
    _program, *args = shlex.split(lines[0].removeprefix("ExecStart="))
    args = [arg.replace("%i", str(port)) for arg in args]
    args[args.index("app.py")] = script
    return [str(Path(sys.executable).with_name("streamlit")), *args]


@contextmanager
def replica(
    database_url: str,
    folder: Path,
    *,
    script: str = "app.py",
    env: dict[str, str] | None = None,
) -> Iterator[Target]:
    """One replica on a free loopback port, serving `database_url`; stopped on leaving."""
    port = free_port()
    log = folder / f"streamlit-{port}.log"
    environ = {**os.environ, "DATABASE_URL": database_url, "DDN_NO_DEMO": "1", **(env or {})}
    environ.pop("DDN_LOGIN_REQUIRED", None)
    with log.open("wb") as output:
        process = subprocess.Popen(
            replica_command(port, script),
            cwd=PROJECT_ROOT,
            env=environ,
            stdout=output,
            stderr=output,
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            _wait(f"{base_url}/_stcore/health", process, log)
            yield Target(base_url=base_url, pids=(process.pid,))
        finally:
            stop_process(process)


def _certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "ec"),
            *("-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-nodes", "-days", "1", "-subj", f"/CN={PROXY_HOST}"),
            *("-addext", f"subjectAltName=IP:{PROXY_HOST}", "-keyout", str(key)),
            *("-out", str(certificate)),
        ],
        check=True,
        capture_output=True,
    )
    return certificate, key


def _site(certificate: Path, key: Path, https_port: int, backends: list[str]) -> str:
    """The shipped site on a loopback port, with our certificate, in front of our replicas."""
    config = SITE.read_text()
    config = config.replace(f" {SHIPPED_CERTIFICATE};", f" {certificate};")
    config = config.replace(f" {SHIPPED_KEY};", f" {key};")
    # The plain-HTTP server only redirects: it listens on a free port, never used.
    config = config.replace("    listen 80;\n", f"    listen {PROXY_HOST}:{free_port()};\n")
    secure = f"    listen {PROXY_HOST}:{https_port} ssl http2;\n"
    config = config.replace("    listen 443 ssl http2;\n", secure)
    config = re.sub(r"^    listen \[::\]:\d+.*\n", "", config, flags=re.MULTILINE)
    shipped = re.findall(r"^    server 127\.0\.0\.1:\d+;\n", config, flags=re.MULTILINE)
    if len(shipped) != len(backends):
        raise RuntimeError(f"{SITE.name} lists {len(shipped)} replicas, not {len(backends)}")
    for line, backend in zip(shipped, backends, strict=True):
        config = config.replace(line, f"    server {backend};\n")
    return config


def _nginx_conf(folder: Path, site: Path) -> Path:
    temp = folder / "temp"
    temp.mkdir(exist_ok=True)
    lines = [
        *(["user root;"] if os.geteuid() == 0 else []),
        "daemon off;",
        "worker_processes 1;",
        f"pid {folder / 'nginx.pid'};",
        f"error_log {folder / 'nginx-error.log'} notice;",
        "events { worker_connections 1024; }",
        "http {",
        *(f"    {kind}_temp_path {temp / kind};" for kind in ("client_body", "proxy")),
        *(f"    {kind}_temp_path {temp / kind};" for kind in ("fastcgi", "uwsgi", "scgi")),
        f"    access_log {folder / 'nginx-access.log'};",
        f"    include {site};",
        "}",
    ]
    path = folder / "nginx.conf"
    path.write_text("\n".join(lines) + "\n")
    return path


@contextmanager
def two_replicas_behind_nginx(database_url: str, folder: Path, nginx: Path) -> Iterator[Target]:
    """Two replicas with one cookie secret on one database, behind the shipped nginx site."""
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    with ExitStack() as stack:
        replicas = [stack.enter_context(replica(database_url, folder, env=env)) for _ in range(2)]
        backends = [r.base_url.removeprefix("http://") for r in replicas]
        certificate, key = _certificate(folder)
        https_port = free_port()
        site = folder / "ddn-dashboard.conf"
        site.write_text(_site(certificate, key, https_port, backends))
        config = _nginx_conf(folder, site)
        log = folder / "nginx.log"
        output = stack.enter_context(log.open("wb"))
        process = subprocess.Popen(
            [str(nginx), "-p", str(folder), "-c", str(config)], stdout=output, stderr=output
        )
        stack.callback(stop_process, process)
        tls = ssl.create_default_context(cafile=str(certificate))
        base_url = f"https://{PROXY_HOST}:{https_port}"
        _wait(f"{base_url}/_stcore/health", process, log, tls)
        yield Target(base_url=base_url, pids=tuple(p for r in replicas for p in r.pids), tls=tls)
