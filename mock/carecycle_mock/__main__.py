"""`python -m carecycle_mock` / `carecycle-mock`: run the mock server."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from carecycle_mock.admin import ADMIN_TOKEN_ENV, admin_token
from carecycle_mock.config import DEFAULT_RATE_LIMIT, DEFAULT_RATE_WINDOW, MockConfig
from carecycle_mock.data import DatasetError
from carecycle_mock.faults import RATE_KINDS, FaultPlan, parse_fault
from carecycle_mock.journal import DEFAULT_JOURNAL_SIZE
from carecycle_mock.protocol import ConnectionLimits
from carecycle_mock.server import ExposedAdmin, serve

DEFAULT_LIMITS = ConnectionLimits()


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        faults = _fault_plan(args)
        token = admin_token(args.admin_token_file) if args.admin else None
    except (ValueError, OSError) as error:
        parser.error(str(error))
    config = MockConfig(
        db_path=args.db,
        data_path=args.data,
        rate_limit=args.rate_limit,
        rate_window=args.rate_window,
        faults=faults,
        admin=args.admin,
        journal_size=args.journal_size,
        admin_token=token,
    )
    limits = ConnectionLimits(
        idle_timeout=args.idle_timeout,
        head_timeout=args.head_timeout,
        body_timeout=args.body_timeout,
        max_connections=args.max_connections,
        max_head_bytes=args.max_head_bytes,
        max_header_fields=args.max_header_fields,
    )
    try:
        serve(
            config,
            host=args.host,
            port=args.port,
            workers=args.workers,
            access_log=args.access_log,
            limits=limits,
        )
    except ExposedAdmin as error:
        parser.error(str(error))
    except (DatasetError, OSError) as error:
        print(f"carecycle-mock: {error}", file=sys.stderr)
        return 1
    return 0


class _Version(argparse.Action):
    """`--version`, reading the installed version only when asked: importlib.metadata
    is a thirtieth of the mock's start."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from importlib.metadata import version  # noqa: PLC0415 - see the docstring

        print(f"{parser.prog} {version('carecycle-mock')}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="carecycle-mock",
        description="A stateful careCycle API mock server, driven by openapi.yaml.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=_non_negative, default=4010, help="port; 0 picks a free one (default 4010)"
    )
    parser.add_argument(
        "--db", metavar="PATH", help="SQLite file for the state (default: in memory)"
    )
    parser.add_argument(
        "--data", metavar="FILE", type=Path, help="data set JSON file (default: the packaged one)"
    )
    parser.add_argument(
        "--rate-limit",
        metavar="N",
        type=_non_negative,
        default=DEFAULT_RATE_LIMIT,
        help=f"requests per window (a minute) per key; 0 disables (default {DEFAULT_RATE_LIMIT})",
    )
    parser.add_argument(
        "--rate-window",
        metavar="SECONDS",
        type=_positive_seconds,
        default=DEFAULT_RATE_WINDOW,
        help="the rate limit's sliding window; shorter than a minute, a test of a client's"
        f" pacing overruns the limit in seconds (default {DEFAULT_RATE_WINDOW:g})",
    )
    parser.add_argument(
        "--workers", metavar="N", type=_positive, default=1, help="server processes (default 1)"
    )
    parser.add_argument(
        "--fault-rate",
        metavar="KIND=P",
        action="append",
        default=[],
        help=f"inject KIND ({', '.join(RATE_KINDS)}) with probability P; repeatable",
    )
    parser.add_argument(
        "--latency", metavar="SECONDS", type=float, default=0.0, help="delay every API request"
    )
    parser.add_argument(
        "--fault-script",
        metavar="KIND,KIND,...",
        help="inject these, one per request and in order, first (KIND as above, or pass)",
    )
    parser.add_argument(
        "--seed", metavar="N", type=int, help="seed of the fault rates' random draws"
    )
    parser.add_argument(
        "--journal-size",
        metavar="N",
        type=_non_negative,
        default=DEFAULT_JOURNAL_SIZE,
        help=f"requests the journal keeps, the latest; 0 keeps none (default {DEFAULT_JOURNAL_SIZE})",
    )
    parser.add_argument(
        "--no-admin", dest="admin", action="store_false", help="leave out the /_mock endpoints"
    )
    parser.add_argument(
        "--admin-token-file",
        metavar="FILE",
        type=Path,
        help=f"every /_mock request needs 'Authorization: Bearer' the token in FILE"
        f" (default: ${ADMIN_TOKEN_ENV}, if set); needed off loopback",
    )
    limits = DEFAULT_LIMITS
    for option, value, meaning in (
        (
            "--idle-timeout",
            limits.idle_timeout,
            "close a connection without a request, or not reading its answers, this long",
        ),
        ("--head-timeout", limits.head_timeout, "close one whose request head takes longer"),
        ("--body-timeout", limits.body_timeout, "close one whose body takes longer after it"),
    ):
        parser.add_argument(
            option,
            metavar="SECONDS",
            type=_positive_seconds,
            default=value,
            help=f"{meaning} (default {value:g})",
        )
    for option, value, meaning in (
        (
            "--max-connections",
            limits.max_connections,
            "connections open at once, per process; one more is closed at once",
        ),
        ("--max-head-bytes", limits.max_head_bytes, "a larger request head is a 400"),
        ("--max-header-fields", limits.max_header_fields, "more header fields are a 400"),
    ):
        parser.add_argument(
            option, metavar="N", type=_positive, default=value, help=f"{meaning} (default {value})"
        )
    parser.add_argument(
        "--no-access-log", dest="access_log", action="store_false", help="log no line per request"
    )
    return parser


def _fault_plan(args: argparse.Namespace) -> FaultPlan | None:
    rates: dict[str, float] = {}
    for item in args.fault_rate:
        kind, separator, probability = item.partition("=")
        if not separator:
            raise ValueError(f"--fault-rate {item!r}: expected KIND=P, e.g. 500=0.1")
        try:
            rates[kind] = float(probability)
        except ValueError:
            raise ValueError(f"--fault-rate {item!r}: P must be a number from 0 to 1") from None
    script = tuple(
        parse_fault(token.strip()) for token in (args.fault_script or "").split(",") if token
    )
    plan = FaultPlan(script=script, rates=rates, latency=args.latency, seed=args.seed)
    return plan if script or rates or args.latency else None


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def _positive_seconds(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of seconds")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not at least 1")
    return value


if __name__ == "__main__":
    sys.exit(main())
