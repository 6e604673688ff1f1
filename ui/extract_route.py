"""The Data page's downloads at an address of their own, streamed: /extract/<kind>.<fmt>?<link>.

Streamlit's download button keeps the whole file in the app's media storage. This route writes
the extract with the command line's writer (`datastore.export`) into the response while the rows
are read, so the app holds a few chunks, never the file. The query is the Data page's own link
(ui/links.py: lang, p63, province, province63, years, country); a value that matches nothing is
refused with a 400 naming it, before any byte of a file is sent.

The CSV's first bytes leave as soon as the first rows are read. XlsxWriter writes each sheet's
rows to a temporary file as they come (constant_memory) but can only zip the workbook once it
is complete: the XLSX is assembled on disk, then streamed.

Viewing is open unless DDN_LOGIN_REQUIRED=1. A sign-in lives in the Streamlit session (server
memory), which a plain request cannot show, so on a server that requires signing in the page's
links carry a short-lived signed pass (ui/extract_pass.py) and the route streams only for a
genuine, fresh pass made for this very link, whose account still exists and may see the Data
page; anything else gets a bilingual 403 and no byte of a file.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO, cast
from urllib.parse import urlencode

from sqlalchemy.engine import Engine
from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from datastore.accounts import get_user, has_role, role_of
from datastore.config import database_url, settings
from datastore.db import get_engine
from datastore.export import FORMATS, export, file_name
from datastore.filters import Filters
from datastore.models.accounts import Role
from datastore.models.reference import ProvinceList
from datastore.queries.options import list_years
from datastore.reference.directory import Directory
from datastore.vocabulary import DATA_KINDS, DataKind
from i18n.catalogue import LANGUAGES, Lang, t
from i18n.formatting import quote
from ui.extract_pass import ACCOUNT_GONE, LIFETIME_SECONDS, link_secret, read_pass
from ui.links import PARAM_LABELS, SHARED, Unknown, read_link

EXTRACT_PATH = "/extract"
MIME = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PIECE_BYTES = 256 * 1024  # what one write to the socket carries
_QUEUED_PIECES = 8  # at most this many pieces wait for a slow reader: 2 MB
# The Data page asks for no role beyond viewing (pages/data.py has no require_role).
DATA_PAGE_ROLE = Role.VIEWER


@dataclass(frozen=True)
class ExtractRequest:
    """One download asked for: which rows, which format, which language."""

    kind: DataKind
    fmt: str
    filters: Filters
    lang: Lang


def extract_href(kind: DataKind, fmt: str, *, filters: Filters, lang: Lang) -> str:
    """The address of an extract for the Data page's filters, as the page's own link writes them."""
    legacy = filters.province_list is ProvinceList.LEGACY
    params = {
        "lang": [lang] if lang != "vi" else [],
        "p63": ["1"] if legacy else [],
        "province63" if legacy else "province": list(filters.provinces),
        "years": [f"{filters.year_from}-{filters.year_to}"]
        if filters.year_from is not None and filters.year_to is not None
        else [],
        "country": list(filters.countries),
    }
    query = urlencode({key: values for key, values in params.items() if values}, doseq=True)
    return f"{EXTRACT_PATH}/{kind}.{fmt}" + (f"?{query}" if query else "")


def both_languages(key: str, **values: object) -> str:
    """A message in Vietnamese, then in English."""
    return "\n\n".join(t(key, lang, **values) for lang in LANGUAGES)


def read_request(
    file: str, params: Mapping[str, Sequence[str]], directory: Directory, years: Sequence[int]
) -> ExtractRequest | str:
    """The extract a request asks for, or the bilingual refusal naming what matches nothing."""
    kind, _, fmt = file.partition(".")
    if kind not in DATA_KINDS or fmt not in FORMATS:
        choices = ", ".join(f"{k}.{f}" for k in DATA_KINDS for f in FORMATS)
        return both_languages("extract_link.unknown_file", name=quote(file), choices=choices)
    # Only the Data page's own filters; any other parameter is ignored, as the page does.
    reading = read_link({key: list(params.get(key, ())) for key in SHARED}, directory, years=years)
    if reading.unknown:
        return "\n\n".join(
            t("extract_link.unknown_values", lang, values=_named(reading.unknown, lang))
            for lang in LANGUAGES
        )
    state = reading.state
    chosen = state.years or ((min(years), max(years)) if years else None)
    filters = Filters(
        province_list=ProvinceList.LEGACY if state.legacy else ProvinceList.CURRENT,
        provinces=state.provinces,
        year_from=chosen[0] if chosen else None,
        year_to=chosen[1] if chosen else None,
        countries=state.countries,
    )
    return ExtractRequest(kind=kind, fmt=fmt, filters=filters, lang=state.lang)


def _named(unknown: list[Unknown], lang: Lang) -> str:
    return "; ".join(
        f"{t(PARAM_LABELS[item.param], lang)} ({item.param}={quote(item.value)})"
        for item in unknown
    )


@lru_cache(maxsize=4)
def _directory(url: str) -> Directory:
    """Provinces, countries and sectors with their spellings, read once per database."""
    with Session(get_engine(url)) as session:
        return Directory.load(session=session)


def download(request: Request) -> Response:
    """GET /extract/<kind>.<fmt>: the extract streamed, or a 400/403 saying why not."""
    url = database_url()
    if settings().login_required:
        refusal = refuse_pass(request, url)
        if refusal is not None:
            minutes = LIFETIME_SECONDS // 60  # only the expiry's text names it
            return PlainTextResponse(both_languages(refusal, minutes=minutes), status_code=403)
    with Session(get_engine(url)) as session:
        years = list_years(session=session)
    params = {key: request.query_params.getlist(key) for key in request.query_params}
    asked = read_request(request.path_params["file"], params, _directory(url), years)
    if isinstance(asked, str):
        return PlainTextResponse(asked, status_code=400)
    name = file_name(asked.kind, filters=asked.filters, fmt=asked.fmt, lang=asked.lang)
    pieces = stream_extract(asked, engine=get_engine(url))
    # The first piece is awaited here, so that a failure before it is a plain 500, not a
    # file cut short.
    first = next(pieces, b"")
    return StreamingResponse(
        _chain(first, pieces),
        media_type=MIME[asked.fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def refuse_pass(request: Request, url: str) -> str | None:
    """Why a request to a server that requires signing in gets no file (a text key), or None."""
    holder = read_pass(
        request.path_params["file"], request.query_params.multi_items(), secret=link_secret()
    )
    if isinstance(holder, str):
        return holder
    if holder.account is None:
        # A provider sign-in without an account is a viewer (ui/auth.py): nothing here to
        # withdraw, so the pass's few minutes are its only limit.
        return None if has_role(role_of(None), DATA_PAGE_ROLE) else ACCOUNT_GONE
    # Read now, not when the link was made: an account removed since gets nothing.
    with Session(get_engine(url)) as session:
        account = get_user(session=session, name=holder.account)
    if account is None or not has_role(role_of(account), DATA_PAGE_ROLE):
        return ACCOUNT_GONE
    return None


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


class _Cancelled(Exception):
    """The reader went away: the writer stops."""


_END = object()


class _Pipe(io.RawIOBase):
    """A write-only, unseekable file whose bytes are read, in pieces, by another thread."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: queue.Queue[object] = queue.Queue(maxsize=_QUEUED_PIECES)
        self.cancelled = threading.Event()
        self._buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override] # any buffer
        self._buffer += data
        if len(self._buffer) >= PIECE_BYTES:
            self.put(bytes(self._buffer))
            self._buffer.clear()
        return len(data)

    def put(self, item: object) -> None:
        """Hand `item` to the reader, waiting while it is behind; stop if it went away."""
        while True:
            if self.cancelled.is_set():
                raise _Cancelled
            try:
                self.pieces.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def finish(self) -> None:
        """Hand over what is left, then the end."""
        if self._buffer:
            self.put(bytes(self._buffer))
            self._buffer.clear()
        self.put(_END)


def stream_extract(asked: ExtractRequest, *, engine: Engine) -> Generator[bytes, None, None]:
    """The extract's bytes in pieces, written by `export` in a thread of its own."""
    pipe = _Pipe()

    def write() -> None:
        try:
            export(
                asked.kind,
                engine=engine,
                filters=asked.filters,
                fmt=asked.fmt,
                out=cast(BinaryIO, pipe),  # write() is all the writers use
                lang=asked.lang,
            )
            pipe.finish()
        except _Cancelled:
            return
        except BaseException as error:  # handed to the reader, which raises it
            try:
                pipe.put(error)
            except _Cancelled:
                return

    writer = threading.Thread(target=write, name=f"extract-{asked.kind}", daemon=True)
    writer.start()
    try:
        while (piece := pipe.pieces.get()) is not _END:
            if isinstance(piece, BaseException):
                raise piece
            yield piece  # type: ignore[misc] # bytes, the only other thing queued
    finally:
        pipe.cancelled.set()
        writer.join(timeout=5)


ROUTES = [Route(EXTRACT_PATH + "/{file}", download, methods=["GET"])]
