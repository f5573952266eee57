"""Everything a person or a log could see of an error, to look for a key in."""

from __future__ import annotations

import traceback
from pathlib import Path

_TESTS = str(Path(__file__).parent)


def everything_about(error: BaseException) -> str:
    """What a person or a log could see of an error: its str and repr, and its traceback with
    every frame's locals, through the causes and contexts a traceback shows. The tests' own
    frames are left out: they hold the key on purpose."""
    parts = [str(error), repr(error)]
    link: BaseException | None = error
    while link is not None:
        frames = [
            (frame, line)
            for frame, line in traceback.walk_tb(link.__traceback__)
            if _TESTS not in frame.f_code.co_filename
        ]
        parts += traceback.StackSummary.extract(iter(frames), capture_locals=True).format()
        link = link.__cause__ or (None if link.__suppress_context__ else link.__context__)
    return "\n".join(parts)
