"""Answer scores per language and kind: correctness, refusals, tools, retrieval, language, grounding.

Each question goes through the same ``AnswerService`` users reach; retrieval is scored on a separate
top-k run of the hybrid retriever plus on what the answer cites. Exact scores and the optional
LLM judge are kept apart so a judge's mood never moves a headline number.
"""

from __future__ import annotations

import json
import math
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.answer.models import Answer
from assistant.answer.service import AnswerService
from assistant.config import Settings
from assistant.retrieval.retriever import HybridRetriever
from evals.matching import answer_language, match_answer, refuses_in_prose
from evals.question_file import Question, load_questions
from evals.retrieval_eval import gold_rank, quote_in
from tools.errors import LocalizedError

# Scores a report summarises; "headline" ones are what the CI gate and --compare look at first.
HEADLINE = ("accuracy", "refusal_accuracy", "tool_accuracy", "recall@5", "cited_gold", "language_match", "grounding")
DEPTH = 10


@dataclass
class EvalRun:
    summary: dict[str, dict[str, dict[str, float]]]
    items: list[dict[str, Any]]
    meta: dict[str, Any]


def value_matches(result: Any, expected: float) -> bool:
    """Any number in the tool's outputs equal to ``expected`` within rounding (2 decimals, or 0.5%)."""
    tol = max(0.006, abs(expected) * 0.005)
    return any(abs(v - expected) <= tol for v in _numbers(result))


def _numbers(obj: Any) -> Iterable[float]:
    if isinstance(obj, bool):
        return
    if isinstance(obj, int | float):
        if math.isfinite(obj):
            yield float(obj)
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _numbers(v)
    elif isinstance(obj, list | tuple):
        for v in obj:
            yield from _numbers(v)


def score_item(q: Question, answer: Answer | None, error: str | None, ranks: int | None) -> dict[str, Any]:
    """One question's verdicts, with the reason for every failure."""
    text = answer.answer if answer else ""
    # the prose fallback is for answers that refuse without the flag; a calculation that says "the
    # document gives no formula" is not a refusal
    refused = bool(answer and (answer.refused or (not answer.tool_calls and refuses_in_prose(text, q.lang))))
    match = match_answer(text, q.must_include, q.any_of, q.must_not_include)
    why: list[str] = []
    if error:
        why.append(f"error: {error}")
    refusal_ok = refused == q.expect_refusal
    if not refusal_ok:
        why.append("refused a covered question" if refused else "answered a question the documents do not cover")
    if match.missing:
        why.append(f"missing {match.missing}")
    if match.missing_groups:
        why.append(f"none of {match.missing_groups}")
    if match.forbidden:
        why.append(f"contains forbidden {match.forbidden}")
    item: dict[str, Any] = {
        "id": q.id,
        "lang": q.lang,
        "kind": q.kind,
        "question": q.question,
        "answer": text,
        "refused": refused,
        "expect_refusal": q.expect_refusal,
        "correct": refusal_ok and match.passed and not error,
        "refusal_correct": refusal_ok and not error,
    }
    if q.expected_tool:
        calls = answer.tool_calls if answer else []
        called = [c for c in calls if c.name == q.expected_tool]
        ok = bool(called)
        if ok and q.expected_value is not None:
            ok = any(value_matches(c.result.get("outputs", c.result), q.expected_value) for c in called)
        item["tool_correct"] = ok
        item["tools_called"] = [c.name for c in calls]
        if not ok:
            why.append(f"tool: expected {q.expected_tool}={q.expected_value}, got {[c.name for c in calls] or 'none'}")
    if q.source_doc and not q.expect_refusal:
        item["rank"] = ranks
        cited = any(c.doc == q.source_doc and quote_in(c.quote, q) for c in (answer.citations if answer else []))
        item["cited_gold"] = cited
        if not cited and not q.expected_tool:
            why.append(f"gold passage of {q.source_doc} not cited")
    if answer:
        detected = answer_language(text)
        item["language"] = detected
        item["language_match"] = detected == q.lang
        if detected != q.lang:
            why.append(f"answered in {detected}")
        item["grounding"] = bool(answer.grounding is None or answer.grounding.passed)
        if not item["grounding"] and answer.grounding is not None:
            why.append(f"ungrounded numbers {answer.grounding.unsupported}")
        item["citations"] = [c.model_dump(include={"id", "doc", "locator", "quote"}) for c in answer.citations]
        item["total_ms"] = answer.timings_ms.get("total", 0.0)
        item["mode"] = answer.mode
        item["notes"] = answer.notes
    item["why"] = why
    return item


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def summarise(items: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, float]]]:
    """Scores by language and by kind (and ``all``), each over the items it applies to."""
    groups: dict[str, dict[str, list[dict[str, Any]]]] = {"lang": defaultdict(list), "kind": defaultdict(list)}
    for it in items:
        groups["lang"][it["lang"]].append(it)
        groups["kind"][it["kind"]].append(it)
        groups["lang"]["all"].append(it)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for axis, by in groups.items():
        out[axis] = {}
        for name, rows in sorted(by.items()):
            ranked = [r for r in rows if "rank" in r]
            out[axis][name] = {
                "n": len(rows),
                "accuracy": _mean([float(r["correct"]) for r in rows]),
                "refusal_accuracy": _mean([float(r["refusal_correct"]) for r in rows]),
                "tool_accuracy": _mean([float(r["tool_correct"]) for r in rows if "tool_correct" in r]),
                "recall@1": _mean([float(r["rank"] == 1) for r in ranked]),
                "recall@5": _mean([float(r["rank"] is not None and r["rank"] <= 5) for r in ranked]),
                "mrr": _mean([1 / r["rank"] if r["rank"] else 0.0 for r in ranked]),
                "cited_gold": _mean([float(r["cited_gold"]) for r in ranked]),
                "language_match": _mean([float(r["language_match"]) for r in rows if "language_match" in r]),
                "grounding": _mean([float(r["grounding"]) for r in rows if "grounding" in r]),
            }
    return out


