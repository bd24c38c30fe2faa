"""The CI gate: the no-LLM assistant on the committed dev set must not fall below ``evals/gate.json``.

The dev set's own well-formedness (balance, quotes, calculator values) is checked in ``test_dev_set_data.py``."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.config import Settings
from evals.answer_eval import check_gate, format_summary, run_answer_eval

ROOT = Path(__file__).resolve().parents[2]


def test_no_llm_scores_stay_above_the_gate(corpus_settings: Settings) -> None:
    out = ROOT / "artifacts" / "eval"
    run = run_answer_eval(corpus_settings, ROOT / "evals" / "questions.jsonl", out, mode="no-llm")
    print(format_summary(run))
    failures = check_gate(run.summary, json.loads((ROOT / "evals" / "gate.json").read_text(encoding="utf-8")))
    assert not failures, f"{failures}; see {out / 'report.md'}"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["items"]) == run.meta["n"] and report["summary"]["lang"]["all"]["n"] == run.meta["n"]
