"""Answer scores per language and kind: correctness, refusals, clarifying questions, verdicts, tools,
retrieval, citations, language, grounding.

Each question goes to an ``Asker`` (this checkout's ``AnswerService``, or a running server over HTTP) and is
scored from the contract's JSON alone. Retrieval is scored on a separate top-k run plus on what the answer
cites. Exact scores and the optional LLM judge are kept apart so a judge's mood never moves a headline number.

Besides the contract's fields a question may say what a right answer does (``evals/question_file.py``):
ask back for a missing input, open with a verdict, correct a wrong premise, decline, cite the sentence
carrying the value. ``in_language`` scores the answer on its lines written in the asker's language only,
so a quote the reader cannot read earns nothing.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.text.language import detect_language, script_counts
from evals.asker import Asker, AskFailed, LocalAsker
from evals.matching import answer_language, match_answer, refuses_in_prose, spellings
from evals.question_file import Question, load_questions
from evals.retrieval_eval import gold_rank, quote_in

# Scores a report summarises; "headline" ones are what the CI gate and --compare look at first.
HEADLINE = (
    "accuracy",
    "in_language",
    "refusal_accuracy",
    "declined",
    "wrongly_declined",
    "clarified",
    "clarify_unneeded",
    "verdict",
    "premise",
    "first_cite",
    "tool_accuracy",
    "recall@5",
    "cited_gold",
    "language_match",
    "grounding",
)
DEPTH = 10
# Tool verdicts that answer a criteria question with "yes" (the rule is met / the target is required).
YES_VERDICTS = frozenset({"meets", "meets_minimum", "required", "valid", "complete", "within_allowance"})
NO_VERDICTS = frozenset(
    {"does_not_meet", "below_minimum", "not_required", "not_valid", "incomplete", "exceeds_allowance"}
)


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


_QUOTED_ORIGINAL = re.compile(r"«[^»]*»|“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\"")


def lines_in_language(text: str, lang: str) -> str:
    """The answer's words a reader of ``lang`` can read: lines in that language (quoted original words
    removed), and lines with no words (figures, marks). Quotes and terms in another language are dropped."""
    kept: list[str] = []
    for line in text.splitlines():
        words = _QUOTED_ORIGINAL.sub(" ", line.lstrip("> ").strip())
        cjk, _, latin = script_counts(words)
        if (cjk == 0 and latin == 0) or detect_language(words) == lang:
            kept.append(words)
    return "\n".join(kept)


def verdict_of(answer: dict[str, Any]) -> str | None:
    """The answer's yes/no: its own ``verdict`` field, else the last criteria tool's verdict."""
    if answer.get("verdict") in ("yes", "no"):
        return str(answer["verdict"])
    for call in reversed(answer.get("tool_calls") or []):
        verdict = (call.get("result") or {}).get("verdict")
        if verdict in YES_VERDICTS:
            return "yes"
        if verdict in NO_VERDICTS:
            return "no"
    return None


def alternative_spans(value: object) -> list[str]:
    """`answer_span_alt` as one span or a list of them (a value stated in several places)."""
    if not value:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return [str(value)]


def span_in(quote: str, span: str) -> bool:
    """The span lies in the quote, white space aside, and table cell separators too: a table row the source
    file separates by tabs is quoted with " | " between its cells (``corpus/cleaning.py``)."""
    hay = spellings(_CELLS.sub("", quote))
    return any(n in h for n in spellings(_CELLS.sub("", span)) for h in hay)


_CELLS = re.compile(r"[\s|]+")


def score_item(q: Question, answer: dict[str, Any] | None, error: str | None, ranks: int | None) -> dict[str, Any]:
    """One question's verdicts, with the reason for every failure."""
    text = str(answer["answer"]) if answer else ""
    calls = list(answer.get("tool_calls") or []) if answer else []
    citations = list(answer.get("citations") or []) if answer else []
    clarify = bool(answer and answer.get("clarify"))
    # the prose fallback is for answers that refuse without the flag; a calculation that says "the
    # document gives no formula" is not a refusal
    # ... read in the answer's opening paragraph: a refusal says so first, while an answer to two parts may
    # end by naming the part the documents do not state
    opening = text.strip().split("\n\n")[0]
    refused = bool(answer and (answer["refused"] or (not calls and not clarify and refuses_in_prose(opening, q.lang))))
    match = match_answer(text, q.must_include, q.any_of, q.must_not_include)
    readable = match_answer(lines_in_language(text, q.lang), q.must_include, q.any_of, q.must_not_include)
    why: list[str] = []
    if error:
        why.append(f"error: {error}")
    if match.missing:
        why.append(f"missing {match.missing}")
    if match.missing_groups:
        why.append(f"none of {match.missing_groups}")
    if match.forbidden:
        why.append(f"contains forbidden {match.forbidden}")
    refusal_ok = refused == q.expect_refusal
    item: dict[str, Any] = {
        "id": q.id,
        "lang": q.lang,
        "kind": q.kind,
        "question": q.question,
        "answer": text,
        "refused": refused,
        "clarify": clarify,
        "expect_refusal": q.expect_refusal,
    }
    if q.expect_question_back:
        ok = clarify and not error
        if not ok:
            why.append("no question back for an input without words")
    elif q.expect_clarify:
        ok = clarify and match.passed and not error
        item["clarified"] = clarify
        if not clarify:
            why.append("no clarifying question for a missing input")
    elif q.expect_error:
        explained = clarify or any("error" in (c.get("result") or {}) for c in calls)
        ok = explained and not error
        if not explained:
            why.append("impossible input not explained")
    elif q.kind == "partial":
        # a right answer names the part it cannot answer, in prose: only the flag says it refused outright
        refused = bool(answer and answer["refused"])
        item["refused"] = refused
        ok = not refused and match.passed and refuses_in_prose(text, q.lang) and not error
        if refused:
            why.append("refused a partly covered question")
        elif not refuses_in_prose(text, q.lang):
            why.append(f"uncovered part not named ({q.uncovered_part})")
    else:
        ok = refusal_ok and match.passed and not error
        if not refusal_ok:
            why.append("refused a covered question" if refused else "answered a question the documents do not cover")
        if q.decline and citations:
            ok = False
            why.append("a declined request carries citations")
    if q.expected_tool and not q.expect_clarify:
        item["clarify_unneeded"] = clarify
        if clarify:
            why.append("asked back although every input was given")
    if q.expected_verdict:
        got = verdict_of(answer) if answer else None
        item["verdict_correct"] = got == q.expected_verdict
        if got != q.expected_verdict:
            ok = False
            why.append(f"verdict {got}, expected {q.expected_verdict}")
    if q.wrong_premise:
        item["premise_corrected"] = match.passed and not refused
    item["correct"] = ok
    item["in_language"] = ok and (readable.passed or q.expect_refusal or not (q.any_of or q.must_include))
    if ok and not item["in_language"]:
        why.append("the facts are only in lines the asker cannot read")
    item["refusal_correct"] = refusal_ok and not error
    if q.expect_refusal:
        item["declined"] = refused
    elif q.kind in ("fact", "crosslingual") and not q.expect_clarify:
        item["wrongly_declined"] = refused
    if q.expected_tool:
        called = [c for c in calls if c.get("name") == q.expected_tool]
        tool_ok = bool(called)
        if tool_ok and q.expected_value is not None:
            tool_ok = any(
                value_matches((c.get("result") or {}).get("outputs", c.get("result")), q.expected_value) for c in called
            )
        item["tool_correct"] = tool_ok
        item["tools_called"] = [c.get("name") for c in calls]
        if not tool_ok:
            why.append(
                f"tool: expected {q.expected_tool}={q.expected_value}, got {[c.get('name') for c in calls] or 'none'}"
            )
    if q.source_doc and not q.expect_refusal:
        item["rank"] = ranks
        cited = any(c.get("doc") == q.source_doc and quote_in(str(c.get("quote", "")), q) for c in citations)
        item["cited_gold"] = cited
        if not cited and not q.expected_tool:
            why.append(f"gold passage of {q.source_doc} not cited")
        if q.answer_span and not q.expect_clarify:
            first = citations[0] if citations else {}
            # a document in two languages (003) carries the value in both halves: either span counts
            spans = [q.answer_span, *alternative_spans(q.extra.get("answer_span_alt"))]
            item["first_cite"] = first.get("doc") == q.source_doc and any(
                span_in(str(first.get("quote", "")), span) for span in spans
            )
            if not item["first_cite"]:
                why.append("the first citation does not carry the answer")
    if answer:
        detected = answer_language(text)
        item["language"] = detected
        item["language_match"] = detected == q.lang
        if detected != q.lang:
            why.append(f"answered in {detected}")
        grounding = answer.get("grounding") or {}
        item["grounding"] = bool(grounding.get("passed", True))
        if not item["grounding"]:
            why.append(f"ungrounded numbers {grounding.get('unsupported')}")
        item["citations"] = [{k: c.get(k) for k in ("id", "doc", "locator", "quote")} for c in citations]
        item["total_ms"] = (answer.get("timings_ms") or {}).get("total", 0.0)
        item["mode"] = answer.get("mode")
        item["notes"] = answer.get("notes", [])
        if answer.get("trace") is not None:
            item["trace"] = answer["trace"]
    item["why"] = why
    return item


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def _share(rows: list[dict[str, Any]], key: str) -> float:
    return _mean([float(r[key]) for r in rows if key in r])


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
                "in_language": _mean([float(r["in_language"]) for r in rows]),
                "refusal_accuracy": _mean([float(r["refusal_correct"]) for r in rows]),
                "declined": _share(rows, "declined"),
                "wrongly_declined": _share(rows, "wrongly_declined"),
                "clarified": _share(rows, "clarified"),
                "clarify_unneeded": _share(rows, "clarify_unneeded"),
                "verdict": _share(rows, "verdict_correct"),
                "premise": _share(rows, "premise_corrected"),
                "first_cite": _share(rows, "first_cite"),
                "tool_accuracy": _mean([float(r["tool_correct"]) for r in rows if "tool_correct" in r]),
                "recall@1": _mean([float(r["rank"] == 1) for r in ranked]),
                "recall@5": _mean([float(r["rank"] is not None and r["rank"] <= 5) for r in ranked]),
                "mrr": _mean([1 / r["rank"] if r["rank"] else 0.0 for r in ranked]),
                "cited_gold": _mean([float(r["cited_gold"]) for r in ranked]),
                "language_match": _mean([float(r["language_match"]) for r in rows if "language_match" in r]),
                "grounding": _mean([float(r["grounding"]) for r in rows if "grounding" in r]),
            }
    return out