def service_for(settings: Settings, mode: str | None) -> AnswerService:
    if mode == "no-llm":
        return AnswerService(settings.model_copy(update={"llm_base_url": None}))
    if mode == "llm" and not settings.llm_base_url:
        raise ValueError("--mode llm needs ASSISTANT_LLM_BASE_URL and ASSISTANT_LLM_MODEL")
    return AnswerService(settings)


def run_answer_eval(
    settings: Settings,
    questions_path: Path,
    out: Path,
    mode: str | None = None,
    judge: bool = False,
    progress: bool = False,
) -> EvalRun:
    questions = load_questions(questions_path)
    service = service_for(settings, mode)
    retriever: HybridRetriever = service.retriever
    retriever.refresh()
    service.ask("warm up: scope 3")  # loads the detectors, jieba and the embedder outside the timings
    items: list[dict[str, Any]] = []
    iterator: Iterable[Question] = questions
    if progress:
        from tqdm import tqdm

        iterator = tqdm(questions, desc="eval", unit="q")
    started = time.perf_counter()
    for q in iterator:
        answer: Answer | None = None
        error: str | None = None
        try:
            answer = service.ask(q.question)
        except LocalizedError as err:
            error = err.message("en")
        rank = None
        if q.source_doc and not q.expect_refusal:
            rank = gold_rank(retriever.retrieve(q.question, k=DEPTH), q)
        items.append(score_item(q, answer, error, rank))
    if judge and service.chat_model is not None:
        from evals.judge import judge_items

        judge_items(service.chat_model, items)
    times = [it["total_ms"] for it in items if "total_ms" in it]
    meta = {
        "questions": str(questions_path),
        "n": len(questions),
        "mode": ", ".join(f"{m} ×{n}" for m, n in Counter(str(it.get("mode", "?")) for it in items).most_common()),
        "embeddings": settings.embeddings,
        "seconds": round(time.perf_counter() - started, 1),
        "answer_ms_p50": round(statistics.median(times), 1) if times else None,
        "answer_ms_p95": round(statistics.quantiles(times, n=20)[-1], 1) if len(times) >= 20 else None,
    }
    run = EvalRun(summarise(items), items, meta)
    write_reports(run, out)
    return run


