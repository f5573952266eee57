"""JSON responses that cannot fail to encode."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import JSONResponse


class JsonResponse(JSONResponse):
    """Compact JSON, ASCII only.

    `\\u`-escaping everything outside ASCII keeps a lone surrogate that a client sent
    in a JSON string (valid JSON, but not encodable as UTF-8) from turning an error
    message that quotes it into a 500.
    """

    def render(self, content: Any) -> bytes:
        return json.dumps(content, allow_nan=False, separators=(",", ":")).encode("ascii")
