"""Server mode: a real ``chroma run`` on loopback, the assistant pointed at it by URL."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.corpus.ingest import ingest
from assistant.retrieval.retriever import HybridRetriever
from evals.server_process import ServerProcess, free_port

pytestmark = pytest.mark.slow


@pytest.fixture
def chroma_url(tmp_path: Path) -> Iterator[str]:
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    if not Path(exe).exists():
        pytest.skip("chroma CLI not installed")
    port = free_port()
    cmd = [exe, "run", "--path", str(tmp_path / "chroma"), "--host", "127.0.0.1", "--port", str(port)]
    ready = f"http://127.0.0.1:{port}/api/v2/heartbeat"
    with ServerProcess(cmd, ready_url=ready, timeout=30, name="chroma run") as server:
        yield server.url


def test_ingest_and_retrieve_against_a_chroma_server(
    tmp_path: Path, chroma_url: str, make_settings: Callable[..., Settings]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "zh.txt").write_text("范围三目标必须覆盖范围三排放总量的三分之二。\n", encoding="utf-8")
    (corpus / "en.md").write_text("# RE\n\nSource 80% renewable electricity by 2025.\n", encoding="utf-8")
    settings = make_settings(corpus, chroma_url=chroma_url)
    report = ingest(settings, progress=False)
    assert report.total_documents == 2
    assert not (tmp_path / "data" / "index").exists()  # nothing written locally
    again = ingest(settings, progress=False)
    assert again.chunks_written == 0
    hits = HybridRetriever(settings).retrieve("renewable electricity 2025", k=2)
    assert hits[0].doc == "en.md"
