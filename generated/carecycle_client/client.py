# Generated from runtime/carecycle_client/client.py by make generate: edit that, not this file.
"""How calls reach the careCycle API: settings, authentication, timeouts, retries and logging.

`Client` and `AuthenticatedClient` hold the settings and the httpx connections. The
generated functions in `api/` and the `CareCycle` facade send every request through
`Client.send` (or `send_async`), the one place that retries:

- what: connection failures, timeouts, 408, 409, 429 and 5xx; never another 4xx;
- how often: `max_retries` times (2 unless set per client or per call; 0 disables);
- how long: the wait the server asks for (a 429's `retryAfter`, a `Retry-After` header),
  unless it is longer than `max_retry_wait`: then the error comes at once. Otherwise 0.5 s
  doubling up to 8 s, shortened by up to 25% at random so that clients spread out.

Every call is bounded. In time: an attempt ends within its `timeout` (the longest of its
phases, 30 s by default) however slowly the bytes come, and the whole call, retries and
waits included, within its `deadline` (90 s by default); a retry whose wait would pass the
deadline is not made. In memory: a body is read up to `max_response_size` bytes after
decoding (8 MiB by default), and the client decodes gzip and deflate itself, chunk by
chunk, so that a compressed bomb stops at that size too. The time bound holds on every
read and write of the socket: the default transports' network backend is wrapped
(`_DeadlineBackend`); with a transport of your own it is checked between chunks.

With a rate limiter (`rate_limit`, see the rate_limit module), every attempt first takes a
permit from it, waiting within the call's deadline, and a 429 pauses it.

Redirects are followed only with follow_redirects=True, by `send` itself (at most
MAX_REDIRECTS), and the key goes only to the base URL's origin: a hop elsewhere is sent
without it.

The API key travels in the spec's header (`API_KEY_HEADER`), set per request by `ApiKeyAuth`. Every
request carries an `x-request-id` (a fresh UUID per call, kept across its retries, unless
the caller gives one), and the User-Agent `carecycle-client/VERSION (python X.Y)`. Logs go
to the package's logger (named as the package): each attempt at DEBUG (method, path, status or failure,
duration, request id), each retry at INFO (why, and the wait); `CARECYCLE_LOG=debug` or
`info` prints them to stderr. No log line shows the key.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import os
import random
import ssl
import sys
import threading
import time
import zlib
from collections.abc import Awaitable, Callable, Generator, Iterable, Mapping
from typing import Any, Self, TypeVar

import httpcore
import httpx
from attrs import define, evolve, field, fields, validators

from ._api_key import ApiKey
from ._body import parse_body
from ._request_url import joined_url

# Re-exported under the names they have always had here.
from ._spec import API_KEY_HEADER as API_KEY_HEADER
from ._spec import DEFAULT_BASE_URL as DEFAULT_BASE_URL
from ._spec import PACKAGE_NAME
from ._spec import VERSION as VERSION
from ._unset import UNSET, Unset
from .errors import (
    FOLLOWS_REDIRECTS_EXTENSION,
    REQUEST_ID_HEADER,
    SECRET_EXTENSION,
    APIConnectionError,
    APIError,
    APIResponseTooLargeError,
    APIResponseValidationError,
    APITimeoutError,
    CareCycleError,
    RateLimiterTimeoutError,
    mask_secret,
    requested_wait,
    secret_of,
    status_error,
)
from .rate_limit import RateLimiter, RateLimitSetting, rate_limiter_from

USER_AGENT = f"carecycle-client/{VERSION} (python {sys.version_info.major}.{sys.version_info.minor})"

API_KEY_ENV = "CARECYCLE_API_KEY"
BASE_URL_ENV = "CARECYCLE_BASE_URL"
LOG_ENV = "CARECYCLE_LOG"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""Of one attempt: 5 s to connect, 30 s for each read or write, 30 s for the whole attempt."""
DEFAULT_DEADLINE = 90.0
"""Of one call, retries and their waits included: room for the rate limit's minute of waiting
and an attempt after it."""
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RETRY_WAIT = 60.0
"""The longest wait a server may ask for and still be retried: the rate limit's minute."""
DEFAULT_MAX_RESPONSE_SIZE = 8 * 1024 * 1024
"""Bytes of a decoded response body: a campaign with a thousand routing agents is under 1 MiB."""
MAX_REDIRECTS = 10
INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
JITTER = 0.25
ACCEPT_ENCODING = "gzip, deflate"
"""The encodings the client decodes itself, within max_response_size (not br or zstd)."""

