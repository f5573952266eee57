"""`UNSET`: the value of an optional field or argument that is absent, as opposed to null."""

from __future__ import annotations

from typing import Literal


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()
