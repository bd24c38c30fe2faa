"""The one start-a-server-and-wait helper: a server that never becomes ready fails within its timeout with
the reason (its last output) and leaves no process behind; a ready server is reached, then stopped."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import httpx
import pytest

from evals.server_process import ServerNotReadyError, ServerProcess, free_port, wait_until_ready

PY = sys.executable

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to see processes")


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for an absent reaper counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _gone_soon(pid: int, within_s: float = 5.0) -> bool:
    deadline = time.monotonic() + within_s
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_server_that_never_becomes_ready_raises_within_its_timeout_and_is_stopped() -> None:
    port = free_port()
    never = "import time; print('loading the index, never listening', flush=True); time.sleep(600)"
    started = time.monotonic()
    with (
        pytest.raises(ServerNotReadyError) as err,
        ServerProcess([PY, "-c", never], ready_url=f"http://127.0.0.1:{port}/readyz", timeout=2, stop_timeout=5),
    ):
        pytest.fail("the body must not run when the server is not ready")
    elapsed = time.monotonic() - started
    assert 2 <= elapsed < 2 + 5, elapsed  # the timeout, plus at most the stop
    message = str(err.value)
    assert "was not ready" in message and f"127.0.0.1:{port}/readyz" in message and "within 2 s" in message
    assert "loading the index, never listening" in message  # the reason, from its output
    assert err.value.pid is not None and not _alive(err.value.pid)


def test_a_server_that_ignores_sigterm_is_killed_with_the_workers_it_started() -> None:
    port = free_port()
    stubborn = (
        "import signal, subprocess, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import signal, time; "
        "signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(600)'])\n"
        "print('worker', child.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    started = time.monotonic()
    with pytest.raises(ServerNotReadyError) as err:
        ServerProcess([PY, "-c", stubborn], ready_port=port, timeout=1.5, stop_timeout=1).start()
    assert time.monotonic() - started < 1.5 + 2 * 1 + 2
    found = re.search(r"worker (\d+)", str(err.value))
    assert found, str(err.value)
    assert err.value.pid is not None and not _alive(err.value.pid)
    assert _gone_soon(int(found.group(1)))  # the whole process group, not only the parent


def test_a_server_that_exits_first_fails_at_once_with_its_exit_code_and_error() -> None:
    crash = "import sys; print('config error: ASSISTANT_DATA_DIR is a file', file=sys.stderr); sys.exit(3)"
    started = time.monotonic()
    with pytest.raises(ServerNotReadyError) as err:
        ServerProcess([PY, "-c", crash], ready_port=free_port(), timeout=30).start()
    assert time.monotonic() - started < 10  # not the 30 s timeout
    assert "stopped before" in str(err.value) and "exit code 3" in str(err.value)
    assert "config error: ASSISTANT_DATA_DIR is a file" in str(err.value)
    assert err.value.returncode == 3


@pytest.mark.parametrize("by", ["url", "port"])
def test_a_ready_server_is_reached_then_stopped(tmp_path: Path, by: str) -> None:
    (tmp_path / "hello.txt").write_text("hello", encoding="utf-8")
    port = free_port()
    ready = {"ready_url": f"http://127.0.0.1:{port}/hello.txt"} if by == "url" else {"ready_port": port}
    cmd = [PY, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    with ServerProcess(cmd, cwd=tmp_path, timeout=30, **ready) as server:
        assert server.running()
        assert server.url == f"http://127.0.0.1:{port}"
        assert httpx.get(f"{server.url}/hello.txt", timeout=5).text == "hello"
        pid = server.pid
    assert not server.running() and not _alive(pid)
    assert "GET /hello.txt" in server.output()  # the log stays readable after the stop


def test_a_thread_or_a_check_that_never_gets_ready_fails_too() -> None:
    with pytest.raises(ServerNotReadyError, match="stopped before"):
        wait_until_ready(check=lambda: False, timeout=30, alive=lambda: False)
    started = time.monotonic()
    with pytest.raises(ServerNotReadyError, match=r"within 0\.5 s.*last words"):
        wait_until_ready(port=free_port(), timeout=0.5, describe=lambda: ": last words")
    assert time.monotonic() - started < 3
    with pytest.raises(ValueError):
        wait_until_ready(url="http://127.0.0.1:1/", port=1)
