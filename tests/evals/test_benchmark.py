"""The benchmark runs as a command and prints every figure it promises (ingest against the LangChain-tutorial
peer in rounds, unchanged re-ingest, retrieval and answer latency, peak RSS, recall@5 per language of ours
and the peer, HTTP), and writes them as JSON. The real run stays a command, not a timed test: here it
runs on one small document and its translation."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from evals.benchmark import collect, format_table, load_targets
from evals.benchmark_jobs import recall_by_language
from evals.peer_pipeline import CHUNK_SIZE, split_corpus
from evals.question_file import Question

REPO = Path(__file__).resolve().parents[2]
DOC = "000_0879da0e186f5247.txt"

# what the closing table must show, whatever the numbers
FIGURES = [
    "ingest round 1, peer (LangChain tutorial)",
    "ingest round 1, ours (with translations)",
    "ingest round 1, ratio ours/peer",
    "ingest round 1, ours cold (no shipped vectors)",
    "ingest round 1, ratio ours cold/peer",
    "re-ingest, nothing changed",
    "retrieval, hybrid, k=5",
    "answer, no-LLM",
    "peak RSS, our ingest",
    "peak RSS, re-ingest",
    "peak RSS, serving",
    "peak RSS, peer ingest",
    "peak RSS, HTTP server",
    "recall@5, hybrid",
    "recall@5, peer",
    "HTTP /v1/ask, 1 client",
    "HTTP /v1/ask, 4 clients",
    "HTTP /v1/ask, 16 clients",
]


def _tiny_corpus(root: Path) -> Path:
    """One small shipped document, its English translation, the glossary and the manifest."""
    corpus = root / "corpus"
    (corpus / "translations").mkdir(parents=True)
    for name in (DOC, "glossary.csv", "manifest.json"):
        shutil.copy(REPO / "corpus" / name, corpus / name)
    en = DOC.replace(".txt", ".en.jsonl")
    shutil.copy(REPO / "corpus" / "translations" / en, corpus / "translations" / en)
    return corpus


def _ingest(seconds: float, peak: float) -> dict[str, Any]:
    return {
        "seconds": seconds,
        "peak_rss_mb": peak,
        "records": 30,
        "original_chunks": 10,
        "translation_records": 20,
        "chunks_written": 0,
        "documents_rewritten": 0,
        "vectors_embedded": 100,
        "vectors_reused": 20,
    }


def _figures() -> dict[str, Any]:
    rounds = [
        {
            "round": n,
            "peer": {
                "seconds": 10.0,
                "chunks": 12,
                "peak_rss_mb": 300.0,
                **({"recall@5": {"all": 0.5}} if n == 1 else {}),
            },
            "ours": _ingest(seconds, 450.0),
            "ratio": seconds / 10.0,
            "ours_cold": _ingest(cold, 470.0),
            "ratio_cold": cold / 10.0,
        }
        for n, seconds, cold in ((1, 15.0, 30.0), (2, 25.0, 35.0))
    ]
    reingest = {**_ingest(0.4, 250.0), "nothing_written": True}
    latency = {"n": 81, "p50_ms": 40.0, "p95_ms": 60.0}
    recall = {m: {"all": 0.9, "vi": 0.8, "zh": 0.9, "en": 1.0} for m in ("hybrid", "dense", "bm25")}
    serving = {"retrieval": latency, "answer": latency, "recall": recall, "peak_rss_mb": 420.0}
    http = {
        "levels": [
            {"clients": c, "requests": 64, "req_per_s": 15.0, "p50_ms": 70.0, "p95_ms": 90.0, "errors_5xx": 0}
            for c in (1, 4, 16)
        ],
        "server_peak_rss_mb": 700.0,
    }
    return {"targets": load_targets(), **collect(rounds, reingest, serving, http)}


@pytest.mark.parametrize(
    ("module", "words"),
    [("evals.benchmark", ["--rounds", "--data-dir", "--requests"]), ("evals.benchmark_jobs", ["ours", "peer"])],
)
def test_help_works_without_running_anything(module: str, words: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", module, "--help"], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"usage: python -m {module}")
    assert all(w in done.stdout for w in words), done.stdout


def test_the_table_shows_every_figure_and_each_target_met_or_missed() -> None:
    figures = _figures()
    table = format_table(figures)
    for label in FIGURES:
        assert label in table, label
    assert "ingest round 2, ratio ours/peer" in table  # both rounds reported
    ratio_rows = [line for line in table.splitlines() if "ingest" in line and "ratio" in line]
    assert "1.50x" in ratio_rows[0] and "met" in ratio_rows[0]
    assert "3.00x" in ratio_rows[1] and "cold" in ratio_rows[1] and "MISSED" in ratio_rows[1]  # 30 s cold
    assert "2.50x" in ratio_rows[2] and "MISSED" in ratio_rows[2]  # 25 s against a 10 s peer
    assert "1.50x" in ratio_rows[4] and "ratio of the best times (ours/peer)" in ratio_rows[4]  # 15 s / 10 s
    assert "3.00x" in ratio_rows[5] and "ratio of the best times (ours cold/peer)" in ratio_rows[5]
    server = next(line for line in table.splitlines() if "HTTP server" in line)
    assert "700 MB" in server and "MISSED" in server
    assert "nothing written" in table
    assert figures["recall@5"]["peer"] == {"all": 0.5}  # the round that scored the peer
    assert figures["peak_rss_mb"]["ingest"] == 470.0 and figures["peak_rss_mb"]["serving"] == 420.0
    json.dumps(figures)  # the artifact is plain JSON


def test_recall_counts_a_gold_hit_within_k_per_language() -> None:
    questions = [
        Question(id="a", lang="vi", question="q1", source_doc="d.txt", source_quote="mười giờ hỗ trợ"),
        Question(id="b", lang="en", question="q2", source_doc="d.txt", source_quote="mcap@cascale.org"),
    ]
    hits = {
        "q1": [{"doc": "other.txt", "text": "x"}, {"doc": "d.txt", "text": "… Mười  giờ hỗ trợ tư vấn …"}],
        "q2": [{"doc": "d.txt", "text": "no address here"}] * 5 + [{"doc": "d.txt", "text": "mcap@cascale.org"}],
    }
    assert recall_by_language(questions, lambda q: hits[q], k=5) == {"all": 0.5, "en": 0.0, "vi": 1.0}


def test_the_peer_splits_the_originals_the_tutorial_way_and_skips_translations(tmp_path: Path) -> None:
    corpus = _tiny_corpus(tmp_path)
    chunks = split_corpus(corpus)
    assert {c.doc for c in chunks} == {DOC}  # no translation, glossary or manifest among the documents
    assert len(chunks) > 3 and all(len(c.text) <= CHUNK_SIZE for c in chunks)
    assert "mcap@cascale.org" in "".join(c.text for c in chunks)


@pytest.mark.slow  # loads the embedder in four processes and starts a real server
def test_a_tiny_run_prints_every_figure_and_writes_them_as_json(tmp_path: Path) -> None:
    corpus = _tiny_corpus(tmp_path)
    rows = [json.loads(line) for line in (REPO / "evals" / "retrieval_questions.jsonl").read_text().splitlines()]
    picked = {r["lang"]: r for r in rows if r["source_doc"] == DOC}  # one question per language about it
    questions = tmp_path / "questions.jsonl"
    questions.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked.values()), encoding="utf-8")
    out = tmp_path / "benchmark.json"
    cmd = [sys.executable, "-m", "evals.benchmark", "--corpus", str(corpus), "--questions", str(questions)]
    cmd += ["--rounds", "1", "--requests", "2", "--data-dir", str(tmp_path / "data"), "--out", str(out)]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    printed = done.stdout
    for label in FIGURES:
        assert label in printed, f"{label!r} not printed:\n{printed}"
    assert "nothing written" in printed
    figures = json.loads(out.read_text(encoding="utf-8"))
    (r1,) = figures["ingest"]["rounds"]
    assert r1["ours"]["translation_records"] > 0 and r1["ours"]["original_chunks"] > 0  # translations indexed
    assert r1["peer"]["chunks"] > 0 and r1["ratio"] > 0
    # no vectors are shipped with this corpus: both runs embed every text, and each text once
    assert r1["ours"]["vectors_embedded"] == r1["ours_cold"]["vectors_embedded"] > 0
    assert r1["ours_cold"]["records"] == r1["ours"]["records"]
    assert figures["reingest"]["nothing_written"] is True
    assert figures["retrieval"]["n"] == figures["answer"]["n"] == 3
    for mode in ("hybrid", "peer"):
        assert set(figures["recall@5"][mode]) == {"all", "vi", "zh", "en"}
    assert figures["recall@5"]["hybrid"]["all"] > 0  # the tiny index answers its own questions
    assert all(v > 0 for v in figures["peak_rss_mb"].values())
    assert [h["clients"] for h in figures["http"]["levels"]] == [1, 4, 16]
    assert all(h["errors_5xx"] == 0 for h in figures["http"]["levels"])
