"""The journal: every API request the mock answers, in order, the last N of them.

An entry says what was asked (operationId, method, path, query, the JSON body as parsed),
who asked (the key's label and organisation: never the key) and what the mock answered
(status and error `code`), with the time and the request id. The request id is the
`x-request-id` header the client sent, or one the mock made up; either way the response
echoes it in its own `x-request-id`, so a line of the client's log finds its entry here.

Entries live in the volatile state (volatile.py): in the process's memory, or in the
SQLite file every worker of `--workers N` shares, where one sequence orders them all.
No key is recorded: the key sent is named by its label; in the path, the query and the
strings of the body, the secret part of each key of the data set is `***` wherever it
appears, and anything else that looks like a key (`cc_...`) is `cc_***`, since an entry
may be printed in a test's output.

Sizes are bounded: `journal_size` entries (the oldest go first), a body kept only when
its compact JSON is at most MAX_BODY_CHARS long (else `body` is None and `bodyOmitted` true),
and a request id kept only when it is at most MAX_REQUEST_ID_CHARS printable ASCII
characters (else the mock makes one up).

`Journal.requests(...)` and `GET /_mock/requests` take the same filters; see `matches`.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from carecycle_mock.auth import key_digest, request_key
from carecycle_mock.data import ApiKey
from carecycle_mock.errors import validation_failed
from carecycle_mock.faults import ConnectionDropped
from carecycle_mock.headers import REQUEST_ID, read_fields
from carecycle_mock.responses import encode_json
from carecycle_mock.schemas import Issue
from carecycle_mock.volatile import VolatileState

DEFAULT_JOURNAL_SIZE = 10_000
MAX_BODY_CHARS = 16 * 1024
MAX_REQUEST_ID_CHARS = 200
_REQUEST_ID = re.compile(rb"[\x21-\x7e]{1,%d}" % MAX_REQUEST_ID_CHARS)
# An error body is read for its `code` up to this size; the mock's own are far smaller.
MAX_ERROR_BODY = 64 * 1024
_KEY_LIKE = re.compile(r"cc_[^\s/?&#;,\"]*", re.IGNORECASE)
# Shorter secrets would mask ordinary words (as in the access log).
_MIN_SECRET_LENGTH = 8

FILTERS = (
    "operation",
    "method",
    "path",
    "status",
    "code",
    "key_label",
    "organisation_id",
    "request_id",
    "query",
    "body",
)
"""What `Journal.requests` filters on; `GET /_mock/requests` takes the camelCase names."""


@dataclass(frozen=True)
class JournalEntry:
    """One request and its answer. `status` is None when there was no answer: the
    connection was dropped by an injected fault, or the client left before its request
    was read; `code` is the error body's `code` (None for a success); `query` maps each
    parameter to its values, in order; `time` is seconds since the epoch."""

    operation_id: str | None
    method: str
    path: str
    query: Mapping[str, Sequence[str]]
    body: Any
    status: int | None
    code: str | None
    key_label: str | None
    organisation_id: str | None
    time: float
    request_id: str
    body_omitted: bool = False
    sequence: int = field(default=0, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "operationId": self.operation_id,
            "method": self.method,
            "path": self.path,
            "query": {name: list(values) for name, values in self.query.items()},
            "body": self.body,
            "bodyOmitted": self.body_omitted,
            "status": self.status,
            "code": self.code,
            "keyLabel": self.key_label,
            "organisationId": self.organisation_id,
            "time": self.time,
            "requestId": self.request_id,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], sequence: int = 0) -> JournalEntry:
        return cls(
            operation_id=data["operationId"],
            method=data["method"],
            path=data["path"],
            query={name: tuple(values) for name, values in data["query"].items()},
            body=data["body"],
            body_omitted=data["bodyOmitted"],
            status=data["status"],
            code=data["code"],
            key_label=data["keyLabel"],
            organisation_id=data["organisationId"],
            time=data["time"],
            request_id=data["requestId"],
            sequence=sequence,
        )

    def summary(self) -> str:
        """One line for an assertion message: what was asked and what came back."""
        query = "&".join(f"{n}={v}" for n, values in self.query.items() for v in values)
        target = self.path + (f"?{query}" if query else "")
        answer = "dropped" if self.status is None else str(self.status)
        if self.code:
            answer += f" {self.code}"
        body = "" if self.body is None else f" body={json.dumps(self.body, sort_keys=True)}"
        who = self.key_label or "no known key"
        return f"{self.operation_id or '(no operation)'} {self.method} {target}{body} -> {answer} [{who}, {self.request_id}]"


def matches(entry: JournalEntry, **filters: Any) -> bool:
    """Whether an entry passes the filters; a filter that is None is no filter.

    `operation` is the operationId; `query` and `body` match when every name they give
    has the same value in the entry (recursively for objects), so `body={"status":
    "completed"}` matches whatever ids the body had. Every other filter is equality.
    """
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise TypeError(f"unknown journal filters {sorted(unknown)}; known: {', '.join(FILTERS)}")
    for name, wanted in filters.items():
        if wanted is None:
            continue
        if name == "query":
            given = {k: list(v) for k, v in entry.query.items()}
            expected = {k: [v] if isinstance(v, str) else list(v) for k, v in wanted.items()}
            if not _contains(given, expected):
                return False
        elif name == "body":
            if not _contains(entry.body, wanted):
                return False
        elif getattr(entry, "operation_id" if name == "operation" else name) != wanted:
            return False
    return True


_QUERY_FILTERS = {
    "operation": "operation",
    "method": "method",
    "path": "path",
    "status": "status",
    "code": "code",
    "keyLabel": "key_label",
    "organisationId": "organisation_id",
    "requestId": "request_id",
    "query": "query",
    "body": "body",
}


def journal_filters(items: Iterable[tuple[str, str]]) -> tuple[str | None, dict[str, Any]]:
    """The `apiKey` and the filters of `GET /_mock/requests`, from its query parameters.

    The names are those of `Journal.requests` in camelCase (`keyLabel`, `organisationId`,
    `requestId`); `status` is a number, `query` and `body` are JSON objects, e.g.
    `body={"status":"completed"}`. Anything else, or a parameter given twice, is a 422
    with zod issues: a typo must not read as "no such request".
    """
    given: dict[str, list[str]] = {}
    for name, value in items:
        given.setdefault(name, []).append(value)
    issues: list[Issue] = []
    api_key: str | None = None
    filters: dict[str, Any] = {}
    for name, values in given.items():
        if len(values) > 1:
            issues.append(_issue(name, "given more than once"))
        elif name == "apiKey":
            api_key = values[0]
        elif name not in _QUERY_FILTERS:
            known = ", ".join(_QUERY_FILTERS)
            issues.append(_issue(name, f"unknown filter; known: apiKey, {known}"))
        else:
            try:
                filters[_QUERY_FILTERS[name]] = _filter_value(name, values[0])
            except ValueError as error:
                issues.append(_issue(name, str(error)))
    if issues:
        raise validation_failed(issues)
    return api_key, filters


def _filter_value(name: str, text: str) -> Any:
    if name == "status":
        if not (text.isascii() and text.isdigit() and len(text) == 3):
            raise ValueError("expected an HTTP status, e.g. 200")
        return int(text)
    if name in ("query", "body"):
        try:
            decoded = json.loads(text)
        except ValueError:
            decoded = None
        if not isinstance(decoded, dict):
            raise ValueError('expected a JSON object, e.g. {"status":"completed"}')
        return decoded
    return text


def _issue(name: str, message: str) -> Issue:
    return {"path": [name], "code": "custom", "message": message}


def _contains(value: Any, wanted: Any) -> bool:
    if isinstance(wanted, Mapping):
        return isinstance(value, Mapping) and all(
            name in value and _contains(value[name], part) for name, part in wanted.items()
        )
    return bool(value == wanted)


class Journal:
    """The journal of one mock, over its volatile state (shared by workers, or not)."""

    def __init__(self, volatile: VolatileState, size: int = DEFAULT_JOURNAL_SIZE) -> None:
        self.volatile = volatile
        self.size = size

    def requests(self, *, api_key: str | None = None, **filters: Any) -> list[JournalEntry]:
        """The entries that pass the filters (see `matches`), oldest first.

        `api_key` keeps the requests sent with exactly that key, known or not.
        """
        unknown = set(filters) - set(FILTERS)
        if unknown:  # even on an empty journal: a typo must not read as "no such request"
            known = ", ".join((*FILTERS, "api_key"))
            raise TypeError(f"unknown journal filters {sorted(unknown)}; known: {known}")
        digest = None if api_key is None else key_digest(api_key.encode())
        entries = (
            JournalEntry.from_json(json.loads(text), sequence)
            for sequence, text in self.volatile.journal_entries(digest)
        )
        return [entry for entry in entries if matches(entry, **filters)]

    def assert_requested(
        self, *, times: int | None = None, api_key: str | None = None, **filters: Any
    ) -> list[JournalEntry]:
        """The matching entries; AssertionError if there are none (or not exactly `times`),
        with what was expected and the requests that were seen."""
        __tracebackhide__ = True  # pytest shows the test's line, not this one
        found = self.requests(api_key=api_key, **filters)
        if (not found) if times is None else len(found) != times:
            wanted = "no" if times == 0 else "a" if times is None else f"exactly {times}"
            raise AssertionError(self._report(f"expected {wanted} request", found, filters))
        return found

    def assert_not_requested(self, *, api_key: str | None = None, **filters: Any) -> None:
        __tracebackhide__ = True
        self.assert_requested(times=0, api_key=api_key, **filters)

    def _report(self, expectation: str, found: list[JournalEntry], filters: dict[str, Any]) -> str:
        described = ", ".join(
            f"{name}={_shown(name, value)}" for name, value in filters.items() if value is not None
        )
        seen = self.requests()
        lines = [
            f"{expectation} with {described or 'any filter'}; {len(found)} matched, "
            f"of {len(seen)} in the journal"
            + (":" if seen else " (it is empty: nothing reached the mock since the reset)"),
        ]
        shown = seen[-_SHOWN:]
        if len(seen) > len(shown):
            lines.append(f"  ... {len(seen) - len(shown)} earlier requests not shown")
        matched = {entry.sequence for entry in found}
        lines += [
            f"  {'*' if entry.sequence in matched else ' '} {entry.summary()}" for entry in shown
        ]
        if matched:
            lines.append("  (* matched)")
        return "\n".join(lines)


def _shown(name: str, value: Any) -> str:
    return json.dumps(value, sort_keys=True) if name in ("query", "body") else repr(value)


# How many of the latest requests an assertion message lists.
_SHOWN = 20


class KeyMask:
    """Masks keys in text: the data set's secrets wherever they appear, then `cc_...`."""

    def __init__(self, keys: Iterable[str]) -> None:
        secrets = {key.removeprefix("cc_") for key in keys}
        long_enough = sorted(
            (s for s in secrets if len(s) >= _MIN_SECRET_LENGTH), key=len, reverse=True
        )
        self._secrets = (
            re.compile("|".join(map(re.escape, long_enough)), re.IGNORECASE)
            if long_enough
            else None
        )

    def text(self, text: str) -> str:
        if self._secrets is not None:
            text = self._secrets.sub("***", text)
        return _KEY_LIKE.sub("cc_***", text)

    def value(self, value: Any) -> Any:
        """A JSON value with every string (and object member name) masked."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {self.text(name): self.value(item) for name, item in value.items()}
        return value


# How many times longer than its JSON text the mock's compact encoding of a value may be.
# Most: a DEL (0x7f) in a string, 1 byte, is 6 (`\u007f`) when the encoding escapes all
# but printable ASCII (encode_json's fallback). A number grows at most 4.5 times (`1e15`
# to `1000000000000000.0`); other characters at most triple (`é` to `\u00e9`).
MAX_GROWTH = 6


def note_body(notes: dict[str, Any], body: Any, size: int) -> None:
    """Note a parsed request body for the journal, bounded by MAX_BODY_CHARS (the length
    of its compact encoding, as the mock encodes JSON); `size` is the length of the JSON
    text it was parsed from. A body short enough that its encoding cannot pass the bound
    is not encoded to find out."""
    if size * MAX_GROWTH > MAX_BODY_CHARS and len(encode_json(body)) > MAX_BODY_CHARS:
        notes["body"], notes["body_omitted"] = None, True
    else:
        notes["body"] = body


class JournalRecorder:
    """What the journal keeps of each request to an API path, and its `x-request-id`.

    A request to one of the spec's paths is recorded by `record_answer`, with what its
    endpoint learnt (the operation, the parsed body: `note_body`) as notes. Any other
    request gets its id from `begin`, and `record` appends its entry once the answer went
    out (or did not). The key's label
    and organisation are those of the key sent, if it is one of the data set's,
    whatever the answer.
    """

    def __init__(
        self, journal: Journal, keys: Iterable[ApiKey], clock: Callable[[], float] = time.time
    ) -> None:
        self.journal = journal
        self.clock = clock
        self._keys = {key_digest(k.key.encode()): k for k in keys}
        self._mask = KeyMask(k.key for k in self._keys.values())
        self._text = self._entry_text  # one bound method for every entry

    def begin(self, scope: Scope) -> tuple[bytes, float]:
        """The id of a request to a path the spec does not have, and the time it came."""
        return request_id_for(read_fields(scope["headers"])[1]), self.clock()

    def record(
        self,
        scope: Scope,
        request_id: bytes,
        started: float,
        *,
        status: int | None,
        code: str | None,
        error_body: bytes,
    ) -> None:
        """Append the entry of a request `begin` saw: its status (None when there was
        none), its error `code` if known, and (the start of) an error body."""
        self.record_answer(
            scope,
            request_key(scope).digest,
            {},  # no operation, no body read
            request_id,
            started,
            status=status,
            code=code,
            error_body=error_body,
        )

    def record_answer(
        self,
        scope: Scope,
        digest: str,
        notes: dict[str, Any],
        request_id: bytes,
        started: float,
        *,
        status: int | None,
        code: str | None,
        error_body: bytes,
    ) -> None:
        """Append the entry of a request to one of the spec's paths (its key's digest as
        given): `notes` are what the endpoint learnt (`operation_id`, `note_body`), `started` its time, the
        rest as for `record`."""
        size = self.journal.size
        if not size:
            return
        # What the entry needs, kept as it is: the entry is made when it is read.
        record = (
            scope["method"],
            scope["path"],
            scope["query_string"],
            notes,
            digest,
            status,
            code,
            error_body,
            request_id,
            started,
        )
        self.journal.volatile.journal_append(digest, (self._text, record), size)

    def _entry_text(self, record: _Record) -> str:
        return encode_json(self._entry(record).to_json()).decode()

    def _entry(self, record: _Record) -> JournalEntry:
        (method, path, query_bytes, notes, digest, status, code, error_body, request_id, at) = (
            record
        )
        query: dict[str, list[str]] = {}
        query_string = query_bytes.decode("latin-1")
        for name, value in parse_qsl(query_string, keep_blank_values=True):
            query.setdefault(self._mask.text(name), []).append(self._mask.text(value))
        key = self._keys.get(digest)
        return JournalEntry(
            operation_id=notes.get("operation_id"),
            method=method,
            path=self._mask.text(path),
            query={name: tuple(values) for name, values in query.items()},
            body=self._mask.value(notes.get("body")),
            body_omitted=notes.get("body_omitted", False),
            status=status,
            code=code or _code(error_body),
            key_label=None if key is None else key.label,
            organisation_id=None if key is None else key.organisation_id,
            time=at,
            request_id=request_id.decode("ascii"),
        )


def with_request_id(
    headers: Iterable[tuple[bytes, bytes]], request_id: bytes
) -> list[tuple[bytes, bytes]]:
    """A response's headers, with this `x-request-id` (and no other)."""
    kept = [(name, value) for name, value in headers if name.lower() != REQUEST_ID]
    kept.append((REQUEST_ID, request_id))
    return kept


