"""Fit the weights of the evidence order (``assistant/answer/stages/evidence_order.py``) on dev questions whose
answering sentence is known, and measure them leaving each round out in turn.

For each question with an ``answer_span``, the fact path runs as the assistant runs it (retrieval, evidence,
answerability) and every segment that states what is asked becomes a candidate, labelled by whether its quote
carries the span. A pairwise logistic regression learns which signals put a carrying segment above one that
does not. Reported per round: the share of questions whose first candidate carries the span in the topic order
(the order without weights) and with weights fitted without that round.

    .venv/bin/python -m evals.calibrate_evidence_order evals/blind/i15r9_answerable.jsonl ... [--write] [--trees]

``--trees`` also fits boosted trees (``evidence_order.trees.json``) on the signals and their distance to the best
candidate's, measured the same way, and writes them with ``--write``.

Candidates are cached by question (``--cache``), so a refit needs no retrieval.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import textwrap
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression

from assistant.answer.stages.evidence import unique_quotes
from assistant.answer.stages.evidence_order import FEATURES, TREE_COLUMNS, TREES_PATH, WEIGHTS_PATH, features, relative
from assistant.ranking.boosted_trees import BoostedTrees
from evals.answer_eval import alternative_spans, span_in
from evals.question_file import load_questions, round_of
from evals.tree_fitting import cached_rows, exported


def collect(paths: list[Path]) -> list[dict[str, Any]]:
    """One row per question: its round, and each candidate's features and label."""
    from assistant.answer.service import AnswerService
    from assistant.config import get_settings
    from assistant.text.language import detect_language

    service = AnswerService(get_settings())
    out = []
    for path in paths:
        for q in load_questions(path):
            if not q.answer_span or q.expect_refusal or q.expect_clarify or q.kind not in ("fact", "crosslingual"):
                continue
            spans = [q.answer_span, *alternative_spans(q.extra.get("answer_span_alt"))]
            lang = detect_language(q.question) if not q.lang else q.lang
            retrieved = service.retrieval.run(q.question, lang)
            scored, _ = service.weigh(q.question, lang, retrieved)
            _, stating, _, _ = service.answerability.candidates(q.question, lang, unique_quotes(scored))
            labels = [
                c.evidence.passage.doc == q.source_doc and any(span_in(c.evidence.sentence, s) for s in spans)
                for c in stating
            ]
            out.append(
                {
                    "round": round_of(path),
                    "file": path.stem,
                    "id": q.id,
                    "lang": lang,
                    "x": features(q.question, lang, stating, service.retriever.idf()),
                    "y": labels,
                    "topic_order": [float(c.quoted) * 10 + c.topic for c in stating],
                }
            )
    return out


