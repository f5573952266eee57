"""`carecycle`: the careCycle API from a shell, for operators.

    carecycle campaigns get ID [--include-client] [--json]
    carecycle customers update-status --customer-id ID --campaign-id ID --status completed
    carecycle bulk-update FILE [--journal PATH] [--resume JOURNAL] [--skip-invalid] [--dry-run]

Every command takes `--base-url` (else CARECYCLE_BASE_URL, else the spec's server),
`--api-key-file FILE` (else CARECYCLE_API_KEY; the key is never an argument, which `ps`
would show), `--rate N` (requests a minute; else CARECYCLE_RATE_LIMIT, else careCycle's
documented 60: unlike the library, the command paces itself by default) and `-v`.
The key is never printed: every line this command writes goes through `_Output`, which
masks it, tracebacks (`-vv`) included.

Exit codes: 0 done (every row applied), 1 the API or the network failed (some rows
failed or were not sent), 2 a usage error or a bad input file (nothing sent), 130
interrupted (Ctrl-C or SIGTERM; the journal has every row the API acknowledged).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import IO, Any, NoReturn

from ._api_key import ApiKey
from ._spec import PACKAGE_NAME
from .api import CareCycle
from .bulk import DEFAULT_CONCURRENCY, BulkProgress, Outcome, StatusUpdate
from .bulk_file import TERMINAL_STATUSES, BulkFileError, CheckedFile, FileRow, is_api_uuid, read_bulk_file
from .client import API_KEY_ENV, BASE_URL_ENV, VERSION
from .errors import APIStatusError, CareCycleError, mask_secret
from .journal import APPLIED, FAILED, Entry, Journal, JournalError, applied_updates
from .models.update_customer_campaign_status_response import UpdateCustomerCampaignStatusResponse
from .rate_limit import DOCUMENTED_RATE_LIMIT, RATE_LIMIT_ENV, RateLimitSetting
from .types import UNSET, Unset

OK, FAILURE, USAGE, INTERRUPTED = 0, 1, 2, 130
PROG = "carecycle"

EPILOG = f"""\
The API key comes from the {API_KEY_ENV} environment variable or --api-key-file, never
from an argument, and is never printed. Exit codes: 0 done, 1 the API or network failed
(some rows failed), 2 usage error or bad input (nothing sent), 130 interrupted.
"""

BULK_DESCRIPTION = """\
Set the status of many enrollments from FILE: CSV with a header row (customerId,
campaignId, status) or JSON lines ({"customerId": ..., "campaignId": ..., "status": ...}).
Every row is checked first: ids by the API's UUID pattern, statuses known and terminal
(completed, failed), no enrollment twice. If any row is bad, each is reported with its line
number and nothing is sent (unless --skip-invalid). Rows are sent paced to the rate limit,
with progress on stderr, and each row the API answers is written to the journal (one JSON
line, on disk before the next), so that --resume JOURNAL skips what was applied after any
interruption, kill -9 included. A 401 or 403 stops the run: the key fails every row.
"""


class UsageError(Exception):
    """A mistake of the command line or its input: exit code 2, nothing sent."""


class _Output:
    """stdout and stderr, with the API key masked in every line written to either."""

    def __init__(self) -> None:
        self.key: ApiKey | None = None

    def _masked(self, text: str) -> str:
        return mask_secret(text, self.key)

    def out(self, text: str = "") -> None:
        print(self._masked(text), file=sys.stdout, flush=True)

    def err(self, text: str) -> None:
        print(self._masked(text), file=sys.stderr, flush=True)


class _Interrupts:
    """Ctrl-C and SIGTERM as KeyboardInterrupt, but never inside a `shielded()` block (a
    journal write and its bookkeeping), where it is held until the block ends; a second one
    ends the process at once."""

    def __init__(self) -> None:
        self._shielded = False
        self._pending = False
        self._interrupted = False
        self._before: dict[int, Any] = {}

    def install(self) -> None:
        self._before = {signum: signal.signal(signum, self._handle) for signum in (signal.SIGINT, signal.SIGTERM)}

    def restore(self) -> None:
        """The handlers from before `install`."""
        for signum, handler in self._before.items():
            signal.signal(signum, handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._shielded:
            self._pending = True
            return
        if self._interrupted:
            # The second: leave now, without waiting for the rows in flight. Every journal
            # line is on disk already; those rows' answers are lost, and resuming sends them again.
            os._exit(INTERRUPTED)
        self._interrupted = True
        raise KeyboardInterrupt

    @contextmanager
    def shielded(self) -> Iterator[None]:
        self._shielded = True
        try:
            yield
        finally:
            self._shielded = False
            if self._pending:
                self._pending = False
                self._interrupted = True
                raise KeyboardInterrupt  # the held interruption, now that the block is done


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """The console script."""
    sys.exit(run(argv))


def run(argv: Sequence[str] | None = None) -> int:
    """`carecycle` with these arguments (sys.argv's by default); the exit code."""
    output = _Output()
    parser = _parser()
    arguments = parser.parse_args(argv)
    _configure_logging(arguments.verbose)
    try:
        command: Callable[[argparse.Namespace, _Output], int] = arguments.command
        return command(arguments, output)
    except UsageError as error:
        output.err(f"{PROG}: error: {error}")
        return USAGE
    except KeyboardInterrupt:
        output.err(f"{PROG}: interrupted")
        return INTERRUPTED
    except CareCycleError as error:
        output.err(f"{PROG}: {type(error).__name__}: {error}")
        return FAILURE
    except JournalError as error:  # a full disk, say: the lines written so far are whole
        output.err(f"{PROG}: error: {error}")
        return FAILURE
    except Exception as error:
        # A bug, or something this command did not foresee: say what, never with the key.
        output.err(f"{PROG}: unexpected {type(error).__name__}: {error}")
        if arguments.verbose >= 2:
            output.err("".join(traceback.format_exception(error)))
        else:
            output.err(f"{PROG}: run with -vv for the traceback")
        return FAILURE


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    connection = common.add_argument_group("connection")
    connection.add_argument(
        "--base-url", metavar="URL", help=f"the API's base URL (default: ${BASE_URL_ENV}, else the spec's server)"
    )
    connection.add_argument(
        "--api-key-file",
        metavar="FILE",
        type=Path,
        help=f"read the API key from FILE (default: ${API_KEY_ENV}); never pass the key itself",
    )
    connection.add_argument(
        "--rate",
        metavar="N",
        type=_rate,
        help=f"at most N requests a minute (default: ${RATE_LIMIT_ENV}, else careCycle's {DOCUMENTED_RATE_LIMIT});"
        " 0 for no limit",
    )
    connection.add_argument(
        "-v", "--verbose", action="count", default=0, help="log each retry (-v) and each request (-vv) to stderr"
    )

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="The careCycle API from the command line: read a campaign, set one enrollment's status, or many.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} ({PACKAGE_NAME} {VERSION})")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    campaigns = commands.add_parser("campaigns", help="read campaigns").add_subparsers(
        title="commands", metavar="COMMAND", required=True
    )
    get = campaigns.add_parser(
        "get", parents=[common], help="show a campaign", description="Show a campaign: GET /v2/campaigns/{ID}."
    )
    get.add_argument("campaign_id", metavar="ID", type=_uuid("ID"))
    get.add_argument("--include-client", action="store_true", help="include the organisation (client) it belongs to")
    get.add_argument("--json", action="store_true", help="print the API's JSON instead of a summary")
    get.set_defaults(command=_campaigns_get)

    customers = commands.add_parser("customers", help="update customers' enrollments").add_subparsers(
        title="commands", metavar="COMMAND", required=True
    )
    update = customers.add_parser(
        "update-status",
        parents=[common],
        help="set one enrollment's status",
        description="Set the status of a customer's enrollment in a campaign: PATCH /v2/customers/campaign-status.",
    )
    update.add_argument("--customer-id", required=True, metavar="ID", type=_uuid("--customer-id"))
    update.add_argument("--campaign-id", required=True, metavar="ID", type=_uuid("--campaign-id"))
    update.add_argument("--status", required=True, choices=sorted(TERMINAL_STATUSES))
    update.add_argument("--json", action="store_true", help="print the API's JSON instead of a summary")
    update.set_defaults(command=_customers_update_status)

    bulk = commands.add_parser(
        "bulk-update",
        parents=[common],
        help="set the status of many enrollments from a CSV or JSON lines file",
        description=BULK_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    bulk.add_argument("file", metavar="FILE", type=Path)
    bulk.add_argument(
        "--journal", metavar="PATH", type=Path, help="the journal to write (default: FILE.journal.jsonl, beside FILE)"
    )
    bulk.add_argument(
        "--resume",
        metavar="JOURNAL",
        type=Path,
        help="skip the rows JOURNAL says were applied, and append to it (unless --journal names another)",
    )
    bulk.add_argument("--skip-invalid", action="store_true", help="send the good rows even if some are bad")
    bulk.add_argument("--dry-run", action="store_true", help="check the file and say what would be sent; send nothing")
    bulk.add_argument(
        "--concurrency",
        metavar="N",
        type=_positive,
        default=DEFAULT_CONCURRENCY,
        help=f"requests in flight at once (default: {DEFAULT_CONCURRENCY})",
    )
    bulk.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    bulk.set_defaults(command=_bulk_update)
    return parser


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of requests a minute: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"a rate is 0 (no limit) or more requests a minute, got {text!r}")
    return value


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, got {text!r}")
    return value


