"""The mock's HTTP/1.1 connections: uvicorn's h11 protocol, with limits on what a client holds.

h11 parses strictly (HTTP/1.1 needs a `Host` header, `Transfer-Encoding` may only be
`chunked`, optional whitespace around a field value is not part of it), and uvicorn's
h11 protocol stops reading a pipelining connection until the answer in progress is
written, which stops when the client does not read (backpressure). This adds what it
lacks:

- deadlines: a connection with no request in progress (`idle_timeout`, also while a
  client does not read its answers), a request head from its first byte
  (`head_timeout`), a body from the end of its head (`body_timeout`); at a deadline
  the connection is closed;
- at most `max_connections` connections; one more is closed at once;
- a request head of at most `max_head_bytes` and `max_header_fields` fields;
- a request that is not HTTP is answered 400 in the spec's error shape (JSON), as the
  header limits are, not uvicorn's plain text;
- a body the answer did not need (a 400 before it was read, a GET with a body) is read
  and discarded, up to DISCARD_LIMIT bytes within the body deadline, before the
  connection closes: a client that writes its whole body before it reads (urllib,
  requests) gets the answer instead of a reset.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import resource
import sys
import time
from dataclasses import dataclass, replace
from typing import Any, ClassVar, cast

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

from carecycle_mock.errors import ErrorCode, bad_request

logger = logging.getLogger("carecycle_mock.connection")
DISCARD_LIMIT = 16 * 1024 * 1024
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
        super().__init__(
            app,
            http=LimitedH11Protocol,
            h11_max_incomplete_event_size=limits.max_head_bytes,
            timeout_keep_alive=math.ceil(limits.idle_timeout),
            **options,
        )
        self.limits = limits


class LimitedH11Protocol(H11Protocol):
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
        self.app = HeadLimits(self.app, self.limits)
        self._deadline: asyncio.TimerHandle | None = None
        self._waiting_for: str | None = None
        self._discarded = 0
        self._graceful: GracefulTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports implement asyncio.Transport without subclassing it.
        transport = cast(asyncio.Transport, transport)
        self._graceful = GracefulTransport(transport, self)
        super().connection_made(self._graceful)
        if len(self.connections) > self.limits.max_connections:
            self._warn_at_limit()
            transport.close()
            return
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._graceful is not None and self._graceful.lingering:
            self._discard(len(data))
            return
        if self.conn.our_state is h11.DONE and self.conn.their_state is h11.SEND_BODY:
            # Answered before the body was read: h11 parses the rest and drops it.
            self._discard(len(data))
            if self.transport.is_closing():
                return
        super().data_received(data)
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._watch()

    def pause_writing(self) -> None:
        super().pause_writing()
        self._watch()

    def resume_writing(self) -> None:
        super().resume_writing()
        self._watch()

    def send_400_response(self, msg: str) -> None:
        """The answer to a request h11 could not parse (it is handling the error now)."""
        message = _protocol_error_message(sys.exception(), self.limits)
        logger.info("%s: 400 %s", self._peer(), message)
        body = bad_request(ErrorCode.BAD_REQUEST, message).response().body
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
        ]
        for event in (
            h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
            h11.Data(data=bytes(body)),
            h11.EndOfMessage(),
        ):
            self.transport.write(self.conn.send(event))
        self.transport.close()

    def still_sending(self) -> bool:
        """Whether the client may still be writing a request the server will not read."""
        state = self.conn.their_state
        return state is h11.SEND_BODY or state is h11.ERROR

    def linger(self) -> None:
        """The connection is closing while the client still sends: give it the body deadline."""
        self._cancel_deadline()
        self._waiting_for = "the rest of an unread request"
        self._deadline = self.loop.call_later(
            self.limits.body_timeout, self._expire, self._waiting_for
        )

    def _discard(self, size: int) -> None:
        self._discarded += size
        if self._discarded > DISCARD_LIMIT:
            logger.info("%s: closed, more than %d bytes not read", self._peer(), DISCARD_LIMIT)
            self._close_now()

    def _watch(self) -> None:
        """Arm the deadline of what the connection waits for, when that changed."""
        if self.transport.is_closing():
            return
        waiting_for = self._waiting_for_client()
        if waiting_for == self._waiting_for:
            return
        self._cancel_deadline()
        self._waiting_for = waiting_for
        if waiting_for == "a request":
            self._discarded = 0
        timeout = {
            "a request": self.limits.idle_timeout,
            "the client to read": self.limits.idle_timeout,
            "the request head": self.limits.head_timeout,
            "the request body": self.limits.body_timeout,
        }.get(waiting_for or "")
        if waiting_for is not None and timeout is not None:
            self._deadline = self.loop.call_later(timeout, self._expire, waiting_for)

    def _waiting_for_client(self) -> str | None:
        if self.flow.write_paused:
            return "the client to read"
        state = self.conn.their_state
        if state is h11.IDLE:
            return "the request head" if self.conn.trailing_data[0] else "a request"
        if state is h11.SEND_BODY:
            return "the request body"
        return None  # the server's turn, or the connection is ending

    def _expire(self, waiting_for: str) -> None:
        if waiting_for != self._waiting_for:
            return
        if waiting_for != "a request":
            logger.info("%s: closed, waited too long for %s", self._peer(), waiting_for)
        self._close_now()

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
        if now - LimitedH11Protocol._last_limit_warning >= LIMIT_WARNING_INTERVAL:
            LimitedH11Protocol._last_limit_warning = now
            logger.warning(
                "%d connections open, the limit: closing new ones at once",
                self.limits.max_connections,
            )


class GracefulTransport(asyncio.Transport):
    """The connection's transport, whose `close()` lingers while the client still sends.

    Closing a socket with unread data in it resets the connection, and the reset can
    destroy the answer before the client reads it. So a close while the request is
    unread sends FIN after the answer, and reads and drops what still comes, until the
    client closes, the body deadline passes or DISCARD_LIMIT bytes have come.
    """

    def __init__(self, transport: asyncio.Transport, protocol: LimitedH11Protocol) -> None:
        super().__init__()
        self._transport = transport
        self._protocol = protocol
        self.lingering = False

    def close(self) -> None:
        if self.lingering or self._transport.is_closing():
            return
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
        if not self.lingering:
            self._transport.write(data)

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
        self._transport.write_eof()

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size()

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        self._transport.set_write_buffer_limits(high, low)

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self._transport.get_extra_info(name, default)

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        self._transport.set_protocol(protocol)

    def get_protocol(self) -> asyncio.BaseProtocol:
        return self._transport.get_protocol()


class HeadLimits:
    """A request whose head is over the limits is answered 400, not handled.

    h11 only bounds a head it is still waiting for; one that arrived whole in a read is
    measured here (the line and the fields as sent, near enough).
    """

    def __init__(self, app: Any, limits: ConnectionLimits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        message = None if scope["type"] != "http" else self._excess(scope)
        if message is not None:
            logger.info("%s: 400 %s", _peer(scope.get("client")), message)
            await bad_request(ErrorCode.BAD_REQUEST, message).response()(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _excess(self, scope: Any) -> str | None:
        headers = scope["headers"]
        if len(headers) > self.limits.max_header_fields:
            return f"Request has more than {self.limits.max_header_fields} header fields"
        line = len(scope["method"]) + len(scope.get("raw_path") or b"") + len(scope["query_string"])
        size = line + sum(len(name) + len(value) + 4 for name, value in headers)
        if size > self.limits.max_head_bytes:
            return f"Request head is larger than {self.limits.max_head_bytes} bytes"
        return None


def _peer(client: tuple[str, int] | None) -> str:
    return f"{client[0]}:{client[1]}" if client else "a client"


def _protocol_error_message(error: BaseException | None, limits: ConnectionLimits) -> str:
    """What was wrong, without h11's own message: that can quote the request, a key too."""
    hint = getattr(error, "error_status_hint", 400)
    text = str(error)
    if hint == 431:
        return f"Request head is larger than {limits.max_head_bytes} bytes"
    if hint == 501:
        return "Transfer-Encoding other than chunked is not supported"
    if text == "Missing mandatory Host: header":
        return "An HTTP/1.1 request needs a Host header"
    if text == "Found multiple Host: headers":
        return "A request may have one Host header only"
    return "Malformed HTTP request"
