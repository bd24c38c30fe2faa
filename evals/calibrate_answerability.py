"""Calibrate the answerability topic floor (``ASSISTANT_ANSWER_MIN_TOPIC``) on question files.

For every question: retrieval, evidence and the support gate run once; the best topic overlap among the
evidence segments that carry the kind of value asked is recorded; then every floor of a grid is scored:
the share of uncovered questions declined and of answerable ones wrongly declined.

    .venv/bin/python -m evals.calibrate_answerability evals/calibration/answerability.jsonl [more files]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.answer.service import AnswerService
from assistant.answer.stages.evidence import unique_quotes
from assistant.answer.understanding.answerability import carries, topic_overlap, what_is_asked
from assistant.config import get_settings
from evals.question_file import load_questions


def measure(service: AnswerService, question: str, lang: str) -> tuple[bool, float, str]:
    """(support gate passed, best topic overlap of a segment carrying the asked kind (-1 if none), kind)."""
    retrieved = service.retrieval.run(question, lang)
    asked = what_is_asked(question, lang)
    scored, evidence = service.weigh(question, lang, retrieved)  # the evidence the answer service weighs
    support = service.gate.run(question, lang, evidence)
    best = -1.0
    for e in unique_quotes(scored):
        words = f"{e.sentence} {e.translation or ''}"
        if carries(asked, words):
            best = max(best, topic_overlap(question, words, service.glossary.expansions(e.sentence)))
    return support.supported, best, asked.kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    service = AnswerService(get_settings().model_copy(update={"llm_base_url": None}))
    rows = []
    for path in args.files:
        for q in load_questions(path):
            if q.kind in ("calc", "criteria", "offtopic", "secret", "noword", "partial") or q.expected_tool:
                continue
            supported, best, kind = measure(service, q.question, q.lang)
            rows.append((q.expect_refusal, supported, best, kind))
    # two floors: questions asking a typed value (money, date, quantity…) and open ones (a rule, a meaning)
    for family, members in (
        ("typed", [r for r in rows if r[3] != "open"]),
        ("open", [r for r in rows if r[3] == "open"]),
    ):
        uncovered = [r for r in members if r[0]]
        answerable = [r for r in members if not r[0]]
        print(f"\n{family}: {len(uncovered)} uncovered, {len(answerable)} answerable questions")
        print("floor  declined(uncovered)  wrongly_declined(answerable)")
        for floor in [x / 20 for x in range(0, 17)]:
            declined = sum(1 for _, s, b, _k in uncovered if not s or b < floor) / max(1, len(uncovered))
            wrong = sum(1 for _, s, b, _k in answerable if not s or b < floor) / max(1, len(answerable))
            print(f"{floor:5.2f}  {declined:19.3f}  {wrong:28.3f}")


if __name__ == "__main__":
    main()
