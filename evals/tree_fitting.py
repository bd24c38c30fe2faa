"""What the calibration scripts that fit boosted trees share: rows cached per question, and the fitted model's trees
exported as plain data (``assistant.ranking.boosted_trees``), so scikit-learn stays a dev tool."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from assistant.ranking.boosted_trees import BoostedTrees, Tree


def cached_rows(
    files: Sequence[Path], cache: Path, collect: Callable[[list[Path]], list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    """The rows of ``files`` (one per question, keyed by ``file`` and ``id``): read from ``cache``, the files it does
    not hold collected and added to it."""
    cached: dict[str, dict[str, Any]] = {}
    if cache.exists():
        cached = {r["file"] + "/" + r["id"]: r for r in map(json.loads, cache.read_text().splitlines())}
    missing = [p for p in files if not any(k.startswith(p.stem + "/") for k in cached)]
    if missing:
        for r in collect(list(missing)):
            cached[r["file"] + "/" + r["id"]] = r
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text("".join(json.dumps(r) + "\n" for r in cached.values()))
    wanted = {p.stem for p in files}
    return [r for r in cached.values() if r["file"] in wanted]


def exported(model: HistGradientBoostingClassifier, columns: tuple[str, ...]) -> BoostedTrees:
    """The fitted model's trees as plain lists (scikit-learn keeps them in its predictors' node arrays)."""
    names = {
        "feature": "feature_idx",
        "threshold": "num_threshold",
        "left": "left",
        "right": "right",
        "leaf": "is_leaf",
        "value": "value",
        "missing_left": "missing_go_to_left",
    }
    trees = [
        Tree.from_columns({ours: predictor.nodes[theirs].tolist() for ours, theirs in names.items()})
        for (predictor,) in model._predictors
    ]
    return BoostedTrees(columns, float(np.ravel(model._baseline_prediction)[0]), tuple(trees))
