"""Cross-lingual retrieval of known passages from the real corpus (one ingest per session)."""

from __future__ import annotations

import re

import pytest

from assistant.config import Settings
from assistant.retrieval.retriever import HybridRetriever, Mode

CASES = [
    # (question, gold document, text the gold passage contains)
    # a known miss since the re-scoring weight went to 0.3 (assistant/config.py says why): strict, so it is
    # noticed when a change brings C16 back into the top five
    pytest.param(
        "Khi nào doanh nghiệp phải đặt mục tiêu phạm vi 3?",
        "004_3e93d633cc5b91bd.txt",
        "40%或更多",
        marks=pytest.mark.xfail(strict=True, reason="C16 ranks below CATI's rows that share the question's words"),
    ),
    ("When must a company set a scope 3 target?", "004_3e93d633cc5b91bd.txt", "40%或更多"),
    (
        "How many hours of advisory support does Cascale give a manufacturer each year?",
        "000_0879da0e186f5247.txt",
        "mười giờ",
    ),
    ("越南气候行动联盟是由哪些机构发起的？", "002_08dc8465030f2692.txt", "Green ID"),
    ("Mục tiêu gắn kết nhà cung cấp được kéo dài tối đa bao lâu?", "004_3e93d633cc5b91bd.txt", "最长期限为五年"),
    ("What weight does Carbon Targets Setting have in CATI?", "003_05076a27b7f6b8f4.txt", "14%"),
]


def _fold(s: str) -> str:
    return re.sub(r"\s+", "", s).casefold()


@pytest.fixture(scope="module")
def retriever(corpus_settings: Settings) -> HybridRetriever:
    r = HybridRetriever(corpus_settings)
    r.refresh()
    return r


@pytest.mark.parametrize(("question", "doc", "needle"), CASES)
def test_known_passages_are_found_across_languages(
    retriever: HybridRetriever, question: str, doc: str, needle: str
) -> None:
    hits = retriever.retrieve(question, k=5)
    assert any(h.doc == doc and _fold(needle) in _fold(h.text) for h in hits), [(h.doc, h.locator) for h in hits]


def test_passages_carry_locators_and_offsets(retriever: HybridRetriever) -> None:
    hits = retriever.retrieve("■C16 范围三 40%", k=3)
    top = hits[0]
    assert top.doc == "004_3e93d633cc5b91bd.txt"
    assert top.locator.startswith("p. ") and "C16" in top.locator
    assert top.end > top.start
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_modes_and_empty_query(retriever: HybridRetriever) -> None:
    for mode in ("dense", "bm25", "hybrid"):
        assert retriever.retrieve("renewable electricity 2030", k=3, mode=mode)
    assert retriever.retrieve("   ", k=3) == []


def test_hybrid_beats_dense_only_on_the_dev_set(retriever: HybridRetriever) -> None:
    """The whole retrieval dev set: hybrid recall@5 must stay clearly above dense-only."""
    from evals.question_file import load_questions
    from evals.retrieval_eval import gold_rank
    from tests.conftest import REPO

    qs = load_questions(REPO / "evals" / "retrieval_questions.jsonl")

    def recall(mode: Mode) -> float:
        ranks = [gold_rank(retriever.retrieve(q.question, k=5, mode=mode), q) for q in qs]
        return sum(1 for r in ranks if r is not None) / len(qs)

    hybrid, dense = recall("hybrid"), recall("dense")
    assert hybrid >= 0.84, hybrid
    assert hybrid >= dense + 0.15, (hybrid, dense)


def test_a_sentence_deep_in_a_translation_is_found_by_its_own_vector(
    retriever: HybridRetriever, corpus_settings: Settings
) -> None:
    """The Target case study states the 23% in the middle of a Chinese passage; a translated passage's own vector
    holds only its opening, so the English sentence's segment vector is what finds it."""
    question = "How much of Target's total scope 3 footprint came from apparel and footwear?"
    generation = retriever._generation
    assert generation
    vector = retriever.embedder.embed_queries([question])[0]
    found = retriever.store.query_segments(generation, vector, 10)
    assert [sim for _, sim in found] == sorted((sim for _, sim in found), reverse=True)
    top = retriever._chunks[found[0][0]]  # the record (here the English translation) holding the sentence
    assert "23%" in top.text and top.meta["doc"] == "004_3e93d633cc5b91bd.txt"
    # and it is a ranking of its own in the hybrid fusion: alone, it puts that passage first
    only_segments = HybridRetriever(
        corpus_settings.model_copy(
            update={"retrieval_weights": (0.0, 0.0, 0.0, 0.0), "segment_weight": 1.0, "rerank_weight": 0.0}
        )
    )
    assert "23%" in only_segments.retrieve(question, k=1)[0].text


