"""A Chroma server that dies under a running API: 503 in the asker's language, never a 500, readiness
follows the server, and the API recovers by itself once the server is back (same port, same path)."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.config import Settings
from assistant.corpus.ingest import ingest
from assistant.index.vector_store import IndexUnavailableError
from evals.server_process import ServerProcess, free_port

if TYPE_CHECKING:
    import httpx2  # what Starlette's TestClient answers with when it is installed (openai 3 needs it)

pytestmark = pytest.mark.slow

MESSAGES = IndexUnavailableError().messages
QUESTIONS = {
    "vi": "Nhà máy phải dùng bao nhiêu phần trăm điện tái tạo?",
    "zh": "范围三目标必须覆盖多少排放？",
    "en": "When must suppliers phase out coal boilers?",
}


class ChromaServer:
    """``chroma run`` (the chromadb package's own server) in a subprocess, killable and restartable on
    the same port and path."""

    def __init__(self, path: Path) -> None:
        exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
        if not Path(exe).exists():
            pytest.skip("the chroma CLI (part of the chromadb package) is not installed")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.args = [exe, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(self.port)]
        self.server: ServerProcess | None = None

    def start(self) -> None:
        """Raises ServerNotReadyError (with the server's last output) if it does not answer in 30 s."""
        self.server = ServerProcess(
            self.args, ready_url=f"{self.url}/api/v2/heartbeat", timeout=30, name="chroma run"
        ).start()

    def kill(self) -> None:
        """SIGKILL: no goodbye to clients, as when the server's host or container dies."""
        if self.server is not None:
            self.server.kill()
        self.server = None


@pytest.fixture
def chroma(tmp_path: Path) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path / "chroma")
    server.start()
    yield server
    server.kill()


def _until(check: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_api_answers_503_while_chroma_is_down_and_recovers(
    tmp_path: Path, chroma: ChromaServer, make_settings: Callable[..., Settings]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "vi.md").write_text(
        "# Điện tái tạo\n\nNhà máy phải dùng 80% điện tái tạo vào năm 2030.\n", encoding="utf-8"
    )
    (corpus / "zh.txt").write_text("范围三目标必须覆盖范围三排放总量的三分之二。\n", encoding="utf-8")
    (corpus / "en.md").write_text("# Coal\n\nSuppliers must phase out coal boilers by 2030.\n", encoding="utf-8")
    settings = make_settings(corpus, chroma_url=chroma.url, ui_enabled=False)
    assert ingest(settings, progress=False).total_documents == 3

    client = TestClient(create_app(settings))
    statuses: list[int] = []

    def call(method: str, path: str, **kw: Any) -> httpx2.Response:
        res = client.request(method, path, **kw)
        statuses.append(res.status_code)
        return res

    assert call("GET", "/readyz").status_code == 200
    before = call("GET", "/v1/retrieve", params={"q": QUESTIONS["en"], "k": 3})
    assert before.status_code == 200 and before.json()[0]["doc"] == "en.md"
    assert call("POST", "/v1/ask", json={"question": QUESTIONS["vi"]}).status_code == 200

    def assert_unavailable() -> None:
        for lang, question in QUESTIONS.items():
            res = call("GET", "/v1/retrieve", params={"q": question})
            assert res.status_code == 503, res.text
            assert res.json()["message"] == MESSAGES[lang]
            res = call("POST", "/v1/ask", json={"question": question})
            assert res.status_code == 503, res.text
            assert res.json() == {
                "error": "index_unavailable",
                "message": MESSAGES[lang],
                "messages": MESSAGES,
                "lang": lang,
            }
        # an explicit language wins over the question's
        res = call("POST", "/v1/ask", json={"question": QUESTIONS["en"], "lang": "zh"})
        assert res.status_code == 503 and res.json()["message"] == MESSAGES["zh"]
        res = call("GET", "/v1/retrieve", params={"q": QUESTIONS["en"], "lang": "vi"})
        assert res.status_code == 503 and res.json()["message"] == MESSAGES["vi"]

    chroma.kill()
    # at once: the retriever still holds the chunks it loaded, the vector search itself fails
    assert_unavailable()
    # readiness follows within the retriever's 2 s re-check interval
    assert _until(lambda: call("GET", "/readyz").status_code == 503, timeout_s=5)
    assert client.get("/readyz").json() == {"ready": False}
    # later: the re-check of the index fails too
    time.sleep(2.2)
    assert_unavailable()
    assert call("GET", "/healthz").status_code == 200  # the process itself is fine

    chroma.start()  # same port, same path: the API must pick it up without a restart
    assert _until(lambda: call("GET", "/readyz").status_code == 200, timeout_s=30)
    after = call("GET", "/v1/retrieve", params={"q": QUESTIONS["en"], "k": 3})
    assert after.status_code == 200
    assert [p["chunk_id"] for p in after.json()] == [p["chunk_id"] for p in before.json()]
    for question in QUESTIONS.values():
        assert call("POST", "/v1/ask", json={"question": question}).status_code == 200

    assert not [s for s in statuses if s >= 500 and s != 503], statuses
