"""Benchmarks that print figures (not timed tests), measured side by side in one run:

- ingest of the corpus (its documents with all our translations) into a fresh folder, against the
  LangChain-tutorial peer (``evals.peer_pipeline``) on the same machine: peer first, ours second (as a user
  runs it: with the corpus's shipped passage vectors), ours cold third (every vector embedded here), the
  three twice (a 2-core machine is noisy); each in a process of its own with the embedder warmed first;
- an unchanged re-ingest (its time, and that it wrote nothing);
- retrieval (hybrid, k=5) and no-LLM answer latency p50/p95, warm, over the retrieval questions;
- recall@5 per language of hybrid, dense and BM25, and of the peer (dense only, from its collection);
- peak RSS of each ingest process, of this process (serving only) and of the HTTP server;
- HTTP throughput and latency of ``/v1/ask`` at 1, 4 and 16 concurrent clients on loopback.

A table at the end; the same figures as JSON in ``artifacts/benchmark.json``. Targets are read from
``evals/benchmark_targets.json``.

    .venv/bin/python -m evals.benchmark [--data-dir DIR] [--requests N] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGETS_FILE = Path(__file__).with_name("benchmark_targets.json")
K = 5
HTTP_CLIENTS = (1, 4, 16)
LANGS = ("all", "vi", "zh", "en")


class JobError(RuntimeError):
    """A measured step that runs in its own process failed."""


def _pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _latency(values: Sequence[float]) -> dict[str, float]:
    return {"n": len(values), "p50_ms": statistics.median(values), "p95_ms": _pct(values, 0.95)}


def load_targets(path: Path = TARGETS_FILE) -> dict[str, float]:
    return {k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items() if k.endswith("_max")}


# --- ingest: each step in a process of its own ------------------------------------------------------


def run_job(args: Sequence[str], scratch: Path) -> dict[str, Any]:
    """Run ``python -m evals.benchmark_jobs ARGS`` and return the figures it wrote."""
    fd, name = tempfile.mkstemp(prefix="job-", suffix=".json", dir=scratch)
    os.close(fd)
    out = Path(name)
    env = {**os.environ, "HF_HUB_OFFLINE": os.environ.get("HF_HUB_OFFLINE", "1")}
    cmd = [sys.executable, "-m", "evals.benchmark_jobs", *args, "--out", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).splitlines()[-30:])
        raise JobError(f"{' '.join(args[:1])} job failed (exit {done.returncode}):\n{tail}")
    figures: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    out.unlink()
    return figures


def ingest_rounds(corpus: Path, final_dir: Path, questions: Path, rounds: int, scratch: Path) -> list[dict[str, Any]]:
    """Peer then ours, ``rounds`` times; the last round of ours fills ``final_dir`` (served afterwards)."""
    out: list[dict[str, Any]] = []
    for n in range(1, rounds + 1):
        store = scratch / f"peer-{n}"
        peer = run_job(
            ["peer", "--corpus", str(corpus), "--store-dir", str(store), *(["--questions", str(questions)] * (n == 1))],
            scratch,
        )
        shutil.rmtree(store, ignore_errors=True)
        data = final_dir if n == rounds else scratch / f"ours-{n}"
        ours = run_job(["ours", "--corpus", str(corpus), "--data-dir", str(data)], scratch)
        if data != final_dir:
            shutil.rmtree(data, ignore_errors=True)
        cold_dir = scratch / f"ours-cold-{n}"
        cold = run_job(["ours", "--corpus", str(corpus), "--data-dir", str(cold_dir), "--cold"], scratch)
        shutil.rmtree(cold_dir, ignore_errors=True)
        if ours["failed"] or cold["failed"]:
            raise JobError(f"our ingest could not read: {', '.join(ours['failed'] or cold['failed'])}")
        base = max(peer["seconds"], 1e-9)
        row = {
            "round": n,
            "peer": peer,
            "ours": ours,
            "ratio": ours["seconds"] / base,
            "ours_cold": cold,
            "ratio_cold": cold["seconds"] / base,
        }
        print(
            f"ingest round {n}: peer {peer['seconds']:.1f} s ({peer['chunks']} chunks, peak RSS {peer['peak_rss_mb']:.0f} MB); "
            f"ours {ours['seconds']:.1f} s ({ours['records']} records: {ours['original_chunks']} chunks + "
            f"{ours['translation_records']} translations; {ours['vectors_embedded']} vectors embedded, "
            f"{ours['vectors_reused']} shipped or repeated; peak RSS {ours['peak_rss_mb']:.0f} MB), ratio {row['ratio']:.2f}x; "
            f"ours cold {cold['seconds']:.1f} s ({cold['vectors_embedded']} vectors embedded, "
            f"{cold['vectors_reused']} repeated), ratio {row['ratio_cold']:.2f}x",
            flush=True,
        )
        out.append(row)
    return out


def reingest(corpus: Path, data_dir: Path, scratch: Path) -> dict[str, Any]:
    figures = run_job(["ours", "--corpus", str(corpus), "--data-dir", str(data_dir)], scratch)
    figures["nothing_written"] = not (
        figures["chunks_written"]
        or figures["added"]
        or figures["updated"]
        or figures["removed"]
        or figures["documents_rewritten"]
        or figures["chunk_records_changed"]
    )
    print(
        f"re-ingest, nothing changed: {figures['seconds']:.2f} s, {figures['chunks_written']} chunks and "
        f"{figures['documents_rewritten']} document records written, peak RSS {figures['peak_rss_mb']:.0f} MB",
        flush=True,
    )
    return figures


# --- serving: in this process -----------------------------------------------------------------------


def serving(corpus: Path, data_dir: Path, questions_file: Path) -> dict[str, Any]:
    """Retrieval and no-LLM answer latency (warm) and recall@5 per language and mode, in this process,
    which never ingests: its peak RSS is the serving side's."""
    from assistant.answer.service import AnswerService
    from assistant.config import Settings
    from assistant.retrieval.retriever import HybridRetriever, Mode
    from evals.benchmark_jobs import peak_rss_mb, recall_by_language, scored_questions

    questions = scored_questions(questions_file)
    settings = Settings(data_dir=data_dir, corpus_dir=corpus, chroma_url=None, llm_base_url=None)
    retriever = HybridRetriever(settings)
    for mode in ("hybrid", "dense", "bm25"):
        retriever.retrieve("warm up scope 3", K, mode=mode)
    lat: list[float] = []

    def timed_hybrid(text: str) -> list[Any]:
        t = time.perf_counter()
        hits = retriever.retrieve(text, k=K, mode="hybrid")
        lat.append((time.perf_counter() - t) * 1000)
        return hits

    def by_mode(mode: Mode) -> Callable[[str], list[Any]]:
        return lambda text: retriever.retrieve(text, k=K, mode=mode)

    recall = {"hybrid": recall_by_language(questions, timed_hybrid, K)}
    recall.update({mode: recall_by_language(questions, by_mode(mode), K) for mode in ("dense", "bm25")})
    service = AnswerService(settings, retriever)
    service.ask("warm up question about scope 3")
    ans: list[float] = []
    for q in questions:
        t = time.perf_counter()
        service.ask(q.question)
        ans.append((time.perf_counter() - t) * 1000)
    retrieval, answer = _latency(lat), _latency(ans)
    print(
        f"retrieval (hybrid, k={K}): p50 {retrieval['p50_ms']:.1f} ms, p95 {retrieval['p95_ms']:.1f} ms; "
        f"answer (no-LLM): p50 {answer['p50_ms']:.1f} ms, p95 {answer['p95_ms']:.1f} ms over {len(questions)} questions",
        flush=True,
    )
    return {"retrieval": retrieval, "answer": answer, "recall": recall, "peak_rss_mb": peak_rss_mb()}


