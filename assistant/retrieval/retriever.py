"""Hybrid retrieval: dense vectors + BM25 over language-aware tokens, fused by reciprocal rank.

Keywords do not cross languages, so the query is expanded through the glossary into the other
two languages before BM25 and for a second dense probe; chunks were indexed under their terms'
equivalents too (see ``assistant.corpus.pipeline``).
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import asdict, dataclass
from typing import Any, Literal

from assistant.config import Settings
from assistant.corpus.glossary import Glossary, glossary_for
from assistant.corpus.ingest import open_store
from assistant.index.embedders import Embedder, get_embedder
from assistant.index.lexical import LexicalIndex
from assistant.index.vector_store import IndexUnavailableError, StoredChunk, VectorStore
from assistant.retrieval.coverage import CorpusVocabulary
from assistant.text.language import detect_language
from assistant.text.tokenize import tokenize

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "bm25"]
RRF_K = 60
# Numbers, percentages and clause ids carry over to every language's probe unchanged.
_ANCHOR = re.compile(r"\b[CR]\d{1,2}(?:\.\d)?\b|\d+(?:[.,]\d+)*%?")
CANDIDATES = 40


@dataclass(frozen=True)
class Passage:
    doc: str
    chunk_id: str
    locator: str
    text: str
    score: float
    title: str = ""
    section: str = ""
    language: str = ""
    page: int | None = None
    start: int = 0
    end: int = 0
    dense_score: float = 0.0  # cosine similarity to the question (0 when not a dense candidate)

    def contract_json(self) -> dict[str, Any]:
        """The ``retrieve --json`` item of the contract (plus a few extra fields)."""
        d = asdict(self)
        d["score"] = round(self.score, 6)
        return d


class IndexNotReadyError(IndexUnavailableError):
    default_code = "index_not_ready"


class HybridRetriever:
    def __init__(
        self,
        settings: Settings,
        embedder: Embedder | None = None,
        glossary: Glossary | None = None,
        weights: tuple[float, float, float, float] = (1.0, 0.5, 1.0, 1.0),
    ) -> None:
        self.settings = settings
        self.embedder = embedder or get_embedder(settings.embeddings)
        self.glossary = glossary or glossary_for(settings.corpus_dir / "glossary.csv")
        # dense(question), dense(code-switched probes), bm25(question + equivalents), bm25(terms per language)
        self.weights = weights
        self._store: VectorStore | None = None
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._chunks: dict[str, StoredChunk] = {}
        self._lexical = LexicalIndex([], [])
        self._vocabulary: tuple[str | None, CorpusVocabulary] | None = None
        self._checked = 0.0

    # --- loading -----------------------------------------------------------------------------

    @property
    def store(self) -> VectorStore:
        if self._store is None:
            self._store = open_store(self.settings, self.embedder)
        return self._store

    def ready(self) -> bool:
        try:
            self.refresh()
        except IndexUnavailableError:
            return False
        return bool(self._chunks)

    def refresh(self, max_age_s: float = 2.0) -> None:
        """Reload chunks and BM25 when another process switched or updated the index."""
        now = time.monotonic()
        if self._generation and now - self._checked < max_age_s:
            return
        with self._lock:
            try:
                generation = self.store.active_generation()
                stamp = self._stamp(generation)
            except IndexUnavailableError:
                raise
            except Exception as exc:
                self._store = None
                raise IndexUnavailableError(str(exc)) from exc
            self._checked = now
            if generation is None:
                raise IndexNotReadyError("no index")
            if (generation, stamp) == (self._generation, getattr(self, "_stamp_seen", None)):
                return
            chunks = self.store.all_chunks(generation)
            self._chunks = {c.chunk_id: c for c in chunks}
            ids = list(self._chunks)
            self._lexical = LexicalIndex(ids, [str(self._chunks[i].meta.get("lex", "")).split() for i in ids])
            self._generation = generation
            self._stamp_seen = stamp
            log.info("index loaded: generation %s, %d chunks", generation, len(ids))

    def vocabulary(self) -> CorpusVocabulary:
        """The indexed text's words, built once per index generation."""
        self.refresh()
        with self._lock:
            if self._vocabulary is None or self._vocabulary[0] != self._generation:
                texts = [(str(c.meta.get("language", "")), c.text) for c in self._chunks.values()]
                self._vocabulary = (self._generation, CorpusVocabulary.build(texts))
            return self._vocabulary[1]

    def _stamp(self, generation: str | None) -> Any:
        if generation is None:
            return None
        got = self.store._meta.get(ids=[f"active::{self.store.embedder_key}"], include=["metadatas"])
        metas = got.get("metadatas") or [{}]
        return (metas[0] or {}).get("activated_at")

    def find_quote(self, doc: str, quote: str) -> Passage | None:
        """The indexed passage of ``doc`` that contains ``quote`` (white space ignored)."""
        self.refresh()
        target = re.sub(r"\s+", "", quote)
        for chunk_id, c in self._chunks.items():
            if c.meta.get("doc") == doc and target and target in re.sub(r"\s+", "", c.text):
                m = c.meta
                return Passage(
                    doc=doc,
                    chunk_id=chunk_id,
                    locator=str(m.get("locator", "")),
                    text=c.text,
                    score=1.0,
                    title=str(m.get("title", "")),
                    section=str(m.get("section", "")),
                    language=str(m.get("language", "")),
                    start=int(m.get("start", 0)),
                    end=int(m.get("end", 0)),
                )
        return None

    # --- search ------------------------------------------------------------------------------

    def expand(self, query: str) -> list[str]:
        return self.glossary.expansions(query)

    def retrieve(self, query: str, k: int = 5, mode: Mode = "hybrid") -> list[Passage]:
        self.refresh()
        if not self._chunks or not query.strip():
            return []
        assert self._generation is not None
        expansions = self.expand(query)
        q_lang = detect_language(query)
        probes = {lang: probe for lang, probe in self.glossary.probes(query).items() if lang != q_lang and probe[1]}
        rankings: list[tuple[float, list[tuple[str, float]]]] = []
        dense_sims: dict[str, float] = {}
        vectors = None
        if mode in ("hybrid", "dense"):
            texts = [query] + ([text for text, _ in probes.values()] if mode == "hybrid" else [])
            vectors = self.embedder.embed_queries(texts)
            dense = self.store.query(self._generation, vectors[0], CANDIDATES)
            dense_sims = dict(dense)
            rankings.append((self.weights[0], dense))
            for vector in vectors[1:]:
                rankings.append((self.weights[1], self.store.query(self._generation, vector, CANDIDATES)))
        if mode in ("hybrid", "bm25"):
            tokens = tokenize(query + " " + " ".join(expansions))
            rankings.append((self.weights[2], self._lexical.search(tokens, CANDIDATES)))
            if mode == "hybrid":
                anchors = " ".join(_ANCHOR.findall(query))
                for _, terms in probes.values():
                    lex = tokenize(" ".join(terms) + " " + anchors)
                    rankings.append((self.weights[3], self._lexical.search(lex, CANDIDATES)))
        if mode == "dense":
            fused = rankings[0][1]
        elif mode == "bm25":
            fused = rankings[-1][1]
        else:
            fused = _rrf(rankings)
        if vectors is not None:
            missing = [cid for cid, _ in fused[:k] if cid not in dense_sims]
            dense_sims.update(self.store.similarities(self._generation, vectors[0], missing))
        out: list[Passage] = []
        for chunk_id, score in fused[:k]:
            c = self._chunks.get(chunk_id)
            if c is None:
                continue
            m = c.meta
            out.append(
                Passage(
                    doc=str(m.get("doc", "")),
                    chunk_id=chunk_id,
                    locator=str(m.get("locator", "")),
                    text=c.text,
                    score=score,
                    title=str(m.get("title", "")),
                    section=str(m.get("section", "")),
                    language=str(m.get("language", "")),
                    page=int(m["page"]) if m.get("page") is not None else None,
                    start=int(m.get("start", 0)),
                    end=int(m.get("end", 0)),
                    dense_score=dense_sims.get(chunk_id, 0.0),
                )
            )
        return out


def _rrf(rankings: list[tuple[float, list[tuple[str, float]]]]) -> list[tuple[str, float]]:
    scores: dict[str, float] = {}
    for weight, ranking in rankings:
        for rank, (chunk_id, _) in enumerate(ranking):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + weight / (RRF_K + rank + 1)
    return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
