"""The access log: one line per request, that never holds a key.

A line has the method, the path and query, the outcome (the status, `dropped` for an
injected drop, `disconnected` when the client left first) and the time taken. It has
no header value and no body. Path and query are logged as they read decoded: percent-
decoded until nothing changes (`%2563` too), NFKC-normalised (full-width letters are
ASCII), with control characters, zero-width and other format characters and every
space and separator removed (`c\\x00c_`, `c\\u200bc_`). In that text, everything from a
`cc_` (any case) to the next `/`, `?`, `&` or `#` is `cc_***`, and the secret part of
each key of the data set is `***` wherever it appears, with or without its prefix.
Removing control characters also keeps a client from writing lines of its own.
"""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from functools import partial
from urllib.parse import unquote, unquote_plus

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from carecycle_mock.faults import ConnectionDropped

access_log = logging.getLogger("carecycle_mock.access")
_KEY_LIKE = re.compile(r"cc_[^/?&#]*", re.IGNORECASE)
# Control (Cc), format (Cf: zero-width, soft hyphen, bidi marks), separators (Z*).
_INVISIBLE = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})
_MAX_DECODING_ROUNDS = 8
# Shorter secrets would mask ordinary words of a path.
_MIN_SECRET_LENGTH = 8


class AccessLogLines:
    """The lines of the access log; `keys` are the data set's keys, whose secret parts are masked."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        secrets = {key.removeprefix("cc_") for key in keys}
        # Whether lines are written at all (not with `--no-access-log`): asked on every
        # request, so the logger's own method, not a method that calls it.
        self.enabled: Callable[[], bool] = partial(access_log.isEnabledFor, logging.INFO)
        self._secrets = sorted(
            (s for s in secrets if len(s) >= _MIN_SECRET_LENGTH), key=len, reverse=True
        )

    def write(self, scope: Scope, outcome: str, started: float) -> None:
        """The line of a request: `started` is when it came, by `time.perf_counter()`."""
        access_log.info(
            "%s %s %s %.1fms",
            scope["method"],
            self.masked_target(scope),
            outcome,
            (time.perf_counter() - started) * 1000,
        )

    def masked_target(self, scope: Scope) -> str:
        raw_path = scope.get("raw_path") or scope["path"].encode("utf-8")
        path = _readable(raw_path.partition(b"?")[0].decode("latin-1"), unquote)
        query = _readable(scope["query_string"].decode("latin-1"), unquote_plus)
        target = path + (f"?{query}" if query else "")
        for secret in self._secrets:
            target = re.sub(re.escape(secret), "***", target, flags=re.IGNORECASE)
        return _KEY_LIKE.sub("cc_***", target)


class AccessLog:
    """ASGI middleware writing a line for each request that reaches it (the spec's paths
    are logged by the application's ApiRoutes before they get here)."""

    def __init__(self, app: ASGIApp, lines: AccessLogLines) -> None:
        self.app = app
        self.lines = lines

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self.lines.enabled():
            # No line to write (`--no-access-log`): nothing to watch. A client that left
            # before its request was read is nobody to answer, and nothing broken.
            try:  # noqa: SIM105 - not contextlib.suppress: an object per request
                await self.app(scope, receive, send)
            except ClientDisconnect:
                pass
            return
        started = time.perf_counter()
        outcome = "failed"

        async def logged_send(message: Message) -> None:
            nonlocal outcome
            if message["type"] == "http.response.start":
                outcome = str(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, logged_send)
        except ConnectionDropped:
            outcome = "dropped"
            raise
        except ClientDisconnect:
            # The client left before its request was read: nobody to answer, nothing broken.
            outcome = "disconnected"
        finally:
            self.lines.write(scope, outcome, started)


def _readable(text: str, unquote_once: Callable[[str], str]) -> str:
    """Decoded, normalised and stripped of what is invisible, until that changes nothing."""
    for _ in range(_MAX_DECODING_ROUNDS):
        normalised = unicodedata.normalize("NFKC", unquote_once(text))
        readable = "".join(c for c in normalised if unicodedata.category(c) not in _INVISIBLE)
        if readable == text:
            break
        text = readable
    return text
