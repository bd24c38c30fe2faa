"""``assistant serve --workers 2``: several processes share one index and all answer."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from assistant.config import Settings
from evals.server_process import serve

pytestmark = pytest.mark.slow


def test_two_worker_processes_answer_in_parallel(corpus_settings: Settings) -> None:
    with serve(corpus_settings.data_dir, workers=2, extra_env={"ASSISTANT_UI_ENABLED": "false"}) as server:
        base = server.url
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
    out = server.output()
    assert out.count("Started server process") >= 2 or out.count("Waiting for application startup") >= 2, out[-2000:]
