"""The Markdown of bench/results.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ratio:
    """One line of the summary: a ratio measured side by side, and what it should reach."""

    name: str
    value: float
    target: float | None = None
    """The least the ratio should be; None when there is no target."""
    at_most: float | None = None
    """The most it should be (a count or a time, where less is better); None for none."""

    def verdict(self) -> str:
        if self.at_most is not None:
            return "met" if self.value <= self.at_most else "**not met**"
        if self.target is None:
            return "(no target)"
        return "met" if self.value >= self.target else "**not met**"

    def row(self) -> list[str]:
        target = "" if self.target is None else f">= {self.target:g}"
        if self.at_most is not None:
            target = f"<= {self.at_most:g}"
        return [self.name, f"{self.value:.2f}", target, self.verdict()]


@dataclass
class Section:
    """One measurement's part of the report: its ratios and its Markdown."""

    title: str
    body: str
    ratios: list[Ratio] = field(default_factory=list)

    def markdown(self) -> str:
        return f"## {self.title}\n\n{self.body.strip()}\n"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [headers, ["---"] * len(headers), *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines) + "\n"


def command_block(commands: Sequence[str]) -> str:
    return "```sh\n" + "\n".join(commands) + "\n```\n"


def summary(sections: Sequence[Section]) -> str:
    rows = [ratio.row() for section in sections for ratio in section.ratios]
    return table(["ratio (side by side, one run)", "median", "target", "verdict"], rows)