# --- HTTP: a real server on loopback ----------------------------------------------------------------


def _peak_rss_of(pid: int) -> float:
    """A live process's peak resident memory (Linux /proc VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _load(base: str, questions: list[str], clients: int, requests: int) -> tuple[list[float], int, float]:
    import httpx

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


def http_benchmark(corpus: Path, data_dir: Path, questions: list[str], requests: int) -> dict[str, Any]:
    """One server process (uvicorn, one worker), N clients posting ``/v1/ask`` in parallel."""
    import httpx

    from evals.server_process import serve

    levels: list[dict[str, Any]] = []
    with serve(data_dir, extra_env={"ASSISTANT_CORPUS_DIR": str(corpus)}) as server:
        base = server.url
        httpx.post(f"{base}/v1/ask", json={"question": "warm up scope 3"}, timeout=60)
        for clients in HTTP_CLIENTS:
            latencies, errors, wall = _load(base, questions, clients, requests)
            row = {
                "clients": clients,
                "requests": requests,
                "req_per_s": requests / wall,
                "p50_ms": statistics.median(latencies),
                "p95_ms": _pct(latencies, 0.95),
                "errors_5xx": errors,
            }
            levels.append(row)
            print(
                f"HTTP /v1/ask, {clients:>2} clients: {row['req_per_s']:.1f} req/s, p50 {row['p50_ms']:.0f} ms, "
                f"p95 {row['p95_ms']:.0f} ms, 5xx {errors}/{requests}",
                flush=True,
            )
        server_peak = _peak_rss_of(server.pid)
    return {"levels": levels, "server_peak_rss_mb": server_peak}


# --- the report -------------------------------------------------------------------------------------


def _mark(value: float, limit: float) -> str:
    return "met" if value <= limit else "MISSED"


def format_table(figures: dict[str, Any]) -> str:
    """The closing table: every figure, each beside its target where it has one."""
    tg = figures["targets"]
    rows: list[tuple[str, str, str]] = []
    for r in figures["ingest"]["rounds"]:
        p, o = r["peer"], r["ours"]
        rows.append(
            (f"ingest round {r['round']}, peer (LangChain tutorial)", f"{p['seconds']:.1f} s, {p['chunks']} chunks", "")
        )
        rows.append(
            (
                f"ingest round {r['round']}, ours (with translations)",
                f"{o['seconds']:.1f} s, {o['records']} records ({o['original_chunks']} chunks + {o['translation_records']} translations)",
                "",
            )
        )
        rows.append(
            (
                f"ingest round {r['round']}, ratio ours/peer",
                f"{r['ratio']:.2f}x",
                f"<= {tg['ingest_ratio_max']:g}x {_mark(r['ratio'], tg['ingest_ratio_max'])}",
            )
        )
        if "ours_cold" in r:
            c = r["ours_cold"]
            rows.append(
                (
                    f"ingest round {r['round']}, ours cold (no shipped vectors)",
                    f"{c['seconds']:.1f} s, {c['vectors_embedded']} vectors embedded",
                    "",
                )
            )
            rows.append(
                (
                    f"ingest round {r['round']}, ratio ours cold/peer",
                    f"{r['ratio_cold']:.2f}x",
                    f"<= {tg['ingest_ratio_max']:g}x {_mark(r['ratio_cold'], tg['ingest_ratio_max'])}",
                )
            )
    if len(figures["ingest"]["rounds"]) > 1:
        for key, label in (("ratio_of_best", "ours/peer"), ("ratio_of_best_cold", "ours cold/peer")):
            best = figures["ingest"].get(key)
            if best is None:
                continue
            rows.append(
                (
                    f"ingest, ratio of the best times ({label})",
                    f"{best:.2f}x",
                    f"<= {tg['ingest_ratio_max']:g}x {_mark(best, tg['ingest_ratio_max'])}",
                )
            )
    ri = figures["reingest"]
    rows.append(
        (
            "re-ingest, nothing changed",
            f"{ri['seconds']:.2f} s, {'nothing written' if ri['nothing_written'] else 'WROTE'} "
            f"({ri['chunks_written']} chunks, {ri['documents_rewritten']} document records)",
            f"<= {tg['reingest_s_max']:g} s {_mark(ri['seconds'], tg['reingest_s_max'])}",
        )
    )
    ret, ans = figures["retrieval"], figures["answer"]
    rows.append(
        (
            f"retrieval, hybrid, k={K} ({ret['n']} questions)",
            f"p50 {ret['p50_ms']:.1f} ms, p95 {ret['p95_ms']:.1f} ms",
            f"p50 <= {tg['retrieval_p50_ms_max']:g} ms {_mark(ret['p50_ms'], tg['retrieval_p50_ms_max'])}",
        )
    )
    rows.append(
        (f"answer, no-LLM ({ans['n']} questions)", f"p50 {ans['p50_ms']:.1f} ms, p95 {ans['p95_ms']:.1f} ms", "")
    )
    rss, limit = figures["peak_rss_mb"], tg["peak_rss_mb_max"]
    for label, key, targeted in (
        ("peak RSS, our ingest (its process, worst round)", "ingest", True),
        ("peak RSS, re-ingest (its process)", "reingest", True),
        ("peak RSS, serving (this process: retrieval + answers)", "serving", True),
        ("peak RSS, HTTP server process", "http_server", True),
        ("peak RSS, peer ingest (its process, worst round)", "peer_ingest", False),
    ):
        if key in rss:
            target = f"<= {limit:g} MB {_mark(rss[key], limit)}" if targeted else ""
            rows.append((label, f"{rss[key]:.0f} MB", target))
    for mode, label in (
        ("hybrid", "hybrid"),
        ("dense", "dense only (ours)"),
        ("bm25", "BM25 only (ours)"),
        ("peer", "peer (dense, tutorial chunks)"),
    ):
        per = figures["recall@5"][mode]
        rows.append((f"recall@5, {label}", "  ".join(f"{lang} {per[lang]:.3f}" for lang in LANGS if lang in per), ""))
    for h in figures.get("http", {}).get("levels", []):
        rows.append(
            (
                f"HTTP /v1/ask, {h['clients']} client{'s' if h['clients'] > 1 else ''} ({h['requests']} requests)",
                f"{h['req_per_s']:.1f} req/s, p50 {h['p50_ms']:.0f} ms, p95 {h['p95_ms']:.0f} ms, 5xx {h['errors_5xx']}",
                "",
            )
        )
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    line = "-" * (w0 + w1 + 30)
    out = [line, f"{'what':<{w0}}  {'figure':<{w1}}  target", line]
    machine = figures.get("machine")
    if machine:
        load = machine["load_avg_1min"]
        out.insert(
            0,
            f"{machine['cpus']} CPUs; load average (1 min) {load['start']:.1f} at the start, {load['end']:.1f} at the end",
        )
    out += [f"{a:<{w0}}  {b:<{w1}}  {c}".rstrip() for a, b, c in rows]
    return "\n".join([*out, line])


def collect(
    rounds: list[dict[str, Any]], unchanged: dict[str, Any], serve_figs: dict[str, Any], http: dict[str, Any] | None
) -> dict[str, Any]:
    """All figures in the shape of ``artifacts/benchmark.json``."""
    peer_recall: dict[str, float] = next(
        (r["peer"].get(f"recall@{K}") for r in rounds if r["peer"].get(f"recall@{K}")), {}
    )
    rss = {
        "ingest": max(max(r["ours"]["peak_rss_mb"], r.get("ours_cold", r["ours"])["peak_rss_mb"]) for r in rounds),
        "reingest": unchanged["peak_rss_mb"],
        "serving": serve_figs["peak_rss_mb"],
        "peer_ingest": max(r["peer"]["peak_rss_mb"] for r in rounds),
    }
    if http is not None:
        rss["http_server"] = http["server_peak_rss_mb"]
    return {
        "ingest": {
            "rounds": rounds,
            # the best time of each side over the rounds: the least disturbed by other load
            "ratio_of_best": min(r["ours"]["seconds"] for r in rounds)
            / max(min(r["peer"]["seconds"] for r in rounds), 1e-9),
            **(
                {
                    "ratio_of_best_cold": min(r["ours_cold"]["seconds"] for r in rounds)
                    / max(min(r["peer"]["seconds"] for r in rounds), 1e-9)
                }
                if all("ours_cold" in r for r in rounds)
                else {}
            ),
        },
        "reingest": unchanged,
        "retrieval": {**serve_figs["retrieval"], "mode": "hybrid", "k": K},
        "answer": {**serve_figs["answer"], "mode": "no-llm"},
        "peak_rss_mb": rss,
        "recall@5": {**serve_figs["recall"], "peer": peer_recall},
        "http": http or {},
    }


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python -m evals.benchmark",
        description="Ingest (ours vs the LangChain-tutorial peer), re-ingest, retrieval, answer, memory, "
        "recall and HTTP figures, measured in one run; a table at the end and the figures as JSON.",
    )
    ap.add_argument(
        "--data-dir", type=Path, default=None, help="empty folder for our index, kept (default: a temporary one)"
    )
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="documents and translations to ingest")
    ap.add_argument(
        "--questions",
        type=Path,
        default=ROOT / "evals" / "retrieval_questions.jsonl",
        help="questions for latency and recall",
    )
    ap.add_argument("--rounds", type=int, default=2, help="peer-then-ours ingest pairs (default 2: noise is large)")
    ap.add_argument("--requests", type=int, default=64, help="HTTP requests per concurrency level (0: no HTTP run)")
    ap.add_argument("--out", type=Path, default=ROOT / "artifacts" / "benchmark.json", help="where the JSON goes")
    args = ap.parse_args(argv)
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")
    if args.data_dir is not None and args.data_dir.exists() and any(args.data_dir.iterdir()):
        ap.error(f"--data-dir {args.data_dir} is not empty: ingest is measured into a fresh folder")
    # the embedded index and no LLM, whatever the environment says (the server inherits this)
    for var in ("ASSISTANT_CHROMA_URL", "ASSISTANT_LLM_BASE_URL"):
        os.environ.pop(var, None)
    corpus, questions = args.corpus.resolve(), args.questions.resolve()
    started, load_start = time.time(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        scratch = Path(tmp)
        data_dir = (args.data_dir or scratch / "data").resolve()
        rounds = ingest_rounds(corpus, data_dir, questions, args.rounds, scratch)
        unchanged = reingest(corpus, data_dir, scratch)
        serve_figs = serving(corpus, data_dir, questions)
        http = None
        if args.requests > 0:
            from evals.benchmark_jobs import scored_questions

            texts = [q.question for q in scored_questions(questions)]
            http = http_benchmark(corpus, data_dir, texts, args.requests)
    figures = {
        "date": datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            # other work on the machine during the run (figures on 2 cores move with it)
            "load_avg_1min": {"start": load_start, "end": os.getloadavg()[0]},
        },
        "corpus": str(corpus),
        "questions": str(questions),
        "targets": load_targets(),
        **collect(rounds, unchanged, serve_figs, http),
    }
    print(format_table(figures))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.out}")


if __name__ == "__main__":
    main()
