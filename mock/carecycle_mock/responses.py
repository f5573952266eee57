"""JSON responses that cannot fail to encode."""

from __future__ import annotations

import json
from typing import Any

import orjson
from starlette.responses import JSONResponse, Response


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


class JsonResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return encode_json(content)


def prepared_json(body: bytes, status_code: int = 200) -> Response:
    """A JSON response of bytes already encoded."""
    return Response(body, status_code=status_code, media_type="application/json")
