"""The calibration scripts' shared pieces: exported trees score as scikit-learn does; rows are cached per file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from evals.tree_fitting import cached_rows, exported


def test_exported_trees_score_rows_as_scikit_learn_does() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    from assistant.retrieval.passage_ranking import TREE_COLUMNS

    rng = np.random.default_rng(0)
    x = rng.random((300, len(TREE_COLUMNS)))
    x[rng.random((300, len(TREE_COLUMNS))) < 0.1] = np.nan  # missing signals go where the fit sent them
    y = (np.nan_to_num(x[:, 0]) + 0.3 * np.nan_to_num(x[:, 2]) > 0.7).astype(int)
    model = HistGradientBoostingClassifier(max_iter=20, max_leaf_nodes=7, random_state=0).fit(x, y)
    trees = exported(model, TREE_COLUMNS)
    ours = [trees.score(list(row)) for row in x[:50]]
    assert trees.features == TREE_COLUMNS
    assert np.allclose(ours, model.decision_function(x[:50]))


def test_rows_are_collected_once_per_file_and_read_back_from_the_cache(tmp_path: Path) -> None:
    calls: list[list[str]] = []

    def collect(paths: list[Path]) -> list[dict[str, Any]]:
        calls.append([p.stem for p in paths])
        return [{"file": p.stem, "id": f"{p.stem}-1", "x": [[1.0]], "y": [True]} for p in paths]

    cache = tmp_path / "cache" / "rows.jsonl"
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert [r["file"] for r in cached_rows([a], cache, collect)] == ["a"]
    assert [r["file"] for r in cached_rows([a, b], cache, collect)] == ["a", "b"]
    assert calls == [["a"], ["b"]]  # "a" came from the cache the second time
    assert len(cache.read_text().splitlines()) == 2 and json.loads(cache.read_text().splitlines()[1])["file"] == "b"
    assert [r["file"] for r in cached_rows([b], cache, collect)] == ["b"]  # only the files asked for
