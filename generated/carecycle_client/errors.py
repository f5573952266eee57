# Generated from runtime/carecycle_client/errors.py by make generate: edit that, not this file.
"""Errors raised by the careCycle client.

The classes form a tree under `CareCycleError`, which the package's README draws from
their docstrings (carecycle_tools.render.error_tree): the first sentence of each is its
line there.

Every status error carries the status code, the body's `code` and `message`, the parsed
body and the raw `httpx.Response`, whatever the body looks like: a proxy's HTML page still
gives the right class. Every API error names its request id (`request_id`, the server's
`x-request-id` when it sends one, else the one the client sent).

None of them shows the API key: it is masked on the request once its response is in, and
the client's own key is masked in whatever server text an error shows (message, code,
body, the value a validation error quotes). Errors pickle and unpickle (for
multiprocessing, Celery, pytest-xdist) without their response's body or headers: the
unpickled error's `response` keeps the status, method and URL.
"""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Self

import httpx

from ._api_key import ApiKey
from ._json import decode_json
from ._model_registry import MODELS

if TYPE_CHECKING:  # the model is read through the registry: the models import this module
    from .models.validation_issue import ValidationIssue

REQUEST_ID_HEADER = "x-request-id"
SECRET_EXTENSION = "carecycle_client.api_key"
"""The request extension holding the client's ApiKey, so that an error built from the
response masks the key in the server's text. httpx's transports ignore extensions they do
not know."""
FOLLOWS_REDIRECTS_EXTENSION = "carecycle_client.follows_redirects"
"""Set on a request whose redirects the client follows, to tell a loop from a refusal."""


class CareCycleError(Exception):
    """Base of every error this package raises on purpose."""


class InvalidRowError(CareCycleError):
    """A row of a bulk call that was not sent: not a (customer id, campaign id, status)
    tuple, or an id that is not a UUID."""


