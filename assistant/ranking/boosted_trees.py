"""Boosted regression trees read from JSON: the score of a row of signals is a baseline plus one leaf value per tree.

The evidence order's signals do not add up: a segment's own closeness to the question matters most when its
passage is not the closest, and a list question's separators only among segments on its topic. Trees fitted on
the dev rounds (``python -m evals.calibrate_evidence_order --trees``, scikit-learn's histogram gradient boosting)
learn such interplay; the assistant only walks them, so scikit-learn stays a dev tool and no pickle is loaded.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Tree:
    """One tree as parallel lists: node ``i`` sends a row left when ``row[feature[i]] <= threshold[i]`` (a missing
    value goes where ``missing_left[i]`` says); a leaf holds its ``value``."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    leaf: tuple[bool, ...]
    value: tuple[float, ...]
    missing_left: tuple[bool, ...]

    @classmethod
    def from_columns(cls, columns: Mapping[str, Sequence[Any]]) -> Tree:
        """A tree from its node columns, named as the fields are, holding Python numbers (JSON lists, or a fitted
        model's arrays through ``tolist``): no conversion per node, so the shipped trees load fast."""
        return cls(*(tuple(columns[name]) for name in cls.__dataclass_fields__))

    def leaf_value(self, row: Sequence[float]) -> float:
        i = 0
        while not self.leaf[i]:
            x = row[self.feature[i]]
            go_left = self.missing_left[i] if math.isnan(x) else x <= self.threshold[i]
            i = self.left[i] if go_left else self.right[i]
        return self.value[i]


@dataclass(frozen=True)
class BoostedTrees:
    features: tuple[str, ...]  # the name of each column the trees read
    baseline: float
    trees: tuple[Tree, ...]

    def score(self, row: Sequence[float]) -> float:
        """The row's decision value (higher: likelier to be the answer)."""
        if len(row) != len(self.features):
            raise ValueError(f"expected {len(self.features)} signals, got {len(row)}")
        return self.baseline + sum(t.leaf_value(row) for t in self.trees)

    def to_json(self, provenance: str) -> str:
        trees = [{name: list(getattr(t, name)) for name in Tree.__dataclass_fields__} for t in self.trees]
        data = {"provenance": provenance, "features": list(self.features), "baseline": self.baseline, "trees": trees}
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> BoostedTrees:
        data: dict[str, Any] = json.loads(text)
        trees = tuple(Tree.from_columns(t) for t in data["trees"])
        return cls(tuple(str(f) for f in data["features"]), float(data["baseline"]), trees)

    @classmethod
    def load(cls, path: Path) -> BoostedTrees | None:
        """The trees stored at ``path``; ``None`` when there is no such file."""
        if not path.exists():
            return None
        return cls.from_json(path.read_text(encoding="utf-8"))


def relative(rows: Sequence[Sequence[float]]) -> list[list[float]]:
    """Each row's signals followed by each signal minus the best of that signal among the rows ("how far below the
    closest candidate"): the trees judge a candidate against the others of its question. A missing signal
    (``nan``) is left out of the best and stays missing."""
    if not rows:
        return []
    best = [max((x for x in column if not math.isnan(x)), default=math.nan) for column in zip(*rows, strict=True)]
    return [[*row, *(x - b for x, b in zip(row, best, strict=True))] for row in rows]
