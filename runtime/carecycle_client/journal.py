"""The journal of `carecycle bulk-update`: one JSON line per row the API answered, written
as each answer comes, so that a run stopped in any way (Ctrl-C, a deploy, `kill -9`) can be
resumed without losing or guessing what was applied.

    {"line": 7, "customerId": "...", "campaignId": "...", "status": "completed",
     "outcome": "applied", "previousStatus": "pending", "requestId": "..."}

A failed row's line has `"outcome": "failed"`, the HTTP status (`httpStatus`, absent when no
response came), the error's `code` and `message`. Each line is written with one `write`
and then `fsync`ed: once the line is in the journal it is on disk. A run killed in the
middle of a write leaves at most a partial last line, which reading ignores and appending
first cuts off. A resumed run skips the rows whose lines say `applied` (the same
enrollment and status); it sends a failed row again (setting a status twice is harmless).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Self

from attrs import frozen

APPLIED = "applied"
FAILED = "failed"


@frozen
class Entry:
    """One journal line."""

    line: int
    customer_id: str
    campaign_id: str
    status: str
    outcome: str
    previous_status: str | None = None
    request_id: str | None = None
    http_status: int | None = None
    code: str | None = None
    message: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "line": self.line,
            "customerId": self.customer_id,
            "campaignId": self.campaign_id,
            "status": self.status,
            "outcome": self.outcome,
        }
        if self.outcome == APPLIED:
            data["previousStatus"] = self.previous_status
        else:
            data.update(httpStatus=self.http_status, code=self.code, message=self.message)
        data["requestId"] = self.request_id
        return data

    @property
    def update(self) -> tuple[str, str, str]:
        """What the row set: its enrollment (ids in lower case) and status."""
        return self.customer_id.lower(), self.campaign_id.lower(), self.status


class JournalError(Exception):
    """A journal that cannot be read or written."""


def applied_updates(path: Path) -> set[tuple[str, str, str]]:
    """The updates a journal says were applied: (customer id, campaign id, status), ids in lower case."""
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError as error:
        raise JournalError(f"cannot read the journal {path}: {error.strerror or error}") from None
    applied = set()
    for number, text in enumerate(lines[:-1], start=1):  # the last part has no newline: partial or empty
        try:
            data = json.loads(text)
            if data["outcome"] == APPLIED:
                applied.add((data["customerId"].lower(), data["campaignId"].lower(), data["status"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            raise JournalError(f"{path}, line {number}: not a journal line of carecycle bulk-update") from None
    return applied


class Journal:
    """A journal open for appending: `write` puts a line on disk before it returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            self._drop_partial_line()
        except OSError as error:
            raise JournalError(f"cannot write the journal {path}: {error.strerror or error}") from None

    def _drop_partial_line(self) -> None:
        """Cut off a last line without its newline: the write a killed run did not finish."""
        size = os.fstat(self._fd).st_size
        if size == 0:
            return
        with self.path.open("rb") as file:
            end = size
            while end > 0:
                start = max(end - 4096, 0)
                file.seek(start)
                chunk = file.read(end - start)
                if end == size and chunk.endswith(b"\n"):
                    return
                newline = chunk.rfind(b"\n")
                if newline >= 0:
                    os.ftruncate(self._fd, start + newline + 1)
                    return
                end = start
        os.ftruncate(self._fd, 0)

    def write(self, entry: Entry) -> None:
        data = (json.dumps(entry.to_json(), ensure_ascii=False) + "\n").encode()
        written = os.write(self._fd, data)
        if written != len(data):  # a full disk: the rest would make a line no reader accepts
            raise JournalError(f"cannot write the journal {self.path}: only {written} of {len(data)} bytes written")
        os.fsync(self._fd)

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