TimeoutTypes = float | httpx.Timeout | None
"""Seconds for every phase and the whole attempt, an httpx.Timeout per phase (the attempt
then gets the longest of them), or None to wait forever."""

T = TypeVar("T")

logger = logging.getLogger(PACKAGE_NAME)


def api_key_from(value: str | ApiKey | None) -> ApiKey:
    """The key given, else the CARECYCLE_API_KEY environment variable; refused if empty or
    unfit for a header (httpx would refuse it later with the key in its message)."""
    value = os.environ.get(API_KEY_ENV, "") if value is None else value
    key = value if isinstance(value, ApiKey) else ApiKey(value)
    del value  # only the masked holder stays in this frame's locals, should the key be refused
    if not key.reveal():
        raise CareCycleError(f"No API key: pass one, or set the {API_KEY_ENV} environment variable")
    if not (key.reveal().isascii() and key.reveal().isprintable()):
        raise CareCycleError("The API key has characters that cannot be sent in a header")
    return key


def base_url_from(value: str | None) -> str:
    """The URL given, else the CARECYCLE_BASE_URL environment variable, else the spec's server."""
    url = value or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    if httpx.URL(url).scheme not in ("http", "https"):
        raise CareCycleError(f"The base URL must start with http:// or https://, got {url!r}")
    return url


def timeout_from(value: TimeoutTypes) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise TypeError(f"timeout must be seconds, an httpx.Timeout or None, got {type(value).__name__} {value!r}")
    return httpx.Timeout(value)