def _uuid(name: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        if not is_api_uuid(text):
            raise argparse.ArgumentTypeError(f"{name} {text!r} is not a UUID (the API's pattern)")
        return text

    return check


def _configure_logging(verbosity: int) -> None:
    if verbosity:
        logger = logging.getLogger(PACKAGE_NAME)
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if verbosity >= 2 else logging.INFO)


def _api_key(arguments: argparse.Namespace, output: _Output) -> ApiKey:
    path: Path | None = arguments.api_key_file
    if path is not None:
        try:
            key = ApiKey(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(
                f"cannot read the API key from {path}: {getattr(error, 'strerror', None) or error}"
            ) from None
        if not key.reveal():
            raise UsageError(f"--api-key-file {path} is empty")
    else:
        key = ApiKey(os.environ.get(API_KEY_ENV, ""))
        if not key.reveal():
            raise UsageError(f"no API key: set {API_KEY_ENV}, or pass --api-key-file FILE")
    output.key = key
    return key


def _client(arguments: argparse.Namespace, output: _Output) -> CareCycle:
    key = _api_key(arguments, output)
    # Paced by default, unlike the library: an operator's run should never spend calls on 429s.
    rate: RateLimitSetting | Unset = UNSET if os.environ.get(RATE_LIMIT_ENV) else DOCUMENTED_RATE_LIMIT
    if arguments.rate is not None:
        rate = arguments.rate or None
    return CareCycle(key.reveal(), base_url=arguments.base_url, rate_limit=rate)


def _campaigns_get(arguments: argparse.Namespace, output: _Output) -> int:
    with _client(arguments, output) as carecycle:
        response = carecycle.campaigns.get(arguments.campaign_id, include_client=arguments.include_client)
    if arguments.json:
        output.out(json.dumps(response.to_dict(), indent=2, ensure_ascii=False))
        return OK
    campaign = response.to_dict()["campaign"]
    output.out(f"{campaign['name']} ({campaign['id']}): {campaign['status']}")
    stats = campaign.get("customerStats") or {}
    if "total" in stats:
        output.out(f"customers: {stats['total']:g}")
    for status, count in (stats.get("statusCounts") or {}).items():
        output.out(f"  {status}: {count:g}")
    client = campaign.get("client")
    if client:
        output.out(f"client: {client.get('name')} ({client.get('id')})")
    return OK


def _customers_update_status(arguments: argparse.Namespace, output: _Output) -> int:
    with _client(arguments, output) as carecycle:
        response = carecycle.customers.update_campaign_status(
            customer_id=arguments.customer_id, campaign_id=arguments.campaign_id, status=arguments.status
        )
    if arguments.json:
        output.out(json.dumps(response.to_dict(), indent=2, ensure_ascii=False))
    else:
        output.out(f"{response.customer_campaign_id}: {response.previous_status} -> {response.new_status}")
    return OK


def _bulk_update(arguments: argparse.Namespace, output: _Output) -> int:
    path: Path = arguments.file
    started = time.monotonic()
    try:
        checked = read_bulk_file(path)
    except BulkFileError as error:
        raise UsageError(str(error)) from None
    _report_problems(path, checked, output, skip=arguments.skip_invalid)
    if checked.problems and not arguments.skip_invalid:
        return USAGE
    resumed: Path | None = arguments.resume
    journal_path: Path = arguments.journal or resumed or path.with_name(path.name + ".journal.jsonl")
    try:
        applied = set() if resumed is None else applied_updates(resumed)
    except JournalError as error:
        raise UsageError(str(error)) from None
    if resumed is None and journal_path.exists() and journal_path.stat().st_size:
        raise UsageError(
            f"the journal {journal_path} exists (an earlier run?): --resume {journal_path} to continue it, "
            "or --journal PATH for another"
        )
    pending = [row for row in checked.rows if (*row.enrollment, row.status) not in applied]
    done_before = len(checked.rows) - len(pending)
    before = f", {done_before} applied before (--resume {resumed})" if resumed else ""
    if arguments.dry_run:
        output.out(f"dry run: {len(pending)} of {checked.read} rows would be sent{before}; nothing sent")
        return OK
    output.err(f"{path}: sending {len(pending)} rows{before}; journal: {journal_path}")
    with _client(arguments, output) as carecycle, Journal(journal_path) as journal:
        tally = _BulkRun(pending, journal, output, progress_bar=bool(pending) and not arguments.no_progress)
        interrupts = _Interrupts()
        interrupts.install()
        tally.interrupts = interrupts
        try:
            result = carecycle.customers.update_campaign_statuses(
                (StatusUpdate(row.customer_id, row.campaign_id, row.status) for row in pending),
                concurrency=arguments.concurrency,
                progress=tally.progress,
            )
        except KeyboardInterrupt:
            tally.close()
            output.err(
                f"{PROG}: interrupted: {tally.applied} applied, {tally.failed} failed; the journal {journal_path} "
                f"has every row the API answered: --resume {journal_path} to go on"
            )
            return INTERRUPTED
        finally:
            interrupts.restore()
        tally.close()
    seconds = time.monotonic() - started
    failed = result.failed + len(checked.problems)
    summary = (
        f"{result.applied + done_before} of {checked.read} rows applied ({result.applied} by this run{before}), "
        f"{result.failed} failed, {result.not_sent} not sent, {len(checked.problems)} invalid, in {seconds:.1f} s; "
        f"journal: {journal_path}"
    )
    output.out(summary)
    if result.stopped_by is not None:
        output.err(f"{PROG}: stopped early, {result.not_sent} rows not sent: {result.stopped_by}")
    return OK if failed == 0 and result.not_sent == 0 else FAILURE


def _report_problems(path: Path, checked: CheckedFile, output: _Output, *, skip: bool) -> None:
    if not checked.problems:
        return
    output.err(f"{path}: {len(checked.problems)} of {checked.read} rows are bad:")
    for problem in checked.problems:
        output.err(f"  {problem}")
    if skip:
        output.err(f"--skip-invalid: sending the {len(checked.rows)} good rows only")
    else:
        output.err(f"nothing was sent: fix them, or pass --skip-invalid to send the {len(checked.rows)} good rows")


class _BulkRun:
    """The progress callback of a bulk-update: the journal line, the bar, the failures."""

    def __init__(self, rows: list[FileRow], journal: Journal, output: _Output, *, progress_bar: bool) -> None:
        self._rows = rows
        self._journal = journal
        self._output = output
        self.interrupts: _Interrupts | None = None
        self.applied = 0
        self.failed = 0
        self._bar: Any = None
        if progress_bar:
            self._bar = _progress_bar(len(rows))

    def progress(self, event: BulkProgress[UpdateCustomerCampaignStatusResponse]) -> None:
        interrupts = self.interrupts
        if interrupts is None:
            self._record(event)
            return
        with interrupts.shielded():
            self._record(event)

    def _record(self, event: BulkProgress[UpdateCustomerCampaignStatusResponse]) -> None:
        result = event.result
        row = self._rows[result.index]
        if result.outcome is Outcome.APPLIED:
            self.applied += 1
            response = result.response
            previous = None if response is None else str(response.previous_status)
            entry = Entry(row.line, row.customer_id, row.campaign_id, row.status, APPLIED, previous, result.request_id)
        else:
            self.failed += 1
            error = result.error
            entry = Entry(
                row.line,
                row.customer_id,
                row.campaign_id,
                row.status,
                FAILED,
                request_id=result.request_id,
                http_status=error.status_code if isinstance(error, APIStatusError) else None,
                code=error.code if isinstance(error, APIStatusError) else type(error).__name__,
                message=str(error),
            )
            self._write_line(f"line {row.line}: {error}")
        self._journal.write(entry)
        if self._bar is not None:
            self._bar.set_postfix(failed=self.failed, refresh=False)
            self._bar.update(1)

    def _write_line(self, text: str) -> None:
        if self._bar is None:
            self._output.err(text)
        else:
            self._bar.write(mask_secret(text, self._output.key), file=sys.stderr)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _progress_bar(total: int) -> Any:
    from tqdm import tqdm  # noqa: PLC0415 - only bulk-update draws a bar

    stream: IO[str] = sys.stderr
    return tqdm(total=total, unit="row", desc="bulk-update", file=stream, dynamic_ncols=True, mininterval=0.5)


if __name__ == "__main__":
    main()
