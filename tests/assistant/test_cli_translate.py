"""``assistant ingest PATH --translate``: with an LLM (scripted here) each document is translated first and
the command says, per language, how many segments were translated and which failed the checks; without
one it says so in one line and ingests as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import assistant.cli as cli
import assistant.llm.chat_model as chat_model
from assistant.config import Settings
from tests.assistant.llm.scripted_translator import DOC_NAME, ScriptedTranslator, write_doc
from tests.conftest import CORPUS


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    return write_doc(tmp_path)


def _run(monkeypatch: pytest.MonkeyPatch, settings: Settings, args: list[str]) -> str:
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    result = CliRunner().invoke(cli.app, ["ingest", "-q", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_without_an_llm_it_says_so_and_ingests(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, doc: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=CORPUS)
    out = _run(monkeypatch, settings, [str(doc), "--translate"])
    lines = out.splitlines()
    assert lines[0] == "no LLM configured (ASSISTANT_LLM_BASE_URL): ingesting without translations"
    assert f"{DOC_NAME}: no translations (answers quote it in its own language)" in lines
    assert "added 1" in out


def test_with_an_llm_it_translates_first_and_reports_per_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, doc: Path
) -> None:
    settings = Settings(
        data_dir=tmp_path / "data", corpus_dir=CORPUS, llm_base_url="http://127.0.0.1:9/v1", llm_model="scripted"
    )
    model = ScriptedTranslator(edit=lambda lang, src, out: out.replace(" by 45%", "") if lang == "en" else out)
    monkeypatch.setattr(chat_model, "make_chat_model", lambda s, **kw: model)
    out = _run(monkeypatch, settings, [str(doc), "--translate"])
    assert f"{DOC_NAME} → zh: 6 of 6 segments machine-translated (6 new, 0 from the cache)" in out
    assert f"{DOC_NAME} → en: 5 of 6 segments machine-translated" in out and "1 failed the checks" in out
    assert "  - en 167-243: numbers missing: 45" in out
    assert f"{DOC_NAME}: translations en, zh: 11 segments served" in out
    assert "ScriptedTranslator via 127.0.0.1:9" in (
        settings.data_dir / "translations" / "huong-dan-nha-may.en.jsonl"
    ).read_text(encoding="utf-8")
    # again: everything from the cache, nothing re-indexed
    model.batches.clear()
    out = _run(monkeypatch, settings, [str(doc), "--translate"])
    assert model.batches == [] and "(0 new, 6 from the cache)" in out and "unchanged 1" in out


def test_the_shipped_corpus_is_not_machine_translated(
    monkeypatch: pytest.MonkeyPatch, corpus_settings: Settings
) -> None:
    settings = corpus_settings.model_copy(update={"llm_base_url": "http://127.0.0.1:9/v1"})
    model = ScriptedTranslator()
    monkeypatch.setattr(chat_model, "make_chat_model", lambda s, **kw: model)
    out = _run(monkeypatch, settings, ["--translate"])
    assert out.count("not machine-translated (the shipped corpus has the project's translations)") == 5
    assert model.batches == [] and "documents: 5" in out and "0 written" in out
