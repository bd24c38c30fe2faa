"""A bounded load run on loopback: mixed traffic over ``/v1/ask``, ``/v1/retrieve`` and
``/v1/tools/*`` (bad input included, which must get 4xx, never 5xx). Prints throughput, p50/p95/p99 per
endpoint and the server's memory before and after; exits 1 on any 5xx or transport error.

    .venv/bin/python -m evals.load_test --data-dir DIR [--requests 2000] [--clients 16]

DIR must hold an index (``ASSISTANT_DATA_DIR=DIR assistant ingest``); without it one is built first.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from assistant.config import Settings
from evals.question_file import load_questions
from evals.server_process import ROOT, rss_mb, serve

TOOL_CALLS: list[tuple[str, dict[str, Any]]] = [
    ("absolute_contraction", {"base_year": 2020, "target_year": 2030, "ambition": "1.5C", "base_emissions": 5000}),
    ("check_absolute_target", {"base_year": 2021, "target_year": 2030, "reduction_percent": 35}),
    ("geva", {"base_year": 2015, "target_year": 2030, "value_added_growth_percent": 6}),
    ("scope3_required", {"scope1": 30, "scope2": 20, "scope3": 50}),
    ("target_timeframe", {"submission_date": "2026-03-01", "target_year": 2035}),
    ("absolute_contraction", {"base_year": 2030, "target_year": 2020}),  # bad: 422
    ("scope3_coverage", {"scope3_total": 100, "covered": 150}),  # bad: 422
]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(base: str, questions: list[str], requests: int, clients: int, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    plan: list[tuple[str, str, dict[str, Any] | None]] = []
    for _ in range(requests):
        roll = rng.random()
        if roll < 0.5:
            plan.append(("ask", "/v1/ask", {"question": rng.choice(questions)}))
        elif roll < 0.75:
            plan.append(("retrieve", f"/v1/retrieve?q={rng.choice(questions)}&k=5", None))
        else:
            name, args = rng.choice(TOOL_CALLS)
            plan.append(("tools", f"/v1/tools/{name}", args))
    latencies: dict[str, list[float]] = defaultdict(list)
    statuses: dict[int, int] = defaultdict(int)
    lock = threading.Lock()
    local = threading.local()

    def one(item: tuple[str, str, dict[str, Any] | None]) -> None:
        kind, path, body = item
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(base_url=base, timeout=120)
        t = time.perf_counter()
        try:
            r = client.post(path, json=body) if body is not None else client.get(path)
            code = r.status_code
        except httpx.HTTPError:
            code = 599
        ms = (time.perf_counter() - t) * 1000
        with lock:
            latencies[kind].append(ms)
            latencies["all"].append(ms)
            statuses[code] += 1

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, plan))
    wall = time.perf_counter() - t0
    return {"wall_s": wall, "latencies": latencies, "statuses": dict(statuses)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=16)
    args = ap.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="load-"))
    settings = Settings(data_dir=data_dir, corpus_dir=ROOT / "corpus")
    from assistant.corpus.ingest import ingest

    ingest(settings, progress=False)  # idempotent: a no-op when the index is there
    questions = [q.question for q in load_questions(ROOT / "evals" / "questions.jsonl")]
    with serve(data_dir) as server:
        run(server.url, questions, 40, 4)  # warm-up: detectors, jieba, embedder, UI
        before = rss_mb(server.pid)
        result = run(server.url, questions, args.requests, args.clients)
        after = rss_mb(server.pid)
    wall, lat, statuses = result["wall_s"], result["latencies"], result["statuses"]
    print(f"{args.requests} requests, {args.clients} clients, {wall:.1f} s: {args.requests / wall:.1f} req/s")
    for kind in ("all", "ask", "retrieve", "tools"):
        v = lat.get(kind, [])
        if v:
            print(
                f"  {kind:<9} n={len(v):>5}  p50 {statistics.median(v):7.0f} ms  p95 {_pct(v, 0.95):7.0f} ms  "
                f"p99 {_pct(v, 0.99):7.0f} ms"
            )
    print(f"  status codes: {dict(sorted(statuses.items()))}")
    print(f"  server RSS: {before:.0f} MB before, {after:.0f} MB after ({after - before:+.0f} MB)")
    if any(code >= 500 for code in statuses):
        sys.exit(1)


if __name__ == "__main__":
    main()
