"""The Data page's streamed downloads: the link's filters read back, files over HTTP, refusals."""

from __future__ import annotations

import io
import threading
import urllib.error
import urllib.request
from email.message import Message
from urllib.parse import parse_qs, urlencode

import openpyxl
import pytest
from sqlmodel import Session
from starlette.applications import Starlette

from datastore.db import get_engine
from datastore.export import export_bytes, file_name
from datastore.extracts import EXTRACT_COLUMNS
from datastore.filters import Filters
from datastore.models.reference import ProvinceList
from datastore.queries.options import list_years
from datastore.reference.directory import Directory
from i18n.catalogue import t
from testkit.server import DashboardServer
from ui import extract_route
from ui.extract_route import (
    ROUTES,
    ExtractRequest,
    extract_href,
    read_request,
    stream_extract,
)


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
def test_a_server_that_requires_signing_in_refuses_the_route(
    monkeypatch: pytest.MonkeyPatch, small_sqlite_url: str
) -> None:
    from starlette.testclient import TestClient  # imported here: the mark silences its warning

    monkeypatch.setenv("DATABASE_URL", small_sqlite_url)
    monkeypatch.setenv("DDN_LOGIN_REQUIRED", "1")
    response = TestClient(Starlette(routes=ROUTES)).get("/extract/members.csv")
    assert response.status_code == 403
    assert response.text.split("\n\n") == [t("extract_link.sign_in", lang) for lang in ("vi", "en")]
    monkeypatch.delenv("DDN_LOGIN_REQUIRED")
    assert TestClient(Starlette(routes=ROUTES)).get("/extract/members.csv").status_code == 200
