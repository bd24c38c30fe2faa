"""The evidence order's fit: weights learnt from labelled candidates put the carrying one first."""

from __future__ import annotations

from typing import Any

import numpy as np

from evals.calibrate_evidence_order import first_right, fit


def _row(round_: str, carrying_signal: float) -> dict[str, Any]:
    # two signals: the first marks the carrying candidate, the second is noise that favours a wrong one
    return {
        "round": round_,
        "x": [[carrying_signal, 0.2], [0.1, 0.9], [0.0, 0.5]],
        "y": [True, False, False],
        "topic_order": [0.1, 0.9, 0.5],
    }


def test_fitted_weights_find_the_signal_that_marks_the_answer() -> None:
    rows = [_row(f"r{i}", 0.6 + 0.01 * i) for i in range(10)]
    weights = fit(rows, c=100.0)
    assert weights[0] > 0 > weights[1]
    assert first_right(rows, weights) == 1.0
    # the topic order alone puts the noisy candidate first
    assert first_right(rows, None) == 0.0


def test_a_question_without_candidates_counts_as_a_miss() -> None:
    empty: dict[str, Any] = {"round": "r1", "x": [], "y": [], "topic_order": []}
    rows = [_row("r1", 0.7), empty]
    assert first_right(rows, np.array([1.0, -1.0])) == 0.5


def test_fitted_trees_find_the_signal_that_marks_the_answer() -> None:
    from assistant.answer.stages.evidence_order import FEATURES, relative
    from evals.calibrate_evidence_order import fit_trees, trees_first_right

    width = len(FEATURES)
    rows: list[dict[str, Any]] = []
    for i in range(60):
        # the carrying candidate holds signal 0; signal 1 is noise that favours a wrong one
        x = [[0.6 + 0.001 * i, 0.2], [0.1, 0.9], [0.0, 0.5]]
        rows.append({"round": f"r{i}", "x": [row + [0.0] * (width - 2) for row in x], "y": [True, False, False]})
    trees = fit_trees(rows)
    assert trees_first_right(rows, trees) == 1.0
    scores = [trees.score(row) for row in relative(rows[0]["x"])]
    assert scores[0] > max(scores[1:])
