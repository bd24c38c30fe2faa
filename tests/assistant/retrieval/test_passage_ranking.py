"""The passage ranking walks fitted trees over retrieval's signals; the shipped trees read exactly its signals."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from assistant.ranking.boosted_trees import BoostedTrees, Tree
from assistant.retrieval import passage_ranking
from assistant.retrieval.passage_ranking import FEATURES, TREE_COLUMNS, fitted_trees, order


def _stump(feature: str, threshold: float = 0.5, low: float = -1.0, high: float = 1.0) -> BoostedTrees:
    """One split on ``feature``: above the threshold scores ``high``; a missing value goes low."""
    i = TREE_COLUMNS.index(feature)
    tree = Tree(
        feature=(i, 0, 0),
        threshold=(threshold, 0.0, 0.0),
        left=(1, 0, 0),
        right=(2, 0, 0),
        leaf=(False, True, True),
        value=(0.0, low, high),
        missing_left=(True, False, False),
    )
    return BoostedTrees(TREE_COLUMNS, 0.0, (tree,))


def _row(**signals: float) -> list[float]:
    return [signals.get(name, 0.0) for name in FEATURES]


def test_the_trees_order_the_candidates_and_ties_keep_the_fused_order() -> None:
    trees = _stump("numbers")
    rows = [_row(numbers=0.0), _row(numbers=1.0), _row(numbers=0.0), _row(numbers=1.0)]
    ranked = order(["a", "b", "c", "d"], rows, trees)
    assert [cid for cid, _ in ranked] == ["b", "d", "a", "c"]
    assert [score for _, score in ranked] == [1.0, 1.0, -1.0, -1.0]


def test_a_signal_is_also_read_as_its_distance_to_the_best_candidate() -> None:
    """A dense similarity of 0.80 is best among weak candidates and far below among strong ones."""
    trees = _stump("dense_below_best", threshold=-0.05)
    weak = order(["x", "y"], [_row(dense=0.80), _row(dense=0.70)], trees)
    strong = order(["x", "y"], [_row(dense=0.80), _row(dense=0.90)], trees)
    assert weak[0] == ("x", 1.0)
    assert strong[0] == ("y", 1.0) and dict(strong)["x"] == -1.0


def test_a_missing_signal_goes_where_the_trees_send_it() -> None:
    trees = _stump("dense", threshold=0.5)
    ranked = order(["far", "near"], [_row(dense=math.nan), _row(dense=0.9)], trees)
    assert [cid for cid, _ in ranked] == ["near", "far"]


def test_rows_must_match_the_candidates() -> None:
    with pytest.raises(ValueError, match="2 candidates, 1 rows"):
        order(["a", "b"], [_row()], _stump("numbers"))


def test_trees_fitted_on_other_signals_are_not_used(tmp_path: Path) -> None:
    other = BoostedTrees(("something_else",), 0.0, ())
    path = tmp_path / "trees.json"
    path.write_text(other.to_json("test"), encoding="utf-8")
    assert fitted_trees(path) is None
    assert fitted_trees(tmp_path / "absent.json") is None


def test_the_shipped_trees_read_the_signals_retrieval_computes() -> None:
    trees = fitted_trees()
    assert trees is not None, f"{passage_ranking.TREES_PATH} is shipped"
    assert trees.features == TREE_COLUMNS and len(trees.trees) > 10
