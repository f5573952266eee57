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
    ceiling: float | None = None
    """The most the ratio should be (a cost); None when there is no such target."""

    def verdict(self) -> str:
        if self.target is None and self.ceiling is None:
            return "(no target)"
        met = (self.target is None or self.value >= self.target) and (
            self.ceiling is None or self.value <= self.ceiling
        )
        return "met" if met else "**not met**"

    def row(self) -> list[str]:
        bounds = [f">= {self.target:g}"] if self.target is not None else []
        bounds += [f"<= {self.ceiling:g}"] if self.ceiling is not None else []
        return [self.name, f"{self.value:.2f}", ", ".join(bounds), self.verdict()]


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
