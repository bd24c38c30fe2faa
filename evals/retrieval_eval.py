"""Retrieval scores (recall@1, recall@5, MRR) per language for dense, BM25 and hybrid, side by side.

A passage counts as gold when it comes from the question's ``source_doc`` and contains its
``source_quote`` (white space and case folded; a quote cut by a chunk boundary counts when either
end of it is in the passage).
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.retrieval.retriever import HybridRetriever, Mode, Passage
from evals.question_file import Question, load_questions

MODES: tuple[Mode, ...] = ("dense", "bm25", "hybrid")
DEPTH = 10


def _fold(s: str) -> str:
    return re.sub(r"\s+", "", s).casefold()


def quote_in(text: str, q: Question) -> bool:
    """``alt_quotes`` (an extension field) lists the same fact in another language of a bilingual document."""
    if not q.source_quote:
        return True
    folded = _fold(text)
    for raw in [q.source_quote, *q.extra.get("alt_quotes", [])]:
        quote = _fold(raw)
        if quote in folded or (len(folded) >= 12 and folded in quote):
            return True
        edge = min(12, len(quote))
        if len(quote) >= 16 and (quote[:edge] in folded or quote[-edge:] in folded):
            return True
    return False


def is_gold(p: Passage | Mapping[str, Any], q: Question) -> bool:
    """A hit from the gold document holding the quote (a ``Passage`` or a ``retrieve --json`` item)."""
    doc, text = (p["doc"], p["text"]) if isinstance(p, Mapping) else (p.doc, p.text)
    return bool(q.source_doc) and doc == q.source_doc and quote_in(str(text), q)


def gold_rank(passages: Sequence[Passage | Mapping[str, Any]], q: Question) -> int | None:
    for i, p in enumerate(passages, 1):
        if is_gold(p, q):
            return i
    return None


def _scores(ranks: list[int | None], k: int) -> dict[str, float]:
    n = len(ranks) or 1
    return {
        "n": len(ranks),
        "recall@1": sum(1 for r in ranks if r == 1) / n,
        f"recall@{k}": sum(1 for r in ranks if r is not None and r <= k) / n,
        "mrr": sum(1 / r for r in ranks if r is not None) / n,
    }


def run_retrieval_eval(settings: Settings, questions_path: Path, out: Path, k: int = 5) -> str:
    questions = [q for q in load_questions(questions_path) if q.source_doc and not q.expect_refusal]
    retriever = HybridRetriever(settings)
    retriever.refresh()
    retriever.retrieve("warm up", 1)
    items: list[dict[str, Any]] = []
    ranks: dict[str, dict[str, list[int | None]]] = {m: defaultdict(list) for m in MODES}
    latency: list[float] = []
    for q in questions:
        row: dict[str, Any] = {"id": q.id, "lang": q.lang, "kind": q.kind, "source_doc": q.source_doc}
        for mode in MODES:
            t0 = time.perf_counter()
            passages = retriever.retrieve(q.question, k=DEPTH, mode=mode)
            if mode == "hybrid":
                latency.append((time.perf_counter() - t0) * 1000)
            r = gold_rank(passages, q)
            ranks[mode][q.lang].append(r)
            ranks[mode]["all"].append(r)
            row[mode] = {"rank": r, "top": [(p.doc, p.locator) for p in passages[:3]]}
        items.append(row)
    table: dict[str, dict[str, dict[str, float]]] = {
        m: {lang: _scores(rs, k) for lang, rs in sorted(ranks[m].items())} for m in MODES
    }
    lat = {
        "p50_ms": statistics.median(latency) if latency else 0.0,
        "p95_ms": statistics.quantiles(latency, n=20)[-1] if len(latency) >= 20 else max(latency, default=0.0),
    }
    out.mkdir(parents=True, exist_ok=True)
    report = {
        "questions": str(questions_path),
        "k": k,
        "embeddings": settings.embeddings,
        "scores": table,
        "latency_hybrid": lat,
        "items": items,
    }
    (out / "retrieval_report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    summary = format_summary(table, lat, k)
    failures = [i for i in items if i["hybrid"]["rank"] is None or i["hybrid"]["rank"] > k]
    md = [
        f"# Retrieval eval\n\nQuestions: `{questions_path.name}` ({len(questions)}), "
        f"embeddings `{settings.embeddings}`\n",
        "```",
        summary,
        "```",
        "",
        f"## Hybrid misses at {k} ({len(failures)})",
        "",
    ]
    md += [f"- {f['id']} ({f['lang']}): gold {f['source_doc']}; got {f['hybrid']['top']}" for f in failures]
    (out / "retrieval_report.md").write_text("\n".join(md) + "\n", encoding="utf-8")
    return summary


def format_summary(table: Mapping[str, dict[str, dict[str, float]]], lat: dict[str, float], k: int) -> str:
    langs = sorted({lang for m in table.values() for lang in m})
    lines = [f"{'mode':<8}{'lang':<6}{'n':>4}{'R@1':>8}{f'R@{k}':>8}{'MRR':>8}"]
    for mode, per_lang in table.items():
        for lang in langs:
            s = per_lang.get(lang)
            if s:
                lines.append(
                    f"{mode:<8}{lang:<6}{int(s['n']):>4}{s['recall@1']:>8.3f}{s[f'recall@{k}']:>8.3f}{s['mrr']:>8.3f}"
                )
    lines.append(f"hybrid latency p50 {lat['p50_ms']:.1f} ms, p95 {lat['p95_ms']:.1f} ms")
    return "\n".join(lines)
