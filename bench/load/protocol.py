"""One simulated leader: a websocket session speaking Streamlit's own protocol, no browser.

The messages are the protobufs that ship in the `streamlit` package. The browser's side of
the exchange, as Streamlit 1.67's frontend does it: open `/_stcore/stream` with the
"streamlit" subprotocol, send a BackMsg `rerun_script` whose ClientState carries the page
(`page_name`, its address after the host) and the URL's query string, then read ForwardMsgs
until `script_finished`. Like the browser's message cache, the session reports the hashes of
the cacheable messages it holds, so the server sends references instead of repeating them.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, WebSocketException

STREAM_PATH = "/_stcore/stream"
# Runs that end early because another run was asked for, or that only ran a fragment, are not
# the end of the run a rerun request waits for.
_NOT_THE_END = {ForwardMsg.FINISHED_EARLY_FOR_RERUN, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
_STATUS = {
    ForwardMsg.FINISHED_SUCCESSFULLY: "finished",
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR: "compile error",
}


class ProtocolError(Exception):
    """The server did something a browser would show as a failure (closed, timed out)."""


@dataclass
class RunOutcome:
    """What one rerun request gave: its time, how it ended, and what the page sent back."""

    seconds: float
    status: str  # "finished", "compile error"
    script_runs: int  # new_session messages: script runs the server started for this request
    exceptions: list[str] = field(default_factory=list)  # exception elements the page drew
    query_string: str | None = None  # the address the page wrote back, if it wrote one
    page_not_found: bool = False
    elements: int = 0  # new elements (text, charts, widgets) drawn during the run

    def problems(self) -> list[str]:
        """What a leader would see as an error: exceptions, a missing page, a script not run."""
        found = list(self.exceptions)
        if self.status != "finished":
            found.append(f"the run ended with {self.status}")
        if self.page_not_found:
            found.append("page not found")
        return found


def _frame(message: ForwardMsg | BackMsg) -> bytes:
    return message.SerializeToString()


class LeaderSession:
    """One websocket session: `open()` a page, then `rerun(query)` as often as wanted."""

    def __init__(self, base_url: str, *, page: str, timeout: float = 60.0):
        scheme = "wss" if base_url.startswith("https") else "ws"
        self.stream_url = scheme + base_url.removeprefix("https").removeprefix("http") + STREAM_PATH
        self.origin = base_url
        self.page = page
        self.timeout = timeout
        self.cached_hashes: set[str] = set()
        self._socket: ClientConnection | None = None

    async def connect(self, *, tls: ssl.SSLContext | None = None) -> None:
        """Open the websocket as the browser does (subprotocol "streamlit", same origin)."""
        try:
            self._socket = await asyncio.wait_for(self._connect(tls), timeout=self.timeout)
        except (OSError, WebSocketException) as error:
            raise ProtocolError(f"could not open the websocket ({error!r})") from error

    def _connect(self, tls: ssl.SSLContext | None) -> Any:
        return connect(
            self.stream_url,
            subprotocols=["streamlit"],  # type: ignore[list-item]
            origin=self.origin,  # type: ignore[arg-type]
            max_size=None,
            ssl=tls,
            # The server pings the browser; nothing more is needed from us.
            ping_interval=None,
        )

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
            self._socket = None

    async def rerun(self, query_string: str) -> RunOutcome:
        """Ask for a run of the page with this query string; wait for the end of the script run."""
        if self._socket is None:
            raise ProtocolError("the session is not connected")
        state = ClientState(
            query_string=query_string,
            page_name=self.page,
            cached_message_hashes=sorted(self.cached_hashes),
        )
        state.context_info.timezone = "Asia/Ho_Chi_Minh"
        state.context_info.locale = "vi-VN"
        started = time.perf_counter()
        try:
            await self._socket.send(_frame(BackMsg(rerun_script=state)))
            return await asyncio.wait_for(self._until_finished(started), timeout=self.timeout)
        except TimeoutError as error:
            raise ProtocolError(f"no script_finished within {self.timeout:g} s") from error
        except ConnectionClosed as error:
            raise ProtocolError(f"the server closed the websocket ({error})") from error

    async def _until_finished(self, started: float) -> RunOutcome:
        assert self._socket is not None
        outcome = RunOutcome(seconds=0.0, status="", script_runs=0)
        while True:
            data = await self._socket.recv(decode=False)
            message = ForwardMsg()
            message.ParseFromString(data)
            kind = message.WhichOneof("type")
            if message.metadata.cacheable and message.hash:
                self.cached_hashes.add(message.hash)
            if kind == "new_session":
                outcome.script_runs += 1
            elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                outcome.elements += 1
                element = message.delta.new_element
                if element.WhichOneof("type") == "exception":
                    raised = element.exception
                    outcome.exceptions.append(f"{raised.type}: {raised.message}")
            elif kind == "ref_hash":
                outcome.elements += 1  # an element the session already holds, by reference
            elif kind == "page_info_changed":
                outcome.query_string = message.page_info_changed.query_string
            elif kind == "page_not_found":
                outcome.page_not_found = True
            elif kind == "script_finished" and message.script_finished not in _NOT_THE_END:
                outcome.seconds = time.perf_counter() - started
                outcome.status = _STATUS.get(message.script_finished, "unknown")
                return outcome
