"""Fit the passage ranking (``assistant/retrieval/passage_ranking.py``) on dev questions whose gold passage is
known, and measure it leaving each round out in turn.

For each question with a ``source_doc`` and ``source_quote``, retrieval fuses its rankings as the assistant does
and each of the first ``DEPTH`` candidates becomes a row of signals, labelled by whether it is gold (the gold
document, holding the quote: ``evals.retrieval_eval.is_gold``). Boosted trees learn which signals put a gold
passage first. Reported per round: recall@1 and recall@5 in the order retrieval ships without the trees (the
fused order re-scored by idf), and with trees fitted without that round.

    .venv/bin/python -m evals.calibrate_passage_ranking evals/blind/i13r9_crosslingual.jsonl ... [--write]

Rows are cached by question (``--cache``), so a refit needs no retrieval. The baseline is retrieval's order with
the passage ranking off, whether or not a trees file is shipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from assistant.ranking.boosted_trees import BoostedTrees, relative
from assistant.retrieval import passage_ranking
from assistant.retrieval.passage_ranking import DEPTH, TREE_COLUMNS, TREES_PATH
from evals.question_file import load_questions, round_of
from evals.retrieval_eval import is_gold
from evals.tree_fitting import cached_rows, exported

K = 5


def collect(paths: list[Path]) -> list[dict[str, Any]]:
    """One row per question: its round, each head candidate's signals and label, and the gold's place in the
    order retrieval ships without trees."""
    from assistant.config import get_settings
    from assistant.retrieval.retriever import HybridRetriever

    retriever = HybridRetriever(get_settings(), rank_passages=False)
    retriever.refresh()
    out = []
    for path in paths:
        for q in load_questions(path):
            if not q.source_doc or not q.source_quote or q.expect_refusal:
                continue
            ids, rows = retriever.head_signals(q.question, q.lang)
            chunks = [retriever.chunk(cid) for cid in ids]
            labels = [c is not None and is_gold({"doc": c.meta.get("doc", ""), "text": c.text}, q) for c in chunks]
            shipped = [p.chunk_id for p in retriever.retrieve(q.question, k=DEPTH, lang=q.lang)]
            gold = {cid for cid, y in zip(ids, labels, strict=True) if y}
            baseline = next((i for i, cid in enumerate(shipped) if cid in gold), None)
            out.append(
                {"round": round_of(path), "file": path.stem, "id": q.id, "lang": q.lang, "x": rows, "y": labels}
                | {"baseline": baseline}
            )
    return out


# chosen on the dev rounds leaving each out (see the provenance in the trees file)
TREE_SETTINGS: dict[str, Any] = {"max_iter": 300, "learning_rate": 0.05, "max_leaf_nodes": 31, "random_state": 0}


def fit_trees(rows: list[dict[str, Any]], settings: dict[str, Any] | None = None) -> BoostedTrees:
    """Trees that score a candidate by its signals and their distance to the best candidate's; every question with
    a gold candidate weighs the same, however many candidates it has (one without teaches nothing about order)."""
    train = [r for r in rows if r["x"] and any(r["y"])]
    x = np.vstack([np.asarray(relative(r["x"]), dtype=float) for r in train])
    y = np.concatenate([np.asarray(r["y"], dtype=int) for r in train])
    w = np.concatenate([np.full(len(r["y"]), 1.0 / len(r["y"])) for r in train])
    model = HistGradientBoostingClassifier(**(settings or TREE_SETTINGS)).fit(x, y, sample_weight=w)
    return exported(model, TREE_COLUMNS)


def gold_place(r: dict[str, Any], trees: BoostedTrees | None) -> int | None:
    """The 0-based place of the first gold candidate: in the trees' order, or retrieval's order without them."""
    if trees is None:
        return r["baseline"]
    if not r["x"]:
        return None
    ranked = passage_ranking.order([str(i) for i in range(len(r["x"]))], r["x"], trees)
    return next((place for place, (i, _) in enumerate(ranked) if r["y"][int(i)]), None)


def recall(places: list[int | None], k: int) -> float:
    return sum(1 for p in places if p is not None and p < k) / len(places) if places else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--cache", type=Path, default=Path("artifacts/passage_ranking_candidates.jsonl"))
    parser.add_argument("--write", action="store_true", help=f"write the trees fitted on all files to {TREES_PATH}")
    args = parser.parse_args()
    wanted = {p.stem for p in args.files}
    rows = cached_rows(args.files, args.cache, collect)
    by_round: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_round[r["round"]].append(r)
    print(
        f"{len(rows)} questions, {sum(len(r['x']) for r in rows)} candidates; gold within {DEPTH}: "
        f"{sum(1 for r in rows if any(r['y'])) / len(rows):.3f}"
    )
    print(f"{'round':8s} {'n':>5s} {'no trees r@1':>12s} {'r@5':>6s} {'trees r@1':>10s} {'r@5':>6s}")
    before: list[int | None] = []
    after: list[int | None] = []
    by_lang: dict[str, tuple[list[int | None], list[int | None]]] = defaultdict(lambda: ([], []))
    for name in sorted(by_round, key=lambda s: int(s[1:]) if s[1:].isdigit() else 0):
        held = by_round[name]
        trees = fit_trees([r for r in rows if r["round"] != name])
        b = [gold_place(r, None) for r in held]
        a = [gold_place(r, trees) for r in held]
        before += b
        after += a
        for r, pb, pa in zip(held, b, a, strict=True):
            by_lang[r["lang"]][0].append(pb)
            by_lang[r["lang"]][1].append(pa)
        print(
            f"{name:8s} {len(held):5d} {recall(b, 1):12.3f} {recall(b, K):6.3f} {recall(a, 1):10.3f} {recall(a, K):6.3f}"
        )
    print(
        f"{'all':8s} {len(rows):5d} {recall(before, 1):12.3f} {recall(before, K):6.3f} "
        f"{recall(after, 1):10.3f} {recall(after, K):6.3f}"
    )
    for lang, (b, a) in sorted(by_lang.items()):
        print(
            f"{lang:8s} {len(b):5d} {recall(b, 1):12.3f} {recall(b, K):6.3f} {recall(a, 1):10.3f} {recall(a, K):6.3f}"
        )
    if args.write:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        about = (
            f"Boosted trees of the passage ranking (assistant/retrieval/passage_ranking.py), fitted by `python -m "
            f"evals.calibrate_passage_ranking` ({TREE_SETTINGS}) on {len(rows)} dev questions with a known gold "
            f"passage ({', '.join(sorted(wanted))}), {dt.date.today()}, at {commit}. Leaving each round out in turn: "
            f"recall@1 {recall(before, 1):.3f} -> {recall(after, 1):.3f}, recall@5 {recall(before, K):.3f} -> "
            f"{recall(after, K):.3f} (shipped order without trees -> trees)."
        )
        TREES_PATH.write_text(fit_trees(rows).to_json(about) + "\n", encoding="utf-8")
        print(f"wrote {TREES_PATH}")


if __name__ == "__main__":
    main()
