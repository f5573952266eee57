"""The error bodies openapi.yaml documents, and the exception that carries one to the client."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum
from functools import partial
from typing import Any, NamedTuple

from carecycle_mock.responses import JsonResponse
from carecycle_mock.schemas import Issue


class ErrorCode(StrEnum):
    # Documented by careCycle.
    UNAUTHORIZED = "UNAUTHORIZED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    VALIDATION_ERROR = "VALIDATION_ERROR"
    RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED"
    INTERNAL_ERROR = "INTERNAL_ERROR"
    # The mock's 400 codes, listed in the spec's BadRequest description.
    STATUS_NOT_TERMINAL = "STATUS_NOT_TERMINAL"
    INVALID_JSON = "INVALID_JSON"
    UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
    EMPTY_BODY = "EMPTY_BODY"
    BODY_TOO_LARGE = "BODY_TOO_LARGE"
    BAD_REQUEST = "BAD_REQUEST"
    # A method the path does not declare (405, with Allow); no operation documents it.
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"


class ApiError(Exception):
    """A documented error response: `{"message", "code"}` plus the fields its status adds."""

    def __init__(self, status: int, code: ErrorCode, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra
        self.headers: dict[str, str] = {}

    def response(self) -> JsonResponse:
        """Its response; the same one each time for an error that adds nothing to its
        status, code and message (a 401 for a missing key, say), once it has been made."""
        if self.extra or self.headers:
            return self._make_response()
        known = (self.status, self.code, self.message)
        response = _PLAIN_RESPONSES.get(known)
        if response is None:
            response = self._make_response()
            if len(_PLAIN_RESPONSES) < MAX_PLAIN_RESPONSES:  # messages may quote a request
                _PLAIN_RESPONSES[known] = response
        return response

    def _make_response(self) -> JsonResponse:
        body = {"message": self.message, "code": str(self.code), **self.extra}
        return JsonResponse(body, status_code=self.status, headers=self.headers)


# The responses of errors with nothing but a status, code and message, made once: no
# more than MAX_PLAIN_RESPONSES of them, since some messages quote what a request sent.
MAX_PLAIN_RESPONSES = 256
_PLAIN_RESPONSES: dict[tuple[int, ErrorCode, str], JsonResponse] = {}


def bad_request(code: ErrorCode, message: str) -> ApiError:
    """A 400: `code` says which of the mock's 400s (BAD_REQUEST when none fits better)."""
    return ApiError(400, code, message)


def unauthorized(message: str) -> ApiError:
    return _documented(401, message)


def forbidden(message: str) -> ApiError:
    return _documented(403, message)


def not_found(message: str) -> ApiError:
    return _documented(404, message)


def method_not_allowed(method: str, allowed: Iterable[str]) -> ApiError:
    error = ApiError(405, ErrorCode.METHOD_NOT_ALLOWED, f"Method {method} is not allowed here")
    error.headers["allow"] = ", ".join(sorted(set(allowed)))
    return error


def validation_failed(
    issues: Sequence[Issue], message: str = "Request validation failed"
) -> ApiError:
    return _documented(422, message, errors=list(issues))


def rate_limited(retry_after: int, message: str = "Rate limit exceeded") -> ApiError:
    return _documented(429, message, retryAfter=retry_after)


def internal_error(message: str = "Internal server error") -> ApiError:
    return _documented(500, message)


class ErrorStatus(NamedTuple):
    code: ErrorCode
    """The code of its body (for 400, the generic one; body.py and api.py name theirs)."""
    factory: Callable[[str], ApiError]
    """The error with this message, and the fields its status adds at their defaults."""


# The error statuses openapi.yaml documents, each with its code and the function that
# builds its body: the one table of them. A fault plan may inject exactly these.
ERROR_STATUSES: Mapping[int, ErrorStatus] = {
    400: ErrorStatus(ErrorCode.BAD_REQUEST, partial(bad_request, ErrorCode.BAD_REQUEST)),
    401: ErrorStatus(ErrorCode.UNAUTHORIZED, unauthorized),
    403: ErrorStatus(ErrorCode.FORBIDDEN, forbidden),
    404: ErrorStatus(ErrorCode.NOT_FOUND, not_found),
    422: ErrorStatus(ErrorCode.VALIDATION_ERROR, partial(validation_failed, ())),
    429: ErrorStatus(ErrorCode.RATE_LIMIT_EXCEEDED, partial(rate_limited, 1)),
    500: ErrorStatus(ErrorCode.INTERNAL_ERROR, internal_error),
}


def _documented(status: int, message: str, **extra: Any) -> ApiError:
    return ApiError(status, ERROR_STATUSES[status].code, message, **extra)
