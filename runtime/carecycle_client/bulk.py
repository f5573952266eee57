"""Many status updates in one call: `customers.update_campaign_statuses(updates)`.

The facade's bulk method hands this module its own single-row call (the PATCH, which the
client paces with its rate limiter and retries as any call) and the rows; this module
sends them with bounded concurrency (threads for `CareCycle`, tasks for `AsyncCareCycle`)
and returns one `RowResult` per row, in the input's order.

- Rows are `StatusUpdate`s or plain `(customer id, campaign id, status)` tuples, from any
  iterable. It is read lazily: a row is taken only when a request slot is free, so a
  generator of 100,000 rows is never held beyond the results.
- A row that is not such a tuple, or whose id is not a UUID, is not sent: its result holds
  an `InvalidRowError`. Any other refusal is the server's (a non-terminal status is a 400).
- Errors that would fail every row (`STOP_ON`: 401 and 403, the key itself) stop the run:
  the rows still in flight finish, no other row is sent, and their results say NOT_SENT;
  `BulkResult.stopped_by` is the error.
- `progress` is called with a `BulkProgress` as each row ends, in the order rows end, on the
  caller's thread (or event loop), never from a worker thread.
- Interrupted (Ctrl-C, a cancelled task, an error in `progress`): no row is sent after it,
  the rows in flight are awaited (sync) or cancelled (async) and every one that ended is
  still reported to `progress`, so a journal kept by it misses no acknowledged row. Then the
  interruption propagates.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import uuid
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Generic, NamedTuple, TypeVar, overload
from uuid import UUID

from attrs import frozen

from ._arguments import as_enum, as_uuid
from .errors import APIError, AuthenticationError, CareCycleError, InvalidRowError, PermissionDeniedError

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_CONCURRENCY = 4
"""Requests in flight at once: enough to keep a paced client at its quota over a slow link."""
STOP_ON: tuple[type[CareCycleError], ...] = (AuthenticationError, PermissionDeniedError)
"""Errors that stop a bulk run: they say the key is wrong for every row, not one row."""


class StatusUpdate(NamedTuple):
    """One row: set the enrollment of `customer_id` in `campaign_id` to `status`.

    A plain `(customer_id, campaign_id, status)` tuple is accepted in its place.
    """

    customer_id: UUID | str
    campaign_id: UUID | str
    status: str

    @classmethod
    def checked(cls, row: object, statuses: type[StrEnum]) -> StatusUpdate:
        """`row` as a StatusUpdate of UUIDs and a status member; InvalidRowError if it is not one."""
        if not isinstance(row, tuple) or len(row) != 3:
            raise InvalidRowError(f"a row is a (customer_id, campaign_id, status) tuple, got {_shown(row)}")
        try:
            return cls(
                as_uuid(row[0], "customer_id"), as_uuid(row[1], "campaign_id"), as_enum(statuses, row[2], "status")
            )
        except (TypeError, ValueError) as error:
            raise InvalidRowError(str(error)) from None


class Outcome(StrEnum):
    """What became of a row."""

    APPLIED = "applied"
    """The API answered with success: `RowResult.response` is its body."""
    FAILED = "failed"
    """The API refused it, the call failed, or the row was invalid: `RowResult.error` says why."""
    NOT_SENT = "not_sent"
    """The run stopped before sending it (`BulkResult.stopped_by`)."""


@frozen
class RowResult(Generic[T]):
    """The result of the row at `index` (0 for the first) of the input."""

    index: int
    update: StatusUpdate | None
    """The row, checked (UUIDs, a status member); None for a row that could not be read."""
    outcome: Outcome
    response: T | None = None
    error: CareCycleError | None = None
    sent_request_id: str | None = None
    """The `x-request-id` the row's call sent (None for a row not sent)."""

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.APPLIED

    @property
    def previous_status(self) -> object | None:
        """The enrollment's status before this update (the response's `previous_status`)."""
        return getattr(self.response, "previous_status", None)

    @property
    def request_id(self) -> str | None:
        """The row's request id: the failed call's as its error names it (the server's, when it
        answers one), else the one the call sent."""
        if isinstance(self.error, APIError) and self.error.request_id:
            return self.error.request_id
        return self.sent_request_id