class JournalMiddleware:
    """Records each request that reaches it, and gives each response its `x-request-id`.

    The spec's paths are recorded by the application's ApiRoutes before they get here;
    what comes here is every other path: one the spec does not have (a 404 the consumer
    may need to see, when its service builds a wrong URL) is recorded, one under
    `/_mock` (the controls) is neither recorded nor given an id.
    """

    def __init__(self, app: ASGIApp, *, recorder: JournalRecorder) -> None:
        self.app = app
        self.recorder = recorder

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_mock/"):
            await self.app(scope, receive, send)
            return
        request_id, started = self.recorder.begin(scope)
        status: int | None = None
        error_body = bytearray()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {
                    **message,
                    "headers": with_request_id(message.get("headers", []), request_id),
                }
            elif message["type"] == "http.response.body" and (status or 0) >= 400:
                error_body.extend(message.get("body", b"")[: MAX_ERROR_BODY - len(error_body)])
            await send(message)

        code: str | None = None
        try:
            await self.app(scope, receive, send_with_id)
        except ConnectionDropped:
            status = None
            raise
        except Exception:
            # Answered outside this middleware, by the application's 500 handler.
            if status is None:
                status, code = 500, "INTERNAL_ERROR"
            raise
        finally:
            self.recorder.record(
                scope, request_id, started, status=status, code=code, error_body=bytes(error_body)
            )


