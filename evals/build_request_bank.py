"""Build the request bank (``assistant/answer/understanding/request_bank.jsonl``) from dev question files, with the
bundled embedder's vectors of it, and measure its decline rule round by round.

Every question of the given files is labelled by its kind: an off-topic request, a request for secrets or other
companies' data, a near-domain question the documents do not answer, or a question about the domain they do
answer (a fact, a calculation, a criteria check). The rule the
assistant applies (``assistant/answer/stages/request_kind.py``) is measured leaving each round out in turn: a
question of round N is judged against the bank without round N, as a new blind round would be.

    .venv/bin/python -m evals.build_request_bank evals/questions.jsonl evals/blind/i15r2_uncovered.jsonl ... [--write]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from assistant.answer.stages.request_kind import (
    BANK_PATH,
    LABELS,
    bundled_vectors_path,
    decide,
    load_rule,
)
from assistant.answer.understanding.planning import plan_question
from assistant.answer.understanding.reading import read_question
from assistant.config import get_settings
from assistant.index.embedders import get_embedder
from evals.question_file import load_questions, round_of

# question kinds of the dev files -> the bank's labels
_LABEL = {
    "off_topic": "off_topic",
    "offtopic": "off_topic",
    "secret": "secret",
    "secret_or_third_party": "secret",
    "near_domain": "uncovered",
}
_SKIP = {"refusal", "noword"}  # unlabelled refusals of the first dev set; input with no words has its own rule


def rows(paths: list[Path]) -> list[dict[str, str]]:
    out = []
    seen: set[str] = set()
    for path in paths:
        for q in load_questions(path):
            kind = str(q.extra.get("refusal_type") or q.kind or "")
            if kind in _SKIP or q.question in seen:
                continue
            seen.add(q.question)
            out.append(
                {"text": q.question, "lang": q.lang, "label": _LABEL.get(kind, "domain"), "source": path.as_posix()}
            )
    return out


def leave_one_round_out(
    bank: list[dict[str, str]], vectors: np.ndarray, min_sim: float, margin: float, phrases: list[bool]
) -> str:
    """Declined shares per label: by the bank alone, and together with the phrase lists (as the assistant does)."""
    rounds = np.array([round_of(Path(r["source"])) for r in bank])
    labels = np.array([r["label"] for r in bank])
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    alone: Counter[str] = Counter()
    both: Counter[str] = Counter()
    for i in range(len(bank)):
        others = rounds != rounds[i]
        declined = decide(unit[others] @ unit[i], labels[others], min_sim, margin) is not None
        alone[labels[i]] += declined
        both[labels[i]] += declined or phrases[i]
    counts = Counter(labels.tolist())
    return "; ".join(
        f"{label} ({counts[label]}): bank {alone[label] / max(1, counts[label]):.4f}, "
        f"with the phrase lists {both[label] / max(1, counts[label]):.4f}"
        for label in LABELS
    )


def phrase_declines(bank: list[dict[str, str]]) -> list[bool]:
    """Whether the phrase lists alone (``plan_question``) decline each question."""
    return [plan_question(read_question(r["text"], r["lang"])).kind == "decline" for r in bank]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--write", action="store_true", help="store the bank and the bundled embedder's vectors")
    args = parser.parse_args()
    bank = rows(args.files)
    embedder = get_embedder(get_settings().embeddings)
    vectors = np.asarray(embedder.embed_queries([r["text"] for r in bank]), dtype=np.float32)
    rule = load_rule()
    print(f"{len(bank)} questions: {dict(Counter(r['label'] for r in bank))}")
    declined = phrase_declines(bank)
    print("leave one round out:", leave_one_round_out(bank, vectors, rule.min_similarity, rule.margin, declined))
    if args.write:
        BANK_PATH.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in bank), encoding="utf-8")
        np.save(bundled_vectors_path(), vectors.astype(np.float16))
        print(f"wrote {BANK_PATH} and {bundled_vectors_path()}")


if __name__ == "__main__":
    main()
