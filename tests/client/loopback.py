"""A misbehaving HTTP server on loopback, scripted per test.

`LoopbackServer` is a raw asyncio server on 127.0.0.1 in a thread of its own, speaking
just enough HTTP/1.1 to read a request's head and body. Each connection serves one
request: the test's `handler` writes whatever bytes it likes (a trickle, a bomb, a
redirect loop, silence), then the connection closes. Every request is recorded as it
arrived, so that a test can see the headers the client really sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

# How long a trickle or a silence lasts at most: far beyond every bound the tests set, so
# that a client without the bound would visibly overrun it, yet a run never hangs.
HOLD_SECONDS = 20.0


@dataclass
class RawRequest:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes


Handler = Callable[[RawRequest, asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


@dataclass
class LoopbackServer:
    handler: Handler | None = None
    requests: list[RawRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        started = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._serve, "127.0.0.1", 0), self._loop
        )
        self._server = started.result(timeout=5)
        self.port: int = self._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def serve(self, handler: Handler) -> LoopbackServer:
        """Answer every request from now on with `handler`, and forget the requests seen."""
        self.handler = handler
        self.requests.clear()
        return self

    def close(self) -> None:
        async def stop() -> None:
            self._server.close()
            await self._server.wait_closed()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(timeout=5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            request_line, *lines = head.decode("latin-1").split("\r\n")
            method, target, _ = request_line.split(" ", 2)
            headers = {}
            for line in lines:
                if ":" in line:
                    name, value = line.split(":", 1)
                    headers[name.strip().lower()] = value.strip()
            body = await reader.readexactly(int(headers.get("content-length", "0")))
            request = RawRequest(method, target, headers, body)
            self.requests.append(request)
            assert self.handler is not None, "serve() a handler first"
            await self.handler(request, reader, writer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass  # the client went away, as clients that give up do
        finally:
            writer.close()


# Handlers


def response_bytes(status: int, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    head = {"content-type": "application/json", "content-length": str(len(body)), **(headers or {})}
    lines = [f"HTTP/1.1 {status} Whatever", *(f"{k}: {v}" for k, v in head.items()), "", ""]
    return "\r\n".join(lines).encode("latin-1") + body


def answer(
    status: int,
    body: Any = None,
    *,
    raw: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Handler:
    """A complete response: `body` as JSON, or `raw` bytes."""
    content = raw if raw is not None else json.dumps(body).encode()

    async def handle(
        request: RawRequest, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        writer.write(response_bytes(status, content, {"connection": "close", **(headers or {})}))
        await writer.drain()

    return handle


def trickle(status: int = 200, *, interval: float = 0.1, in_head: bool = False) -> Handler:
    """A response that comes a byte per `interval`: after its head, or in its head."""

    async def handle(
        request: RawRequest, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        whole = response_bytes(status, b"{" + b" " * 10_000 + b"}")
        split = 0 if in_head else whole.index(b"\r\n\r\n") + 4
        writer.write(whole[:split])
        for index in range(split, min(len(whole), split + int(HOLD_SECONDS / interval))):
            writer.write(whole[index : index + 1])
            await writer.drain()
            await asyncio.sleep(interval)  # the server's behaviour under test, not a wait

    return handle


async def silence(
    request: RawRequest, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    """Read the request, never answer: until the client gives up (or HOLD_SECONDS)."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(reader.read(), HOLD_SECONDS)


def redirect(location: str, status: int = 302) -> Handler:
    async def handle(
        request: RawRequest, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        writer.write(response_bytes(status, b"", {"location": location, "connection": "close"}))
        await writer.drain()

    return handle


def huge(size: int, *, gzipped: bool = False) -> Handler:
    """A body of `size` bytes of JSON whitespace, or a gzip of it (a bomb: 1000 to 1), made
    now: the memory a test measures is then the client's alone."""
    bomb = gzip.compress(b"[" + b" " * size + b"]", compresslevel=9) if gzipped else b""

    async def handle(
        request: RawRequest, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        if gzipped:
            content = bomb
            writer.write(response_bytes(200, content, {"content-encoding": "gzip"}))
            await writer.drain()
            return
        chunk = b" " * 65536
        chunks = size // len(chunk)
        writer.write(response_bytes(200, b"", {"content-length": str(chunks * len(chunk) + 2)}))
        writer.write(b"[")
        for _ in range(chunks):
            writer.write(chunk)
            await writer.drain()
        writer.write(b"]")
        await writer.drain()

    return handle
