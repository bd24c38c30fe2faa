from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import pytest

from assistant.config import Settings
from tests.conftest import REPO


class _Folders(Protocol):
    """The two settings the CLI is given through the environment."""

    @property
    def data_dir(self) -> Path: ...

    @property
    def corpus_dir(self) -> Path: ...


def _run(args: list[str], settings: _Folders) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
    }
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_retrieve_json_follows_the_contract(corpus_settings: Settings) -> None:
    out = _run(
        ["retrieve", "Mục tiêu phạm vi 3 phải bao phủ bao nhiêu phần phát thải?", "--k", "4", "--json"],
        corpus_settings,
    )
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)
    assert len(items) == 4
    for item in items:
        assert {"doc", "chunk_id", "locator", "text", "score"} <= set(item)
        assert item["doc"].endswith(".txt") and item["locator"]
    scores = [i["score"] for i in items]
    assert scores == sorted(scores, reverse=True)


def test_retrieve_without_index_says_so_in_the_question_language(tmp_path: Path) -> None:
    class S:
        data_dir = tmp_path / "empty"
        corpus_dir = tmp_path

    out = _run(["retrieve", "范围三是什么？"], S)
    assert out.returncode == 2
    assert "索引" in out.stderr


def test_ingest_reports_a_summary(corpus_settings: Settings) -> None:
    out = _run(["ingest", "-q"], corpus_settings)
    assert out.returncode == 0, out.stderr
    assert "documents: 5" in out.stdout and "0 written" in out.stdout


@pytest.mark.parametrize(
    ("lang", "summary", "translations"),
    [("vi", "tài liệu: 5 (thêm 0", "bản dịch en, vi: dùng"), ("zh", "文档：5（新增 0", "译文 en, vi：使用")],
)
def test_ingest_reports_in_the_language_asked(
    corpus_settings: Settings, lang: str, summary: str, translations: str
) -> None:
    out = _run(["ingest", "-q", "--lang", lang], corpus_settings)
    assert out.returncode == 0, out.stderr
    assert summary in out.stdout and translations in out.stdout
    assert "documents:" not in out.stdout and "segments served" not in out.stdout
