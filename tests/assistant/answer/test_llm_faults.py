"""A real OpenAI-compatible endpoint that misbehaves (garbage, 500, too slow): the answer falls back to
the no-LLM answer with a note, never an error."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.answer.service import AnswerService
from assistant.config import Settings

BEHAVIOUR = {"mode": "garbage"}


class _BadLLM(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("content-length", 0)))
        mode = BEHAVIOUR["mode"]
        if mode == "slow":
            time.sleep(3)
        status, body = (500, b'{"error": "boom"}') if mode == "error" else (200, b"<html>not json at all")
        try:
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout case)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def bad_llm_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BadLLM)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


@pytest.mark.parametrize("mode", ["garbage", "error", "slow"])
def test_misbehaving_llm_server_falls_back(corpus_settings: Settings, bad_llm_url: str, mode: str) -> None:
    BEHAVIOUR["mode"] = mode
    settings = corpus_settings.model_copy(update={"llm_base_url": bad_llm_url, "llm_model": "x", "llm_timeout_s": 1.0})
    service = AnswerService(settings)
    started = time.perf_counter()
    a = service.ask("Theo mức 1,5°C, phát thải phạm vi 1 và 2 phải giảm bao nhiêu từ 2020 đến 2030?")
    assert a.mode == "no-llm" and a.language == "vi"
    assert "42%" in a.answer and a.notes  # the calculator's answer, with a note saying the model failed
    assert time.perf_counter() - started < 30
