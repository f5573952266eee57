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
from carecycle_mock.headers import read_fields

PREFIX = b"cc_"
_SCOPE_KEY = "carecycle_mock.presented_key"


def key_digest(key: bytes) -> str:
    """The name a key goes by inside the mock (rate limits, fault scopes, request counts)."""
    return hashlib.sha256(key).hexdigest()


# A request without a key goes by the digest of the empty key.
_ABSENT_KEY_DIGEST = key_digest(b"")


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
        """The `x-api-key` header of a request, as `headers.read_fields` reads it.
        `known` holds digests already made, by key."""
        value = read_fields(headers)[0]
        return cls(value, digest_of(value, known or {}))


def digest_of(key: bytes | None, known: Mapping[bytes, str]) -> str:
    """The digest of a key sent (of no key: that of the empty key), from `known`, the
    digests already made by key, when it is there."""
    if key is None:
        return _ABSENT_KEY_DIGEST
    return known.get(key) or key_digest(key)


def request_key(scope: Scope, known: Mapping[bytes, str] | None = None) -> PresentedKey:
    """The key of this request, hashed once however often it is asked for (by the journal's
    middleware, for a path the spec does not have: the spec's paths read their keys with
    their other fields); kept in the ASGI scope, beside the headers it came from. `known`
    holds digests already made, by key."""
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

    def authorize(self, key: bytes | None, digest: str, permission: str) -> Principal:
        """Who is asking with this key (and its digest), and may they use `permission`
        (`needed_permission` of the method): 401 for no key or an unknown one (or one
        without the `cc_` prefix), 403 without the permission."""
        if not key:
            raise unauthorized("Missing API key")
        principal = self._principals.get(digest)
        if principal is None or not key.startswith(PREFIX):
            raise unauthorized("Invalid API key")
        if permission not in principal.permissions:
            raise forbidden(f"This API key lacks the {permission} permission")
        return principal
