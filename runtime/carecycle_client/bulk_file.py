"""The input of `carecycle bulk-update`: a CSV file with a header row, or JSON lines, read and
checked whole before anything is sent.

Columns (CSV) or keys (JSON lines): `customerId`, `campaignId`, `status`; `customer_id`
and `campaign_id` too, in any case; other columns are ignored. A row is bad when an id
does not match the API's UUID pattern (the spec's `Uuid`, byte for byte), its status is
not one the API knows or not terminal (the API sets only `completed` and `failed`), or it
sets an enrollment that an earlier row sets too. Every bad row is reported with its line
number (the line its record starts on; the header is line 1).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path

from attrs import frozen

from ._spec import UUID_PATTERN
from .models.customer_campaign_status import CustomerCampaignStatus

TERMINAL_STATUSES = frozenset({CustomerCampaignStatus.COMPLETED.value, CustomerCampaignStatus.FAILED.value})
"""What a PATCH may set: the spec's description of updateCustomerCampaignStatus."""
KNOWN_STATUSES = frozenset(status.value for status in CustomerCampaignStatus)
_UUID = re.compile(UUID_PATTERN)


def is_api_uuid(text: str) -> bool:
    """Whether the API accepts `text` as an id: the spec's Uuid pattern, the whole of it."""
    return _UUID.fullmatch(text) is not None


_COLUMNS = {"customerid": "customer_id", "campaignid": "campaign_id", "status": "status"}
_SHOWN = 60


@frozen
class FileRow:
    """A good row: its line, its ids as written (checked) and its status."""

    line: int
    customer_id: str
    campaign_id: str
    status: str

    @property
    def enrollment(self) -> tuple[str, str]:
        """The enrollment the row sets, ids in lower case (the API matches them in either case)."""
        return self.customer_id.lower(), self.campaign_id.lower()


@frozen
class Problem:
    """Why the row of `line` is bad."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@frozen
class CheckedFile:
    """A file's good rows, in its order, and its bad ones (both empty for an empty file)."""

    rows: list[FileRow]
    problems: list[Problem]
    read: int
    """Rows read: good and bad."""


class BulkFileError(Exception):
    """A file that cannot be read as rows at all: missing, not text, no header, not CSV."""


