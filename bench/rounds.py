"""Side by side: every contender measured in alternating rounds, compared by medians.

Alternating (A, B, then B, A, ...: each round starts with the next contender) spreads
whatever else the machine does over all contenders alike, and no contender always goes
first; the median drops the odd disturbed round.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Mapping
from typing import TypeVar

T = TypeVar("T")


def alternating(contenders: Mapping[str, Callable[[], T]], rounds: int) -> dict[str, list[T]]:
    """Measure every contender once per round, in turn; each measurement warms up itself."""
    names = list(contenders)
    results: dict[str, list[T]] = {name: [] for name in names}
    for round_number in range(rounds):
        for name in rotated(names, round_number):
            results[name].append(contenders[name]())
    return results


def rotated(names: list[str], first: int) -> list[str]:
    """`names` starting at index `first` (modulo their number): the order of round `first`."""
    first %= len(names)
    return names[first:] + names[:first]


def median(values: list[float]) -> float:
    return statistics.median(values)


def spread(values: list[float]) -> str:
    """The range of the rounds, relative to their median: how far one round can be trusted."""
    middle = median(values)
    return f"±{(max(values) - min(values)) / 2 / middle:.0%}" if middle else "n/a"
