"""Benchmarks that print figures (not timed tests): ingest time and peak memory for the corpus,
retrieval and no-LLM answer latency p50/p95, retrieval quality of hybrid vs dense vs BM25, and HTTP
throughput and p95 of ``/v1/ask`` at 1, 4 and 16 concurrent clients on loopback.

    .venv/bin/python -m evals.benchmark [--data-dir DIR] [--requests N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from assistant.config import Settings
from evals.question_file import load_questions
from evals.server_process import serve

ROOT = Path(__file__).resolve().parents[1]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, default=None, help="index folder (default: a fresh temporary one)")
    ap.add_argument("--requests", type=int, default=64, help="HTTP requests per concurrency level")
    args = ap.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="bench-"))
    settings = Settings(data_dir=data_dir, corpus_dir=ROOT / "corpus")

    from assistant.corpus.ingest import ingest

    t0 = time.perf_counter()
    report = ingest(settings, rebuild=True, progress=False)
    ingest_s = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"ingest: {report.total_documents} documents, {report.total_chunks} chunks, {ingest_s:.1f} s, peak RSS {peak_mb:.0f} MB"
    )

    from assistant.answer.service import AnswerService
    from assistant.retrieval.retriever import HybridRetriever
    from evals.retrieval_eval import gold_rank

    retriever = HybridRetriever(settings)
    retriever.retrieve("warm up", 1)
    questions = load_questions(ROOT / "evals" / "retrieval_questions.jsonl")
    lat: list[float] = []
    recall: dict[str, list[bool]] = {"dense": [], "bm25": [], "hybrid": []}
    for q in questions:
        for mode in recall:
            t = time.perf_counter()
            hits = retriever.retrieve(q.question, k=5, mode=mode)  # type: ignore[arg-type]
            if mode == "hybrid":
                lat.append((time.perf_counter() - t) * 1000)
            recall[mode].append(gold_rank(hits, q) is not None)
    print(
        f"retrieval (hybrid, k=5): p50 {statistics.median(lat):.1f} ms, p95 {_pct(lat, 0.95):.1f} ms over {len(lat)} questions"
    )
    r = {m: sum(v) / len(v) for m, v in recall.items()}
    print(
        f"recall@5: hybrid {r['hybrid']:.3f}, dense {r['dense']:.3f}, bm25 {r['bm25']:.3f}; "
        f"hybrid/dense {r['hybrid'] / max(r['dense'], 1e-9):.2f}x, hybrid/bm25 {r['hybrid'] / max(r['bm25'], 1e-9):.2f}x"
    )
    service = AnswerService(settings, retriever)
    service.ask("warm up question about scope 3")
    ans: list[float] = []
    for q in questions:
        t = time.perf_counter()
        service.ask(q.question)
        ans.append((time.perf_counter() - t) * 1000)
    print(
        f"answer (no-LLM): p50 {statistics.median(ans):.1f} ms, p95 {_pct(ans, 0.95):.1f} ms over {len(ans)} questions"
    )
    http_benchmark(data_dir, [q.question for q in questions], args.requests)


def _load(base: str, questions: list[str], clients: int, requests: int) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    statuses: list[int] = []

    def one(i: int) -> None:
        t = time.perf_counter()
        r = httpx.post(f"{base}/v1/ask", json={"question": questions[i % len(questions)]}, timeout=120)
        latencies.append((time.perf_counter() - t) * 1000)
        statuses.append(r.status_code)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, range(requests)))
    return latencies, sum(1 for s in statuses if s >= 500), time.perf_counter() - t0


def http_benchmark(data_dir: Path, questions: list[str], requests: int) -> None:
    """One server process (uvicorn, one worker), N clients posting ``/v1/ask`` in parallel."""
    with serve(data_dir) as server:
        base = server.url
        httpx.post(f"{base}/v1/ask", json={"question": "warm up scope 3"}, timeout=60)
        for clients in (1, 4, 16):
            latencies, errors, wall = _load(base, questions, clients, requests)
            print(
                f"HTTP /v1/ask, {clients:>2} clients: {requests / wall:.1f} req/s, p50 {statistics.median(latencies):.0f} ms, "
                f"p95 {_pct(latencies, 0.95):.0f} ms, 5xx {errors}/{requests}"
            )
