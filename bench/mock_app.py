"""The mock's application for servers other than its own command's uvicorn.

The benchmarks serve it with granian, and with uvicorn on its pure-Python stack, to
compare serving stacks on one application. Its rate limit is off, as with the mock
command's `--rate-limit 0`, so that the serving stack's share of the time shows:

    granian --interface asgi --factory bench.mock_app:create
    uvicorn --factory bench.mock_app:create --loop asyncio --http h11
"""

from __future__ import annotations

from starlette.applications import Starlette

from carecycle_mock import MockConfig, create_app


def create() -> Starlette:
    return create_app(MockConfig(rate_limit=0))
