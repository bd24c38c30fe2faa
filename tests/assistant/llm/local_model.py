"""The real local model the ``*_real_model.py`` tests run against: llama.cpp's OpenAI-compatible server with
the Qwen2.5 0.5B GGUF that ``bash scripts/fetch_local_llm.sh`` puts in ~/.cache/models."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from evals.server_process import ServerProcess, free_port

MODELS = Path.home() / ".cache" / "models"
# the 0.5B the script fetches by default; ASSISTANT_TEST_GGUF names another (the 1.5B of ``fetch_local_llm.sh 1.5b``)
GGUF = Path(os.environ.get("ASSISTANT_TEST_GGUF") or MODELS / "qwen2.5-coder-0.5b-instruct.gguf")
PYTHON = MODELS / "llama-venv" / "bin" / "python"


def serve_local_model() -> Iterator[str]:
    """Start the server and yield its base URL for as long as it runs; skip the test when the model is not installed."""
    if not (GGUF.exists() and PYTHON.exists()):
        pytest.skip(f"local model not installed: bash scripts/fetch_local_llm.sh puts it in {MODELS}")
    port = free_port()
    cmd = [str(PYTHON), "-m", "llama_cpp.server", "--model", str(GGUF), "--host", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}/v1"
    with ServerProcess([*cmd, "--n_ctx", "8192"], ready_url=f"{url}/models", timeout=120, stop_timeout=30):
        yield url
