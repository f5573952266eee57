"""The header fields the mock reads of a request, found in one pass over its head.

The key (auth.py), the request id (journal.py) and the body's length and media type
(body.py) are each read as their module says; this is where the fields are found, so
that a request's head is gone through once, however many of them it needs.
"""

from __future__ import annotations

from collections.abc import Iterable

API_KEY = b"x-api-key"
REQUEST_ID = b"x-request-id"
CONTENT_LENGTH = b"content-length"
CONTENT_TYPE = b"content-type"

# The fields as read: `x-api-key` (None: not sent), `x-request-id` (None: not sent, or
# sent more than once), the first `Content-Length` and the first `Content-Type`.
ReadFields = tuple[bytes | None, bytes | None, bytes | None, bytes | None]


def read_fields(fields: Iterable[tuple[bytes, bytes]]) -> ReadFields:
    """The fields the mock reads, from a request's (name, value) pairs, names in any case.

    `x-api-key` is each value without the spaces and tabs around it (not part of a field
    value, RFC 9110 §5.5); one sent twice is combined with a comma, as HTTP says, which
    matches no key, so the request is refused rather than authenticated by either value.
    """
    key = request_id = length = media_type = None
    request_ids = 0
    for field, value in fields:
        name = field.lower()
        if name == API_KEY:
            given = value.strip(b" \t")
            key = given if key is None else key + b", " + given
        elif name == REQUEST_ID:
            request_ids += 1
            request_id = value
        elif name == CONTENT_LENGTH:
            if length is None:
                length = value
        elif name == CONTENT_TYPE and media_type is None:
            media_type = value
    return key, request_id if request_ids == 1 else None, length, media_type
