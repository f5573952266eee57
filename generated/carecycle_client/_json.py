# Generated from runtime/carecycle_client/_json.py by make generate: edit that, not this file.
"""Decoding a body as JSON, fast and with a reason when it is not JSON."""

from __future__ import annotations

import json
from typing import Any

import orjson


def decode_json(content: bytes) -> Any:
    """`json.loads`, twice as fast through orjson for every body that is strict JSON.

    Raises:
        ValueError: Not JSON, with the reason (RecursionError included: too deeply nested).
    """
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError as strict:
        # What orjson refuses and json takes (NaN, Infinity, UTF-16, a byte order mark) is
        # read as httpx's Response.json() would, or refused by json with its reason.
        if "depth limit" in str(strict):
            raise ValueError("the body is nested too deeply to read (over 1024 levels)") from None
        try:
            return json.loads(content)
        except RecursionError:
            raise ValueError("the body is nested too deeply to read") from None
        except UnicodeDecodeError:
            raise ValueError("the body is not JSON: it is not UTF-8, UTF-16 or UTF-32 text") from None
        except ValueError as error:
            if "integer string conversion" in str(error):
                raise ValueError(
                    "the body holds an integer of more digits than Python reads (4300); it is JSON, but not the API's"
                ) from None
            raise ValueError(f"the body is not JSON ({error})") from None
