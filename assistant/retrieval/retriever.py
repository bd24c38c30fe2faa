"""Hybrid retrieval: dense vectors (of passages and of their single segments) + BM25 over language-aware
tokens, fused by reciprocal rank.

Keywords do not cross languages, so the query is expanded through the glossary into the other
two languages before BM25 and for a second dense probe; chunks were indexed under their terms'
equivalents too (see ``assistant.corpus.pipeline``).
"""

from __future__ import annotations

import json
import logging
import math
import re
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

from assistant.config import Settings
from assistant.corpus.glossary import Glossary, glossary_for
from assistant.corpus.ingest import open_store
from assistant.index.embedders import Embedder, get_embedder
from assistant.index.lexical import LexicalIndex
from assistant.index.vector_store import IndexUnavailableError, StoredChunk, VectorStore
from assistant.retrieval import passage_ranking
from assistant.retrieval.apparatus import is_back_matter
from assistant.retrieval.coverage import CorpusVocabulary
from assistant.text.language import detect_language
from assistant.text.tokenize import tokenize

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "bm25"]
RRF_K = 60
# Numbers, percentages and clause ids carry over to every language's probe unchanged.
_ANCHOR = re.compile(r"\b[CR]\d{1,2}(?:\.\d)?\b|\d+(?:[.,]\d+)*%?")
CANDIDATES = 40
# How deep the fused list is re-scored by its best segment (settings.rerank_weight says where it was chosen).
RERANK_DEPTH = 40
# Segments read for the segment ranking: a passage's sentences and its translations' crowd the top, so several
# times CANDIDATES to find about as many passages.
SEGMENT_CANDIDATES = 120


@dataclass(frozen=True)
class SegmentText:
    """One segment of a passage: its original words and, when the asker reads another language, our
    translation of it (``None`` when none may be served)."""

    id: str
    text: str
    translation: str | None = None
    dense: float = 0.0  # cosine similarity to the question of its closest language version (0: none computed)


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
    # the passage in the asker's language, from the project's (or a machine) translation; ``text`` stays
    # the original words
    translation: str | None = None
    translation_lang: str | None = None
    translation_method: str | None = None
    segments: tuple[SegmentText, ...] = ()
    matched_in: tuple[str, ...] = ()  # the language versions that matched the question

    def contract_json(self) -> dict[str, Any]:
        """The ``retrieve --json`` item of the contract (plus a few extra fields)."""
        d = asdict(self)
        d["score"] = round(self.score, 6)
        d.pop("segments")
        if self.translation is None:
            for key in ("translation", "translation_lang", "translation_method"):
                d.pop(key)
        return d


# the rankings whose places are signals of the passage ranking, in the order of its FEATURES
_RANKINGS = ("dense", "segment", "probe_dense", "bm25", "probe_bm25")


@dataclass(frozen=True)
class _Search:
    """A question's rankings, each merged by source passage, with what ordering and reporting them needs."""

    lang: str
    tokens: list[str]  # BM25 tokens of the question and its glossary equivalents
    rankings: list[tuple[str, float, list[tuple[str, float]]]]  # (name, fusion weight, ranking)
    matched: dict[str, set[str]]  # source passage -> the language versions some ranking found
    dense_sims: dict[str, float]  # record -> cosine similarity, for the records the dense ranking found
    vector: Any  # the question's vector (None in BM25 mode)


class IndexNotReadyError(IndexUnavailableError):
    default_code = "index_not_ready"


