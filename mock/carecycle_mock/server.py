"""Serving the mock with uvicorn: one process, or several sharing a socket and a database.

The parent process does everything that can fail before it says it is ready: it loads
the spec and the data set, opens and seeds the database, installs the start-up fault
plan and binds the socket (port 0 picks a free one). Only then does it print the
ready line; connections that arrive before uvicorn accepts them wait in the socket's
backlog. Several workers need a shared database, so without `--db` they get one in a
temporary directory that is removed at exit.

SIGTERM and SIGINT shut down gracefully (requests in flight finish) and exit 0.

On an address other than loopback, anyone who reaches the port could drive the
`/_mock` admin API, so the server refuses to start with it unless it has an admin
token; the listening line says which applies.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import signal
import socket
import sys
import tempfile
from contextlib import ExitStack, closing
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import Any

import uvicorn
from starlette.applications import Starlette
from uvicorn.supervisors import Multiprocess

from carecycle_mock.admin import ADMIN_TOKEN_ENV
from carecycle_mock.app import build_app
from carecycle_mock.config import MockConfig
from carecycle_mock.faults import ConnectionDropped
from carecycle_mock.protocol import ConnectionLimits, MockServerConfig, fit_descriptor_limit
from carecycle_mock.service import MockService

WORKER_CONFIG_ENV = "CARECYCLE_MOCK_WORKER_CONFIG"
GRACEFUL_SHUTDOWN_SECONDS = 5


class ExposedAdmin(Exception):
    """The admin API would be open to the network."""


def serve(
    config: MockConfig,
    *,
    host: str,
    port: int,
    workers: int = 1,
    access_log: bool = True,
    limits: ConnectionLimits | None = None,
) -> None:
    with ExitStack() as stack:
        listener = stack.enter_context(closing(_listen(host, port)))
        bound_host, bound_port = listener.getsockname()[:2]
        loopback = ipaddress.ip_address(bound_host).is_loopback
        if config.admin and config.admin_token is None and not loopback:
            raise ExposedAdmin(
                f"{host} is not a loopback address: the /_mock admin API needs a token there"
                f" (--admin-token-file FILE or {ADMIN_TOKEN_ENV}), or --no-admin"
            )
        if workers > 1 and config.database_file is None:
            directory = stack.enter_context(tempfile.TemporaryDirectory(prefix="carecycle-mock-"))
            config = replace(config, db_path=str(Path(directory) / "state.sqlite3"))
        state = MockService(config)
        stack.callback(state.close)
        limits, note = fit_descriptor_limit(limits or ConnectionLimits())
        if note is not None:
            print(f"carecycle-mock: {note}", file=sys.stderr, flush=True)
        uvicorn_config = _uvicorn_config(config, state, workers, access_log, limits)
        print(
            f"carecycle-mock listening on http://{_url_host(host)}:{bound_port}"
            f" ({_admin_access(config)})",
            flush=True,
        )
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, _exit_cleanly)
        if workers == 1:
            uvicorn.Server(uvicorn_config).run(sockets=[listener])
        else:
            Multiprocess(uvicorn_config, sockets=[listener]).run()


def worker_app() -> Starlette:
    """The application of one worker of `--workers N`, joining the parent's databases."""
    settings = json.loads(os.environ[WORKER_CONFIG_ENV])
    config = MockConfig(
        db_path=settings["db_path"],
        data_path=_path(settings["data_path"]),
        rate_limit=settings["rate_limit"],
        rate_window=settings["rate_window"],
        admin=settings["admin"],
        spec_path=_path(settings["spec_path"]),
        admin_token=os.environ.get(ADMIN_TOKEN_ENV) or None,
        journal_size=settings["journal_size"],
    )
    return build_app(MockService(config, fresh_volatile_state=False))


class IgnoreInjectedDrops(logging.Filter):
    """Uvicorn logs an exception that ends a response as an error; a drop is on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], ConnectionDropped))


def log_config(access_log: bool) -> dict[str, Any]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"drops": {"()": IgnoreInjectedDrops}},
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "plain",
                "filters": ["drops"],
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "carecycle_mock": {
                "handlers": ["stderr"],
                "level": "INFO" if access_log else "WARNING",
                "propagate": False,
            },
        },
    }


def _uvicorn_config(
    config: MockConfig,
    state: MockService,
    workers: int,
    access_log: bool,
    limits: ConnectionLimits,
) -> uvicorn.Config:
    common: dict[str, Any] = {
        "limits": limits,
        "log_config": log_config(access_log),
        "access_log": False,
        "lifespan": "on",
        "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_SECONDS,
        "server_header": False,
    }
    if workers == 1:
        return MockServerConfig(build_app(state), **common)
    if config.admin_token is not None:
        # The workers read it where the command line's user may give it, not from their config.
        os.environ[ADMIN_TOKEN_ENV] = config.admin_token
    os.environ[WORKER_CONFIG_ENV] = json.dumps(
        {
            "db_path": config.database_file,
            "data_path": _text(config.data_path),
            "rate_limit": config.rate_limit,
            "rate_window": config.rate_window,
            "admin": config.admin,
            "spec_path": _text(config.spec_path),
            "journal_size": config.journal_size,
        }
    )
    return MockServerConfig(f"{__name__}:worker_app", factory=True, workers=workers, **common)


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket that worker processes can inherit."""
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(2048)
    except OSError:
        listener.close()
        raise
    listener.set_inheritable(True)
    return listener


def _exit_cleanly(signum: int, frame: FrameType | None) -> None:
    """Outside uvicorn's own handling (before it starts, or when it re-raises after a
    graceful shutdown) a stop signal ends the process normally, running every cleanup."""
    sys.exit(0)


def _admin_access(config: MockConfig) -> str:
    if not config.admin:
        return "admin API off"
    if config.admin_token is not None:
        return "admin API at /_mock, token required"
    return "admin API at /_mock, no token: loopback only"


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _text(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _path(text: str | None) -> Path | None:
    return None if text is None else Path(text)
