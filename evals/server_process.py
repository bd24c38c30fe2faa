"""A real ``assistant serve`` process on a loopback port, for benchmarks and load runs."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of a process (Linux /proc), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def serve(data_dir: Path, workers: int = 1, extra_env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """Yields (base URL, server pid) once ``/readyz`` answers 200; no LLM, whatever the environment says."""
    port = free_port()
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_CORPUS_DIR": str(ROOT / "corpus")}
    env.pop("ASSISTANT_LLM_BASE_URL", None)
    env.update(extra_env or {})
    cmd = [
        sys.executable,
        "-m",
        "assistant.cli",
        "serve",
        "--port",
        str(port),
        "--no-ingest",
        "--workers",
        str(workers),
    ]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            raise RuntimeError("server did not become ready")
        yield base, server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)