class HybridRetriever:
    def __init__(
        self,
        settings: Settings,
        embedder: Embedder | None = None,
        glossary: Glossary | None = None,
        weights: tuple[float, float, float, float] | None = None,
        rank_passages: bool = True,
    ) -> None:
        self.settings = settings
        self.embedder = embedder or get_embedder(settings.embeddings)
        self.glossary = glossary or glossary_for(settings.corpus_dir / "glossary.csv")
        # dense(question), dense(code-switched probes), bm25(question + equivalents), bm25(terms per language)
        self.weights = weights or settings.retrieval_weights
        self.rerank_weight = settings.rerank_weight
        self.segment_weight = settings.segment_weight
        self.back_matter_weight = settings.back_matter_weight
        # order the fused head by the shipped passage ranking (off: the order it is fitted against)
        self.rank_passages = rank_passages
        self._store: VectorStore | None = None
        self._lock = threading.Lock()
        self._generation: str | None = None
        self._chunks: dict[str, StoredChunk] = {}
        self._translations: dict[str, dict[str, str]] = {}  # original chunk id -> language -> record id
        self._back_matter: frozenset[str] = frozenset()  # contents pages and references (original ids)
        self._lexical = LexicalIndex([], [])
        self._idf: dict[str, float] = {}  # BM25 idf of each indexed token, over all records
        self._segment_tokens: dict[tuple[str, str], list[frozenset[str]]] = {}  # (record, asker lang) -> segments
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
            self._translations = {}
            for c in chunks:
                if c.meta.get("of"):
                    self._translations.setdefault(str(c.meta["of"]), {})[str(c.meta.get("language", ""))] = c.chunk_id
            self._back_matter = frozenset(c.chunk_id for c in chunks if not c.meta.get("of") and is_back_matter(c.text))
            ids = list(self._chunks)
            token_lists = [str(self._chunks[i].meta.get("lex", "")).split() for i in ids]
            self._lexical = LexicalIndex(ids, token_lists)
            self._idf = _idf(token_lists)
            self._segment_tokens = {}
            self._generation = generation
            self._stamp_seen = stamp
            log.info("index loaded: generation %s, %d chunks", generation, len(ids))

    def vocabulary(self) -> CorpusVocabulary:
        """The indexed text's words, built once per index generation."""
        self.refresh()
        with self._lock:
            if self._vocabulary is None or self._vocabulary[0] != self._generation:
                # a language's breadth is the documents' own words; our translations' words are known too
                originals = [c for c in self._chunks.values() if not c.meta.get("of")]
                texts = [(str(c.meta.get("language", "")), c.text) for c in originals]
                docs = [str(c.meta.get("doc", "")) for c in originals]
                translations = [
                    (str(c.meta.get("doc", "")), str(c.meta.get("language", "")), c.text)
                    for c in self._chunks.values()
                    if c.meta.get("of")
                ]
                self._vocabulary = (self._generation, CorpusVocabulary.build(texts, translations, docs))
            return self._vocabulary[1]

    def idf(self) -> dict[str, float]:
        """BM25's idf of every indexed token (originals and translations alike)."""
        self.refresh()
        return self._idf

    def _stamp(self, generation: str | None) -> Any:
        if generation is None:
            return None
        got = self.store._meta.get(ids=[f"active::{self.store.embedder_key}"], include=["metadatas"])
        metas = got.get("metadatas") or [{}]
        return (metas[0] or {}).get("activated_at")

    def chunk(self, chunk_id: str) -> StoredChunk | None:
        """An indexed record (a passage or a translation of one) by its id."""
        return self._chunks.get(chunk_id)

    def find_quote(self, doc: str, quote: str, lang: str | None = None) -> Passage | None:
        """The indexed passage of ``doc`` that contains ``quote`` (white space ignored), with its
        translation into ``lang`` when one may be served."""
        self.refresh()
        target = re.sub(r"\s+", "", quote)
        for chunk_id, c in self._chunks.items():
            if c.meta.get("of"):
                continue  # quotes are the original's words
            if c.meta.get("doc") == doc and target and target in re.sub(r"\s+", "", c.text):
                return self._passage(chunk_id, 1.0, lang)
        return None

    # --- search ------------------------------------------------------------------------------

    def expand(self, query: str) -> list[str]:
        return self.glossary.expansions(query, acronyms=False)

    def retrieve(self, query: str, k: int = 5, mode: Mode = "hybrid", lang: str | None = None) -> list[Passage]:
        """The ``k`` best source passages, each with its translation into ``lang`` (the question's
        language unless given). Hits on several language versions of one passage count once per ranking,
        at the best version's rank, before the rankings are fused."""
        self.refresh()
        if not self._chunks or not query.strip():
            return []
        assert self._generation is not None
        found = self._search(query, mode, lang)
        if mode == "dense":
            fused = found.rankings[0][2]
        elif mode == "bm25":
            fused = found.rankings[-1][2]
        else:
            fused = self._ordered(query, found)
        dense_sims = dict(found.dense_sims)
        if found.vector is not None:
            wanted = [cid for cid, _ in fused[:k]]
            missing = [v for cid in wanted for v in self._versions(cid) if v not in dense_sims]
            dense_sims.update(self.store.similarities(self._generation, found.vector, missing))
        out: list[Passage] = []
        for chunk_id, score in fused[:k]:
            if chunk_id not in self._chunks:
                continue
            # the closest language version: a question matches a passage through its translation too
            best = max((dense_sims.get(v, 0.0) for v in self._versions(chunk_id)), default=0.0)
            matched = tuple(sorted(found.matched.get(chunk_id, ())))
            out.append(self._passage(chunk_id, score, found.lang, best, matched))
        if found.vector is not None:
            out = self._with_segment_similarities(out, found.vector)
        return out

    def _search(self, query: str, mode: Mode, lang: str | None) -> _Search:
        """Every ranking of the question's probes, each merged by source passage (see ``_by_source``)."""
        assert self._generation is not None
        expansions = self.expand(query)
        q_lang = lang or detect_language(query)
        probes = {lang: probe for lang, probe in self.glossary.probes(query).items() if lang != q_lang and probe[1]}
        rankings: list[tuple[str, float, list[tuple[str, float]]]] = []
        dense_sims: dict[str, float] = {}
        vector = None
        if mode in ("hybrid", "dense"):
            texts = [query] + ([text for text, _ in probes.values()] if mode == "hybrid" else [])
            vectors = self.embedder.embed_queries(texts)
            vector = vectors[0]
            dense = self.store.query(self._generation, vector, CANDIDATES)
            dense_sims = dict(dense)
            rankings.append(("dense", self.weights[0], dense))
            if mode == "hybrid" and self.segment_weight:
                # the passages whose single best segment (original or translation) is closest to the question
                # (several segments of one passage count once, at the best: see ``_by_source``)
                segments = self.store.query_segments(self._generation, vector, SEGMENT_CANDIDATES)
                rankings.append(("segment", self.segment_weight, segments))
            for probe_vector in vectors[1:]:
                rankings.append(
                    ("probe_dense", self.weights[1], self.store.query(self._generation, probe_vector, CANDIDATES))
                )
        tokens = self._query_tokens(query, expansions, q_lang)
        if mode in ("hybrid", "bm25"):
            rankings.append(("bm25", self.weights[2], self._lexical.search(tokens, CANDIDATES)))
            if mode == "hybrid":
                anchors = " ".join(_ANCHOR.findall(query))
                for _, terms in probes.values():
                    lex = tokenize(" ".join(terms) + " " + anchors)
                    rankings.append(("probe_bm25", self.weights[3], self._lexical.search(lex, CANDIDATES)))
        matched: dict[str, set[str]] = {}
        merged = [(name, w, self._by_source(ranking, matched)) for name, w, ranking in rankings]
        return _Search(q_lang, tokens, merged, matched, dense_sims, vector)

    def _ordered(self, query: str, found: _Search) -> list[tuple[str, float]]:
        """The fused rankings, their head ordered by the fitted passage ranking when it is shipped, else re-scored
        by the best segment's idf overlap, with contents pages and references below content."""
        fused = _rrf([(w, ranking) for _, w, ranking in found.rankings])
        trees = passage_ranking.fitted_trees() if self.rank_passages else None
        if trees is None:
            return self._below_content(self._rerank(fused, found.tokens, found.lang))
        head = fused[: passage_ranking.DEPTH]
        rows = self.ranking_signals(query, found, head)
        ordered = passage_ranking.order([cid for cid, _ in head], rows, trees)
        # scores stay in descending order past the head (the trees' scores are log-odds, the tail's fusion scores)
        floor = ordered[-1][1] if ordered else 0.0
        tail = [(cid, floor - (i + 1) * 1e-6) for i, (cid, _) in enumerate(fused[passage_ranking.DEPTH :])]
        return ordered + tail

    def head_signals(self, query: str, lang: str | None = None) -> tuple[list[str], list[list[float]]]:
        """The fused head (before ordering) and each candidate's ranking signals: what
        ``evals.calibrate_passage_ranking`` fits the trees on."""
        self.refresh()
        if not self._chunks or not query.strip():
            return [], []
        found = self._search(query, "hybrid", lang)
        head = _rrf([(w, ranking) for _, w, ranking in found.rankings])[: passage_ranking.DEPTH]
        return [cid for cid, _ in head], self.ranking_signals(query, found, head)

    def ranking_signals(self, query: str, found: _Search, head: list[tuple[str, float]]) -> list[list[float]]:
        """Each head candidate's signals, in the order of ``passage_ranking.FEATURES``."""
        places: dict[str, dict[str, int]] = {}
        scores: dict[str, dict[str, float]] = {}
        for name, _, ranking in found.rankings:
            place = places.setdefault(name, {})
            score = scores.setdefault(name, {})
            for i, (cid, value) in enumerate(ranking):
                if cid not in place or i < place[cid]:
                    place[cid] = i
                if cid not in score or value > score[cid]:
                    score[cid] = value
        wanted = set(found.tokens)
        total = sum(self._idf.get(t, 0.0) for t in wanted) or 1.0
        numbers = {n for n in _ANCHOR.findall(query) if len(n.rstrip("%")) >= 2}
        rows = []
        for i, (cid, fused_score) in enumerate(head):
            segments = self._segment_token_sets(cid, found.lang)
            passage_tokens = frozenset().union(*segments) if segments else frozenset()
            best_segment = max((sum(self._idf.get(t, 0.0) for t in wanted & seg) for seg in segments), default=0.0)
            c = self._chunks.get(cid)
            text = c.text if c else ""
            version = self._translations.get(cid, {}).get(found.lang)
            if version and version in self._chunks:
                text += " " + self._chunks[version].text
            rows.append(
                [
                    fused_score,
                    passage_ranking.reciprocal(i),
                    *(passage_ranking.reciprocal(places.get(name, {}).get(cid)) for name in _RANKINGS),
                    scores.get("dense", {}).get(cid, math.nan),
                    scores.get("segment", {}).get(cid, math.nan),
                    best_segment / total,
                    sum(self._idf.get(t, 0.0) for t in wanted & passage_tokens) / total,
                    sum(n in text for n in numbers) / len(numbers) if numbers else 0.0,
                    float(cid in self._back_matter),
                    float(c is not None and str(c.meta.get("language", "")) == found.lang),
                    float(len(found.matched.get(cid, ()))),
                    len(c.text) / 1000 if c else 0.0,
                ]
            )
        return rows

    def _with_segment_similarities(self, passages: list[Passage], vector: Any) -> list[Passage]:
        """Each segment's cosine similarity to the question, at its closest language version: which sentence of a
        passage answers is told by its own meaning, not only by the words it shares (one read of stored vectors,
        no embedding)."""
        assert self._generation is not None
        versions_of = {p.chunk_id: self._versions(p.chunk_id) for p in passages}
        ids = [f"{v}#{s.id}" for p in passages for v in versions_of[p.chunk_id] for s in p.segments]
        sims = self.store.segment_similarities(self._generation, vector, ids)
        out = []
        for p in passages:
            versions = versions_of[p.chunk_id]
            segments = tuple(
                replace(s, dense=max((sims.get(f"{v}#{s.id}", 0.0) for v in versions), default=0.0)) for s in p.segments
            )
            out.append(replace(p, segments=segments))
        return out

    @staticmethod
    def _query_tokens(query: str, expansions: list[str], lang: str) -> list[str]:
        """BM25 tokens of the question (a Vietnamese one read as syllables, diacritics or not) and of its
        glossary equivalents."""
        if lang != "vi":
            return tokenize(query + " " + " ".join(expansions))
        return tokenize(query, vietnamese=True) + tokenize(" ".join(expansions))

    def _rerank(self, fused: list[tuple[str, float]], tokens: list[str], lang: str) -> list[tuple[str, float]]:
        """The fused list, its head re-scored by the best single segment's overlap with the question
        (original words and the asker-language translation), each word weighed by its idf: a passage whose
        one sentence holds the question's rare words (a name, a year, an indicator id) beats one that shares
        only the topic's common words. Weight: ``settings.rerank_weight``; depth ``RERANK_DEPTH``."""
        wanted = set(tokens)
        total = sum(self._idf.get(t, 0.0) for t in wanted)
        if not self.rerank_weight or not total:
            return fused
        head = fused[:RERANK_DEPTH]
        rescored = []
        for chunk_id, score in head:
            segments = self._segment_token_sets(chunk_id, lang)
            best = max((sum(self._idf.get(t, 0.0) for t in wanted & seg) for seg in segments), default=0.0)
            rescored.append((chunk_id, score + self.rerank_weight * best / total))
        rescored.sort(key=lambda kv: kv[1], reverse=True)
        return rescored + fused[RERANK_DEPTH:]

    def _segment_token_sets(self, chunk_id: str, lang: str) -> list[frozenset[str]]:
        """The BM25 tokens of each segment of a passage and of its translation into ``lang``, read once."""
        key = (chunk_id, lang)
        cached = self._segment_tokens.get(key)
        if cached is None:
            c = self._chunks.get(chunk_id)
            texts = [s["t"] for s in _segments(c.meta)] if c else []
            version = self._translations.get(chunk_id, {}).get(lang)
            if version and version in self._chunks:
                texts += [s["t"] for s in _segments(self._chunks[version].meta)]
            cached = [frozenset(tokenize(str(t))) for t in texts]
            self._segment_tokens[key] = cached
        return cached

    def _below_content(self, fused: list[tuple[str, float]]) -> list[tuple[str, float]]:
        """Contents pages and references keep ``back_matter_weight`` of their score: they name every topic
        and state none (``assistant.retrieval.apparatus``)."""
        if not self._back_matter or self.back_matter_weight == 1.0:
            return fused
        weighted = [(cid, s * self.back_matter_weight if cid in self._back_matter else s) for cid, s in fused]
        return sorted(weighted, key=lambda kv: kv[1], reverse=True)

    def _source_of(self, record_id: str) -> str:
        c = self._chunks.get(record_id)
        return str(c.meta.get("of") or record_id) if c else record_id

    def _versions(self, chunk_id: str) -> list[str]:
        """The original record and its translations' records."""
        return [chunk_id, *self._translations.get(chunk_id, {}).values()]

    def _by_source(self, ranking: list[tuple[str, float]], matched: dict[str, set[str]]) -> list[tuple[str, float]]:
        out: list[tuple[str, float]] = []
        seen: set[str] = set()
        for record_id, score in ranking:
            source = self._source_of(record_id)
            c = self._chunks.get(record_id)
            matched.setdefault(source, set()).add(str(c.meta.get("language", "")) if c else "")
            if source not in seen:
                seen.add(source)
                out.append((source, score))
        return out

    def _passage(
        self, chunk_id: str, score: float, lang: str | None, dense: float = 0.0, matched: tuple[str, ...] = ()
    ) -> Passage:
        c = self._chunks[chunk_id]
        m = c.meta
        own = str(m.get("language", ""))
        version = self._translations.get(chunk_id, {}).get(lang or "") if lang and lang != own else None
        tr = self._chunks.get(version) if version else None
        tr_segs = {s["id"]: s for s in _segments(tr.meta)} if tr else {}
        segments = tuple(
            SegmentText(
                s["id"],
                s["t"],
                None if (tr_segs.get(s["id"], {}).get("src")) else tr_segs.get(s["id"], {}).get("t"),
            )
            for s in _segments(m)
        )
        return Passage(
            doc=str(m.get("doc", "")),
            chunk_id=chunk_id,
            locator=str(m.get("locator", "")),
            text=c.text,
            score=score,
            title=str(m.get("title", "")),
            section=str(m.get("section", "")),
            language=own,
            page=int(m["page"]) if m.get("page") is not None else None,
            start=int(m.get("start", 0)),
            end=int(m.get("end", 0)),
            dense_score=dense,
            translation=tr.text if tr else None,
            translation_lang=lang if tr else None,
            translation_method=str(tr.meta.get("method") or "") if tr else None,
            segments=segments,
            matched_in=matched,
        )


def _segments(meta: dict[str, Any]) -> list[dict[str, Any]]:
    try:
        data = json.loads(str(meta.get("segs") or "[]"))
    except ValueError:
        return []
    return [d for d in data if isinstance(d, dict) and "id" in d and "t" in d]


def _idf(token_lists: list[list[str]]) -> dict[str, float]:
    """BM25's idf of every token over the records (originals and translations alike)."""
    df: Counter[str] = Counter()
    for tokens in token_lists:
        df.update(set(tokens))
    n = len(token_lists)
    return {t: math.log(1 + (n - k + 0.5) / (k + 0.5)) for t, k in df.items()}


def _rrf(rankings: list[tuple[float, list[tuple[str, float]]]]) -> list[tuple[str, float]]:
    scores: dict[str, float] = {}
    for weight, ranking in rankings:
        for rank, (chunk_id, _) in enumerate(ranking):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + weight / (RRF_K + rank + 1)
    return sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
