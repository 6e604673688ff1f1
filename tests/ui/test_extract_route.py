"""The Data page's streamed downloads: the link's filters read back, files over HTTP, refusals."""

from __future__ import annotations

import io
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import openpyxl
import pytest
from sqlalchemy import delete
from sqlmodel import Session, col
from starlette.applications import Starlette

from datastore.accounts import create_user
from datastore.db import get_engine
from datastore.export import export_bytes, file_name
from datastore.extracts import EXTRACT_COLUMNS
from datastore.filters import Filters
from datastore.models.accounts import Role, UserAccount
from datastore.models.reference import ProvinceList
from datastore.queries.options import list_years
from datastore.reference.directory import Directory
from i18n.catalogue import t
from testkit.server import DashboardServer, run_dashboard
from ui import extract_route
from ui.extract_pass import EXPIRED, LIFETIME_SECONDS, NOT_VALID, Holder, link_secret, with_pass
from ui.extract_route import (
    ROUTES,
    ExtractRequest,
    extract_href,
    read_request,
    stream_extract,
)

PASSWORD = "mật khẩu của Minh 2026"
SECRET = "the replicas' shared cookie secret"
MINH = Holder(account="minh", via="password")


def fetch(url: str) -> tuple[int, Message, bytes]:
    """Status, headers and body of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def attachment_name(headers: Message) -> str:
    """The file name a Content-Disposition header gives."""
    disposition = Message()
    disposition["content-disposition"] = headers["Content-Disposition"]
    assert disposition.get_content_disposition() == "attachment"
    name = disposition.get_filename()
    assert name
    return name


def _directory_and_years(url: str) -> tuple[Directory, list[int]]:
    with Session(get_engine(url)) as session:
        return Directory.load(session=session), list_years(session=session)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(provinces=("01", "75"), year_from=2019, year_to=2021, countries=("LAO", "KHM")),
        Filters(province_list=ProvinceList.LEGACY, provinces=("02",), year_from=2020, year_to=2020),
    ],
)
def test_a_link_reads_back_as_the_filters_and_file_name_of_the_page(
    small_url: str, filters: Filters
) -> None:
    directory, years = _directory_and_years(small_url)
    for lang in ("vi", "en"):
        href = extract_href("aid", "xlsx", filters=filters, lang=lang)
        path, _, query = href.partition("?")
        params = parse_qs(query)
        asked = read_request(path.rsplit("/", 1)[-1], params, directory, years)
        assert asked == ExtractRequest(kind="aid", fmt="xlsx", filters=filters, lang=lang)


def test_the_streamed_csv_is_the_command_lines_file(small_url: str) -> None:
    filters = Filters(year_from=2020, year_to=2026)
    asked = ExtractRequest(kind="exchanges", fmt="csv", filters=filters, lang="vi")
    streamed = b"".join(stream_extract(asked, engine=get_engine(small_url)))
    assert streamed == export_bytes("exchanges", engine=get_engine(small_url), filters=filters)


def test_a_reader_that_leaves_stops_the_writer(
    small_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small pieces and a short queue, so that the writer waits on the reader long before the end.
    monkeypatch.setattr(extract_route, "PIECE_BYTES", 64)
    monkeypatch.setattr(extract_route, "_QUEUED_PIECES", 2)
    asked = ExtractRequest(kind="exchanges", fmt="csv", filters=Filters(), lang="vi")
    pieces = stream_extract(asked, engine=get_engine(small_url))
    assert len(next(pieces)) >= 64
    assert any(thread.name == "extract-exchanges" for thread in threading.enumerate())
    pieces.close()  # what Starlette does when the browser goes away
    assert not any(thread.name == "extract-exchanges" for thread in threading.enumerate())


def test_an_unknown_value_is_refused_in_both_languages_naming_it(small_url: str) -> None:
    directory, years = _directory_and_years(small_url)
    refusal = read_request("members.csv", {"country": ["Atlantis"]}, directory, years)
    assert isinstance(refusal, str)
    vi, en = refusal.split("\n\n")
    assert vi.startswith("Không tải tệp") and "“Atlantis”" in vi
    assert en.startswith("No file was sent") and "country=“Atlantis”" in en


def test_the_page_link_downloads_every_row_with_the_header_and_name(
    dashboard_server: DashboardServer,
) -> None:
    _, years = _directory_and_years(dashboard_server.database_url)
    filters = Filters(year_from=min(years), year_to=max(years))  # what the page starts with
    href = extract_href("exchanges", "csv", filters=filters, lang="vi")
    status, headers, body = fetch(dashboard_server.base_url + href)
    assert status == 200
    assert headers["Content-Type"].startswith("text/csv")
    assert attachment_name(headers) == file_name("exchanges", filters=filters, fmt="csv")
    lines = body.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ",".join(EXTRACT_COLUMNS["exchanges"])
    engine = get_engine(dashboard_server.database_url)
    assert body == export_bytes("exchanges", engine=engine, filters=filters)
    assert len(lines) - 2 > 1000  # header, rows, and the empty string after the last CRLF


def test_the_english_workbook_opens_with_every_row(dashboard_server: DashboardServer) -> None:
    filters = Filters(provinces=("01",), year_from=2015, year_to=2025)
    href = extract_href("members", "xlsx", filters=filters, lang="en")
    status, headers, body = fetch(dashboard_server.base_url + href)
    assert status == 200
    assert attachment_name(headers) == "members_p01_2015-2025_en.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(body))
    assert book.sheetnames == [t("extract.sheet.data", "en"), t("extract.sheet.info", "en")]
    expected = export_bytes(
        "members", engine=get_engine(dashboard_server.database_url), filters=filters, fmt="csv"
    )
    rows = len(expected.decode("utf-8-sig").strip().split("\r\n")) - 1
    assert rows > 0
    assert book.worksheets[0].max_row - 1 == rows


@pytest.mark.parametrize(
    ("file", "params", "named"),
    [
        (
            "exchanges.csv",
            {"province": "<script>alert('x')</script>"},
            "“<script>alert('x')</script>”",
        ),
        ("exchanges.csv", {"years": "1800-1801"}, "“1800–1801”"),
        ("exchanges.xlsx", {"lang": "klingon", "country": "VNM"}, "“klingon”"),
        ("passwords.csv", {}, "“passwords.csv”"),
        ("exchanges.exe", {}, "“exchanges.exe”"),
    ],
)
def test_a_hostile_or_unknown_value_gets_a_400_naming_it_and_no_file(
    dashboard_server: DashboardServer, file: str, params: dict[str, str], named: str
) -> None:
    query = f"?{urlencode(params)}" if params else ""
    status, headers, body = fetch(f"{dashboard_server.base_url}/extract/{file}{query}")
    assert status == 400
    assert headers["Content-Type"].startswith("text/plain")
    assert "Content-Disposition" not in headers
    vi, en = body.decode("utf-8").split("\n\n")
    assert named in vi and named in en


# Starlette's test client is the way to run the route under another environment in-process.
@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
def test_where_signing_in_is_required_only_a_genuine_pass_of_a_living_account_gets_the_file(
    monkeypatch: pytest.MonkeyPatch, small_sqlite_url: str
) -> None:
    from starlette.testclient import TestClient  # imported here: the mark silences its warning

    monkeypatch.setenv("DATABASE_URL", small_sqlite_url)
    monkeypatch.setenv("DDN_LOGIN_REQUIRED", "1")
    with Session(get_engine(small_sqlite_url)) as session:
        create_user(session=session, name="minh", role=Role.VIEWER, password=PASSWORD)
    client = TestClient(Starlette(routes=ROUTES))
    href = extract_href("members", "csv", filters=Filters(provinces=("01",)), lang="vi")

    def refused(link: str, key: str) -> None:
        response = client.get(link)
        assert response.status_code == 403
        assert "content-disposition" not in response.headers
        expected = [t(key, lang, minutes=LIFETIME_SECONDS // 60) for lang in ("vi", "en")]
        assert response.text.split("\n\n") == expected

    refused(href, "extract_link.sign_in")
    refused(with_pass(href, MINH, secret="not the server's"), "extract_link.pass_not_valid")
    refused(with_pass(href, MINH, secret=link_secret(), at=time.time() - 3600), EXPIRED)
    genuine = with_pass(href, MINH, secret=link_secret())
    response = client.get(genuine)
    assert response.status_code == 200
    engine = get_engine(small_sqlite_url)
    expected = export_bytes("members", engine=engine, filters=Filters(provinces=("01",)))
    assert response.content == expected
    # A provider sign-in without an account is a viewer: its pass is good for its minutes.
    provider = with_pass(href, Holder(account=None, via="oidc"), secret=link_secret())
    assert client.get(provider).status_code == 200
    # The account is read when the link is used: removed since, the same link gets nothing.
    with Session(engine) as session:
        session.execute(delete(UserAccount).where(col(UserAccount.name) == "minh"))
        session.commit()
    refused(genuine, "extract_link.pass_account_gone")
    monkeypatch.delenv("DDN_LOGIN_REQUIRED")
    assert client.get(href).status_code == 200  # open viewing: no pass asked for, as before


@pytest.fixture
def signed_in_server(small_url: str, tmp_path: Path) -> Iterator[DashboardServer]:
    """A live server that requires signing in, with Minh's account and a known cookie secret."""
    with Session(get_engine(small_url)) as session:
        create_user(session=session, name="minh", role=Role.VIEWER, password=PASSWORD)
    environ = {"DDN_LOGIN_REQUIRED": "1", "STREAMLIT_SERVER_COOKIE_SECRET": SECRET}
    with run_dashboard(small_url, tmp_path / "streamlit.log", environ=environ) as server:
        yield server


def test_a_live_server_that_requires_signing_in_streams_a_signed_link_only(
    signed_in_server: DashboardServer,
) -> None:
    filters = Filters(provinces=("01",), year_from=2015, year_to=2025)
    href = extract_href("exchanges", "csv", filters=filters, lang="en")
    base = signed_in_server.base_url
    status, headers, body = fetch(base + with_pass(href, MINH, secret=SECRET))
    assert status == 200
    assert attachment_name(headers) == file_name("exchanges", filters=filters, fmt="csv", lang="en")
    engine = get_engine(signed_in_server.database_url)
    assert body == export_bytes("exchanges", engine=engine, filters=filters, lang="en")
    for link, key in [
        (href, "extract_link.sign_in"),
        (with_pass(href, MINH, secret="a forger's guess"), "extract_link.pass_not_valid"),
        (with_pass(href, MINH, secret=SECRET).replace("2015-2025", "2000-2025"), NOT_VALID),
    ]:
        status, headers, body = fetch(base + link)
        assert status == 403
        assert "Content-Disposition" not in headers
        assert body.decode("utf-8").split("\n\n") == [t(key, lang) for lang in ("vi", "en")]
