"""What a new user sees the first time: ingest progress in a log (not only on a terminal), and
``assistant serve`` saying where its data folder is and when it is ready, with the address."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.server_notices import data_folder_line, ready_line
from evals.server_process import ServerProcess, free_port
from tests.conftest import CORPUS, REPO

PROGRESS = re.compile(r"^ingest: (\d+)% \(documents (\d+)/(\d+), chunks (\d+), ([\d.]+) chunks/s, \d+ s\)", re.M)
SMALL_DOCUMENT = "000_0879da0e186f5247.txt"  # the smallest shipped document (14 chunks)


def make_tiny_corpus(dest: Path) -> Path:
    """One small shipped document with the glossary and manifest, no translations: a corpus that ingests in
    seconds, for tests that run the real commands."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (SMALL_DOCUMENT, "glossary.csv", "manifest.json"):
        shutil.copy(CORPUS / name, dest / name)
    return dest


def _env(data_dir: Path, corpus_dir: Path) -> dict[str, str]:
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_CORPUS_DIR": str(corpus_dir)}
    env.pop("ASSISTANT_LLM_BASE_URL", None)
    return env


def test_data_folder_line_names_the_setting_and_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", "relative/data")
    monkeypatch.chdir(tmp_path)
    line = data_folder_line(Settings())
    assert line == f"data folder: {(tmp_path / 'relative' / 'data').resolve()} (ASSISTANT_DATA_DIR=relative/data)"
    monkeypatch.delenv("ASSISTANT_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    default = data_folder_line(Settings())
    assert str(tmp_path / "xdg" / "climate-target-assistant") in default
    assert "ASSISTANT_DATA_DIR is not set" in default and "shared by every checkout" in default


def test_ready_line_shows_a_browsable_address() -> None:
    assert ready_line("127.0.0.1", 8000, True) == "ready at http://127.0.0.1:8000/ui"
    assert ready_line("0.0.0.0", 8080, True) == "ready at http://127.0.0.1:8080/ui (listening on 0.0.0.0)"
    assert ready_line("::1", 8000, True) == "ready at http://[::1]:8000/ui"
    assert "API only" in ready_line("127.0.0.1", 8000, False)


@pytest.mark.slow
def test_ingest_into_a_pipe_prints_progress_lines(tmp_path: Path) -> None:
    corpus = make_tiny_corpus(tmp_path / "corpus")
    run = subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest"],
        env=_env(tmp_path / "data", corpus),
        cwd=REPO,
        capture_output=True,  # pipes: not a terminal
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    lines = PROGRESS.findall(run.stderr)
    assert len(lines) >= 2, run.stderr  # the start and the end at least
    percents = [int(p) for p, *_ in lines]
    assert percents == sorted(percents) and percents[0] == 0 and percents[-1] == 100
    _, done, total, chunks, rate = lines[-1]
    assert done == total == "1" and int(chunks) > 0 and float(rate) > 0
    assert "\r" not in run.stderr and "it/s" not in run.stderr  # no terminal bar in a log
    assert "documents: 1 (added 1" in run.stdout


@pytest.mark.slow
def test_serve_says_where_its_data_is_and_when_it_is_ready(tmp_path: Path) -> None:
    corpus = make_tiny_corpus(tmp_path / "corpus")
    data = tmp_path / "data"
    port = free_port()
    server = ServerProcess(
        [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],  # the index is missing: ingests first
        ready_url=f"http://127.0.0.1:{port}/readyz",
        env=_env(data, corpus),
        cwd=REPO,
        timeout=600,
        name="assistant serve",
    )
    with server:
        deadline = time.monotonic() + 30
        while "ready at" not in server.output() and time.monotonic() < deadline:
            time.sleep(0.2)
        out = server.output()
    assert out.splitlines()[0] == f"data folder: {data.resolve()} (ASSISTANT_DATA_DIR={data})", out
    ready = f"ready at http://127.0.0.1:{port}/ui"
    assert ready in out.splitlines(), out
    order = [out.index(s) for s in ("Index missing", "ingest: 100%", "ingested 1 documents", "Uvicorn running", ready)]
    assert order == sorted(order), out
    assert out.count("ready at") == 1
