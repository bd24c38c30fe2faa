"""Start a server in a subprocess and wait until it is ready: the one helper for tests, benchmarks and
load runs (``assistant serve``, ``chroma run``, llama.cpp's server, a stand-in ``http.server``).

A server that does not become ready within its timeout, or exits first, is stopped and
:class:`ServerNotReadyError` is raised with the last lines of its output, so a test fails with the
reason instead of hanging or carrying on against nothing. On exit the process (and anything it
started in its process group) is stopped: SIGTERM, then SIGKILL after ``stop_timeout``.

    with ServerProcess([sys.executable, "-m", "http.server", str(port)], ready_url=url, timeout=10) as srv:
        httpx.get(srv.url)
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import httpx

ROOT = Path(__file__).resolve().parents[1]

TAIL_LINES = 40


class ServerNotReadyError(RuntimeError):
    """The server did not answer its readiness check in time, or exited before it did."""

    def __init__(self, message: str, *, pid: int | None = None, returncode: int | None = None) -> None:
        super().__init__(message)
        self.pid = pid
        self.returncode = returncode


def free_port() -> int:
    """A TCP port free on loopback right now (another process may still take it before the server)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of a process (Linux /proc), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _answers(url: str | None, port: int | None, host: str, check: Callable[[], bool] | None, wait_s: float) -> bool:
    try:
        if url is not None:
            return httpx.get(url, timeout=wait_s).status_code == 200
        if port is not None:
            with socket.create_connection((host, port), timeout=wait_s):
                return True
        return check is not None and check()
    except (httpx.HTTPError, OSError):
        return False


def wait_until_ready(
    *,
    url: str | None = None,
    port: int | None = None,
    check: Callable[[], bool] | None = None,
    host: str = "127.0.0.1",
    timeout: float = 60.0,
    interval: float = 0.2,
    alive: Callable[[], bool] | None = None,
    describe: Callable[[], str] | None = None,
    name: str = "server",
) -> None:
    """Poll until ``url`` answers 200, ``port`` on ``host`` accepts a connection, or ``check()`` is true
    (exactly one of the three), for at most ``timeout`` seconds. Raises :class:`ServerNotReadyError` on
    timeout, or as soon as ``alive()`` turns false; ``describe()`` adds context (e.g. the output's tail)."""
    if sum(x is not None for x in (url, port, check)) != 1:
        raise ValueError("give exactly one of url, port or check")
    target = url or (f"{host}:{port}" if port is not None else "its readiness check")
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if _answers(url, port, host, check, max(0.1, min(2.0, remaining))):
            return
        if alive is not None and not alive():
            reason = f"{name} stopped before {target} was ready"
            break
        if time.monotonic() >= deadline:
            reason = f"{name} was not ready at {target} within {timeout:g} s"
            break
        time.sleep(max(0.0, min(interval, deadline - time.monotonic())))
    extra = describe() if describe is not None else ""
    raise ServerNotReadyError(f"{reason}{extra}")


