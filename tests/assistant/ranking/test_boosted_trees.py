"""Boosted trees read from JSON score a row as a baseline plus one leaf per tree."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from assistant.ranking.boosted_trees import BoostedTrees, Tree

# one split on signal 1 at 0.5: at most 0.5 goes left (-1.0), above it right (+2.0); a missing value goes right
STUMP = Tree((1, 0, 0), (0.5, 0.0, 0.0), (1, 0, 0), (2, 0, 0), (False, True, True), (0.0, -1.0, 2.0), (False,) * 3)
LEAF = Tree((0,), (0.0,), (0,), (0,), (True,), (0.25,), (False,))


def test_a_row_goes_down_each_tree_to_one_leaf() -> None:
    trees = BoostedTrees(("a", "b"), 0.1, (STUMP, LEAF))
    assert trees.score([9.0, 0.5]) == pytest.approx(0.1 - 1.0 + 0.25)
    assert trees.score([9.0, 0.51]) == pytest.approx(0.1 + 2.0 + 0.25)
    assert trees.score([0.0, math.nan]) == pytest.approx(0.1 + 2.0 + 0.25)


def test_a_row_of_other_signals_is_refused() -> None:
    with pytest.raises(ValueError, match="expected 2 signals"):
        BoostedTrees(("a", "b"), 0.0, (LEAF,)).score([1.0])


def test_trees_survive_their_json(tmp_path: Path) -> None:
    trees = BoostedTrees(("a", "b"), -0.3, (STUMP, LEAF))
    path = tmp_path / "trees.json"
    path.write_text(trees.to_json("fitted for a test"), encoding="utf-8")
    loaded = BoostedTrees.load(path)
    assert loaded == trees
    assert BoostedTrees.load(tmp_path / "none.json") is None
