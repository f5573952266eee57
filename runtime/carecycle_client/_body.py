"""Reading a response body: decoded as JSON, read by a parser, every failure one
`errors.APIResponseValidationError` that names the response."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from ._json import decode_json
from .errors import APIResponseValidationError

T = TypeVar("T")


def parse_body(response: httpx.Response, parse: Callable[[Any], T]) -> T:
    """The response's JSON body read by `parse`.

    Raises:
        errors.APIResponseValidationError: the body is not JSON, is nested too deeply to read,
            or does not match the spec.
    """
    try:
        data = decode_json(response.content)
    except ValueError as error:
        failure = APIResponseValidationError(str(error))
    else:
        try:
            return parse(data)
        except APIResponseValidationError as error:
            failure = error
        except RecursionError:
            failure = APIResponseValidationError("the body is nested too deeply to read")
        del data  # a traceback's locals must not show the body, which may quote the key
    failure.attach(response)
    # Raised afresh, without the frames below: their locals hold parts of the body.
    raise failure.with_traceback(None)


def parse_error_body(response: httpx.Response, parse: Callable[[Any], T]) -> T | None:
    """The error body read by `parse`, or None when it does not match: the status says enough."""
    try:
        return parse_body(response, parse)
    except APIResponseValidationError:
        return None
