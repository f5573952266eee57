"""How calls reach the careCycle API: settings, authentication, timeouts, retries and logging.

`Client` and `AuthenticatedClient` hold the settings and the httpx connections. The
generated functions in `api/` and the `CareCycle` facade send every request through
`Client.send` (or `send_async`), the one place that retries:

- what: connection failures, timeouts, 408, 409, 429 and 5xx; never another 4xx;
- how often: `max_retries` times (2 unless set per client or per call; 0 disables);
- how long: the wait the server asks for (a 429's `retryAfter`, a `Retry-After` header),
  unless it is longer than `max_retry_wait`: then the error comes at once. Otherwise 0.5 s
  doubling up to 8 s, shortened by up to 25% at random so that clients spread out.

The API key travels in the `x-api-key` header, set per request by `ApiKeyAuth`. Logs go
to the `carecycle_client` logger: each attempt at DEBUG (method, path, status or failure,
duration), each retry at INFO (why, and the wait); `CARECYCLE_LOG=debug` or `info` prints
them to stderr. No log line shows the key.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import ssl
import time
from collections.abc import Awaitable, Callable, Generator
from typing import Any, Self, TypeVar

import httpx
from attrs import define, evolve, field, fields, validators

from .errors import APIConnectionError, APITimeoutError, CareCycleError, requested_wait, status_error
from .types import UNSET, ApiKey, Unset, parse_body

DEFAULT_BASE_URL = "https://api.carecycle.ai"
"""The server of the OpenAPI document."""
API_KEY_HEADER = "x-api-key"
"""The header of the OpenAPI document's API key scheme; the key goes in it without prefix."""
API_KEY_ENV = "CARECYCLE_API_KEY"
BASE_URL_ENV = "CARECYCLE_BASE_URL"
LOG_ENV = "CARECYCLE_LOG"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RETRY_WAIT = 60.0
"""The longest wait a server may ask for and still be retried: the rate limit's minute."""
INITIAL_BACKOFF = 0.5
MAX_BACKOFF = 8.0
JITTER = 0.25

TimeoutTypes = float | httpx.Timeout | None
"""Seconds for every phase, an httpx.Timeout per phase, or None to wait forever."""

T = TypeVar("T")

logger = logging.getLogger("carecycle_client")


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
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


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
    """Sends the API key in the `x-api-key` header.

    Once the response is in, the header on the request is masked: a request stays reachable
    from its response and from errors, and must not carry the key into a repr or a log.
    """

    def __init__(self, key: ApiKey) -> None:
        self._key = key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[API_KEY_HEADER] = self._key.reveal()
        try:
            yield request
        finally:
            request.headers[API_KEY_HEADER] = self._key.masked

    def __repr__(self) -> str:
        return f"ApiKeyAuth({self._key!r})"


