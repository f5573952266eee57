"""The error bodies openapi.yaml documents, and the exception that carries one to the client."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

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
        body = {"message": self.message, "code": str(self.code), **self.extra}
        return JsonResponse(body, status_code=self.status, headers=self.headers)


def bad_request(code: ErrorCode, message: str) -> ApiError:
    return ApiError(400, code, message)


def unauthorized(message: str) -> ApiError:
    return ApiError(401, ErrorCode.UNAUTHORIZED, message)


def forbidden(message: str) -> ApiError:
    return ApiError(403, ErrorCode.FORBIDDEN, message)


def not_found(message: str) -> ApiError:
    return ApiError(404, ErrorCode.NOT_FOUND, message)


def method_not_allowed(method: str, allowed: Iterable[str]) -> ApiError:
    error = ApiError(405, ErrorCode.METHOD_NOT_ALLOWED, f"Method {method} is not allowed here")
    error.headers["allow"] = ", ".join(sorted(set(allowed)))
    return error


def validation_failed(issues: Sequence[Issue]) -> ApiError:
    return ApiError(
        422, ErrorCode.VALIDATION_ERROR, "Request validation failed", errors=list(issues)
    )


def rate_limited(retry_after: int) -> ApiError:
    return ApiError(
        429, ErrorCode.RATE_LIMIT_EXCEEDED, "Rate limit exceeded", retryAfter=retry_after
    )


def internal_error() -> ApiError:
    return ApiError(500, ErrorCode.INTERNAL_ERROR, "Internal server error")