def write_reports(run: EvalRun, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    report = {"meta": run.meta, "summary": run.summary, "items": run.items}
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    (out / "report.md").write_text(format_markdown(run), encoding="utf-8")


COLUMNS = ("n", *HEADLINE, "recall@1", "mrr")


def _cell(v: float, key: str = "") -> str:
    if isinstance(v, float) and math.isnan(v):
        return "–"
    return str(int(v)) if key == "n" else f"{v:.3f}"


def format_table(rows: dict[str, dict[str, float]], axis: str) -> list[str]:
    lines = [f"| {axis} | " + " | ".join(COLUMNS) + " |", "|" + "---|" * (len(COLUMNS) + 1)]
    for name, scores in rows.items():
        lines.append(f"| {name} | " + " | ".join(_cell(scores[c], c) for c in COLUMNS) + " |")
    return lines


def format_summary(run: EvalRun) -> str:
    m = run.meta
    head = (
        f"{m['n']} questions, mode {m['mode']}, {m['seconds']} s; "
        f"answer p50 {m['answer_ms_p50']} ms, p95 {m['answer_ms_p95']} ms"
    )
    return "\n".join(
        [head, "", *format_table(run.summary["lang"], "lang"), "", *format_table(run.summary["kind"], "kind")]
    )


def format_markdown(run: EvalRun) -> str:
    lines = ["# Answer eval", "", f"Questions: `{run.meta['questions']}`", "", format_summary(run), ""]
    failures = [it for it in run.items if it["why"]]
    lines += [f"## Items with a failed check ({len(failures)})", ""]
    for it in failures:
        lines.append(f"- **{it['id']}** ({it['lang']}, {it['kind']}): {'; '.join(it['why'])}")
        lines.append(f"  - Q: {it['question']}")
        lines.append(f"  - A: {it['answer'][:300].replace(chr(10), ' ')}")
    if any("judge" in it for it in run.items):
        judged = [it for it in run.items if "judge" in it]
        lines += ["", "## LLM judge (faithfulness, not part of the exact scores)", ""]
        lines.append(f"{sum(1 for it in judged if it['judge'] == 'faithful')}/{len(judged)} judged faithful")
    return "\n".join(lines) + "\n"


def load_report(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def compare_reports(old: dict[str, Any], new: dict[str, Any]) -> str:
    """Score deltas per language and the items that flipped, so a change shows what it cost."""
    lines = ["# Compare", "", "| lang | score | old | new | Δ |", "|---|---|---|---|---|"]
    for lang, scores in new["summary"]["lang"].items():
        before = old["summary"]["lang"].get(lang, {})
        for key in HEADLINE:
            a, b = before.get(key, float("nan")), scores.get(key, float("nan"))
            if isinstance(a, float) and isinstance(b, float) and not (math.isnan(a) and math.isnan(b)):
                lines.append(f"| {lang} | {key} | {_cell(a)} | {_cell(b)} | {b - a:+.3f} |")
    old_items = {it["id"]: it for it in old["items"]}
    improved = [it for it in new["items"] if it["correct"] and not old_items.get(it["id"], {}).get("correct", True)]
    regressed = [it for it in new["items"] if not it["correct"] and old_items.get(it["id"], {}).get("correct", False)]
    lines += ["", f"## Improved ({len(improved)})", ""]
    lines += [f"- {it['id']} ({it['lang']})" for it in improved]
    lines += ["", f"## Regressed ({len(regressed)})", ""]
    lines += [f"- {it['id']} ({it['lang']}): {'; '.join(it['why'])}" for it in regressed]
    return "\n".join(lines) + "\n"


def check_gate(summary: dict[str, dict[str, dict[str, float]]], gate: dict[str, dict[str, float]]) -> list[str]:
    """Scores under their committed floor; ``gate`` maps a language (or ``all``) to {score: floor}."""
    failures: list[str] = []
    for lang, floors in gate.items():
        scores = summary["lang"].get(lang, {})
        for key, floor in floors.items():
            got = scores.get(key, float("nan"))
            if math.isnan(got) or got + 1e-9 < floor:
                failures.append(f"{lang} {key}: {got:.3f} < {floor:.3f}")
    return failures
