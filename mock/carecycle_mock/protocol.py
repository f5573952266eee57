"""The mock's HTTP/1.1 connections: uvicorn's httptools protocol, with limits on what a client holds.

httptools (llhttp, Node's parser) parses strictly; this adds the checks llhttp leaves to
the server (an HTTP/1.1 request needs one `Host` header, `Transfer-Encoding` may only be
`chunked`) and what uvicorn's protocol lacks:

- deadlines: a connection with no request in progress (`idle_timeout`, also while a
  client does not read its answers), a request head from its first byte
  (`head_timeout`), a body from the end of its head (`body_timeout`); at a deadline
  the connection is closed;
- at most `max_connections` connections; one more is closed at once;
- a request head of at most `max_head_bytes` and `max_header_fields` fields;
- a request that is not HTTP is answered 400 in the spec's error shape (JSON), as the
  header limits are, not uvicorn's plain text;
- a pipelining connection is parsed PARSE_SLICE bytes at a time and not at all while a
  parsed request waits for the one in progress: uvicorn's own protocol parses all it
  reads, and queues every request in it (+203 MiB in the backpressure test). What is
  read meanwhile is held, and the connection is not read until it is parsed, so a
  client that does not read its answers holds a few hundred kB of the server;
- a body the answer did not need (a 400 before it was read, a GET with a body) is read
  and discarded, up to DISCARD_LIMIT bytes within the body deadline; when the
  connection closes meanwhile it closes gracefully: a client that writes its whole
  body before it reads (urllib, requests) gets the answer instead of a reset.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import resource
import time
from dataclasses import dataclass, replace
from typing import Any, ClassVar, cast

import httptools
import uvicorn
from uvicorn._types import ASGI3Application
from uvicorn.protocols.http.flow_control import FlowControl
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol, RequestResponseCycle
from uvicorn.server import ServerState

from carecycle_mock.errors import ErrorCode, bad_request

logger = logging.getLogger("carecycle_mock.connection")
DISCARD_LIMIT = 16 * 1024 * 1024
# Bytes parsed at a time: the most requests a pipelining client can queue is what fits.
PARSE_SLICE = 4096
LIMIT_WARNING_INTERVAL = 10.0
# Files a server process opens besides its connections: databases, log, listener, loop.
RESERVED_DESCRIPTORS = 64


@dataclass(frozen=True)
class ConnectionLimits:
    idle_timeout: float = 5.0
    head_timeout: float = 10.0
    body_timeout: float = 30.0
    max_connections: int = 512
    max_head_bytes: int = 64 * 1024
    max_header_fields: int = 100

    def __post_init__(self) -> None:
        for name in ("idle_timeout", "head_timeout", "body_timeout"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be a positive number of seconds")
        for name in ("max_connections", "max_head_bytes", "max_header_fields"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")


def fit_descriptor_limit(limits: ConnectionLimits) -> tuple[ConnectionLimits, str | None]:
    """Limits whose connections fit the process's limit on open files, raised if it may be.

    Past that limit the server could not open a connection or a file at all (macOS starts
    processes at 256). Returns a note when `max_connections` had to be lowered; worker
    processes inherit the raised limit.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = limits.max_connections + RESERVED_DESCRIPTORS
    unlimited = resource.RLIM_INFINITY
    if soft != unlimited and soft < needed:
        raised = needed if hard == unlimited else min(needed, hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
            soft = raised
    if soft == unlimited or soft >= needed:
        return limits, None
    fitted = max(1, soft - RESERVED_DESCRIPTORS)
    note = (
        f"--max-connections {limits.max_connections} lowered to {fitted}:"
        f" this process may open {soft} files"
    )
    return replace(limits, max_connections=fitted), note


class MockServerConfig(uvicorn.Config):
    """uvicorn's configuration, with the mock's protocol and its limits."""

    def __init__(self, app: Any, *, limits: ConnectionLimits, **options: Any) -> None:
        # No protocol but HTTP/1.1: an Upgrade request is answered as HTTP/1.1.
        options.setdefault("ws", "none")
        # Nothing of the mock reads the client's address: no X-Forwarded-* rewriting of it.
        options.setdefault("proxy_headers", False)
        super().__init__(
            app,
            http=LimitedHttpToolsProtocol,
            timeout_keep_alive=math.ceil(limits.idle_timeout),
            **options,
        )
        self.limits = limits


class HeadRejected(Exception):
    """A request head the mock refuses; raised in a parser callback, so llhttp stops."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# Where llhttp is in the request it parses.
_IDLE, _HEAD, _BODY, _DONE = "idle", "head", "body", "done"


class LimitedHttpToolsProtocol(HttpToolsProtocol):
    _last_limit_warning: ClassVar[float] = float("-inf")

    def __init__(
        self,
        config: uvicorn.Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.limits = config.limits if isinstance(config, MockServerConfig) else ConnectionLimits()
        self._timeouts = {
            "a request": self.limits.idle_timeout,
            "the client to read": self.limits.idle_timeout,
            "the request head": self.limits.head_timeout,
            "the request body": self.limits.body_timeout,
            "the rest of an unread request": self.limits.body_timeout,
        }
        # One timer per connection, armed for the earliest deadline; a deadline that
        # moves later lets it fire and re-arm, so a request arms none in the common case.
        self._deadline: asyncio.TimerHandle | None = None
        self._deadline_at = 0.0
        self._timer_at = 0.0
        self._waiting_for: str | None = None
        self._phase = _IDLE
        self._head_bytes = 0
        self._failed = False
        self._rejection: str | None = None
        self._answering: RequestResponseCycle | None = None
        self._unparsed = memoryview(b"")
        self._discarded = 0
        self._graceful: GracefulTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports implement asyncio.Transport without subclassing it.
        transport = cast(asyncio.Transport, transport)
        self._graceful = GracefulTransport(transport, self)
        super().connection_made(self._graceful)
        self.flow = HeldFlow(self._graceful, self)
        if len(self.connections) > self.limits.max_connections:
            self._warn_at_limit()
            transport.close()
            return
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        self._unparsed = memoryview(b"")
        # uvicorn tells the latest request parsed only; the one answering may be another.
        if self._answering is not None and not self._answering.response_complete:
            self._answering.disconnected = True
            self._answering.message_event.set()
        self.pipeline.clear()
        super().connection_lost(exc)

    def _start_asgi_task(self, cycle: RequestResponseCycle, app: ASGI3Application) -> None:
        self._answering = cycle
        super()._start_asgi_task(cycle, app)

    def data_received(self, data: bytes) -> None:
        if self._graceful is not None and self._graceful.lingering:
            self._discard(len(data))
            return
        self._unparsed = memoryview(bytes(self._unparsed) + data if self._unparsed else data)
        self._parse()
        self._watch()

    def holds_unparsed(self) -> bool:
        return bool(self._unparsed)

    def _parse(self) -> None:
        """Feed what was read to llhttp, a slice at a time, while no parsed request waits."""
        while self._unparsed and not self.pipeline:
            if self.transport.is_closing():
                self._unparsed = memoryview(b"")
                return
            piece, self._unparsed = self._unparsed[:PARSE_SLICE], self._unparsed[PARSE_SLICE:]
            try:
                self.parser.feed_data(piece)
            except httptools.HttpParserUpgrade as upgrade:
                # No protocol but HTTP/1.1 here: the request is answered as one, and the
                # bytes after its head are parsed as the next request.
                self._unparsed = memoryview(bytes(piece[upgrade.args[0] :]) + self._unparsed)
            except httptools.HttpParserError as error:
                self._reject(error)
                return
            if self._phase is _HEAD:
                self._head_bytes += len(piece)
                if self._head_bytes > self.limits.max_head_bytes + PARSE_SLICE:
                    self._reject(HeadRejected(_head_too_large(self.limits)))
                    return
        if self._unparsed:
            self.flow.pause_reading()
        else:
            self.flow.resume_reading()

    def _reject(self, error: BaseException) -> None:
        """Answer a request the mock will not read 400, and close (gracefully).

        An answer in progress is written first: the 400 follows it, then the close.
        """
        self._failed = True
        self._unparsed = memoryview(b"")
        cause = error if isinstance(error, HeadRejected) else error.__context__
        message = cause.message if isinstance(cause, HeadRejected) else "Malformed HTTP request"
        logger.info("%s: 400 %s", self._peer(), message)
        self._rejection = message
        if self.cycle is None or self.cycle.response_complete:
            self._send_rejection()

    def _send_rejection(self) -> None:
        body = bytes(bad_request(ErrorCode.BAD_REQUEST, self._rejection or "").response().body)
        self.transport.write(
            b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\n"
            b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(body), body)
        )
        self.transport.close()

    def send_400_response(self, msg: str) -> None:
        self._reject(httptools.HttpParserError(msg))

    # Parser callbacks, to follow the request and hold it to the limits.
    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._phase = _HEAD
        self._head_bytes = 0

    def on_headers_complete(self) -> None:
        self._check_head()
        super().on_headers_complete()
        self._phase = _BODY

    def on_body(self, body: bytes) -> None:
        if self.cycle.response_complete:
            self._discard(len(body))
            return
        super().on_body(body)

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._phase = _DONE

    def _check_head(self) -> None:
        """The head limits, and what h11 refuses and llhttp leaves to the server.

        A head still arriving is bounded by `_parse`; one that arrived whole is measured
        here (the line and the fields as sent, near enough).
        """
        if len(self.headers) > self.limits.max_header_fields:
            raise HeadRejected(
                f"Request has more than {self.limits.max_header_fields} header fields"
            )
        size = len(self.url) + sum(len(name) + len(value) + 4 for name, value in self.headers)
        if size > self.limits.max_head_bytes:
            raise HeadRejected(_head_too_large(self.limits))
        hosts = sum(1 for name, _ in self.headers if name == b"host")
        if hosts == 0 and self.parser.get_http_version() == "1.1":
            raise HeadRejected("An HTTP/1.1 request needs a Host header")
        if hosts > 1:
            raise HeadRejected("A request may have one Host header only")
        codings = [value for name, value in self.headers if name == b"transfer-encoding"]
        if codings and b",".join(codings).strip(b" \t").lower() != b"chunked":
            raise HeadRejected("Transfer-Encoding other than chunked is not supported")

    def on_response_complete(self) -> None:
        """uvicorn's, but its keep-alive timer is the idle deadline here."""
        self.server_state.total_requests += 1
        if self.transport.is_closing():
            return
        if self._rejection is not None:
            self._send_rejection()
            return
        self.flow.resume_reading()
        if self.pipeline:
            cycle, app = self.pipeline.pop()
            self._start_asgi_task(cycle, app)
        self._parse()
        self._watch()

    def pause_writing(self) -> None:
        super().pause_writing()
        self._watch()

    def resume_writing(self) -> None:
        super().resume_writing()
        self._watch()

    def still_sending(self) -> bool:
        """Whether the client may still be writing a request the server will not read."""
        return self._failed or self._phase is _HEAD or self._phase is _BODY

    def linger(self) -> None:
        """The connection is closing while the client still sends: give it the body deadline."""
        self._wait_for("the rest of an unread request")

    def _discard(self, size: int) -> None:
        self._discarded += size
        if self._discarded > DISCARD_LIMIT:
            logger.info("%s: closed, more than %d bytes not read", self._peer(), DISCARD_LIMIT)
            self._close_now()

    def _watch(self) -> None:
        """Start the deadline of what the connection waits for, when that changed."""
        if self.transport.is_closing():
            return
        waiting_for = self._waiting_for_client()
        if waiting_for != self._waiting_for:
            if waiting_for == "a request":
                self._discarded = 0
            self._wait_for(waiting_for)

    def _wait_for(self, waiting_for: str | None) -> None:
        self._waiting_for = waiting_for
        if waiting_for is None:
            return  # the server's turn: the timer, if armed, finds nothing to expire
        self._deadline_at = self.loop.time() + self._timeouts[waiting_for]
        if self._deadline is None or self._deadline_at < self._timer_at:
            self._cancel_deadline()
            self._timer_at = self._deadline_at
            self._deadline = self.loop.call_at(self._deadline_at, self._expire)

    def _waiting_for_client(self) -> str | None:
        if self.flow.write_paused:
            return "the client to read"
        if self._phase is _HEAD:
            return "the request head"
        if self._phase is _BODY:
            return "the request body"
        if self.pipeline or (self.cycle is not None and not self.cycle.response_complete):
            return None  # the server's turn
        return "a request"

    def _expire(self) -> None:
        self._deadline = None
        if self._waiting_for is None or (self.transport.is_closing() and not self.lingering()):
            return
        if self.loop.time() < self._deadline_at:
            self._timer_at = self._deadline_at
            self._deadline = self.loop.call_at(self._deadline_at, self._expire)
            return
        if self._waiting_for != "a request":
            logger.info("%s: closed, waited too long for %s", self._peer(), self._waiting_for)
        self._close_now()

    def lingering(self) -> bool:
        return self._graceful is not None and self._graceful.lingering

    def _close_now(self) -> None:
        self._cancel_deadline()
        if self._graceful is not None:
            self._graceful.close_now()

    def _cancel_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _peer(self) -> str:
        return _peer(self.client)

    def _warn_at_limit(self) -> None:
        now = time.monotonic()
        if now - LimitedHttpToolsProtocol._last_limit_warning >= LIMIT_WARNING_INTERVAL:
            LimitedHttpToolsProtocol._last_limit_warning = now
            logger.warning(
                "%d connections open, the limit: closing new ones at once",
                self.limits.max_connections,
            )


class HeldFlow(FlowControl):
    """uvicorn's flow control, which does not read on while the protocol holds unparsed bytes."""

    def __init__(self, transport: asyncio.Transport, protocol: LimitedHttpToolsProtocol) -> None:
        super().__init__(transport)
        self._protocol = protocol

    def resume_reading(self) -> None:
        if not self._protocol.holds_unparsed():
            super().resume_reading()


class GracefulTransport(asyncio.Transport):
    """The connection's transport, whose `close()` lingers while the client still sends.

    Closing a socket with unread data in it resets the connection, and the reset can
    destroy the answer before the client reads it. So a close while the request is
    unread sends FIN after the answer, and reads and drops what still comes, until the
    client closes, the body deadline passes or DISCARD_LIMIT bytes have come.
    """

    def __init__(self, transport: asyncio.Transport, protocol: LimitedHttpToolsProtocol) -> None:
        super().__init__()
        self._transport = transport
        self._protocol = protocol
        self._loop = protocol.loop
        self._corked: list[bytes | bytearray | memoryview] | None = None
        self.lingering = False

    def close(self) -> None:
        if self.lingering or self._transport.is_closing():
            return
        self._flush()
        if not self._protocol.still_sending() or not self._transport.can_write_eof():
            self._transport.close()
            return
        self.lingering = True
        self._transport.write_eof()
        self._transport.resume_reading()
        self._protocol.linger()

    def close_now(self) -> None:
        """Closed at once: what is still buffered for a client that does not read is dropped."""
        self.lingering = False
        self._transport.abort()

    def is_closing(self) -> bool:
        return self.lingering or self._transport.is_closing()

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Written at the end of this turn of the event loop, with whatever else is written
        in it: a response's head and body in one send, not two."""
        if self.lingering:
            return
        if self._corked is None:
            self._corked = [data]
            self._loop.call_soon(self._flush)
        else:
            self._corked.append(data)

    def _flush(self) -> None:
        corked, self._corked = self._corked, None
        if corked and not self._transport.is_closing():
            self._transport.write(corked[0] if len(corked) == 1 else b"".join(corked))

    def pause_reading(self) -> None:
        if not self.lingering:
            self._transport.pause_reading()

    def resume_reading(self) -> None:
        self._transport.resume_reading()

    def is_reading(self) -> bool:
        return self._transport.is_reading()

    def abort(self) -> None:
        self._transport.abort()

    def can_write_eof(self) -> bool:
        return self._transport.can_write_eof()

    def write_eof(self) -> None:
        self._flush()
        self._transport.write_eof()

    def get_write_buffer_size(self) -> int:
        corked = sum(len(data) for data in self._corked or ())
        return corked + self._transport.get_write_buffer_size()

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        self._transport.set_write_buffer_limits(high, low)

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self._transport.get_extra_info(name, default)

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        self._transport.set_protocol(protocol)

    def get_protocol(self) -> asyncio.BaseProtocol:
        return self._transport.get_protocol()


def _peer(client: tuple[str, int] | None) -> str:
    return f"{client[0]}:{client[1]}" if client else "a client"


def _head_too_large(limits: ConnectionLimits) -> str:
    return f"Request head is larger than {limits.max_head_bytes} bytes"