def read_bulk_file(path: Path) -> CheckedFile:
    """Every row of `path`, checked: CSV unless it is `.jsonl`/`.ndjson` or starts with `{`."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            first = file.read(1)
            file.seek(0)
            records = _json_lines(file) if path.suffix in (".jsonl", ".ndjson") or first == "{" else _csv(file)
            return _check(records)
    except OSError as error:
        raise BulkFileError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise BulkFileError(f"{path} is not UTF-8 text (byte {error.start}): save it as UTF-8") from None
    except csv.Error as error:
        raise BulkFileError(f"{path} is not CSV: {error}") from None


Record = tuple[int, object, object, object] | tuple[int, str]
"""A line number and its customer id, campaign id and status (None where missing), or the
line number and why the row could not be read."""


def _csv(file: Iterator[str]) -> Iterator[Record]:
    reader = csv.reader(file)
    header: list[str | None] | None = None
    ended = 0  # the line the previous record ended on
    for fields in reader:
        line, ended = ended + 1, reader.line_num
        if not fields or fields == [""]:
            continue
        if header is None:
            header = _header(fields, line)
            width = len(header)
            customer, campaign, status = (header.index(name) for name in ("customer_id", "campaign_id", "status"))
            continue
        if len(fields) != width:
            yield line, f"has {len(fields)} fields, the header {width}"
            continue
        yield line, fields[customer], fields[campaign], fields[status]
    if header is None:
        raise BulkFileError("the file is empty: a CSV file starts with a header row (customerId,campaignId,status)")


def _header(fields: list[str], line: int) -> list[str | None]:
    names = [_COLUMNS.get(re.sub(r"[\s_-]", "", field).lower()) for field in fields]
    missing = [column for column in _COLUMNS.values() if column not in names]
    if missing:
        raise BulkFileError(
            f"line {line}: the header row needs the columns customerId, campaignId and status; it has "
            f"{', '.join(repr(field) for field in fields)}"
        )
    repeated = {name for name in names if name is not None and names.count(name) > 1}
    if repeated:
        raise BulkFileError(f"line {line}: the header row names {', '.join(sorted(repeated))} more than once")
    return names


def _json_lines(file: Iterator[str]) -> Iterator[Record]:
    for line, text in enumerate(file, start=1):
        if not text.strip():
            continue
        try:
            value = json.loads(text)
        except ValueError as error:
            yield line, f"is not JSON ({error})"
            continue
        if not isinstance(value, dict):
            yield line, f"is not a JSON object with customerId, campaignId and status, but {_shown(value)}"
            continue
        fields: dict[str, object] = {}
        for key, item in value.items():
            name = _COLUMNS.get(re.sub(r"[\s_-]", "", key).lower())
            if name is not None:
                if name in fields:
                    yield line, f"gives {name} twice"
                    break
                fields[name] = item
        else:
            yield line, fields.get("customer_id"), fields.get("campaign_id"), fields.get("status")


def _check(records: Iterator[Record]) -> CheckedFile:
    rows: list[FileRow] = []
    problems: list[Problem] = []
    first_of: dict[tuple[str, str], FileRow] = {}
    conflicted: set[int] = set()  # lines of good-looking rows that a later row contradicts
    read = 0
    for record in records:
        read += 1
        if len(record) == 2:
            problems.append(Problem(record[0], f"the row {record[1]}"))
            continue
        line, customer_id, campaign_id, status = record
        # The common case first, cheaply: both ids UUIDs, a terminal status.
        if not (
            isinstance(customer_id, str)
            and isinstance(campaign_id, str)
            and status in TERMINAL_STATUSES
            and _UUID.fullmatch(customer_id)
            and _UUID.fullmatch(campaign_id)
        ):
            problems.append(Problem(line, "; ".join(_row_problems(customer_id, campaign_id, status))))
            continue
        row = FileRow(line, customer_id, campaign_id, str(status))
        earlier = first_of.setdefault((customer_id.lower(), campaign_id.lower()), row)
        if earlier is not row:
            if earlier.status == row.status:
                problems.append(Problem(line, f"repeats line {earlier.line} (the same enrollment and status)"))
            else:
                conflicted.add(earlier.line)
                problems.append(
                    Problem(
                        line,
                        f"sets the enrollment of line {earlier.line} again, to {row.status} "
                        f"(line {earlier.line}: {earlier.status}); neither is sent",
                    )
                )
            continue
        rows.append(row)
    if conflicted:
        problems += [Problem(row.line, "contradicted by a later row (below)") for row in rows if row.line in conflicted]
        rows = [row for row in rows if row.line not in conflicted]
        problems.sort(key=lambda problem: problem.line)
    return CheckedFile(rows, problems, read)


def _row_problems(customer_id: object, campaign_id: object, status: object) -> list[str]:
    problems = []
    for name, value in (("customer_id", customer_id), ("campaign_id", campaign_id)):
        if value is None or value == "":
            problems.append(f"no {name}")
        elif not isinstance(value, str) or not is_api_uuid(value):
            problems.append(f"{name} {_shown(value)} is not a UUID (the API's pattern)")
    if status is None or status == "":
        problems.append("no status")
    elif not isinstance(status, str) or status not in KNOWN_STATUSES:
        problems.append(f"unknown status {_shown(status)} (the API's: {', '.join(sorted(KNOWN_STATUSES))})")
    elif status not in TERMINAL_STATUSES:
        problems.append(f"status {status!r} is not terminal: the API sets only completed or failed")
    return problems


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=True) if not isinstance(value, str) else repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