def seconds_or_none(value: float | None) -> float | None:
    """A deadline: seconds, or None for none."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float) or value <= 0):
        raise ValueError(f"deadline must be positive seconds or None, got {value!r}")
    return value


def retry_count(value: int, name: str = "max_retries") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, got {type(value).__name__} {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be 0 or more, got {value}")
    return value


def attempt_seconds(timeout: httpx.Timeout) -> float | None:
    """How long one attempt may take in all: the longest phase, or None if one is unbounded."""
    connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
    if connect is None or read is None or write is None or pool is None:
        return None
    return max(connect, read, write, pool)


def _new_request_id() -> str:
    """A random UUID (version 4), as `str(uuid.uuid4())` makes it, in a third of its time."""
    digits = os.urandom(16).hex()
    variant = "89ab"[int(digits[16], 16) & 3]  # the two bits RFC 9562 fixes, and two random ones
    return f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-{variant}{digits[17:20]}-{digits[20:]}"


def is_retryable(status_code: int) -> bool:
    return status_code in (408, 409, 429) or status_code >= 500


def retry_wait(
    retry: int,
    outcome: httpx.Response | APIConnectionError,
    *,
    max_retry_wait: float,
    now: float | None = None,
) -> float | None:
    """Seconds to wait before retry number `retry` (1 for the first), or None not to retry."""
    if isinstance(outcome, httpx.Response):
        if not is_retryable(outcome.status_code):
            return None
        requested = requested_wait(outcome, now=now)
        if requested is not None:
            return requested if requested <= max_retry_wait else None
    backoff = min(INITIAL_BACKOFF * 2.0 ** (retry - 1), MAX_BACKOFF)
    return backoff * (1 - JITTER * random.random())


class ApiKeyAuth(httpx.Auth):
    """Sends the API key in the `API_KEY_HEADER` header, to `origin` only (the base URL's
    scheme, host and port; any origin when None).

    Once the response is in, the header on the request is masked: a request stays reachable
    from its response and from errors, and must not carry the key into a repr or a log. The
    request also carries the key object (masked in its repr) in an extension, so that errors
    mask it in the server's text.
    """

    def __init__(self, key: ApiKey, origin: httpx.URL | None = None) -> None:
        self._key = key
        self._origin = origin
        # Worked out once, not per request: the origin's parts, and the header's masked value.
        self._origin_parts = None if origin is None else _origin_of(origin)
        self._masked = key.masked

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.extensions[SECRET_EXTENSION] = self._key
        if self._origin_parts is not None and _origin_of(request.url) != self._origin_parts:
            request.headers.pop(API_KEY_HEADER, None)
            yield request
            return
        request.headers[API_KEY_HEADER] = self._key.reveal()
        try:
            yield request
        finally:
            request.headers[API_KEY_HEADER] = self._masked

    def __repr__(self) -> str:
        return f"ApiKeyAuth({self._key!r})"


def same_origin(url: httpx.URL, origin: httpx.URL) -> bool:
    return _origin_of(url) == _origin_of(origin)


def _origin_of(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


# Bounding every read and write of an attempt. httpcore takes one read timeout per phase
# (for all the header bytes, then for each body chunk), so a server that trickles a byte a
# second never trips it; the wrapped backend gives each socket operation at most what is
# left of the attempt, found in a context variable that `Client.send` sets per attempt.

_attempt_ends: contextvars.ContextVar[float | None] = contextvars.ContextVar("carecycle_attempt_ends", default=None)


def _bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    ends = _attempt_ends.get()
    if ends is None:
        return timeout
    left = ends - time.monotonic()
    if left <= 0:
        raise expired("the attempt's time is up")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncDeadlineStream(httpcore.AsyncNetworkStream):
    def __init__(self, stream: httpcore.AsyncNetworkStream) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _AsyncDeadlineStream(await self._stream.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _AsyncDeadlineBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, backend: httpcore.AsyncNetworkBackend) -> None:
        self._backend = backend

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _AsyncDeadlineStream(await self._backend.connect_tcp(host, port, bounded, local_address, socket_options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _AsyncDeadlineStream(await self._backend.connect_unix_socket(path, bounded, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def _bound_transport(transport: Any) -> Any:
    """`transport` (httpx's own) with its connection pool's network backend bounded by the
    attempt's deadline. httpx does not expose the backend: where its internals differ, the
    transport stays as it is, and the deadline is checked between chunks only."""
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
    elif isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = _AsyncDeadlineBackend(backend)  # type: ignore[union-attr]
    return transport


# httpx.Client arguments that configure its transport: given with transport=, httpx would
# ignore them, so they go to the transport the client makes.
_TRANSPORT_ARGUMENTS = ("cert", "trust_env", "http1", "http2", "limits")


class _BodyReader:
    """Reads a streamed body: decoded (identity, gzip or deflate) chunk by chunk, never more
    than `limit` bytes after decoding, and within the attempt's deadline."""

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self._response = response
        self._limit = limit
        self._size = 0
        self._parts: list[bytes] = []
        header = response.headers.get("content-encoding")
        encodings = (
            [name for name in (part.strip().lower() for part in header.split(",")) if name and name != "identity"]
            if header
            else []
        )
        if len(encodings) > 1 or (encodings and encodings[0] not in ("gzip", "x-gzip", "deflate")):
            encoding = mask_secret(response.headers["content-encoding"], secret_of(response))
            raise APIResponseValidationError(
                f"the body's Content-Encoding {encoding!r} is not one the client asked for ({ACCEPT_ENCODING})",
                response=response,
            )
        # wbits 32 + MAX_WBITS reads a zlib or a gzip header: deflate bodies come in both.
        self._decoder = zlib.decompressobj(32 + zlib.MAX_WBITS) if encodings else None
        self._encoding = encodings[0] if encodings else "identity"
        self._encoded = False  # whether any encoded byte came (a 204 may say gzip and send none)

    @classmethod
    def check_size(cls, response: httpx.Response, limit: int) -> None:
        """For a body read and decoded already: refused if over `limit`."""
        if len(response.content) > limit:
            raise cls._too_large(response, limit)

    def feed(self, chunk: bytes) -> None:
        _check_attempt_time()
        if self._decoder is None:
            self._keep(chunk)
            return
        self._encoded = self._encoded or bool(chunk)
        try:
            while chunk:
                self._keep(self._decoder.decompress(chunk, self._limit - self._size + 1))
                chunk = self._decoder.unconsumed_tail
        except zlib.error as error:
            raise self._not_encoded(str(error)) from None

    def content(self) -> bytes:
        if self._decoder is not None and self._encoded:
            try:
                self._keep(self._decoder.flush())
            except zlib.error as error:
                raise self._not_encoded(str(error)) from None
            if not self._decoder.eof:
                raise self._not_encoded("the stream ends early")
        return b"".join(self._parts)

    def _keep(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._limit:
            raise self._too_large(self._response, self._limit)
        self._parts.append(data)

    @staticmethod
    def _too_large(response: httpx.Response, limit: int) -> APIResponseTooLargeError:
        return APIResponseTooLargeError(
            f"{response.request.method} {response.request.url.path}: HTTP {response.status_code}: the body is"
            f" larger than max_response_size ({limit:,} bytes after decoding); raise max_response_size if such"
            " a body is expected",
            response=response,
            limit=limit,
        )

    def _not_encoded(self, reason: str) -> APIResponseValidationError:
        return APIResponseValidationError(
            f"the body is not valid {self._encoding}, as its Content-Encoding says ({reason})",
            response=self._response,
        )


def _check_attempt_time() -> None:
    """Between chunks: the bound for transports whose socket operations are not bounded."""
    ends = _attempt_ends.get()
    if ends is not None and time.monotonic() >= ends:
        raise httpx.ReadTimeout("the attempt's time is up")


def _finish_body(response: httpx.Response, reader: _BodyReader) -> None:
    # What Response.read() does after reading the stream: the content, kept.
    response._content = reader.content()


def _strip_key(request: httpx.Request | None) -> httpx.Request | None:
    """A redirect's next request, which httpx copies with every header: without the key."""
    if request is not None:
        request.headers.pop(API_KEY_HEADER, None)
    return request


@define
class Client:
    """Settings and connections for calls to the careCycle API that need no API key.

    Every careCycle operation needs one: use `AuthenticatedClient`, which adds it. The
    arguments, all optional:

        ``base_url``: The API's URL; else the CARECYCLE_BASE_URL environment variable, else
        DEFAULT_BASE_URL, the spec's server.

        ``timeout``: Of each attempt: seconds, an httpx.Timeout, or None to wait forever; 5 s to
        connect, 30 s for each read or write and for the whole attempt, unless set. A call
        can set its own.

        ``deadline``: Seconds for a whole call, its retries and their waits included; 90 unless
        set, None for none. A call can set its own.

        ``max_response_size``: The largest response body read, in bytes after decoding; 8 MiB
        unless set. A larger one raises errors.APIResponseTooLargeError.

        ``max_retries``: How often a failed call is retried (see the module docstring); 2
        unless set, 0 disables. A call can set its own.

        ``max_retry_wait``: The longest wait in seconds a server may ask for (Retry-After,
        a 429's retryAfter) for the call to be retried; 60 unless set.

        ``rate_limit``: Pacing to the key's quota (see rate_limit): requests per minute, a
        rate_limit.RateLimiter (shared by the clients given it; RedisRateLimiter for many
        processes), or None for none. Unless set, the CARECYCLE_RATE_LIMIT environment
        variable's requests per minute; none if that is unset, 0 or ``off``. Copies from
        with_options share it.

        ``sleep``, ``async_sleep``: How retries, and waits for a rate-limit permit, wait:
        time.sleep and asyncio.sleep unless set.

        ``raise_on_unexpected_status``: Whether the generated functions raise
        errors.UnexpectedStatus for a status the spec does not document, rather than return
        a Response whose ``parsed`` is None.

        ``cookies``, ``headers``: Sent with every request (``headers`` is the facade's
        ``default_headers``); a call's ``extra_headers`` add to them.

        ``verify_ssl``: Whether to verify the server's certificate (a CA bundle path or an
        ssl.SSLContext also work). Keep it on outside tests.

        ``follow_redirects``: Off unless set (a redirect raises errors.RedirectError). When on,
        at most 10 are followed, and the key goes only to the base URL's origin.

        ``httpx_args``: More arguments for the httpx.Client and httpx.AsyncClient, such as a
        ``transport``.
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    _base_url: str = field(default=None, converter=base_url_from, alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout = field(default=DEFAULT_TIMEOUT, converter=timeout_from, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    max_retries: int = field(default=DEFAULT_MAX_RETRIES, kw_only=True, converter=retry_count)
    max_retry_wait: float = field(default=DEFAULT_MAX_RETRY_WAIT, kw_only=True, validator=validators.ge(0))
    deadline: float | None = field(default=DEFAULT_DEADLINE, kw_only=True, converter=seconds_or_none)
    max_response_size: int = field(default=DEFAULT_MAX_RESPONSE_SIZE, kw_only=True, validator=validators.gt(0))
    rate_limit: RateLimiter | None = field(
        factory=lambda: rate_limiter_from(UNSET), kw_only=True, converter=rate_limiter_from
    )
    sleep: Callable[[float], None] = field(default=time.sleep, kw_only=True, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, kw_only=True, repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)
    # Threads sharing a client make its httpx clients on first use: one each, not one per thread.
    _making_clients: threading.Lock = field(factory=threading.Lock, init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _configure_logging()

    def __repr__(self) -> str:
        # Also shown for a half-built client, in the locals of a traceback from __init__.
        shown = (f"{a.alias}={getattr(self, a.name, '<unset>')!r}" for a in fields(type(self)) if a.repr)
        return f"{type(self).__name__}({', '.join(shown)})"

    @property
    def base_url(self) -> str:
        return self._base_url

    @property
    def timeout(self) -> httpx.Timeout:
        return self._timeout

    def with_headers(self, headers: dict[str, str]) -> Self:
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_options(
        self,
        *,
        base_url: str | Unset = UNSET,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        max_retry_wait: float | Unset = UNSET,
        deadline: float | Unset | None = UNSET,
        max_response_size: int | Unset = UNSET,
        headers: Mapping[str, str] | Unset = UNSET,
        follow_redirects: bool | Unset = UNSET,
        rate_limit: RateLimitSetting | Unset = UNSET,
    ) -> Self:
        """A copy with other settings (`headers` replace this one's), which makes its own
        connections and shares this one's rate limiter unless given another."""
        changes: dict[str, Any] = {
            "base_url": base_url,
            "timeout": timeout,
            "max_retries": max_retries,
            "max_retry_wait": max_retry_wait,
            "deadline": deadline,
            "max_response_size": max_response_size,
            "headers": headers if isinstance(headers, Unset) else dict(headers),
            "follow_redirects": follow_redirects,
            "rate_limit": rate_limit,
        }
        return evolve(self, **{name: value for name, value in changes.items() if not isinstance(value, Unset)})

    def send(
        self,
        request: dict[str, Any],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | Unset | None = UNSET,
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """Send `request` (arguments of httpx.Client.request), retrying; return the last
        response, its body read.

        Raises:
            errors.APIConnectionError: No response, after the retries (errors.APITimeoutError:
                none in time).
            errors.APIResponseTooLargeError: A body over max_response_size.
            errors.APIResponseValidationError: A body that cannot be decoded.
            errors.RedirectError: Redirects beyond MAX_REDIRECTS.
        """
        call = _Call(self, request, timeout, max_retries, deadline, extra_headers)
        client = self.get_httpx_client()
        limiter = self.rate_limit
        while True:
            outcome: httpx.Response | APIError
            if limiter is not None:
                call.take_permit(limiter, self.sleep)
            reset = _attempt_ends.set(call.attempt_ends())
            try:
                outcome = self._attempt(client, call.build(client))
            except httpx.TransportError as error:
                outcome = call.failure(error)
            except APIError as error:
                outcome = error
            finally:
                _attempt_ends.reset(reset)
            if limiter is not None and (pause := call.pause_asked(outcome)) is not None:
                limiter.pause(pause)
            wait = call.wait_after(outcome)
            if wait is None:
                return call.result(outcome)
            self.sleep(wait)

    def _attempt(self, client: httpx.Client, request: httpx.Request) -> httpx.Response:
        """One attempt: the request, the redirects it follows, the last response's body read."""
        hops = 0
        while True:
            response = client.send(request, stream=True, follow_redirects=False)
            next_request = _strip_key(response.next_request)
            if self._follow_redirects and next_request is not None and hops < MAX_REDIRECTS:
                response.close()
                request, hops = next_request, hops + 1
                continue
            try:
                if response.is_stream_consumed:  # read already, by a transport of the caller's
                    _BodyReader.check_size(response, self.max_response_size)
                else:
                    reader = _BodyReader(response, self.max_response_size)
                    for chunk in response.iter_raw():
                        reader.feed(chunk)
                    _finish_body(response, reader)
            finally:
                response.close()
            return response

    async def send_async(
        self,
        request: dict[str, Any],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | Unset | None = UNSET,
        extra_headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """`send`, for asyncio."""
        call = _Call(self, request, timeout, max_retries, deadline, extra_headers)
        client = self.get_async_httpx_client()
        limiter = self.rate_limit
        while True:
            outcome: httpx.Response | APIError
            if limiter is not None:
                await call.take_permit_async(limiter, self.async_sleep)
            reset = _attempt_ends.set(call.attempt_ends())
            try:
                outcome = await self._attempt_async(client, call.build(client))
            except httpx.TransportError as error:
                outcome = call.failure(error)
            except APIError as error:
                outcome = error
            finally:
                _attempt_ends.reset(reset)
            if limiter is not None and (pause := call.pause_asked(outcome)) is not None:
                await limiter.pause_async(pause)
            wait = call.wait_after(outcome)
            if wait is None:
                return call.result(outcome)
            await self.async_sleep(wait)

    async def _attempt_async(self, client: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
        """`_attempt`, for asyncio."""
        hops = 0
        while True:
            response = await client.send(request, stream=True, follow_redirects=False)
            next_request = _strip_key(response.next_request)
            if self._follow_redirects and next_request is not None and hops < MAX_REDIRECTS:
                await response.aclose()
                request, hops = next_request, hops + 1
                continue
            try:
                if response.is_stream_consumed:
                    _BodyReader.check_size(response, self.max_response_size)
                else:
                    reader = _BodyReader(response, self.max_response_size)
                    async for chunk in response.aiter_raw():
                        reader.feed(chunk)
                    _finish_body(response, reader)
            finally:
                await response.aclose()
            return response

    def call(
        self,
        request: dict[str, Any],
        parse: Callable[[Any], T],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | Unset | None = UNSET,
        extra_headers: Mapping[str, str] | None = None,
    ) -> T:
        """Send `request` and return its success body, read by `parse`.

        Raises:
            errors.APIStatusError: An error status, as the subclass for that status
                (errors.RedirectError for a redirect).
            errors.APIResponseValidationError: A body that does not match the spec.
            errors.APIResponseTooLargeError: A body over max_response_size.
            errors.APIConnectionError: No response, after the retries.
        """
        response = self.send(
            request, timeout=timeout, max_retries=max_retries, deadline=deadline, extra_headers=extra_headers
        )
        return _success(response, parse)

    async def call_async(
        self,
        request: dict[str, Any],
        parse: Callable[[Any], T],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
        deadline: float | Unset | None = UNSET,
        extra_headers: Mapping[str, str] | None = None,
    ) -> T:
        """`call`, for asyncio."""
        response = await self.send_async(
            request, timeout=timeout, max_retries=max_retries, deadline=deadline, extra_headers=extra_headers
        )
        return _success(response, parse)

    def _auth(self) -> httpx.Auth | None:
        return None

    def _httpx_settings(self, *, is_async: bool) -> dict[str, Any]:
        """Arguments of the httpx client. Headers, timeouts and redirects are per request
        (`_Call.build`), so that copies from with_options can share the connections."""
        arguments = {**self._httpx_args}
        if "transport" not in arguments:
            transport_arguments = {name: arguments.pop(name) for name in _TRANSPORT_ARGUMENTS if name in arguments}
            transport_class = httpx.AsyncHTTPTransport if is_async else httpx.HTTPTransport
            arguments["transport"] = _bound_transport(transport_class(verify=self._verify_ssl, **transport_arguments))
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": {"user-agent": USER_AGENT, "accept-encoding": ACCEPT_ENCODING},
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "auth": self._auth(),
            **arguments,
        }

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, timeout
        and the API key: only the retries still apply.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            with self._making_clients:
                if self._client is None:
                    self._client = httpx.Client(**self._httpx_settings(is_async=False))
        return self._client

    def close(self) -> None:
        """Close the underlying httpx.Client, if there is one."""
        if self._client is not None:
            self._client.close()

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, timeout
        and the API key: only the retries still apply.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            with self._making_clients:
                if self._async_client is None:
                    self._async_client = httpx.AsyncClient(**self._httpx_settings(is_async=True))
        return self._async_client

    async def aclose(self) -> None:
        """Close the underlying httpx.AsyncClient, if there is one."""
        if self._async_client is not None:
            await self._async_client.aclose()

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define(repr=False)
class AuthenticatedClient(Client):
    """A Client that sends the API key with every request.

    ``token``: The API key; else the CARECYCLE_API_KEY environment variable. Without
    either, construction fails with errors.CareCycleError. Its repr is masked.
    """

    token: ApiKey = field(default=None, converter=api_key_from)

    def _auth(self) -> httpx.Auth:
        return ApiKeyAuth(self.token, origin=httpx.URL(self.base_url))


class Resource:
    """Base of the CareCycle facade's resources, one per tag (in the api/<tag> packages)."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client


class _Call:
    """One call's request id, headers, timeouts, deadline and retries, for Client.send and
    Client.send_async."""

    def __init__(
        self,
        client: Client,
        request: dict[str, Any],
        timeout: TimeoutTypes | Unset,
        max_retries: int | Unset,
        deadline: float | Unset | None,
        extra_headers: Mapping[str, str] | None,
    ) -> None:
        self.timeout = client._timeout if isinstance(timeout, Unset) else timeout_from(timeout)
        self._attempt_seconds = attempt_seconds(self.timeout)
        self._max_retries = client.max_retries if isinstance(max_retries, Unset) else retry_count(max_retries)
        self._max_retry_wait = client.max_retry_wait
        self._deadline = client.deadline if isinstance(deadline, Unset) else seconds_or_none(deadline)
        self._ends = None if self._deadline is None else time.monotonic() + self._deadline
        self._request = request
        self._follows_redirects = client._follow_redirects
        # Plain dicts, lower-cased so that a later one replaces an earlier one's header: an
        # httpx.Headers would cost a GET more than all the rest of this.
        headers = {name.lower(): value for name, value in client._headers.items()} if client._headers else {}
        for more in (request.get("headers"), extra_headers):
            if more:
                headers.update({name.lower(): value for name, value in more.items()})
        request_id = headers.get(REQUEST_ID_HEADER)
        if request_id is None:
            request_id = headers[REQUEST_ID_HEADER] = _new_request_id()
        self.request_id: str = request_id
        self._headers = headers
        self._retries = 0
        self._started = 0.0
        self._cut_by_deadline = False
        self._url: httpx.URL | None = None  # the request's full URL, once built

    @property
    def _what(self) -> str:
        """The call in a message or log line: its method and URL path. Made only for those."""
        return f"{self._request['method'].upper()} {self._request['url']}"

    def take_permit(self, limiter: RateLimiter, sleep: Callable[[float], None]) -> None:
        """Wait for the rate limiter's permit to send the next attempt, within the deadline."""
        try:
            limiter.acquire(self._time_left(), sleep)
        except RateLimiterTimeoutError as error:
            raise self._no_permit(error) from None

    async def take_permit_async(self, limiter: RateLimiter, sleep: Callable[[float], Awaitable[None]]) -> None:
        try:
            await limiter.acquire_async(self._time_left(), sleep)
        except RateLimiterTimeoutError as error:
            raise self._no_permit(error) from None

    def _time_left(self) -> float | None:
        return None if self._ends is None else max(self._ends - time.monotonic(), 0.0)

    def _no_permit(self, error: RateLimiterTimeoutError) -> RateLimiterTimeoutError:
        attempt = f" (retry {self._retries} of {self._max_retries})" if self._retries else ""
        return RateLimiterTimeoutError(
            f"{self._what}: not sent{attempt}: {error.message} of {self._deadline:g} s",
            request_id=self.request_id,
            wait=error.wait,
        )

    @staticmethod
    def pause_asked(outcome: httpx.Response | APIError) -> float | None:
        """The seconds a 429 asks every caller with the key to hold off, if it says."""
        if isinstance(outcome, httpx.Response) and outcome.status_code == 429:
            return requested_wait(outcome)
        return None

    def attempt_ends(self) -> float | None:
        """When the attempt starting now must end: its timeout, or the call's deadline if sooner."""
        self._started = now = time.monotonic()
        ends = None if self._attempt_seconds is None else now + self._attempt_seconds
        self._cut_by_deadline = self._ends is not None and (ends is None or self._ends < ends)
        return self._ends if self._cut_by_deadline else ends

    def build(self, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        arguments = {**self._request, "headers": self._headers}
        # The URL joined once (a retry's is the first attempt's), and in one parse where it can.
        url = self._url or joined_url(client, arguments["url"], arguments.get("params"))
        if url is not None:
            arguments["url"] = url
            arguments.pop("params", None)
        request = client.build_request(**arguments, timeout=self._phase_timeouts())
        self._url = request.url
        if self._follows_redirects:
            request.extensions[FOLLOWS_REDIRECTS_EXTENSION] = True
        return request

    def _phase_timeouts(self) -> httpx.Timeout:
        """The timeout of each phase, none beyond the call's deadline (the pool's wait too)."""
        if self._ends is None:
            return self.timeout
        left = max(self._ends - time.monotonic(), 0.001)
        timeout = self.timeout
        if self._attempt_seconds is not None and self._attempt_seconds <= left:
            return timeout  # no phase reaches the deadline

        def clip(phase: float | None) -> float:
            return left if phase is None else min(phase, left)

        return httpx.Timeout(
            connect=clip(timeout.connect), read=clip(timeout.read), write=clip(timeout.write), pool=clip(timeout.pool)
        )

    def failure(self, error: httpx.TransportError) -> APIConnectionError:
        """The error for a request that got no (complete) response.

        It is raised later, outside the `except` that caught `error`, so that it carries no
        chain of httpx internals whose locals hold the request's headers.
        """
        url = self._url or error.request.url
        where = f"{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"
        if isinstance(error, httpx.TimeoutException):
            if self._cut_by_deadline:
                return APITimeoutError(
                    f"{self._what}: no response from {where} within the call's deadline of {self._deadline:g} s",
                    request_id=self.request_id,
                )
            bound = "" if self._attempt_seconds is None else f"; an attempt may take {self._attempt_seconds:g} s"
            return APITimeoutError(
                f"{self._what}: no response in time from {where} ({type(error).__name__}{bound})",
                request_id=self.request_id,
            )
        if isinstance(error, httpx.ConnectError):
            return APIConnectionError(
                f"{self._what}: could not connect to {where} (ConnectError: {error})", request_id=self.request_id
            )
        return APIConnectionError(
            f"{self._what}: no complete response from {where} ({type(error).__name__}: {error})",
            request_id=self.request_id,
        )

    def wait_after(self, outcome: httpx.Response | APIError) -> float | None:
        """Log the attempt; the wait before a retry, or None."""
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s in %.0f ms%s", self._result(outcome), (time.monotonic() - self._started) * 1000, self._where
            )
        if self._retries >= self._max_retries or not isinstance(outcome, httpx.Response | APIConnectionError):
            return None
        if isinstance(outcome, httpx.Response) and not is_retryable(outcome.status_code):
            return None  # a success, or an error no retry mends: what retry_wait would say
        # A retry is weighed: rare, so the log line's parts are made only now.
        result, where = self._result(outcome), self._where
        wait = retry_wait(self._retries + 1, outcome, max_retry_wait=self._max_retry_wait)
        if wait is not None and self._ends is not None and time.monotonic() + wait >= self._ends:
            logger.info("%s: not retried, the wait would pass the call's deadline%s", result, where)
            return None
        if wait is not None:
            self._retries += 1
            logger.info("%s: retry %d of %d in %.2f s%s", result, self._retries, self._max_retries, wait, where)
        elif isinstance(outcome, httpx.Response) and is_retryable(outcome.status_code):
            logger.info("%s: not retried, the server asks to wait longer than max_retry_wait%s", result, where)
        return wait

    def _result(self, outcome: httpx.Response | APIError) -> str:
        return outcome.message if isinstance(outcome, APIError) else f"{self._what} -> {outcome.status_code}"

    @property
    def _where(self) -> str:
        return f" [request id {self.request_id}]"

    def result(self, outcome: httpx.Response | APIError) -> httpx.Response:
        if isinstance(outcome, APIError):
            # Without the frames it was raised in: their locals hold parts of the body.
            raise outcome.with_traceback(None)
        return outcome


def _success(response: httpx.Response, parse: Callable[[Any], T]) -> T:
    if not response.is_success:
        raise status_error(response)
    return parse_body(response, parse)


def _configure_logging() -> None:
    """Print the package's logs to stderr at the level CARECYCLE_LOG names (debug or info), once."""
    level = os.environ.get(LOG_ENV, "").strip().upper()
    if level in ("DEBUG", "INFO") and not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(level)
