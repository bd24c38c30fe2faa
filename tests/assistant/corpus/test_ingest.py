from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import pytest

from assistant.config import Settings
from assistant.corpus.ingest import ingest, open_store
from assistant.index.embedders import get_embedder
from assistant.index.vector_store import VectorStore
from assistant.retrieval.retriever import HybridRetriever
from tests.conftest import CORPUS, REPO, write_pdf

VI = "Chương trình MCAP hỗ trợ nhà sản xuất.\n\nMỗi năm có mười giờ tư vấn trực tuyến và trực tiếp.\n"
ZH = "范围三目标必须覆盖范围三排放总量的三分之二。科学碳目标的设定最短期限为5年。\n"
EN = "# Renewable electricity\n\nCompanies should source 80% renewable electricity by 2025 and 100% by 2030.\n"


def _small_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "vi.txt").write_text(VI, encoding="utf-8")
    (corpus / "zh.txt").write_text(ZH, encoding="utf-8")
    (corpus / "en.md").write_text(EN, encoding="utf-8")
    return corpus


def _store(settings: Settings) -> VectorStore:
    return open_store(settings, get_embedder(settings.embeddings))


def test_ingest_is_idempotent_and_replaces_changed_files(
    tmp_path: Path, make_settings: Callable[..., Settings]
) -> None:
    corpus = _small_corpus(tmp_path)
    settings = make_settings(corpus)
    first = ingest(settings, progress=False)
    assert sorted(first.added) == ["en.md", "vi.txt", "zh.txt"]
    assert first.chunks_written == first.total_chunks > 0

    again = ingest(settings, progress=False)
    assert again.chunks_written == 0
    assert sorted(again.unchanged) == ["en.md", "vi.txt", "zh.txt"]

    (corpus / "zh.txt").write_text("范围一和范围二目标须与1.5°C一致。\n", encoding="utf-8")
    changed = ingest(settings, progress=False)
    assert changed.updated == ["zh.txt"]
    store = _store(settings)
    gen = store.active_generation()
    assert gen
    texts = [c.text for c in store.all_chunks(gen) if c.meta["doc"] == "zh.txt"]
    assert texts and all("三分之二" not in t for t in texts)  # the old chunk is gone
    ids = [c.chunk_id for c in store.all_chunks(gen)]
    assert len(ids) == len(set(ids)) == changed.total_chunks

    (corpus / "vi.txt").unlink()
    removed = ingest(settings, progress=False)
    assert removed.removed == ["vi.txt"]

    rebuilt = ingest(settings, rebuild=True, progress=False)
    assert rebuilt.generation != gen
    assert rebuilt.total_documents == 2


def test_bad_files_are_reported_and_the_rest_is_ingested(
    tmp_path: Path, make_settings: Callable[..., Settings]
) -> None:
    corpus = _small_corpus(tmp_path)
    write_pdf(corpus / "locked.pdf", [("zh", "机密")], encrypt="pw")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    write_pdf(corpus / "guide.pdf", [("zh", "基准年不得早于2015年。"), ("zh", "范围三筛查"), ("zh", "可再生电力")])
    report = ingest(make_settings(corpus), progress=False)
    failed = dict(report.failed)
    assert set(failed) == {"locked.pdf", "broken.pdf"}
    assert failed["locked.pdf"].code == "encrypted_pdf"
    assert "guide.pdf" in report.added and len(report.added) == 4
    store = _store(make_settings(corpus))
    gen = store.active_generation()
    assert gen
    pdf_chunks = [c for c in store.all_chunks(gen) if c.meta["doc"] == "guide.pdf"]
    locators = {c.meta["locator"] for c in pdf_chunks}
    assert locators in ({"pp. 1–3"}, {"p. 1", "p. 2", "p. 3"})
    assert all("Running footer" not in c.text for c in pdf_chunks)  # repeated footer dropped


