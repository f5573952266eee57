"""API keys: who is asking, and may they.

Only sha256 digests of the keys are kept, and a presented key is compared with every
one of them by `hmac.compare_digest`, so the time taken says nothing about how close
a guess came. A key never goes into a message, a log line or a repr.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass

from carecycle_mock.data import ApiKey
from carecycle_mock.errors import unauthorized

HEADER = b"x-api-key"
PREFIX = b"cc_"


def key_digest(key: bytes) -> str:
    """The name a key goes by inside the mock (rate limits, fault scopes, request counts)."""
    return hashlib.sha256(key).hexdigest()


def presented_key(headers: Iterable[tuple[bytes, bytes]]) -> bytes | None:
    """The `x-api-key` header of a request, without the optional whitespace around it.

    Spaces and tabs before and after a field value are not part of it (RFC 9110 §5.5).
    A header sent twice is combined with a comma, as HTTP says: that matches no key,
    so the request is refused rather than authenticated by either value.
    """
    values = [value.strip(b" \t") for name, value in headers if name.lower() == HEADER]
    return b", ".join(values) if values else None


@dataclass(frozen=True)
class Principal:
    organisation_id: str
    permissions: frozenset[str]
    key_digest: str


@dataclass(frozen=True)
class _StoredKey:
    digest: bytes
    organisation_id: str
    permissions: frozenset[str]


class KeyRing:
    def __init__(self, keys: Iterable[ApiKey]) -> None:
        self._keys = tuple(
            _StoredKey(hashlib.sha256(k.key.encode()).digest(), k.organisation_id, k.permissions)
            for k in keys
        )

    def authenticate(self, presented: bytes | None) -> Principal:
        if not presented:
            raise unauthorized("Missing API key")
        digest = hashlib.sha256(presented).digest()
        found: _StoredKey | None = None
        for stored in self._keys:
            if hmac.compare_digest(stored.digest, digest):
                found = stored
        if found is None or not presented.startswith(PREFIX):
            raise unauthorized("Invalid API key")
        return Principal(found.organisation_id, found.permissions, digest.hex())
