"""The floor of measurement 5: a fixed-response app on uvicorn alone, importing nothing else.

    python bench/start_floor.py --port PORT

uvicorn as the mock runs it (httptools, uvloop, no websockets, no lifespan, no access
log), serving one prepared answer: no application on that stack can answer its first
request sooner, so the mock's start minus this one is what the mock itself adds. Run
by its path with the mock's installed environment, so that it loads the same uvicorn.
"""

from __future__ import annotations

import argparse
from typing import Any

import uvicorn

_START = {"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]}
_END = {"type": "http.response.body", "body": b"{}"}


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    await send(_START)
    await send(_END)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python bench/start_floor.py")
    parser.add_argument("--port", type=int, required=True)
    port = parser.parse_args().port
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=port,
        loop="uvloop",
        http="httptools",
        ws="none",
        lifespan="off",
        access_log=False,
        log_level="warning",
        server_header=False,
    )


if __name__ == "__main__":
    main()
