"""Reading a JSON request body without trusting it.

The body is read in chunks and reading stops at MAX_BODY_BYTES (or at once, when
`Content-Length` already says more): a 10 MiB body is never held in memory. What is
read must be UTF-8 JSON as RFC 8259 defines it: no NaN or Infinity (nor a number such
as `1e999` that only infinity would hold), no raw control
characters (NUL included) inside strings, no lone surrogates, nesting at most
MAX_DEPTH deep (JSON nested 10,000 deep is an INVALID_JSON answer, not a crash).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from starlette.requests import ClientDisconnect
from starlette.types import Receive, Scope

from carecycle_mock.errors import ErrorCode, bad_request
from carecycle_mock.headers import read_fields

MAX_BODY_BYTES = 1024 * 1024
# Far deeper than any request of the spec; the validator cannot report on values nested
# more than 254 levels, and Python's parser gives up near its recursion limit.
MAX_DEPTH = 128
JSON_WHITESPACE = b" \t\r\n"
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


async def read_json_body(
    scope: Scope, receive: Receive, media_type: str = "application/json"
) -> Any:
    """The decoded body of the request of this ASGI scope, or an ApiError 400 naming what
    is wrong with it; ClientDisconnect if the client leaves before it is read."""
    _, _, declared, content_type = read_fields(scope["headers"])
    value, _ = await read_json(receive, media_type, declared, content_type)
    return value


async def read_json(
    receive: Receive, media_type: str, declared: bytes | None, content_type: bytes | None
) -> tuple[Any, int]:
    """`read_json_body`, with the request's first `Content-Length` and `Content-Type` (None:
    not sent) already read; the value comes with the length of the body it was read from."""
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _too_large()
    body = bytearray()
    more = True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            raise ClientDisconnect()
        body += message.get("body", b"")
        more = message.get("more_body", False)
        if len(body) > MAX_BODY_BYTES:
            raise _too_large()
    if not body.strip(JSON_WHITESPACE):
        raise bad_request(ErrorCode.EMPTY_BODY, "Request body is empty; send a JSON object")
    if not _is_media_type((content_type or b"").decode("latin-1"), media_type):
        raise bad_request(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE, f"Content-Type must be {media_type} (UTF-8)"
        )
    try:
        text = body.decode("utf-8")
        value = _DECODER.decode(text)
    except UnicodeDecodeError as error:
        raise bad_request(ErrorCode.INVALID_JSON, "Request body is not valid UTF-8") from error
    except RecursionError as error:
        raise bad_request(
            ErrorCode.INVALID_JSON, f"Request body is nested deeper than {MAX_DEPTH} levels"
        ) from error
    except json.JSONDecodeError as error:
        raise bad_request(
            ErrorCode.INVALID_JSON, f"Request body is not valid JSON: {error}"
        ) from error
    except ValueError as error:  # NaN, Infinity, an integer of thousands of digits
        raise bad_request(
            ErrorCode.INVALID_JSON, "Request body is not valid JSON: a number out of range"
        ) from error
    # Each level opens a bracket: a body with few of them needs no walk.
    brackets = body.count(b"[") + body.count(b"{")
    if brackets > MAX_DEPTH and _nested_deeper_than(value, MAX_DEPTH):
        raise bad_request(
            ErrorCode.INVALID_JSON, f"Request body is nested deeper than {MAX_DEPTH} levels"
        )
    if _SURROGATE_ESCAPE.search(text) and not _is_unicode(value):
        raise bad_request(ErrorCode.INVALID_JSON, "Request body has an unpaired UTF-16 surrogate")
    return value, len(body)


def _is_media_type(header: str, expected: str) -> bool:
    """`expected`, any case, with no parameter but an optional UTF-8 charset."""
    if header == expected:
        return True
    media_type, *parameters = (part.strip().lower() for part in header.split(";"))
    if media_type != expected:
        return False
    return all(parameter in ("charset=utf-8", 'charset="utf-8"', "") for parameter in parameters)


def _nested_deeper_than(value: Any, limit: int) -> bool:
    pending = [(value, 1)]
    while pending:
        node, depth = pending.pop()
        children = (
            node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        )
        if children and depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children)
    return False


def _is_unicode(value: Any) -> bool:
    """No string in `value` holds a lone surrogate (`"\\ud800"` parses, but is no character)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def _finite_float(text: str) -> float:
    """`1e999` is valid JSON syntax, but no number a program can hold: not infinity."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, parse_float=_finite_float)


def _too_large() -> Exception:
    return bad_request(
        ErrorCode.BODY_TOO_LARGE, f"Request body is larger than {MAX_BODY_BYTES} bytes"
    )