class APIError(CareCycleError):
    """A call to the careCycle API failed; `request_id` names it. That is the call's request
    id, if known."""

    def __init__(self, message: str, *, request_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request_id = request_id

    def __str__(self) -> str:
        return _with_request_id(self.message, self.request_id)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception pickles its args only, which a keyword-only __init__ cannot take back;
        # the state goes through __dict__, a response through its bodiless stand-in.
        state = {**self.__dict__}
        response = state.get("response")
        if isinstance(response, httpx.Response):
            state["response"] = _ResponseSummary.of(response)
        return (_unpickle, (type(self), self.args, state))


class APIConnectionError(APIError):
    """The request got no response: the connection failed or broke."""


class APITimeoutError(APIConnectionError):
    """The request got no response in time: within an attempt's timeout, or the call's deadline."""


class RateLimiterTimeoutError(APIError):
    """The client's rate limiter had no permit for the request within the call's deadline, so
    it was not sent; `wait` is how many seconds off the next permit was, if known."""

    def __init__(self, message: str, *, request_id: str | None = None, wait: float | None = None) -> None:
        super().__init__(message, request_id=request_id)
        self.wait = wait


class RateLimiterStoreError(CareCycleError):
    """The store a shared rate limiter keeps its permits in (Redis) failed, so the request was
    not sent."""


class APIResponseTooLargeError(APIError):
    """A response body over the client's max_response_size (`limit`, in bytes), counted after
    decoding. A small compressed body can decode to gigabytes; `response` has the status and
    headers but no body."""

    def __init__(self, message: str, *, response: httpx.Response, limit: int) -> None:
        self.response = response
        self.limit = limit
        super().__init__(message, request_id=request_id_of(response))


class APIResponseValidationError(APIError):
    """A response that does not match the spec, or cannot be read (not JSON, nested too
    deeply, not the encoding it says).

    `path` names the field, as in `campaign.transferConfig.routingConfig.agents[0].id`
    (empty for the body as a whole), `reason` says what is wrong with it, and `response`
    is the response (None when a model's `from_dict` was called directly).
    """

    def __init__(self, reason: str, *, path: Iterable[str | int] = (), response: httpx.Response | None = None) -> None:
        self.reason = reason
        self.location = list(path)
        self.response = response
        super().__init__(self._describe(), request_id=None if response is None else request_id_of(response))

    @property
    def path(self) -> str:
        text = ""
        for segment in self.location:
            text += f"[{segment}]" if isinstance(segment, int) else f".{segment}" if text else segment
        return text

    def prepend(self, segment: str | int) -> None:
        """Place the field inside `segment`, as the error leaves a nested object or list."""
        self.location.insert(0, segment)
        self._update()

    def attach(self, response: httpx.Response) -> None:
        """Name the response the body came from, and mask the client's key in what it quotes."""
        self.response = response
        self.request_id = request_id_of(response)
        self.reason = mask_secret(self.reason, secret_of(response))
        self.location = [mask_secret(s, secret_of(response)) if isinstance(s, str) else s for s in self.location]
        self._update()

    def _update(self) -> None:
        self.message = self._describe()
        self.args = (self.message,)

    def _describe(self) -> str:
        where = f"at {self.path}" if self.location else "as a whole"
        source = "" if self.response is None else f"{_request_line(self.response)}: "
        if self.location or not self.reason.startswith("the body "):
            return f"{source}response body does not match the spec {where}: {self.reason}"
        return f"{source}{self.reason}"  # the body could not be read at all: say only why


class APIStatusError(APIError):
    """The API answered with an error status: any status without a class of its own."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any, code: str | None) -> None:
        self.status_code = response.status_code
        self.code = code
        self.body = body
        self.response = response
        super().__init__(message, request_id=request_id_of(response))

    @classmethod
    def from_response(cls, response: httpx.Response) -> Self:
        """The error for `response`, reading `message` and `code` from its body where it has
        them, with the client's key masked in all three."""
        body = _json_or_none(response)
        fields = body if isinstance(body, dict) else {}
        message = fields.get("message")
        code = fields.get("code")
        return cls(
            message if isinstance(message, str) else mask_secret(_no_message(response), secret_of(response)),
            response=response,
            body=body,
            code=code if isinstance(code, str) else None,
        )

    def __str__(self) -> str:
        code = f" {self.code}" if self.code else ""
        text = f"{_request_line(self.response)}: HTTP {self.status_code}{code}: {self.message}"
        return _with_request_id(text, self.request_id)


class BadRequestError(APIStatusError):
    """400: the request could not be processed."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or invalid."""


class PermissionDeniedError(APIStatusError):
    """403: the API key may not do this."""


class NotFoundError(APIStatusError):
    """404: no such resource for this API key's organisation (with a hint when the base URL
    ends in /v2)."""


class UnprocessableEntityError(APIStatusError):
    """422: the request failed validation; `errors` lists the issues."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any, code: str | None) -> None:
        super().__init__(message, response=response, body=body, code=code)
        self.errors: list[ValidationIssue] = _validation_issues(body)


class RateLimitError(APIStatusError):
    """429: too many requests; `retry_after` is the wait in seconds the server asks for, if any."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any, code: str | None) -> None:
        super().__init__(message, response=response, body=body, code=code)
        self.retry_after = requested_wait(response)


class InternalServerError(APIStatusError):
    """500 or above: the server failed."""


class RedirectError(APIStatusError):
    """A redirect (3xx) the client did not follow: follow_redirects is off, or the redirects
    went on longer than the client follows them (a loop)."""


class UnexpectedStatus(APIStatusError):
    """A status the spec does not document, raised by the generated functions when the client's
    raise_on_unexpected_status is set."""

    @property
    def content(self) -> bytes:
        return self.response.content


_ERRORS_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(response: httpx.Response) -> APIStatusError:
    """The typed error for an error response, or a redirect."""
    if 300 <= response.status_code < 400:
        return RedirectError.from_response(response)
    fallback = InternalServerError if response.status_code >= 500 else APIStatusError
    error = _ERRORS_BY_STATUS.get(response.status_code, fallback).from_response(response)
    if response.status_code == 404 and (hint := _doubled_path_hint(response)):
        error.message += hint
        error.args = (error.message,)
    return error


def request_id_of(response: httpx.Response) -> str | None:
    """The server's request id for `response`, else the one the client sent."""
    request = _request_of(response)
    sent = None if request is None else request.headers.get(REQUEST_ID_HEADER)
    request_id: str | None = response.headers.get(REQUEST_ID_HEADER) or sent
    # The server's text, shown in every message: without the key, should it echo that.
    return None if request_id is None else mask_secret(request_id, secret_of(response))


def secret_of(response: httpx.Response) -> ApiKey | None:
    """The client's key, which the server's text in `response` must not show."""
    request = _request_of(response)
    secret: ApiKey | None = None if request is None else request.extensions.get(SECRET_EXTENSION)
    return secret


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:  # a response made by hand, in a test, has none
        return None


def mask_secret(text: str, secret: ApiKey | None) -> str:
    """`text` with every occurrence of the key `secret` masked."""
    if secret is None or not secret.reveal():
        return text
    return text.replace(secret.reveal(), secret.masked)


def _no_message(response: httpx.Response) -> str:
    if 300 <= response.status_code < 400:
        location = response.headers.get("location")
        if location is None:
            return "a redirect without a Location"
        where = f"a redirect to {location!r}"
        if not response.request.extensions.get(FOLLOWS_REDIRECTS_EXTENSION):
            return f"{where}; the client follows redirects only with follow_redirects=True"
        return f"{where}, after too many redirects (a loop?)"
    return response.reason_phrase or "no message"


def _doubled_path_hint(response: httpx.Response) -> str:
    """A hint for a 404 whose path repeats its first segment, as a base URL ending in /v2 does."""
    segments = response.request.url.path.split("/")
    if len(segments) > 2 and segments[1] and segments[1] == segments[2]:
        prefix = f"/{segments[1]}"
        return (
            f" (hint: the path starts with {prefix}{prefix}: the base URL probably ends in {prefix},"
            f" which every operation's path already starts with; leave {prefix} out of the base URL)"
        )
    return ""


def requested_wait(response: httpx.Response, *, now: float | None = None) -> float | None:
    """Seconds the server asks to wait before a retry, from the body's `retryAfter` and the
    `Retry-After` header (seconds or an HTTP date); the longer one when both are there."""
    body = _json_or_none(response)
    waits = [_seconds(body.get("retryAfter")) if isinstance(body, dict) else None]
    header = response.headers.get("retry-after", "").strip()
    waits.append(_seconds(header) if header.isdigit() else _until(header, now))
    return max((wait for wait in waits if wait is not None), default=None)


def _seconds(value: object) -> float | None:
    """A wait in seconds; a negative one is a moment already past, so no wait (0), as a past
    Retry-After date is."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        seconds = float(value)
    except (ValueError, OverflowError):
        return None
    return max(seconds, 0.0) if math.isfinite(seconds) else None


def _until(http_date: str, now: float | None) -> float | None:
    try:
        moment = email.utils.parsedate_to_datetime(http_date)
    except (TypeError, ValueError):
        return None
    return max(moment.timestamp() - (time.time() if now is None else now), 0.0)


def _json_or_none(response: httpx.Response) -> Any:
    """The body as JSON, with the client's key masked in it; None if it is not JSON."""
    secret = secret_of(response)
    content = response.content
    if secret is not None and secret.reveal():
        content = content.replace(secret.reveal().encode(), secret.masked.encode())
    try:
        return decode_json(content)
    except ValueError:
        return None


def _request_line(response: httpx.Response) -> str:
    return f"{response.request.method} {response.request.url.path}"


def _with_request_id(text: str, request_id: str | None) -> str:
    return text if request_id is None else f"{text} (request id {request_id})"


class _ResponseSummary:
    """What an unpickled error keeps of its response: status, method and URL, no body or headers."""

    @staticmethod
    def of(response: httpx.Response) -> tuple[int, str, str, str | None]:
        return (response.status_code, response.request.method, str(response.request.url), request_id_of(response))

    @staticmethod
    def rebuild(summary: tuple[int, str, str, str | None]) -> httpx.Response:
        status, method, url, request_id = summary
        headers = {} if request_id is None else {REQUEST_ID_HEADER: request_id}
        return httpx.Response(status, headers=headers, request=httpx.Request(method, url))


def _unpickle(cls: type[APIError], args: tuple[Any, ...], state: dict[str, Any]) -> APIError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    if isinstance(state.get("response"), tuple):
        state = {**state, "response": _ResponseSummary.rebuild(state["response"])}
    error.__dict__.update(state)
    return error


def _validation_issues(body: Any) -> list[ValidationIssue]:
    issue_model: type[ValidationIssue] = MODELS["ValidationIssue"]
    items = body.get("errors") if isinstance(body, dict) else None
    issues = []
    for item in items if isinstance(items, list) else []:
        try:
            issues.append(issue_model.from_dict(item))
        except APIResponseValidationError:
            continue  # a malformed issue must not hide the 422 it came with
    return issues


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseTooLargeError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CareCycleError",
    "InternalServerError",
    "InvalidRowError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RateLimiterStoreError",
    "RateLimiterTimeoutError",
    "RedirectError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
]