def run_answer_eval(
    settings: Settings,
    questions_path: Path,
    out: Path,
    mode: str | None = None,
    judge: bool = False,
    progress: bool = False,
    asker: Asker | None = None,
    explain: bool = True,
) -> EvalRun:
    """Ask every question, score it, write ``report.json`` and ``report.md`` into ``out``."""
    questions = load_questions(questions_path)
    asker = asker or LocalAsker(settings, mode)
    with contextlib.suppress(AskFailed):
        asker.ask("warm up: scope 3")  # loads the detectors, jieba and the embedder outside the timings
    items: list[dict[str, Any]] = []
    iterator: Iterable[Question] = questions
    if progress:
        from tqdm import tqdm

        iterator = tqdm(questions, desc="eval", unit="q")
    started = time.perf_counter()
    for q in iterator:
        answer: dict[str, Any] | None = None
        error: str | None = None
        try:
            answer = asker.ask(q.question, explain=explain)
        except AskFailed as err:
            error = f"{err.code}: {err.message}"
        rank = None
        if q.source_doc and not q.expect_refusal:
            rank = gold_rank(asker.retrieve(q.question, k=DEPTH), q)
        items.append(score_item(q, answer, error, rank))
    if judge and isinstance(asker, LocalAsker) and asker.service.chat_model is not None:
        from evals.judge import judge_items

        judge_items(asker.service.chat_model, items)
    times = [it["total_ms"] for it in items if "total_ms" in it]
    meta = {
        "questions": str(questions_path),
        "n": len(questions),
        "asked": asker.name,
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
        if it.get("trace"):
            lines.append(f"  - trace: {format_trace(it['trace'])}")
    if any("judge" in it for it in run.items):
        judged = [it for it in run.items if "judge" in it]
        lines += ["", "## LLM judge (faithfulness, not part of the exact scores)", ""]
        lines.append(f"{sum(1 for it in judged if it['judge'] == 'faithful')}/{len(judged)} judged faithful")
    return "\n".join(lines) + "\n"


def format_trace(trace: list[dict[str, Any]]) -> str:
    """One line per answer: each stage's decision and its scores (``stage: decision (k=v, …)``)."""
    parts = []
    for stage in trace:
        scores = ", ".join(f"{k}={v}" for k, v in (stage.get("scores") or {}).items())
        parts.append(f"{stage.get('stage')}: {stage.get('decision')}" + (f" ({scores})" if scores else ""))
    return " → ".join(parts)


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