@frozen
class BulkProgress(Generic[T]):
    """Where a run stands as the row of `result` ends: the rows ended so far and how."""

    result: RowResult[T]
    done: int
    applied: int
    failed: int


class BulkResult(Sequence[RowResult[T]]):
    """One RowResult per input row, in the input's order, and why the run stopped, if it did."""

    def __init__(self, results: list[RowResult[T]], stopped_by: CareCycleError | None) -> None:
        self._results = results
        self.stopped_by = stopped_by
        """The error that stopped the run (one of STOP_ON), or None if every row was tried."""

    @overload
    def __getitem__(self, index: int) -> RowResult[T]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[RowResult[T]]: ...
    def __getitem__(self, index: int | slice) -> RowResult[T] | Sequence[RowResult[T]]:
        return self._results[index]

    def __len__(self) -> int:
        return len(self._results)

    def count(self, value: object) -> int:
        """Rows of an Outcome (`count(Outcome.FAILED)`), or rows equal to a RowResult."""
        if isinstance(value, Outcome):
            return sum(1 for result in self._results if result.outcome is value)
        return self._results.count(value)  # type: ignore[arg-type]

    @property
    def applied(self) -> int:
        return self.count(Outcome.APPLIED)

    @property
    def failed(self) -> int:
        return self.count(Outcome.FAILED)

    @property
    def not_sent(self) -> int:
        return self.count(Outcome.NOT_SENT)

    def __repr__(self) -> str:
        stopped = "" if self.stopped_by is None else f", stopped by {type(self.stopped_by).__name__}"
        return f"BulkResult({len(self)} rows: {self.applied} applied, {self.failed} failed, {self.not_sent} not sent{stopped})"


ProgressCallback = Callable[[BulkProgress[T]], None]


@frozen
class _Sent:
    """A row on its way: its index, the checked row and the request id its call sends."""

    index: int
    update: StatusUpdate
    request_id: str


class _Run(Generic[T]):
    """What the sync and async runs share: reading rows, keeping results, counting, stopping."""

    def __init__(
        self,
        rows: Iterable[object],
        statuses: type[StrEnum],
        concurrency: int,
        progress: ProgressCallback[T] | None,
        stop_on: tuple[type[CareCycleError], ...],
    ) -> None:
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise ValueError(f"concurrency must be an int of 1 or more, got {concurrency!r}")
        self._rows: Iterator[tuple[int, object]] = enumerate(rows)
        self._statuses = statuses
        self.concurrency = concurrency
        self._progress = progress
        self._stop_on = stop_on
        self._results: list[RowResult[T] | None] = []
        self.stopped_by: CareCycleError | None = None
        self._applied = 0
        self._failed = 0
        self._exhausted = False

    def next_update(self) -> _Sent | None:
        """The next row to send (invalid ones are recorded on the way), or None when there is none."""
        while not self._exhausted and self.stopped_by is None:
            item = next(self._rows, None)
            if item is None:
                self._exhausted = True
                break
            index, row = item
            self._results.append(None)
            try:
                return _Sent(index, StatusUpdate.checked(row, self._statuses), str(uuid.uuid4()))
            except InvalidRowError as error:
                self.record(RowResult(index, None, Outcome.FAILED, error=InvalidRowError(f"row {index}: {error}")))
        return None

    def ended(self, sent: _Sent, outcome: T | BaseException) -> None:
        """Record the end of a sent row; an exception that is not the API's propagates."""
        index, update, request_id = sent.index, sent.update, sent.request_id
        if isinstance(outcome, CareCycleError):
            self.record(RowResult(index, update, Outcome.FAILED, error=outcome, sent_request_id=request_id))
            if isinstance(outcome, self._stop_on) and self.stopped_by is None:
                self.stopped_by = outcome
        elif isinstance(outcome, BaseException):
            raise outcome
        else:
            self.record(RowResult(index, update, Outcome.APPLIED, response=outcome, sent_request_id=request_id))

    def record(self, result: RowResult[T]) -> None:
        self._results[result.index] = result
        if result.ok:
            self._applied += 1
        else:
            self._failed += 1
        if self._progress is not None:
            self._progress(BulkProgress(result, self._applied + self._failed, self._applied, self._failed))

    def finish(self) -> BulkResult[T]:
        """The results; after a stop, the rows not sent (the rest of the input is read for them)."""
        for index, row in self._rows:
            self._results.append(None)
            try:
                update: StatusUpdate | None = StatusUpdate.checked(row, self._statuses)
            except InvalidRowError:
                update = None
            self._results[index] = RowResult(index, update, Outcome.NOT_SENT)
        results = [result or RowResult(index, None, Outcome.NOT_SENT) for index, result in enumerate(self._results)]
        return BulkResult(results, self.stopped_by)


