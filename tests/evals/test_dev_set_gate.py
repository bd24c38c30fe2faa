"""The CI gate: the no-LLM assistant on the committed dev set must not fall below ``evals/gate.json``."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.config import Settings
from evals.answer_eval import check_gate, format_summary, run_answer_eval
from evals.question_file import load_questions

ROOT = Path(__file__).resolve().parents[2]


def test_dev_set_is_balanced_and_well_formed() -> None:
    qs = load_questions(ROOT / "evals" / "questions.jsonl")
    assert len(qs) >= 120 and len({q.id for q in qs}) == len(qs)
    for lang in ("vi", "zh", "en"):
        assert sum(q.lang == lang for q in qs) >= 40
    assert sum(q.expect_refusal for q in qs) >= 15
    corpus = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "corpus").glob("*.txt")}
    for q in qs:
        if q.source_doc:
            assert q.source_quote and q.source_quote in corpus[q.source_doc], q.id
        if q.expected_tool:
            assert q.expected_value is not None, q.id


def test_no_llm_scores_stay_above_the_gate(corpus_settings: Settings) -> None:
    out = ROOT / "artifacts" / "eval"
    run = run_answer_eval(corpus_settings, ROOT / "evals" / "questions.jsonl", out, mode="no-llm")
    print(format_summary(run))
    failures = check_gate(run.summary, json.loads((ROOT / "evals" / "gate.json").read_text(encoding="utf-8")))
    assert not failures, f"{failures}; see {out / 'report.md'}"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["items"]) == run.meta["n"] and report["summary"]["lang"]["all"]["n"] == run.meta["n"]
