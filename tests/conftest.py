"""Shared fixtures: settings pointing at temporary data folders, PDFs made in the test, and one
real ingest of the bundled corpus per session (it takes ~35 s on two cores)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from assistant.config import Settings  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    def make(corpus_dir: Path | None = None, **kw: Any) -> Settings:
        return Settings(data_dir=tmp_path / "data", corpus_dir=corpus_dir or CORPUS, **kw)

    return make


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings whose index holds the real corpus, ingested once."""
    from assistant.corpus.ingest import ingest

    settings = Settings(data_dir=tmp_path_factory.mktemp("corpus-index"), corpus_dir=CORPUS)
    report = ingest(settings, progress=False)
    assert not report.failed, report.failed
    yield settings


def write_pdf(path: Path, pages: list[tuple[str, str]], encrypt: str | None = None) -> Path:
    """A real PDF; each page is (font, text) with font "vi" (DejaVu) or "zh" (STSong CID font)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    if DEJAVU.is_file():
        pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    c = canvas.Canvas(str(path), encrypt=encrypt)
    for font, text in pages:
        name = {"zh": "STSong-Light", "vi": "DejaVu" if DEJAVU.is_file() else "Helvetica"}.get(font, "Helvetica")
        c.setFont(name, 11)
        y = 800
        for line in text.splitlines():
            c.drawString(40, y, line)
            y -= 16
        c.drawString(40, 30, "Running footer of the test guide")
        c.showPage()
    c.save()
    return path


@pytest.fixture(scope="session")
def live_server(corpus_settings: Settings) -> Iterator[str]:
    """The real app under uvicorn on a loopback port (a thread of this process), for HTTP clients and
    the browser; a server that is not ready in 60 s fails the tests that use it (ServerNotReadyError)."""
    import threading

    import uvicorn

    from assistant.api.app import create_app
    from evals.server_process import free_port, wait_until_ready

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(corpus_settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(url=f"{base}/readyz", timeout=60, alive=thread.is_alive, name="live server (uvicorn thread)")
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)