def test_failed_ingest_leaves_previous_index_usable(
    tmp_path: Path, make_settings: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _small_corpus(tmp_path)
    settings = make_settings(corpus)
    ingest(settings, progress=False)
    before = HybridRetriever(settings).retrieve("renewable electricity 2030", k=3)
    assert before and before[0].doc == "en.md"

    def boom(*args: object, **kwargs: object) -> NoReturn:
        raise KeyboardInterrupt

    monkeypatch.setattr(VectorStore, "upsert_chunks", boom)
    with pytest.raises(KeyboardInterrupt):
        ingest(settings, rebuild=True, progress=False)
    monkeypatch.undo()

    after = HybridRetriever(settings).retrieve("renewable electricity 2030", k=3)
    assert [p.chunk_id for p in after] == [p.chunk_id for p in before]
    report = ingest(settings, progress=False)
    assert report.chunks_written == 0 and report.total_documents == 3


@pytest.mark.slow
def test_killed_rebuild_keeps_the_old_index(tmp_path: Path) -> None:
    """SIGKILL a real ingest process halfway through a rebuild of the full corpus."""
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "ASSISTANT_CORPUS_DIR": str(tmp_path / "c"),
    }
    small = tmp_path / "c"
    small.mkdir()
    (small / "en.md").write_text(EN, encoding="utf-8")
    cli = [sys.executable, "-m", "assistant.cli"]
    subprocess.run([*cli, "ingest", "-q"], env=env, check=True, cwd=REPO, capture_output=True)
    for f in CORPUS.glob("*.txt"):
        (small / f.name).write_bytes(f.read_bytes())
    proc = subprocess.Popen([*cli, "ingest", "-q", "--rebuild"], env=env, cwd=REPO)
    time.sleep(8)  # embedding the corpus takes ~35 s: the process is mid-way
    assert proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    out = subprocess.run(
        [*cli, "retrieve", "renewable electricity", "--json"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert '"en.md"' in out.stdout
    redo = subprocess.run([*cli, "ingest", "-q"], env=env, cwd=REPO, capture_output=True, text=True)
    assert redo.returncode == 0, redo.stderr
    assert "documents: 6" in redo.stdout


def _segment_ids(settings: Settings, doc: str) -> list[str]:
    store = _store(settings)
    gen = store.active_generation()
    assert gen
    return sorted(store.segment_ids(gen, doc))


def test_every_segment_gets_a_vector_and_unchanged_ones_are_not_embedded_again(
    tmp_path: Path, make_settings: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _small_corpus(tmp_path)
    settings = make_settings(corpus)
    ingest(settings, progress=False)
    store = _store(settings)
    gen = str(store.active_generation())
    vi = _segment_ids(settings, "vi.txt")
    assert len(vi) >= 2  # each sentence of the original is its own record, named after its chunk
    assert {i.split("#")[0] for i in vi} <= {c.chunk_id for c in store.all_chunks(gen)}

    # an index written before segment vectors existed: its documents get them, chunks are not embedded again
    docs = ("vi.txt", "zh.txt", "en.md")
    store.delete_segments(gen, [i for d in docs for i in store.segment_ids(gen, d)])
    monkeypatch.setattr("assistant.corpus.ingest.SEGMENT_INDEX_VERSION", "0")
    ingest(settings, progress=False)
    monkeypatch.undo()
    store.delete_segments(gen, [i for d in docs for i in store.segment_ids(gen, d)])
    upgraded = ingest(settings, progress=False)
    assert upgraded.chunks_written == 0 and sorted(upgraded.updated) == sorted(docs)
    assert _segment_ids(settings, "vi.txt") == vi

    embedder = get_embedder(settings.embeddings)
    embedded: list[str] = []
    real = embedder.embed_passages

    def counting(texts: list[str]) -> Any:
        embedded.extend(texts)
        return real(texts)

    monkeypatch.setattr(embedder, "embed_passages", counting)
    (corpus / "en.md").write_text(
        EN + "\n# Scope 3\n\nScope 3 targets cover two thirds of scope 3 emissions.\n", "utf-8"
    )
    ingest(settings, progress=False)
    monkeypatch.undo()
    assert "Scope 3 targets cover two thirds of scope 3 emissions." in embedded
    assert not any("80% renewable electricity" in t for t in embedded)  # the unchanged section keeps its vectors
    assert len(_segment_ids(settings, "en.md")) > 2

    (corpus / "vi.txt").unlink()
    ingest(settings, progress=False)
    assert _segment_ids(settings, "vi.txt") == []
