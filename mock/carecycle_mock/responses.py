"""JSON responses that cannot fail to encode."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import orjson
from starlette.responses import Response


def encode_json(content: Any) -> bytes:
    """Compact JSON, by orjson; what it refuses by the standard library, ASCII only.

    orjson refuses a lone surrogate that a client sent in a JSON string (valid JSON, but
    not encodable as UTF-8) and integers past 64 bits; `\\u`-escaping everything outside
    ASCII keeps an error message that quotes either from turning into a 500.
    """
    try:
        return orjson.dumps(content)
    except TypeError:
        return json.dumps(content, allow_nan=False, separators=(",", ":")).encode("ascii")


class JsonResponse(Response):
    """A JSON response, its head made here: what Starlette's `init_headers` would make
    (`content-length`, `content-type` without a charset, the given headers first), at a
    fraction of its cost on the mock's every answer."""

    media_type = "application/json"
    body: bytes

    def __init__(
        self,
        content: Any,
        status_code: int = 200,
        headers: Mapping[str, str] | None = None,
        *,
        encoded: bytes | None = None,
    ) -> None:
        self.status_code = status_code
        self.background = None
        self.body = body = encode_json(content) if encoded is None else encoded
        self.raw_headers = [
            (b"content-length", b"%d" % len(body)),
            (b"content-type", b"application/json"),
        ]
        if headers:
            self.raw_headers[:0] = [
                (name.lower().encode("latin-1"), value.encode("latin-1"))
                for name, value in headers.items()
            ]


def prepared_json(body: bytes, status_code: int = 200) -> JsonResponse:
    """A JSON response of bytes already encoded."""
    return JsonResponse(None, status_code, encoded=body)
