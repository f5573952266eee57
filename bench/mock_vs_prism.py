"""Our mock vs Prism and vs the limit of its serving stack: the same wrk request mix against
each, one process each on the server core."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import probes, processes, wrk
from bench.report import Ratio, Section, command_block, table
from bench.rounds import alternating, median, spread
from bench.samples import campaign_body
from bench.servers import MOCK, PRISM_SERVER, RAISED_RATE_LIMIT, STACK_LIMIT, VARIANTS, Server

# Issue 17: at least 3x Prism, and at least half of what the serving stack can do.
PRISM_TARGET = 3.0
LIMIT_TARGET = 0.5


@dataclass(frozen=True)
class _Served:
    """What one server did in one run of measurement 1."""

    server: Server
    command: list[str]
    answers: list[probes.Answer]
    loads: list[wrk.LoadResult]

    @property
    def requests_per_second(self) -> float:
        return median([load.requests_per_second for load in self.loads])

    def row(self, kinds: Sequence[probes.Probe]) -> list[str]:
        rates = [load.requests_per_second for load in self.loads]
        shares = probes.status_shares(self.loads)
        problem = probes.disagreement(self.loads, probes.expected_shares(kinds, self.answers))
        statuses = ", ".join(f"{status}: {share:.0%}" for status, share in shares.items())
        return [
            self.server.name,
            f"{self.requests_per_second:,.0f} ({spread(rates)})",
            f"{median([load.p50_ms for load in self.loads]):.2f}",
            f"{median([load.p99_ms for load in self.loads]):.2f}",
            f"{median([load.bytes_per_response for load in self.loads]):,.0f}",
            statuses + (f" **({problem}: not a valid run)**" if problem else ""),
        ]


def measure(
    *, rounds: int, load: wrk.Load, warmup: wrk.Load, log_dir: Path, variants: bool
) -> Section:
    kinds = probes.seeded_probes()
    mix = probes.load_mix(kinds)
    servers = [MOCK, PRISM_SERVER, STACK_LIMIT, *(VARIANTS if variants else ())]
    commands: dict[str, list[str]] = {}
    answers: dict[str, list[probes.Answer]] = {}

    def measured(server: Server) -> Callable[[], wrk.LoadResult]:
        def run() -> wrk.LoadResult:
            """Start the server, alone on its core; probe it once; warm it up; load it."""
            port = processes.free_port()
            commands[server.name] = server.command(port)
            url = f"http://{processes.HOST}:{port}"
            log = log_dir / f"{re.sub(r'[^a-z0-9]+', '-', server.name.lower())}.log"
            with processes.serving(commands[server.name], port=port, log=log):
                if server.name not in answers:
                    answers[server.name] = probes.answers(url, kinds)
                wrk.run(warmup, url, mix)
                return wrk.run(load, url, mix)

        return run

    loads = alternating({server.name: measured(server) for server in servers}, rounds)
    served = [
        _Served(server, commands[server.name], answers[server.name], loads[server.name])
        for server in servers
    ]
    return _section(rounds=rounds, load=load, warmup=warmup, kinds=kinds, served=served)


def _section(
    *,
    rounds: int,
    load: wrk.Load,
    warmup: wrk.Load,
    kinds: Sequence[probes.Probe],
    served: Sequence[_Served],
) -> Section:
    ours, prism, limit, *variants = served
    ratio = ours.requests_per_second / prism.requests_per_second
    of_limit = ours.requests_per_second / limit.requests_per_second
    ratios = [
        Ratio(f"server: {ours.server.name} / Prism, requests/s", ratio, PRISM_TARGET),
        Ratio(
            f"server: {ours.server.name} / {limit.server.name}, requests/s", of_limit, LIMIT_TARGET
        ),
    ]
    ratios += [
        Ratio(
            f"server: {variant.server.name} / Prism, requests/s",
            variant.requests_per_second / prism.requests_per_second,
        )
        for variant in variants
    ]
    mix = probes.load_mix(kinds)
    behaviour = [
        [
            kind.label,
            f"{mix.share(kind.weight):.0%}" if kind.weight else "",
            *(one.answers[i].text for one in served[:2]),
        ]
        for i, kind in enumerate(kinds)
    ]
    command_lines = [
        *(" ".join(processes.pinned(one.command, str(processes.SERVER_CPU))) for one in served),
        "# for each server, every round: a warm-up run, then the measured run",
        " ".join(warmup.command("$URL")),
        " ".join(load.command("$URL")),
    ]
    rows = [one.row(kinds) for one in served]
    body = f"""
The same request mix from wrk (`bench/mix.lua`, the requests from `bench/probes.py`)
against each server; the share of each kind of request is in the second table. The
PATCH sets a seeded enrollment to `completed`: idempotent, so every repeat is a real
update answering 200. Key and ids come from the mock's data set
(`carecycle_mock.data.load_dataset()`), the same for every server. Requests per second
and latency are medians of {rounds} alternating rounds (± is half the range of the
rounds). In every round each server in turn is started alone on the server core (fresh
state), warmed up by a {warmup.duration_s} s run, measured by a {load.duration_s} s run
({load.connections} connections, one wrk thread), and stopped. Every response's status is
counted; a run whose statuses differ from the server's answers to single requests
(second table, sent once before the first warm-up) is marked as not valid.

{table(["server", "requests/s", "p50 (ms)", "p99 (ms)", "bytes/response", "statuses"], rows)}
**{ours.server.name} / Prism, requests per second: {ratio:.2f}** (target >= {PRISM_TARGET:g});
**{ours.server.name} / {limit.server.name}: {of_limit:.2f}** (target >= {LIMIT_TARGET:g}).

The {limit.server.name} (`bench/stack_limit.py`) is the limit: uvicorn with the mock's
own protocol, connection limits and logging, on uvloop, serving an app that answers
every request with the same prepared {len(campaign_body()):,} bytes (the GET campaign
seed example) and does nothing else. Its statuses are all 200 by design.

How each answers one request of each kind (status and body `code`; Prism answers the
spec's examples, whose `code` is the literal `string`):

{table(["request", "share of the mix", ours.server.name, prism.server.name], behaviour)}
The two do different work. Our mock checks the key against its data set (401 for an
unknown key, 403 for a read-only key on PATCH), counts every request against the key's
rate limit (raised to {RAISED_RATE_LIMIT:,} a minute so that it never trips), validates
the request against openapi.yaml, reads and writes its state (in memory: no `--db`
here), journals every request, and answers 404 for unknown ids and 400 for a
non-terminal status. Prism validates the request against the
spec too, but accepts any key that is present, keeps no state and answers the spec's
example. The GET bodies differ as well: the mock answers the seeded campaign with
customer statistics computed from the enrollments, Prism the spec's example (see
bytes/response).
{_variants_note(variants)}
{command_block(command_lines)}"""
    return Section("1. Mock server vs Prism", body, ratios)


def _variants_note(variants: Sequence[_Served]) -> str:
    if not variants:
        return ""
    return """
The other rows serve the same mock otherwise, each alone on the same core, all with the
rate limit off (`--rate-limit 0`): the first shows what the limiter costs; the next two
serve its application (`bench/mock_app.py`) on granian and on uvicorn's pure-Python
stack (h11, asyncio, without the mock's limits) instead of the mock command's own
httptools protocol with limits on uvloop;
the last runs `--workers 2`, two processes sharing the server core and an SQLite file
(on two cores the other core is the load generator's, so more workers cannot get more
CPU here, only show what sharing the state costs).
"""
