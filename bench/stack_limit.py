"""The limit of the mock's serving stack: a fixed-response app served as the mock is served.

    python -m bench.stack_limit --port PORT

uvicorn with the mock's own protocol and connection limits (`MockServerConfig`, the
defaults of `carecycle-mock`), its logging without an access log, on uvloop: only the
application differs. It answers every request with the same prepared bytes, read from
nothing and checked against nothing, so no application on this stack can answer faster;
measurement 1 compares our mock with it.
"""

from __future__ import annotations

import argparse

import uvicorn
from starlette.types import Receive, Scope, Send

from bench.processes import HOST
from bench.samples import campaign_body
from carecycle_mock.protocol import ConnectionLimits, MockServerConfig
from carecycle_mock.server import log_config

_BODY = campaign_body()
_START = {
    "type": "http.response.start",
    "status": 200,
    "headers": [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(_BODY)).encode("ascii")),
    ],
}
_END = {"type": "http.response.body", "body": _BODY}


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    await send(_START)
    await send(_END)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.stack_limit")
    parser.add_argument("--port", type=int, required=True)
    port = parser.parse_args().port
    config = MockServerConfig(
        app,
        limits=ConnectionLimits(),
        host=HOST,
        port=port,
        log_config=log_config(access_log=False),
        access_log=False,
        lifespan="off",
        server_header=False,
    )
    uvicorn.Server(config).run()


if __name__ == "__main__":
    main()