@define
class Client:
    """Settings and connections for calls to the careCycle API that need no API key.

    Every careCycle operation needs one: use `AuthenticatedClient`, which adds it. The
    arguments, all optional:

        ``base_url``: The API's URL; else the CARECYCLE_BASE_URL environment variable, else
        https://api.carecycle.ai, the spec's server.

        ``timeout``: Seconds, an httpx.Timeout, or None to wait forever; 5 s to connect and
        30 s for each read or write unless set. A call can set its own.

        ``max_retries``: How often a failed call is retried (see the module docstring); 2
        unless set, 0 disables. A call can set its own.

        ``max_retry_wait``: The longest wait in seconds a server may ask for (Retry-After,
        a 429's retryAfter) for the call to be retried; 60 unless set.

        ``sleep``, ``async_sleep``: How retries wait: time.sleep and asyncio.sleep unless set.

        ``raise_on_unexpected_status``: Whether the generated functions raise
        errors.UnexpectedStatus for a status the spec does not document, rather than return
        a Response whose ``parsed`` is None.

        ``cookies``, ``headers``: Sent with every request.

        ``verify_ssl``: Whether to verify the server's certificate (a CA bundle path or an
        ssl.SSLContext also work). Keep it on outside tests.

        ``follow_redirects``: Off unless set. The key is sent to a redirect's target too.

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
    max_retries: int = field(default=DEFAULT_MAX_RETRIES, kw_only=True, validator=validators.ge(0))
    max_retry_wait: float = field(default=DEFAULT_MAX_RETRY_WAIT, kw_only=True, validator=validators.ge(0))
    sleep: Callable[[float], None] = field(default=time.sleep, kw_only=True, repr=False)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=asyncio.sleep, kw_only=True, repr=False)
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

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
    ) -> Self:
        """A copy with other settings, which makes its own connections."""
        return evolve(
            self,
            base_url=self._base_url if isinstance(base_url, Unset) else base_url,
            timeout=self._timeout if isinstance(timeout, Unset) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, Unset) else max_retries,
        )

    def send(
        self,
        request: dict[str, Any],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
    ) -> httpx.Response:
        """Send `request` (arguments of httpx.Client.request), retrying; return the last response.

        Raises:
            errors.APIConnectionError: No response, after the retries (errors.APITimeoutError:
                none in time).
        """
        call = _Call(self, request, timeout, max_retries)
        while True:
            started = time.monotonic()
            outcome: httpx.Response | APIConnectionError
            try:
                outcome = self.get_httpx_client().request(**request, timeout=call.timeout)
            except httpx.TransportError as error:
                outcome = call.failure(error)
            wait = call.wait_after(outcome, started)
            if wait is None:
                return call.result(outcome)
            self.sleep(wait)

    async def send_async(
        self,
        request: dict[str, Any],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
    ) -> httpx.Response:
        """`send`, for asyncio."""
        call = _Call(self, request, timeout, max_retries)
        while True:
            started = time.monotonic()
            outcome: httpx.Response | APIConnectionError
            try:
                outcome = await self.get_async_httpx_client().request(**request, timeout=call.timeout)
            except httpx.TransportError as error:
                outcome = call.failure(error)
            wait = call.wait_after(outcome, started)
            if wait is None:
                return call.result(outcome)
            await self.async_sleep(wait)

    def call(
        self,
        request: dict[str, Any],
        parse: Callable[[Any], T],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
    ) -> T:
        """Send `request` and return its success body, read by `parse`.

        Raises:
            errors.APIStatusError: An error status, as the subclass for that status.
            errors.APIResponseValidationError: A body that does not match the spec.
            errors.APIConnectionError: No response, after the retries.
        """
        return _success(self.send(request, timeout=timeout, max_retries=max_retries), parse)

    async def call_async(
        self,
        request: dict[str, Any],
        parse: Callable[[Any], T],
        *,
        timeout: TimeoutTypes | Unset = UNSET,
        max_retries: int | Unset = UNSET,
    ) -> T:
        """`call`, for asyncio."""
        return _success(await self.send_async(request, timeout=timeout, max_retries=max_retries), parse)

    def _auth(self) -> httpx.Auth | None:
        return None

    def _httpx_settings(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            "auth": self._auth(),
            **self._httpx_args,
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
            self._client = httpx.Client(**self._httpx_settings())
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
            self._async_client = httpx.AsyncClient(**self._httpx_settings())
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
        return ApiKeyAuth(self.token)


class Resource:
    """Base of the CareCycle facade's resources, one per tag (in the api/<tag> packages)."""

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client


class _Call:
    """One call's timeout and retries, for Client.send and Client.send_async."""

    def __init__(
        self, client: Client, request: dict[str, Any], timeout: TimeoutTypes | Unset, max_retries: int | Unset
    ) -> None:
        self.timeout = client.timeout if isinstance(timeout, Unset) else timeout_from(timeout)
        self._max_retries = client.max_retries if isinstance(max_retries, Unset) else max_retries
        self._max_retry_wait = client.max_retry_wait
        self._what = f"{request['method'].upper()} {request['url']}"
        self._retries = 0

    def failure(self, error: httpx.TransportError) -> APIConnectionError:
        """The error for a request that got no response.

        It is raised later, outside the `except` that caught `error`, so that it carries no
        chain of httpx internals whose locals hold the request's headers.
        """
        if isinstance(error, httpx.TimeoutException):
            return APITimeoutError(f"{self._what}: no response in time ({type(error).__name__})")
        return APIConnectionError(f"{self._what}: no response ({type(error).__name__}: {error})")

    def wait_after(self, outcome: httpx.Response | APIConnectionError, started: float) -> float | None:
        """Log the attempt begun at `started` (time.monotonic); the wait before a retry, or None."""
        result = (
            outcome.message if isinstance(outcome, APIConnectionError) else f"{self._what} -> {outcome.status_code}"
        )
        logger.debug("%s in %.0f ms", result, (time.monotonic() - started) * 1000)
        if self._retries >= self._max_retries:
            return None
        wait = retry_wait(self._retries + 1, outcome, max_retry_wait=self._max_retry_wait)
        if wait is not None:
            self._retries += 1
            logger.info("%s: retry %d of %d in %.2f s", result, self._retries, self._max_retries, wait)
        elif isinstance(outcome, httpx.Response) and is_retryable(outcome.status_code):
            logger.info("%s: not retried, the server asks to wait longer than max_retry_wait", result)
        return wait

    def result(self, outcome: httpx.Response | APIConnectionError) -> httpx.Response:
        if isinstance(outcome, APIConnectionError):
            raise outcome
        return outcome


def _success(response: httpx.Response, parse: Callable[[Any], T]) -> T:
    if response.is_error:
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
