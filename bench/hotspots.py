"""Where the time of a Python call goes, by cProfile: each function's share of it.

cProfile times every call, so it inflates code made of many small Python calls (model
parsing) against code that waits in C (the socket): shares say where to look first,
not how much faster a change would make it.
"""

from __future__ import annotations

import cProfile
import re
import sysconfig
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TOP = 10
_ROOTS = (sysconfig.get_paths()["purelib"], sysconfig.get_paths()["stdlib"], str(Path.cwd()))


def _where(path: str) -> str:
    for root in _ROOTS:
        if path.startswith(root):
            return path[len(root) :].lstrip("/")
    return path


@dataclass(frozen=True)
class Hotspots:
    own: dict[str, float]
    cumulative: dict[str, float]
    total: float

    @classmethod
    def of(cls, call: Callable[[], object], times: int) -> Hotspots:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(times):
            call()
        profiler.disable()
        own: defaultdict[str, float] = defaultdict(float)
        cumulative: defaultdict[str, float] = defaultdict(float)
        for entry in profiler.getstats():
            code = entry.code
            name = (
                code
                if isinstance(code, str)
                else f"{code.co_qualname} ({_where(code.co_filename)})"
            )
            own[name] += entry.inlinetime
            cumulative[name] += entry.totaltime
        return cls(dict(own), dict(cumulative), sum(own.values()))

    def rows(self, times: dict[str, float], where: str = "") -> list[list[str]]:
        """The TOP functions by `times` whose name matches `where`, with their share."""
        chosen = sorted(
            (item for item in times.items() if re.search(where, item[0])), key=lambda item: -item[1]
        )
        return [[f"`{name}`", f"{time / self.total:.0%}"] for name, time in chosen[:TOP]]
