"""Passage vectors computed once: a text is embedded once per ingest, the corpus's shipped vectors stand in for
embedding, and the shipped file covers every text an ingest of ``corpus/`` embeds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.config import Settings
from assistant.corpus.ingest import ingest, passage_embedder
from assistant.index.embedders import Vectors, get_embedder
from assistant.index.passage_vectors import KnownVectors, PassageVectorCache, shipped_vectors_path

REPO = Path(__file__).resolve().parents[3]


class CountingEmbedder:
    """Vectors from the text's length and first letter; every text it is asked to embed is recorded."""

    name, dim, max_tokens = "counting", 3, 512

    def __init__(self) -> None:
        self.asked: list[str] = []

    def _vector(self, text: str) -> list[float]:
        v = np.array([len(text), ord(text[0]) if text else 0, 1.0], dtype=np.float32)
        return list(v / np.linalg.norm(v))

    def embed_passages(self, texts: list[str]) -> Vectors:
        self.asked += texts
        return np.array([self._vector(t) for t in texts], dtype=np.float32).reshape(len(texts), self.dim)

    def embed_queries(self, texts: list[str]) -> Vectors:
        return self.embed_passages(texts)

    def count_tokens(self, text: str) -> int:
        return len(text.split())


def test_a_text_is_embedded_once_however_often_and_in_whatever_call_it_comes() -> None:
    inner = CountingEmbedder()
    cache = PassageVectorCache(inner)
    first = cache.embed_passages(["alpha", "beta", "alpha"])
    second = cache.embed_passages(["beta", "gamma"])
    assert inner.asked == ["alpha", "beta", "gamma"]
    assert first.shape == (3, 3) and np.allclose(first[0], first[2]) and np.allclose(first[1], second[0])
    assert set(cache.computed) == {"alpha", "beta", "gamma"} and cache.reused == 2
    assert cache.embed_passages([]).shape == (0, 3)


def test_known_vectors_stand_in_for_embedding_and_round_trip_through_their_file(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    path = tmp_path / "vectors" / "counting.npz"
    wanted = {"một câu": inner.embed_passages(["một câu"])[0], "一句话": inner.embed_passages(["一句话"])[0]}
    assert KnownVectors.save(path, "counting", wanted) == 2
    known = KnownVectors.load(path, "counting", 3)
    assert known is not None and len(known) == 2
    inner.asked.clear()
    cache = PassageVectorCache(inner, known)
    out = cache.embed_passages(["一句话", "new text", "một câu"])
    assert inner.asked == ["new text"]  # only the text the file lacks
    assert np.allclose(out[0], wanted["一句话"], atol=1e-3) and np.allclose(out[2], wanted["một câu"], atol=1e-3)
    assert cache.reused == 2 and list(cache.computed) == ["new text"]


def test_a_file_for_another_embedder_or_a_damaged_one_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "v.npz"
    KnownVectors.save(path, "counting", {"a": np.ones(3, dtype=np.float32)})
    assert KnownVectors.load(path, "other-model", 3) is None
    assert KnownVectors.load(path, "counting", 4) is None
    assert KnownVectors.load(tmp_path / "missing.npz", "counting", 3) is None
    path.write_bytes(b"not a numpy archive")
    assert KnownVectors.load(path, "counting", 3) is None


def test_the_shipped_file_holds_every_text_an_ingest_of_the_corpus_embeds_and_its_own_vector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fails when the corpus, its translations, the glossary or the chunker changed and the file was not rebuilt
    (``python -m evals.build_corpus_vectors --write``; the ingest still works then, only slower), or when the
    file maps a text to another text's vector (spot-checked against fresh embedding)."""
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=REPO / "corpus", chroma_url=None)
    embedder = passage_embedder(settings)
    known = embedder.known
    assert known is not None, shipped_vectors_path(settings.corpus_dir, embedder.name)
    asked: list[str] = []
    through = embedder.embed_passages

    def recording(texts: list[str]) -> Vectors:
        asked.extend(texts)
        return through(texts)

    monkeypatch.setattr(embedder, "embed_passages", recording)
    report = ingest(settings, progress=False, embedder=embedder)
    assert not report.failed and report.total_chunks > 1000
    assert report.vectors_embedded == 0, sorted(embedder.computed)[:5]
    assert report.vectors_reused == len(asked) and len(set(asked)) == len(known) > 3000
    sample = sorted(set(asked))[::600]  # segments and chunks of every language, in a fixed spread
    fresh = get_embedder("bundled").embed_passages(sample)
    for text, vector in zip(sample, fresh, strict=True):
        shipped = known.get(text)
        assert shipped is not None and float(shipped @ vector) > 0.999, text
