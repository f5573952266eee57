"""API keys: who is asking, and may they.

Only sha256 digests of the keys are kept. A request's key is hashed once
(`request_key`), and its digest compared with every one of them by `hmac.compare_digest`, so the time taken says nothing about how close
a guess came. A key never goes into a message, a log line or a repr.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass, field

from starlette.types import Scope

from carecycle_mock.data import READ, WRITE, ApiKey
from carecycle_mock.errors import forbidden, unauthorized

HEADER = b"x-api-key"
PREFIX = b"cc_"
_SCOPE_KEY = "carecycle_mock.presented_key"


def key_digest(key: bytes) -> str:
    """The name a key goes by inside the mock (rate limits, fault scopes, request counts)."""
    return hashlib.sha256(key).hexdigest()


@dataclass(slots=True)
class PresentedKey:
    """The key a request presents (None: no header), and its digest. Made for every
    request: not frozen, whose `__init__` costs twice as much."""

    value: bytes | None = field(repr=False)
    digest: str

    @classmethod
    def of(cls, headers: Iterable[tuple[bytes, bytes]]) -> PresentedKey:
        """The `x-api-key` header of a request, without the optional whitespace around it.

        Spaces and tabs before and after a field value are not part of it (RFC 9110 §5.5).
        A header sent twice is combined with a comma, as HTTP says: that matches no key,
        so the request is refused rather than authenticated by either value.
        """
        values = [value.strip(b" \t") for name, value in headers if name.lower() == HEADER]
        value = b", ".join(values) if values else None
        return cls(value, key_digest(value or b""))


def request_key(scope: Scope) -> PresentedKey:
    """The key of this request, hashed once, by whichever step asks first (the endpoint,
    or the journal for a path the spec does not have); kept in the ASGI scope, beside
    the headers it came from."""
    presented: PresentedKey | None = scope.get(_SCOPE_KEY)
    if presented is None:
        presented = scope[_SCOPE_KEY] = PresentedKey.of(scope["headers"])
    return presented


@dataclass(frozen=True)
class Principal:
    organisation_id: str
    permissions: frozenset[str]
    key_digest: str


def needed_permission(method: str) -> str:
    """`read` for a GET, `write` for anything else."""
    return READ if method == "GET" else WRITE


class KeyRing:
    def __init__(self, keys: Iterable[ApiKey]) -> None:
        self._keys = tuple((key_digest(k.key.encode()), k) for k in keys)
        self._principals = {
            digest: Principal(key.organisation_id, key.permissions, digest)
            for digest, key in self._keys
        }

    def authorize(self, presented: PresentedKey, method: str) -> Principal:
        """Who is asking, and may they call an operation of this method: 401 for no key or
        an unknown one (or one without the `cc_` prefix), 403 without the permission."""
        if not presented.value:
            raise unauthorized("Missing API key")
        found: ApiKey | None = None
        for digest, api_key in self._keys:
            if hmac.compare_digest(digest, presented.digest):
                found = api_key
        if found is None or not presented.value.startswith(PREFIX):
            raise unauthorized("Invalid API key")
        needed = needed_permission(method)
        if needed not in found.permissions:
            raise forbidden(f"This API key lacks the {needed} permission")
        return self._principals[presented.digest]
