"""Errors raised by the careCycle client.

    CareCycleError                     anything this package raises on purpose, such as a missing key
    └── APIError                       a call to the API failed
        ├── APIConnectionError         no response: the connection failed or broke
        │   └── APITimeoutError        no response in time
        ├── APIResponseValidationError a response that does not match the spec
        └── APIStatusError             an error status; any status without a class below
            ├── BadRequestError            400
            ├── AuthenticationError        401
            ├── PermissionDeniedError      403
            ├── NotFoundError              404
            ├── UnprocessableEntityError   422, with the parsed `errors`
            ├── RateLimitError             429, with `retry_after`
            ├── InternalServerError        500 and above
            └── UnexpectedStatus           a status the spec does not document, from the
                                           generated functions with raise_on_unexpected_status

Every status error carries the status code, the body's `code` and `message`, the parsed
body and the raw `httpx.Response`, whatever the body looks like: a proxy's HTML page still
gives the right class. None of them shows the API key, which is masked on the request
once its response is in.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Self

import httpx

if TYPE_CHECKING:
    from .models.validation_issue import ValidationIssue


class CareCycleError(Exception):
    """Base of every error this package raises on purpose."""


class APIError(CareCycleError):
    """A call to the careCycle API failed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class APIConnectionError(APIError):
    """The request got no response: the connection failed or broke."""


class APITimeoutError(APIConnectionError):
    """The request got no response in time."""


class APIResponseValidationError(APIError):
    """A response body that does not match the spec.

    `path` names the field, as in `campaign.transferConfig.routingConfig.agents[0].id`
    (empty for the body as a whole), `reason` says what is wrong with it, and `response`
    is the response (None when a model's `from_dict` was called directly).
    """

    def __init__(self, reason: str, *, path: Iterable[str | int] = (), response: httpx.Response | None = None) -> None:
        self.reason = reason
        self.location = list(path)
        self.response = response
        super().__init__(self._describe())

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
        """Name the response the body came from."""
        self.response = response
        self._update()

    def _update(self) -> None:
        self.message = self._describe()
        self.args = (self.message,)

    def _describe(self) -> str:
        where = f"at {self.path}" if self.location else "as a whole"
        source = "" if self.response is None else f"{_request_line(self.response)}: "
        return f"{source}response body does not match the spec {where}: {self.reason}"


class APIStatusError(APIError):
    """The API answered with an error status."""

    def __init__(self, message: str, *, response: httpx.Response, body: Any, code: str | None) -> None:
        self.status_code = response.status_code
        self.code = code
        self.body = body
        self.response = response
        super().__init__(message)

    @classmethod
    def from_response(cls, response: httpx.Response) -> Self:
        """The error for `response`, reading `message` and `code` from its body where it has them."""
        body = _json_or_none(response)
        fields = body if isinstance(body, dict) else {}
        message = fields.get("message")
        code = fields.get("code")
        return cls(
            message if isinstance(message, str) else response.reason_phrase or "no message",
            response=response,
            body=body,
            code=code if isinstance(code, str) else None,
        )

    def __str__(self) -> str:
        code = f" {self.code}" if self.code else ""
        return f"{_request_line(self.response)}: HTTP {self.status_code}{code}: {self.message}"


class BadRequestError(APIStatusError):
    """400: the request could not be processed."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing or invalid."""


class PermissionDeniedError(APIStatusError):
    """403: the API key may not do this."""


class NotFoundError(APIStatusError):
    """404: no such resource for this API key's organisation."""


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
    """The typed error for an error response."""
    fallback = InternalServerError if response.status_code >= 500 else APIStatusError
    return _ERRORS_BY_STATUS.get(response.status_code, fallback).from_response(response)


def requested_wait(response: httpx.Response, *, now: float | None = None) -> float | None:
    """Seconds the server asks to wait before a retry, from the body's `retryAfter` and the
    `Retry-After` header (seconds or an HTTP date); the longer one when both are there."""
    body = _json_or_none(response)
    waits = [_seconds(body.get("retryAfter")) if isinstance(body, dict) else None]
    header = response.headers.get("retry-after", "").strip()
    waits.append(_seconds(header) if header.isdigit() else _until(header, now))
    return max((wait for wait in waits if wait is not None), default=None)


def _seconds(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if 0 <= seconds < float("inf") else None


def _until(http_date: str, now: float | None) -> float | None:
    try:
        moment = email.utils.parsedate_to_datetime(http_date)
    except (TypeError, ValueError):
        return None
    return max(moment.timestamp() - (time.time() if now is None else now), 0.0)


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _request_line(response: httpx.Response) -> str:
    return f"{response.request.method} {response.request.url.path}"


def _validation_issues(body: Any) -> list[ValidationIssue]:
    # Imported here: the models import types, which imports this module.
    from .models.validation_issue import ValidationIssue  # noqa: PLC0415

    items = body.get("errors") if isinstance(body, dict) else None
    issues = []
    for item in items if isinstance(items, list) else []:
        try:
            issues.append(ValidationIssue.from_dict(item))
        except APIResponseValidationError:
            continue  # a malformed issue must not hide the 422 it came with
    return issues


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "CareCycleError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnexpectedStatus",
    "UnprocessableEntityError",
]
