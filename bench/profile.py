"""Where our mock's time goes: py-spy samples it under measurement 1's load.

py-spy attaches to the running mock (it needs ptrace: root, or
`kernel.yama.ptrace_scope=0`) from the load core, without pausing it, while wrk sends
the mix. The samples say which functions the server's CPU time is spent in.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench import probes, processes, wrk
from bench.report import Section, command_block, table
from bench.servers import MOCK

PY_SPY = Path(sys.executable).parent / "py-spy"
SAMPLES_PER_SECOND = 100
TOP = 12
_LINE_NUMBER = re.compile(r":\d+\)$")
MOCK_CODE = "carecycle_mock/"
OUTSIDE_MOCK = "(no mock code on the stack: server, event loop)"


class ProfileError(Exception):
    """py-spy failed; its output says why."""


@dataclass(frozen=True)
class Profile:
    """Samples counted by the innermost function of the mock on the stack, and by the
    innermost function of all (its own time)."""

    in_mock: Counter[str]
    own: Counter[str]
    samples: int

    @classmethod
    def parse(cls, collapsed: str) -> Profile:
        """py-spy's raw format: one stack per line, frames joined by ';', then a count."""
        in_mock: Counter[str] = Counter()
        own: Counter[str] = Counter()
        for line in collapsed.splitlines():
            stack, _, count = line.rpartition(" ")
            frames = [_LINE_NUMBER.sub(")", frame) for frame in stack.split(";") if frame]
            # A frame's text can span lines (py-spy shows some strings whole): the pieces
            # before its last line carry no count and are left out.
            if not frames or not count.isdigit():
                continue
            mock_frames = [frame for frame in frames if MOCK_CODE in frame]
            in_mock[mock_frames[-1] if mock_frames else OUTSIDE_MOCK] += int(count)
            own[frames[-1]] += int(count)
        return cls(in_mock, own, sum(own.values()))

    def rows(self, counts: Counter[str]) -> list[list[str]]:
        return [
            [f"`{frame}`", f"{count / self.samples:.0%}"]
            for frame, count in counts.most_common(TOP)
        ]


def measure(*, load: wrk.Load, warmup: wrk.Load, log_dir: Path) -> Section:
    mix = probes.load_mix(probes.seeded_probes())
    port = processes.free_port()
    output = log_dir / "mock-profile.txt"
    spy: list[str] = []
    with processes.serving(MOCK.command(port), port=port, log=log_dir / "profiled-mock.log") as pid:
        url = f"http://{processes.HOST}:{port}"
        wrk.run(warmup, url, mix)
        spy = [str(PY_SPY), "record", "--pid", str(pid), "--duration", str(load.duration_s)]
        spy += ["--rate", str(SAMPLES_PER_SECOND), "--nonblocking", "--format", "raw"]
        spy += ["--output", str(output)]
        with subprocess.Popen(
            processes.pinned(spy, str(processes.LOAD_CPU)),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        ) as recording:
            loaded = wrk.run(load, url, mix)
            report, _ = recording.communicate(timeout=load.duration_s + 60)
    if recording.returncode != 0 or not output.exists():
        raise ProfileError(f"py-spy failed (exit {recording.returncode}):\n{report}")
    profile = Profile.parse(output.read_text())
    body = f"""
py-spy sampled our mock ({SAMPLES_PER_SECOND} samples a second, without pausing it)
during one {load.duration_s} s run of measurement 1's load, after a
{warmup.duration_s} s warm-up; it answered {loaded.requests_per_second:,.0f} requests/s
while sampled. {profile.samples:,} samples of a busy server; shares are of those
samples (idle waits are not sampled). The raw stacks are in `bench/out/{output.name}`.

Each sample counted once, for the innermost function of the mock on its stack, with
what that function calls (libraries, the JSON encoder, SQLite with `--db`):

{table(["mock function (file)", "share of samples"], profile.rows(profile.in_mock))}
Each sample counted once, for the innermost Python function on its stack: its own
time, calls into C (the socket, the validator) included:

{table(["function (file)", "share of samples"], profile.rows(profile.own))}
{command_block([" ".join(processes.pinned(spy, str(processes.LOAD_CPU)))])}"""
    return Section("1a. Where our mock's time goes", body)
