"""A mock server in a child process, for tests and demos: started, ready, stopped.

    with MockProcess("--rate-limit", "0") as mock:
        httpx.get(f"{mock.base_url}/v2/campaigns/...", headers=...)

It listens on a free loopback port, is ready once it prints its ready line (no sleeps;
`ready_line` keeps it), logs to a file (`log_text()`), runs in its own process group so
that stopping it also stops its workers, and is always stopped on leaving the `with`
block.
"""

from __future__ import annotations

import contextlib
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

READY = re.compile(rb"carecycle-mock listening on (http://\S+)[^\n]*\n")


class MockProcess:
    def __init__(self, *arguments: str, startup_timeout: float = 60.0) -> None:
        self.arguments = ("--host", "127.0.0.1", "--port", "0", *arguments)
        self.startup_timeout = startup_timeout
        self._log = tempfile.NamedTemporaryFile(prefix="carecycle-mock-", suffix=".log")  # noqa: SIM115 - closed in stop()
        self._process: subprocess.Popen[bytes] | None = None
        self.base_url = ""
        self.ready_line = ""

    @property
    def pid(self) -> int:
        assert self._process is not None, "not started"
        return self._process.pid

    def start(self) -> str:
        """Start the server and wait for its ready line; its base URL."""
        self._process = subprocess.Popen(
            [sys.executable, "-m", "carecycle_mock", *self.arguments],
            stdout=subprocess.PIPE,
            stderr=self._log,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.base_url = self._wait_until_ready()
        return self.base_url

    def stop(self, timeout: float = 15.0) -> int:
        """SIGTERM, and SIGKILL if it has not exited within `timeout`; its exit code."""
        process = self._process
        if process is None:
            return 0
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        self._kill_group()
        assert process.stdout is not None
        process.stdout.close()
        return process.wait()

    def kill(self) -> None:
        """SIGKILL to the server and its workers: a crash, nothing flushed or cleaned up."""
        self._kill_group()
        if self._process is not None:
            self._process.wait()

    def log_text(self) -> str:
        return Path(self._log.name).read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        self.stop()
        self._log.close()

    def __enter__(self) -> MockProcess:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _kill_group(self) -> None:
        if self._process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGKILL)

    def _wait_until_ready(self) -> str:
        process = self._process
        assert process is not None
        assert process.stdout is not None
        deadline = time.monotonic() + self.startup_timeout
        output = b""
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while (remaining := deadline - time.monotonic()) > 0:
                if selector.select(remaining):
                    chunk = os.read(process.stdout.fileno(), 4096)
                    output += chunk
                    if found := READY.search(output):
                        self.ready_line = found.group(0).decode().strip()
                        return found.group(1).decode()
                    if not chunk:
                        break
        self.kill()
        raise RuntimeError(
            f"carecycle-mock {' '.join(self.arguments)} did not become ready "
            f"(exit code {process.poll()}):\n{self.log_text()}"
        )