def update_statuses(
    rows: Iterable[object],
    send: Callable[[StatusUpdate, str], T],
    statuses: type[StrEnum],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    progress: ProgressCallback[T] | None = None,
    stop_on: tuple[type[CareCycleError], ...] = STOP_ON,
) -> BulkResult[T]:
    """Send each row with `send(update, request_id)` (the facade's single call) from
    `concurrency` threads."""
    run: _Run[T] = _Run(rows, statuses, concurrency, progress, stop_on)
    in_flight: dict[concurrent.futures.Future[T], _Sent] = {}
    with concurrent.futures.ThreadPoolExecutor(run.concurrency, thread_name_prefix="carecycle-bulk") as pool:
        try:
            while True:
                while len(in_flight) < run.concurrency and (item := run.next_update()) is not None:
                    in_flight[pool.submit(send, item.update, item.request_id)] = item
                if not in_flight:
                    break
                done, _ = concurrent.futures.wait(in_flight, return_when=concurrent.futures.FIRST_COMPLETED)
                for future in done:
                    sent = in_flight.pop(future)
                    ended = _outcome(future)
                    run.ended(sent, ended)
        except BaseException:
            # Interrupted: the rows in flight may be applied; report each one that ends.
            for future in concurrent.futures.as_completed(in_flight):
                outcome = _outcome(future)
                if not isinstance(outcome, BaseException) or isinstance(outcome, CareCycleError):
                    run.ended(in_flight[future], outcome)
            raise
    return run.finish()


async def update_statuses_async(
    rows: Iterable[object],
    send: Callable[[StatusUpdate, str], Awaitable[T]],
    statuses: type[StrEnum],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    progress: ProgressCallback[T] | None = None,
    stop_on: tuple[type[CareCycleError], ...] = STOP_ON,
) -> BulkResult[T]:
    """`update_statuses` for asyncio: `concurrency` tasks of `send`."""
    run: _Run[T] = _Run(rows, statuses, concurrency, progress, stop_on)
    in_flight: dict[asyncio.Task[T], _Sent] = {}

    async def call(sent: _Sent) -> T:
        return await send(sent.update, sent.request_id)

    try:
        while True:
            while len(in_flight) < run.concurrency and (item := run.next_update()) is not None:
                in_flight[asyncio.ensure_future(call(item))] = item
            if not in_flight:
                break
            done, _ = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                run.ended(in_flight.pop(task), _task_outcome(task))
    except BaseException:
        # Cancelled or failed: stop the rows in flight, and report those that had ended.
        for task in in_flight:
            task.cancel()
        await asyncio.gather(*in_flight, return_exceptions=True)
        for task, sent in in_flight.items():
            if not task.cancelled():
                outcome = _task_outcome(task)
                if not isinstance(outcome, BaseException) or isinstance(outcome, CareCycleError):
                    run.ended(sent, outcome)
        raise
    return run.finish()


def _outcome(future: concurrent.futures.Future[R]) -> R | BaseException:
    error = future.exception()
    return future.result() if error is None else error


def _task_outcome(task: asyncio.Task[R]) -> R | BaseException:
    error = task.exception()
    return task.result() if error is None else error


def _shown(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 60 else text[:57] + '...'}"


__all__ = [
    "DEFAULT_CONCURRENCY",
    "STOP_ON",
    "BulkProgress",
    "BulkResult",
    "Outcome",
    "RowResult",
    "StatusUpdate",
]