def _pairs(rows: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs, ys, ws = [], [], []
    for r in rows:
        x = np.asarray(r["x"], dtype=float)
        pos = [i for i, y in enumerate(r["y"]) if y]
        neg = [i for i, y in enumerate(r["y"]) if not y]
        # every question weighs the same, however many candidates it has
        weight = 1.0 / (len(pos) * len(neg)) if pos and neg else 0.0
        for i in pos:
            for j in neg:
                xs += [x[i] - x[j], x[j] - x[i]]
                ys += [1, 0]
                ws += [weight, weight]
    return np.asarray(xs), np.asarray(ys), np.asarray(ws)


def fit(rows: list[dict[str, Any]], c: float) -> np.ndarray:
    x, y, w = _pairs(rows)
    model = LogisticRegression(fit_intercept=False, C=c, max_iter=5000)
    model.fit(x, y, sample_weight=w)
    return np.asarray(model.coef_[0])


# the trees' settings: chosen on the dev rounds leaving each out (31 leaves, 0.05: 200 rounds 0.753-0.757,
# 400 rounds 0.766; 63 leaves 0.766; at least 50 rows a leaf 0.759; linear weights 0.721)
TREE_SETTINGS: dict[str, Any] = {"max_iter": 400, "learning_rate": 0.05, "max_leaf_nodes": 31, "random_state": 0}


def fit_trees(rows: list[dict[str, Any]]) -> BoostedTrees:
    """Trees that score a candidate by its signals and their distance to the best candidate's; every question
    weighs the same, however many candidates it has."""
    train = [r for r in rows if r["x"]]
    x = np.vstack([np.asarray(relative(r["x"]), dtype=float) for r in train])
    y = np.concatenate([np.asarray(r["y"], dtype=int) for r in train])
    w = np.concatenate([np.full(len(r["y"]), 1.0 / len(r["y"])) for r in train])
    model = HistGradientBoostingClassifier(**TREE_SETTINGS).fit(x, y, sample_weight=w)
    return exported(model, TREE_COLUMNS)


def trees_first_right(rows: list[dict[str, Any]], trees: BoostedTrees) -> float:
    """``first_right`` for the trees' order."""
    right = 0
    for r in rows:
        if r["x"]:
            scores = [trees.score(row) for row in relative(r["x"])]
            right += bool(r["y"][int(np.argmax(scores))])
    return right / len(rows) if rows else 0.0


def first_right(rows: list[dict[str, Any]], weights: np.ndarray | None) -> float:
    """Share of the rows whose first candidate carries the span (rows with no candidate count as misses)."""
    right = 0
    for r in rows:
        if not r["x"]:
            continue
        if weights is None:
            keys = r["topic_order"]
            best = max(range(len(keys)), key=lambda i: (keys[i], -i))
        else:
            scores = np.asarray(r["x"], dtype=float) @ weights
            best = int(np.argmax(scores))
        right += bool(r["y"][best])
    return right / len(rows) if rows else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("artifacts/evidence_order_candidates.jsonl"))
    parser.add_argument("--c", type=float, default=100.0, help="inverse regularisation strength")
    parser.add_argument("--write", action="store_true", help=f"write the weights fitted on all files to {WEIGHTS_PATH}")
    parser.add_argument("--trees", action="store_true", help=f"fit boosted trees too (written to {TREES_PATH})")
    args = parser.parse_args()
    wanted = {p.stem for p in args.files}
    rows = cached_rows(args.files, args.cache, collect)
    by_round: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_round[r["round"]].append(r)
    print(f"{len(rows)} questions, {sum(len(r['x']) for r in rows)} candidates; C={args.c}")
    print(f"{'round':8s} {'n':>4s} {'topic order':>12s} {'fitted without it':>18s} {'trees without it':>17s}")
    totals = [0.0, 0.0, 0.0]
    for name in sorted(by_round, key=lambda s: int(s[1:]) if s[1:].isdigit() else 0):
        held = by_round[name]
        others = [r for r in rows if r["round"] != name]
        weights = fit(others, args.c)
        before, after = first_right(held, None), first_right(held, weights)
        by_trees = trees_first_right(held, fit_trees(others)) if args.trees else float("nan")
        for i, value in enumerate((before, after, by_trees)):
            totals[i] += value * len(held)
        print(f"{name:8s} {len(held):4d} {before:12.3f} {after:18.3f} {by_trees:17.3f}")
    shares = [t / len(rows) for t in totals]
    print(f"{'all':8s} {len(rows):4d} {shares[0]:12.3f} {shares[1]:18.3f} {shares[2]:17.3f}")
    weights = fit(rows, args.c)
    for name, w in zip(FEATURES, weights, strict=True):
        print(f"  {name:18s} {w:+.4f}")
    if args.write:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        provenance = (
            "Weights of the evidence order (assistant/answer/stages/evidence_order.py): the segment cited first is "
            "the one with the highest weighted sum of these signals. Fitted by `python -m "
            f"evals.calibrate_evidence_order` on {len(rows)} dev questions with a known answering sentence "
            f"({', '.join(sorted(wanted))}), {dt.date.today()}, at {commit}, C={args.c}. First candidate carries "
            f"the answer, leaving each round out in turn: topic order {shares[0]:.3f}, fitted "
            f"{shares[1]:.3f}."
        )
        lines = [
            *("# " + line for line in textwrap.wrap(provenance, 110)),
            "[weights]",
            *(f"{name} = {w:.4f}" for name, w in zip(FEATURES, weights, strict=True)),
        ]
        WEIGHTS_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_PATH}")
        if args.trees:
            about = (
                f"Boosted trees of the evidence order, fitted by `python -m evals.calibrate_evidence_order --trees` "
                f"({TREE_SETTINGS}) on {len(rows)} dev questions ({', '.join(sorted(wanted))}), {dt.date.today()}, "
                f"at {commit}. First candidate carries the answer, leaving each round out in turn: topic order "
                f"{shares[0]:.3f}, linear weights {shares[1]:.3f}, trees {shares[2]:.3f}."
            )
            TREES_PATH.write_text(fit_trees(rows).to_json(about) + "\n", encoding="utf-8")
            print(f"wrote {TREES_PATH}")


if __name__ == "__main__":
    main()
