"""The passage ranking's calibration: where the gold candidate lands, in retrieval's order and in the trees'."""

from __future__ import annotations

import numpy as np

from assistant.retrieval.passage_ranking import FEATURES
from evals.calibrate_passage_ranking import fit_trees, gold_place, recall


def _question(rng: np.random.Generator, round_: str) -> dict[str, object]:
    """Ten candidates; the gold one has the highest 'numbers' signal but sits last in the fused order."""
    x = rng.random((10, len(FEATURES))) * 0.5
    numbers = FEATURES.index("numbers")
    x[:, numbers] = 0.0
    x[9, numbers] = 1.0
    y = [False] * 9 + [True]
    return {"round": round_, "x": x.tolist(), "y": y, "baseline": 9}


def test_trees_learn_the_signal_that_marks_the_gold_passage() -> None:
    rng = np.random.default_rng(1)
    rows = [_question(rng, f"r{i % 3}") for i in range(60)]
    trees = fit_trees(rows, {"max_iter": 30, "learning_rate": 0.1, "max_leaf_nodes": 7, "random_state": 0})
    held = [_question(rng, "r9") for _ in range(10)]
    before = [gold_place(r, None) for r in held]
    after = [gold_place(r, trees) for r in held]
    assert recall(before, 5) == 0.0  # the gold passage was tenth
    assert recall(after, 1) == 1.0


def test_a_question_whose_gold_is_not_among_the_candidates_is_a_miss() -> None:
    assert gold_place({"x": [], "y": [], "baseline": None}, None) is None
    assert recall([None, 0, 4, 5], 5) == 0.5