class ServerProcess:
    """A server subprocess, started and waited for by ``with`` (or :meth:`start`), stopped on exit.

    Give the readiness check as ``ready_url`` (GET answers 200) or ``ready_port`` (TCP connect on
    loopback). stdout and stderr go together to a temporary file, never a pipe that could fill up and
    block the server; :meth:`output` reads it, during the run and after :meth:`stop`."""

    def __init__(
        self,
        args: Sequence[str | os.PathLike[str]],
        *,
        ready_url: str | None = None,
        ready_port: int | None = None,
        env: Mapping[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        timeout: float = 60.0,
        stop_timeout: float = 10.0,
        name: str | None = None,
    ) -> None:
        if (ready_url is None) == (ready_port is None):
            raise ValueError("give exactly one of ready_url or ready_port")
        self.args = [os.fspath(a) for a in args]
        self.ready_url = ready_url
        self.ready_port = ready_port
        self.env = dict(env) if env is not None else None
        self.cwd = cwd
        self.timeout = timeout
        self.stop_timeout = stop_timeout
        self.name = name or Path(self.args[0]).name
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: Path | None = None
        self._output = ""

    # --- the process -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL (scheme and host:port) of the readiness URL, or ``http://127.0.0.1:<port>``."""
        if self.ready_url is not None:
            parts = httpx.URL(self.ready_url)
            return f"{parts.scheme}://{parts.netloc.decode()}"
        return f"http://127.0.0.1:{self.ready_port}"

    @property
    def pid(self) -> int:
        if self.proc is None:
            raise RuntimeError(f"{self.name} is not running")
        return self.proc.pid

    @property
    def returncode(self) -> int | None:
        return None if self.proc is None else self.proc.poll()

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def output(self) -> str:
        """Everything the process wrote to stdout and stderr so far (all of it after :meth:`stop`)."""
        if self._log is not None and self._log.exists():
            return self._log.read_bytes().decode("utf-8", "replace")
        return self._output

    def tail(self, lines: int = TAIL_LINES) -> str:
        return "\n".join(self.output().splitlines()[-lines:])

    def start(self) -> ServerProcess:
        """Launch and wait for readiness; on failure the process is stopped and ServerNotReadyError raised."""
        if self.running():
            raise RuntimeError(f"{self.name} is already running (pid {self.pid})")
        fd, log = tempfile.mkstemp(prefix="server-", suffix=".log")
        self._log, self._output = Path(log), ""
        try:
            with os.fdopen(fd, "wb") as sink:
                self.proc = subprocess.Popen(
                    self.args,
                    env=self.env,
                    cwd=self.cwd,
                    stdin=subprocess.DEVNULL,
                    stdout=sink,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group: workers it forks are stopped with it
                )
        except BaseException:
            self._close_log()
            raise
        try:
            wait_until_ready(
                url=self.ready_url,
                port=self.ready_port,
                timeout=self.timeout,
                alive=self.running,
                name=f"{self.name} (pid {self.proc.pid})",
            )
        except BaseException as exc:
            exited = self.returncode  # None: still running, stopped here
            pid = self.proc.pid
            self.stop()  # the output is complete after this: the process may have said why while stopping
            if isinstance(exc, ServerNotReadyError):
                status = "stopped after the timeout" if exited is None else f"exit code {exited}"
                tail = self.tail()
                shown = f"last lines of its output:\n{tail}" if tail else "no output"
                message = f"{exc}\ncommand: {shlex.join(self.args)} ({status}); {shown}"
                raise ServerNotReadyError(message, pid=pid, returncode=exited) from None
            raise
        return self

    def stop(self) -> int | None:
        """SIGTERM, then SIGKILL (to the whole process group) after ``stop_timeout``; returns the exit code."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.terminate()
            try:
                self.proc.wait(timeout=self.stop_timeout)
            except subprocess.TimeoutExpired:
                self._kill_group()
                self.proc.wait(timeout=self.stop_timeout)
        self._kill_group()  # leftovers: workers whose parent went first
        self._close_log()
        return self.proc.returncode

    def kill(self) -> None:
        """SIGKILL at once, no goodbye to clients (as when the server's host dies)."""
        if self.proc is None:
            return
        self._kill_group()
        self.proc.wait(timeout=self.stop_timeout)
        self._close_log()

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- internals ---------------------------------------------------------------------------------

    def _kill_group(self) -> None:
        assert self.proc is not None
        if sys.platform != "win32":
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)  # the group id is the pid (start_new_session)
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()

    def _close_log(self) -> None:
        if self._log is not None:
            with contextlib.suppress(OSError):
                self._output = self._log.read_bytes().decode("utf-8", "replace")
                self._log.unlink()
            self._log = None


@contextmanager
def serve(
    data_dir: Path, workers: int = 1, extra_env: Mapping[str, str] | None = None, timeout: float = 120.0
) -> Iterator[ServerProcess]:
    """A real ``assistant serve --no-ingest`` on a free loopback port, yielded once ``/readyz`` answers 200
    (``.url`` is the base URL); no LLM, whatever the environment says."""
    port = free_port()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_CORPUS_DIR": str(ROOT / "corpus")}
    env.pop("ASSISTANT_LLM_BASE_URL", None)
    env.update(extra_env or {})
    cmd = [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port), "--no-ingest"]
    server = ServerProcess(
        [*cmd, "--workers", str(workers)],
        ready_url=f"http://127.0.0.1:{port}/readyz",
        env=env,
        cwd=ROOT,
        timeout=timeout,
        stop_timeout=30,
        name="assistant serve",
    )
    with server:
        yield server