def test_the_head_is_rescored_by_the_rare_words_a_single_segment_shares_with_the_question(
    retriever: HybridRetriever,
) -> None:
    """Two passages share as many of the question's words; the one whose sentence holds the rare word (a name
    found in one record) moves ahead of the one holding words every passage uses, whatever their fused order."""
    import json

    from assistant.index.vector_store import StoredChunk
    from assistant.retrieval.retriever import _idf

    lists = [["scope", "target"], ["scope", "target"], ["scope", "walmart"], ["target", "year"]]
    idf = _idf(lists)
    assert idf["walmart"] > idf["scope"] > 0  # found in one record against three

    def chunk(cid: str, sentence: str) -> StoredChunk:
        segs = [{"id": "s1", "t": sentence}, {"id": "s2", "t": "Another sentence."}]
        return StoredChunk(cid, sentence, {"segs": json.dumps(segs), "language": "en"})

    probe = HybridRetriever.__new__(HybridRetriever)
    probe.rerank_weight, probe._idf, probe._segment_tokens, probe._translations = 0.06, idf, {}, {}
    probe._chunks = {"a": chunk("a", "The scope and the target."), "b": chunk("b", "Walmart and scope.")}
    fused = [("a", 0.05), ("b", 0.049), ("c", 0.01)]
    rescored = probe._rerank(fused, ["walmart", "scope", "target"], "en")
    assert [cid for cid, _ in rescored] == ["b", "a", "c"]  # "c" is not indexed: it keeps its place and score
    assert dict(rescored)["c"] == 0.01
    probe.rerank_weight = 0.0
    assert probe._rerank(fused, ["walmart"], "en") == fused  # no weight: the fused order stands


def test_each_segment_carries_its_own_closeness_to_the_question(retriever: HybridRetriever) -> None:
    """Which sentence of a passage answers is told by its own vector: the Target case study's sentence with the
    23% is closer to the question than the passage's other sentences (through its English translation)."""
    question = "How much of Target's total scope 3 footprint came from apparel and footwear?"
    hits = retriever.retrieve(question, k=3)
    target = next(h for h in hits if any("23%" in s.text for s in h.segments))
    best = max(target.segments, key=lambda s: s.dense)
    assert "23%" in best.text, [(round(s.dense, 3), s.text[:40]) for s in target.segments]
    assert 0.0 < min(s.dense for s in target.segments if s.dense) < best.dense <= 1.0


def test_the_head_is_ordered_by_the_shipped_passage_ranking(retriever: HybridRetriever) -> None:
    """The fused head's signals are the ones the trees read, and the passages come in the trees' order."""
    from assistant.retrieval import passage_ranking

    question = "Which criterion says when a company must set a scope 3 target (C16)?"
    ids, rows = retriever.head_signals(question, "en")
    assert len(ids) == passage_ranking.DEPTH == len(set(ids))
    assert all(len(row) == len(passage_ranking.FEATURES) for row in rows)
    numbers = passage_ranking.FEATURES.index("numbers")
    c16 = [i for i, cid in enumerate(ids) if "C16" in retriever._chunks[cid].text]
    assert c16 and all(rows[i][numbers] == 1.0 for i in c16)  # the clause id the question names is found
    trees = passage_ranking.fitted_trees()
    assert trees is not None
    expected = [cid for cid, _ in passage_ranking.order(ids, rows, trees)][:5]
    assert [p.chunk_id for p in retriever.retrieve(question, k=5, lang="en")] == expected


def test_without_the_trees_the_fused_order_is_rescored_as_before(
    retriever: HybridRetriever, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.retrieval import passage_ranking
    from assistant.retrieval.retriever import _rrf

    question = "How many hours of advisory support does Cascale give a manufacturer each year?"
    monkeypatch.setattr(passage_ranking, "fitted_trees", lambda: None)
    found = retriever._search(question, "hybrid", "en")
    fused = _rrf([(w, ranking) for _, w, ranking in found.rankings])
    expected = retriever._below_content(retriever._rerank(fused, found.tokens, "en"))
    assert [p.chunk_id for p in retriever.retrieve(question, k=5, lang="en")] == [cid for cid, _ in expected[:5]]


def test_scores_descend_past_the_ordered_head(retriever: HybridRetriever) -> None:
    hits = retriever.retrieve("renewable electricity target scope 2", k=60)
    assert len(hits) > 40
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
