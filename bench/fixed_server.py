"""A fixed-response server for the client benchmark: the seed's bytes, whatever the request.

Served by uvicorn (httptools, uvloop) on the server core:

    uvicorn bench.fixed_server:app --no-access-log --lifespan off ...

It does no validation, no lookup and no storage, so it answers far faster than the
client under test can ask and adds the same small, steady cost to every client: the
difference between two clients is then the clients' own cost, not the mock's noise.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from bench.samples import campaign_body, status_update_body

_BODIES = {"GET": campaign_body(), "PATCH": status_update_body()}


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    response = Response(_BODIES.get(scope["method"], b"{}"), media_type="application/json")
    await response(scope, receive, send)
