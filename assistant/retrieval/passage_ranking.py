"""Passage ranking: the order of the fused candidates' head, by boosted trees over retrieval's own signals.

Reciprocal-rank fusion weighs each ranking by a fixed weight, whatever the question: a passage found by keywords
in its translation and far in meaning counts as much as one found close in meaning by every ranking. On the dev
rounds' fact questions the gold passage is among the first 40 fused candidates for 0.98 of them but among the
first five for 0.87. Trees fitted on those rounds (``python -m evals.calibrate_passage_ranking``) read each
candidate's place in every ranking, its closeness in meaning, how much of the question its best segment and the
whole passage hold, and each signal's distance to the best candidate's, and order the head by them. The assistant
only walks the trees (``assistant.ranking.boosted_trees``); without the file the fused order with the idf
re-scoring stays (``HybridRetriever._rerank``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from assistant.ranking.boosted_trees import BoostedTrees, relative

TREES_PATH = Path(__file__).with_name("passage_ranking.trees.json")

# the signals of one candidate, in the order the trees read them
FEATURES = (
    "fused",  # the reciprocal-rank fusion score
    "fused_rank",  # 1 / (1 + place in the fused list)
    "dense_rank",  # 1 / (1 + place among the passages closest in meaning), 0 when not among them
    "segment_rank",  # the same among the passages whose single segment is closest
    "probe_dense_rank",  # the same for the question's glossary probes in the other languages (the best probe)
    "bm25_rank",  # the same for BM25 over the question and its glossary equivalents
    "probe_bm25_rank",  # the same for BM25 over each language's glossary terms (the best)
    "dense",  # cosine similarity of the passage's closest language version (nan, missing: not among the closest)
    "segment_dense",  # cosine similarity of its closest segment (nan: none among the closest segments)
    "segment_idf",  # the question's words in the passage's best segment, weighed by idf (the re-scoring's signal)
    "passage_idf",  # the question's words in the whole passage and its translation, weighed by idf
    "numbers",  # share of the question's numbers and clause ids found in the passage or its translation
    "back_matter",  # a contents page or a list of references
    "asker_language",  # the original is written in the asker's language
    "versions_matched",  # how many language versions of the passage some ranking found
    "length",  # the passage's length in thousands of characters
)
TREE_COLUMNS = FEATURES + tuple(f"{name}_below_best" for name in FEATURES)
# how deep the fused list is ordered by the trees: the gold passage is within 40 for 0.98 of the dev questions
DEPTH = 40


@cache
def fitted_trees(path: Path = TREES_PATH) -> BoostedTrees | None:
    """The shipped trees, read once (``None`` without the file, or when they read other signals)."""
    trees = BoostedTrees.load(path)
    return trees if trees is not None and trees.features == TREE_COLUMNS else None


def order(ids: Sequence[str], rows: Sequence[Sequence[float]], trees: BoostedTrees) -> list[tuple[str, float]]:
    """The candidates by the trees' score, highest first (ties keep the fused order)."""
    if len(ids) != len(rows):
        raise ValueError(f"{len(ids)} candidates, {len(rows)} rows of signals")
    scores = [trees.score(row) for row in relative(rows)]
    ranked = sorted(range(len(ids)), key=lambda i: (-scores[i], i))
    return [(ids[i], scores[i]) for i in ranked]


def reciprocal(rank: int | None) -> float:
    """1 / (1 + rank) for a 0-based place, 0 when absent."""
    return 0.0 if rank is None else 1.0 / (1 + rank)