# What the journal keeps of a request and its answer (its scope is not kept whole):
# method, path, query string, the endpoint's notes, the key's digest, the status (None:
# no answer), the error code if known, the start of an error body, the request id and
# the time. A flat tuple: made for every request, at a fraction of an object's cost.
_Record: TypeAlias = tuple[
    str, str, bytes, dict[str, Any], str, int | None, str | None, bytes, bytes, float
]


def _code(error_body: bytes) -> str | None:
    """The `code` of an error body, when it is one of the JSON bodies the spec documents."""
    if not error_body:
        return None
    try:
        document = json.loads(error_body)
    except ValueError:
        return None
    code = document.get("code") if isinstance(document, dict) else None
    return code if isinstance(code, str) else None


def request_id_for(given: bytes | None) -> bytes:
    """The id of a request that sent this `x-request-id` (None: none, or more than one):
    the client's if it is one we can keep and echo, else a new uuid4."""
    if given is not None and _REQUEST_ID.fullmatch(given):
        return given
    return _new_request_ids.next()


class RequestIds:
    """Version 4 UUIDs, made BATCH at a time: one draw of Python's generator (reseeded in
    a forked child, where the ids left are dropped), not the system's: an id names a
    request, it guards nothing, and needs no system call.

    Formatting an id by itself (`uuid.uuid4()`, or `%`-formatting its fields) was a tenth
    of the mock's work on a GET. Here the random hex digits of a batch are laid out by
    slice assignments, each placing one digit of every id, and the version `4` and the
    variant digit (`8`, `9`, `a` or `b`: RFC 9562's `10` bits) are set the same way; an
    id then costs a `list.pop`.
    """

    BATCH = 256
    # Where each of the 32 random digits goes in "xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx ".
    _DIGIT_PLACES = tuple(place for place in range(36) if place not in (8, 13, 18, 23))
    _VERSION_PLACE, _VARIANT_PLACE, _WIDTH = 14, 19, 37
    _VARIANT = bytes.maketrans(b"0123456789abcdef", b"89ab" * 4)

    def __init__(self) -> None:
        self._left: list[bytes] = []
        os.register_at_fork(after_in_child=self._drop)

    def next(self) -> bytes:
        try:
            return self._left.pop()
        except IndexError:
            self._left = self._batch()
            return self._left.pop()

    def _drop(self) -> None:
        self._left = []

    def _batch(self) -> list[bytes]:
        count, width = self.BATCH, self._WIDTH
        digits = random.randbytes(16 * count).hex().encode("ascii")  # noqa: S311 - names, not secrets
        text = bytearray(b"-" * (width * count))
        for digit, place in enumerate(self._DIGIT_PLACES):
            text[place::width] = digits[digit::32]
        text[self._VERSION_PLACE :: width] = b"4" * count
        variant = text[self._VARIANT_PLACE :: width]
        text[self._VARIANT_PLACE :: width] = variant.translate(self._VARIANT)
        text[width - 1 :: width] = b" " * count
        return bytes(text).split()


_new_request_ids = RequestIds()
