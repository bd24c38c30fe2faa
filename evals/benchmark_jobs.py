"""The benchmark's ingest steps, each run in a process of its own so that its peak RSS (``ru_maxrss``)
is its own: our ingest, an unchanged re-ingest, and the LangChain-tutorial peer never inflate one
another, nor the serving figures of the process that starts them (``evals.benchmark``).

    python -m evals.benchmark_jobs ours --corpus DIR --data-dir DIR --out FILE
    python -m evals.benchmark_jobs peer --corpus DIR --store-dir DIR [--questions FILE] --out FILE

Each job loads and warms the embedder before its clock starts (model loading is not ingest), then
writes its figures as one JSON object to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.index.embedders import Embedder, get_embedder
from evals.question_file import Question, load_questions
from evals.retrieval_eval import is_gold

PEER_EMBEDDINGS = "bundled"


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports ``ru_maxrss`` in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_embedder(spec: str) -> Embedder:
    embedder = get_embedder(spec)
    embedder.embed_passages(["warm up: the embedder's first call pays for its set-up"])
    embedder.embed_queries(["warm up"])
    return embedder


def scored_questions(path: Path) -> list[Question]:
    """The questions retrieval is scored on (as ``assistant eval --retrieval-only``): those with a gold document."""
    return [q for q in load_questions(path) if q.source_doc and not q.expect_refusal]


def recall_by_language(
    questions: Sequence[Question], retrieve: Callable[[str], Sequence[Any]], k: int = 5
) -> dict[str, float]:
    """Share of questions with a gold passage among the first ``k`` hits, overall and per language."""
    hits: dict[str, list[bool]] = defaultdict(list)
    for q in questions:
        found = any(is_gold(p, q) for p in list(retrieve(q.question))[:k])
        hits["all"].append(found)
        hits[q.lang].append(found)
    return {lang: sum(v) / len(v) for lang, v in sorted(hits.items(), key=lambda kv: (kv[0] != "all", kv[0]))}


def _index_files(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def _index_records(settings: Settings, embedder: Embedder) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Document records and chunk record ids of the active generation."""
    from assistant.corpus.ingest import open_store

    store = open_store(settings, embedder)
    generation = store.active_generation()
    if generation is None:
        return {}, []
    ids = list(store.chunks(generation).get(include=[])["ids"])
    return store.doc_records(generation), ids


def ours(corpus_dir: Path, data_dir: Path, cold: bool = False) -> dict[str, Any]:
    """``ingest`` of ``corpus_dir`` (its documents with all their translations) into ``data_dir``: a fresh
    ingest when the folder holds no index, an incremental one (nothing to do when unchanged) otherwise.
    ``cold``: without the corpus's shipped vectors, every passage vector embedded here."""
    from assistant.corpus.ingest import ingest, passage_embedder

    settings = Settings(data_dir=data_dir, corpus_dir=corpus_dir, chroma_url=None)
    embedder = warm_embedder(settings.embeddings)
    existing = settings.index_dir.is_dir()  # a fresh run must not open the index before its clock starts
    records_before, ids_before = _index_records(settings, embedder) if existing else ({}, [])
    files_before = _index_files(settings.index_dir) if existing else {}
    started = time.perf_counter()
    report = ingest(settings, progress=False, embedder=passage_embedder(settings, shipped_vectors=not cold))
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    records_after, ids_after = _index_records(settings, embedder)
    files_after = _index_files(settings.index_dir)
    translation_records = sum(1 for i in ids_after if "~" in i)
    return {
        "seconds": seconds,
        "peak_rss_mb": peak,
        "documents": report.total_documents,
        "records": report.total_chunks,
        "original_chunks": len(ids_after) - translation_records,
        "translation_records": translation_records,
        "translations": {doc: tr.languages for doc, tr in sorted(report.translations.items())},
        "chunks_written": report.chunks_written,
        "vectors_embedded": report.vectors_embedded,
        "vectors_reused": report.vectors_reused,
        "added": len(report.added),
        "updated": len(report.updated),
        "removed": len(report.removed),
        "unchanged": len(report.unchanged),
        "failed": [name for name, _ in report.failed],
        # documents whose stored record differs afterwards (a rewrite changes at least its ingested_at)
        "documents_rewritten": sum(1 for d, m in records_after.items() if records_before.get(d) != m),
        "chunk_records_changed": len(set(ids_after) ^ set(ids_before)) if existing else len(ids_after),
        # files chromadb touched on disk (it persists its segment files and our active-generation marker
        # on every run, even when no record changes)
        "index_files_touched": sum(
            1 for p in set(files_before) | set(files_after) if files_before.get(p) != files_after.get(p)
        ),
    }


def peer(corpus_dir: Path, store_dir: Path, questions: Path | None = None, k: int = 5) -> dict[str, Any]:
    """The LangChain-tutorial pipeline over the original documents into a fresh chroma collection; with
    ``questions``, also its recall@k by dense similarity."""
    from evals.peer_pipeline import build_peer_index, peer_retrieve

    embedder = warm_embedder(PEER_EMBEDDINGS)
    started = time.perf_counter()
    collection, chunks = build_peer_index(corpus_dir, store_dir, embedder)
    seconds = time.perf_counter() - started
    out: dict[str, Any] = {"seconds": seconds, "peak_rss_mb": peak_rss_mb(), "chunks": chunks}
    if questions is not None:
        out[f"recall@{k}"] = recall_by_language(
            scored_questions(questions), lambda text: peer_retrieve(collection, embedder, text, k), k
        )
    return out


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python -m evals.benchmark_jobs", description="The benchmark's ingest steps, one per process."
    )
    jobs = ap.add_subparsers(dest="job", required=True)
    a = jobs.add_parser("ours", help="our ingest (fresh into an empty folder, else incremental)")
    a.add_argument("--corpus", type=Path, required=True)
    a.add_argument("--data-dir", type=Path, required=True)
    a.add_argument("--cold", action="store_true", help="without the corpus's shipped vectors: embed every text")
    a.add_argument("--out", type=Path, required=True)
    b = jobs.add_parser("peer", help="the LangChain-tutorial peer")
    b.add_argument("--corpus", type=Path, required=True)
    b.add_argument("--store-dir", type=Path, required=True)
    b.add_argument("--questions", type=Path, default=None, help="also score its recall@5 on these questions")
    b.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    figures: Mapping[str, Any] = (
        ours(args.corpus, args.data_dir, args.cold)
        if args.job == "ours"
        else peer(args.corpus, args.store_dir, args.questions)
    )
    args.out.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
