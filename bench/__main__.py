"""Run the benchmarks and write bench/results.md: `make bench` runs `python -m bench`.

`--only parse client` runs some measurements only; `--help` lists every option.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

from bench import (
    bulk,
    client_overhead,
    environment,
    in_process,
    mock_vs_prism,
    parse_cost,
    processes,
    profile,
    servers,
    start,
    tooling,
    wrk,
)
from bench.report import Section, summary

BENCH = Path(__file__).resolve().parent
MEASUREMENTS = ("server", "profile", "client", "parse", "tooling", "start", "inprocess", "bulk")


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=MEASUREMENTS, default=list(MEASUREMENTS))
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per comparison")
    parser.add_argument(
        "--client-rounds",
        type=int,
        default=15,
        help="alternating rounds of the client measurement: many short ones, paired",
    )
    parser.add_argument(
        "--start-rounds", type=int, default=9, help="alternating starts of each server"
    )
    parser.add_argument("--duration", type=int, default=15, help="seconds of each measured wrk run")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of the wrk warm-up runs")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections")
    parser.add_argument("--calls", type=int, default=1000, help="client calls per round")
    parser.add_argument(
        "--no-variants",
        dest="variants",
        action="store_false",
        help="measure our mock and Prism only, not the mock on other serving stacks",
    )
    parser.add_argument("--output", type=Path, default=BENCH / "results.md")
    return parser.parse_args(argv)


def _hygiene(arguments: argparse.Namespace, workload: client_overhead.Workload) -> str:
    server, load = processes.SERVER_CPU, processes.LOAD_CPU
    return f"""
- **Cores.** Every server runs on core {server} only, every load generator on core {load}
  only: `taskset --cpu-list`, checked with `sched_getaffinity` once the server listens.
  wrk runs one thread; this harness pins itself to core {load}, so the Python clients of
  measurement 2, the parsing of measurement 3, the starts' first requests
  (measurement 5) and the in-process mock (measurement 6) run there too. Neither side
  can starve the other, and every server gets the same single core. wrk is not the
  limit: the same wrk setup drives the fixed-response servers of measurements 1 and 2
  several times faster than our mock or Prism answers (the numbers below). Tooling
  (measurement 4) runs on all cores, as developers run it.
- **One server process at a time.** In measurement 1 each server is started for its run
  and stopped after it, so no other server shares its core; Prism is one Node process,
  our mock runs with `--workers 1` (one variant, labelled, with two). Neither logs a line
  per request (Prism at `--verboseLevel fatal`, the mock with `--no-access-log`), so
  neither pays for logging the other skips.
- **Warm-up before every measurement.** Each wrk round starts with a
  {arguments.warmup} s run whose numbers are dropped; each client round with
  {workload.warmup_calls} untimed calls; each parse batch is sized and warmed by
  `timeit`'s autorange; tooling commands run once untimed.
- **Side by side.** Contenders alternate (A, B, then B, A, ...: each round starts with
  the next contender) over {arguments.rounds} rounds ({arguments.client_rounds} for the
  client calls, whose rounds last a second or two and vary more: the median of many
  short, paired rounds is steadier than that of a few long ones) and are compared by
  their medians; every ratio comes from one run on one machine.
- **Bounded.** Fixed duration ({arguments.duration} s measured) and connections
  ({arguments.connections}) for every load run, loopback (127.0.0.1) only.
- **Checked answers.** Every load run counts the status of every response and is marked
  as not valid when the statuses are not in the proportions that each server's answers
  to single requests predict (429s, 5xx, rejected requests, socket errors). Every client
  call checks its status or parsed type.
- **Noise.** The load average before and after is in the environment table; on a busy
  machine absolute numbers mean little, ratios measured side by side still do.
"""


def main(argv: list[str] | None = None) -> int:
    arguments = _arguments(argv)
    if (os.cpu_count() or 1) < 2:
        sys.exit("the benchmarks need two cores: one for the servers, one for the load")
    load_at_start = environment.load_average()
    os.sched_setaffinity(0, {processes.LOAD_CPU})
    log_dir = BENCH / "out"
    for stale in log_dir.glob("*.log"):
        stale.unlink()
    load = wrk.Load(duration_s=arguments.duration, connections=arguments.connections)
    warmup = wrk.Load(duration_s=arguments.warmup, connections=arguments.connections)
    workload = client_overhead.Workload(arguments.calls, warmup_calls=arguments.calls // 10)
    runs: dict[str, Callable[[], Section]] = {
        "server": lambda: mock_vs_prism.measure(
            rounds=arguments.rounds,
            load=load,
            warmup=warmup,
            log_dir=log_dir,
            variants=arguments.variants,
        ),
        "profile": lambda: profile.measure(load=load, warmup=warmup, log_dir=log_dir),
        "client": lambda: client_overhead.measure(
            rounds=arguments.client_rounds,
            workload=workload,
            load=load,
            log_dir=log_dir,
        ),
        "parse": lambda: parse_cost.measure(rounds=arguments.rounds),
        "tooling": lambda: tooling.measure(rounds=arguments.rounds),
        "start": lambda: start.measure(rounds=arguments.start_rounds, log_dir=log_dir),
        "inprocess": lambda: in_process.measure(rounds=arguments.rounds),
        "bulk": lambda: bulk.measure(rounds=arguments.rounds, log_dir=log_dir),
    }
    if {"server", "profile", "client"} & set(arguments.only):
        wrk.require_wrk()
    sections = []
    for name in MEASUREMENTS:
        if name in arguments.only:
            print(f"bench: measuring {name}", flush=True)
            sections.append(runs[name]())
    rerun = shlex.join(["python", "-m", "bench", *(argv if argv is not None else sys.argv[1:])])
    sections_markdown = "\n".join(section.markdown() for section in sections)
    report = f"""# Benchmark results

Written by `make bench` (here: `{rerun}`). Rerun it on a quiet machine for numbers worth
keeping: the ratios below were each measured side by side in this one run.

{summary(sections)}
## Environment

{environment.describe(servers.NODE, servers.PRISM, load_at_start)}
## Method

{_hygiene(arguments, workload).strip()}

{sections_markdown}"""
    arguments.output.write_text(report)
    print(summary(sections))
    print(f"bench: wrote {arguments.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
