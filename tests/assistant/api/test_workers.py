"""``assistant serve --workers 2``: several processes share one index and all answer."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from assistant.config import Settings

pytestmark = pytest.mark.slow


def test_two_worker_processes_answer_in_parallel(corpus_settings: Settings) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(corpus_settings.data_dir), "ASSISTANT_UI_ENABLED": "false"}
    cmd = [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port), "--workers", "2", "--no-ingest"]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        questions = [
            "范围三目标需要覆盖多大比例？",
            "What is MCAP?",
            "Giảm 30% từ 2020 đến 2030 có đạt 1,5°C không?",
        ] * 4

        def ask(q: str) -> int:
            return httpx.post(f"{base}/v1/ask", json={"question": q}, timeout=120).status_code

        with ThreadPoolExecutor(6) as pool:
            codes = list(pool.map(ask, questions))
        assert codes == [200] * len(questions)
        assert httpx.get(f"{base}/ui/", timeout=10).status_code == 404  # UI switched off by setting
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    assert out.count("Started server process") >= 2 or out.count("Waiting for application startup") >= 2, out[-2000:]
