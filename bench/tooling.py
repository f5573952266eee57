"""Tooling: wall time of the commands developers wait for, on both cores as they run them."""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench.processes import pinned
from bench.report import Section, command_block, table
from bench.rounds import alternating, median, spread

ROOT = Path(__file__).resolve().parent.parent
ALL_CPUS = f"0-{(os.cpu_count() or 1) - 1}"
CONTRACT_TESTS = ROOT / "tests" / "contract"
# As `make test` runs it: against the mock in process and as a real server.
CONTRACT_SUITE = [".tools/bin/uv", "run", "--no-sync", "pytest", "-q", "tests/contract"]


@dataclass
class _Command:
    """A command timed run after run; a failing run is remembered, its time shown as such."""

    argv: list[str]
    failure: str | None = None

    def run(self) -> float:
        start = time.perf_counter()
        completed = subprocess.run(
            pinned(self.argv, ALL_CPUS), cwd=ROOT, capture_output=True, text=True, check=False
        )
        elapsed = time.perf_counter() - start
        if completed.returncode != 0:
            self.failure = f"failed with exit status {completed.returncode}"
        return elapsed


def measure(*, rounds: int) -> Section:
    check = _Command(["make", "check-generated"])
    commands = {"make check-generated": check}
    notes: list[str] = []
    # Run first, also as its warm-up: `make generate` is timed only on a current tree,
    # where it rewrites nothing.
    check.run()
    if check.failure is None:
        commands["make generate"] = _Command(["make", "generate"])
    else:
        notes.append(
            "`make generate` was not timed: `make check-generated` failed, so generating"
            " would have changed generated/."
        )
    if CONTRACT_TESTS.is_dir():
        commands["pytest tests/contract"] = _Command(CONTRACT_SUITE)
        notes.append(
            "The contract suite runs as `make test` runs it, against the mock in process and"
            " as a real server; `make contract` runs it against a deployment instead."
        )
    else:
        notes.append("The contract suite was not timed: there is none yet (`tests/contract`).")
    for command in commands.values():
        command.run()  # warm-up
    times = alternating({name: command.run for name, command in commands.items()}, rounds)
    rows = [
        [f"`{name}`", f"{median(t):.2f} ({spread(t)})", commands[name].failure or "passed"]
        for name, t in times.items()
    ]
    body = f"""
Wall time in seconds (median of {rounds} alternating rounds after one untimed warm-up run
of each; ± is half the range of the rounds), run from the repository root on cores
{ALL_CPUS} with the environment already set up, as a developer runs them.

{table(["command", "wall time (s)", "outcome"], rows)}
{" ".join(notes)}

{command_block([" ".join(pinned(command.argv, ALL_CPUS)) for command in commands.values()])}"""
    return Section("4. Tooling", body)
