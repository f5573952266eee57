"""API keys: who is asking, and may they.

Inside the mock a key goes by its sha256 digest. The data set's keys are looked up in
dicts, by their bytes and by their digests: Python hashes both with its per-process
secret (SipHash), and compares bytes only once the hashes match, so the time a lookup
takes says nothing about how close a guess came. Only a key that is not one of them is
hashed when it comes. A key never goes into a message, a log line or a repr.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
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
    def of(
        cls, headers: Iterable[tuple[bytes, bytes]], known: Mapping[bytes, str] | None = None
    ) -> PresentedKey:
        """The `x-api-key` header of a request, without the optional whitespace around it.

        Spaces and tabs before and after a field value are not part of it (RFC 9110 §5.5).
        A header sent twice is combined with a comma, as HTTP says: that matches no key,
        so the request is refused rather than authenticated by either value. `known`
        holds digests already made, by key.
        """
        value: bytes | None = None
        for name, field_value in headers:
            if name.lower() == HEADER:
                given = field_value.strip(b" \t")
                value = given if value is None else value + b", " + given
        digest = known.get(value) if known is not None and value is not None else None
        return cls(value, digest or key_digest(value or b""))


def request_key(scope: Scope, known: Mapping[bytes, str] | None = None) -> PresentedKey:
    """The key of this request, hashed once, by whichever step asks first (the endpoint,
    or the journal for a path the spec does not have); kept in the ASGI scope, beside
    the headers it came from. `known` holds digests already made, by key."""
    presented: PresentedKey | None = scope.get(_SCOPE_KEY)
    if presented is None:
        presented = scope[_SCOPE_KEY] = PresentedKey.of(scope["headers"], known)
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
        keys = tuple(keys)
        # The data set's keys' digests, by key: what `request_key` need not hash again.
        self.digests = {key.key.encode(): key_digest(key.key.encode()) for key in keys}
        self._principals = {
            self.digests[key.key.encode()]: Principal(
                key.organisation_id, key.permissions, self.digests[key.key.encode()]
            )
            for key in keys
        }

    def authorize(self, presented: PresentedKey, method: str) -> Principal:
        """Who is asking, and may they call an operation of this method: 401 for no key or
        an unknown one (or one without the `cc_` prefix), 403 without the permission."""
        if not presented.value:
            raise unauthorized("Missing API key")
        principal = self._principals.get(presented.digest)
        if principal is None or not presented.value.startswith(PREFIX):
            raise unauthorized("Invalid API key")
        needed = needed_permission(method)
        if needed not in principal.permissions:
            raise forbidden(f"This API key lacks the {needed} permission")
        return principal
