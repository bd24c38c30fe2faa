"""Evidence order: which of the segments that state what is asked is cited first.

Every segment answerability keeps states the kind of value asked; the one cited first should be the one that
answers. No single signal picks it: on the dev rounds' 1,725 questions with a known answering sentence, some
candidate carries the answer for 0.89 of them, the most on-topic one for 0.69, the best segment of the passage
retrieval ranked first for 0.62, of the passage closest in meaning for 0.52. So the order is a weighted sum of
such signals, its weights fitted on dev questions whose answering sentence is known
(pairwise logistic regression: ``python -m evals.calibrate_evidence_order``). The weights and the figures they
were chosen by live in ``evidence_order.toml``; with no weights the order is the topic overlap alone, as before.

The signals do not add up, though: boosted trees on them and on each one's distance to the best candidate's
(``evidence_order.trees.json``, fitted by the same script with ``--trees``) put a carrying segment first more
often (the figures are in the file); when that file is there, the trees decide.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.answer.stages.evidence import MAX_QUOTE_CHARS, Evidence
from assistant.answer.understanding.answerability import asks_for_list
from assistant.ranking.boosted_trees import BoostedTrees, relative
from assistant.text.tokenize import tokenize

WEIGHTS_PATH = Path(__file__).with_name("evidence_order.toml")
TREES_PATH = Path(__file__).with_name("evidence_order.trees.json")

# the signals, in the order of the weights file
FEATURES = (
    "topic",  # share of the question's key words in the segment (answerability's topic overlap)
    "segment_overlap",  # share of the question's terms in the segment (with its translation)
    "passage_overlap",  # share of the question's terms in the whole passage
    "dense",  # the passage's cosine similarity to the question
    "reciprocal_rank",  # 1 / (1 + the passage's place in the retrieved list)
    "first_passage",  # the passage retrieval ranked first
    "alternative",  # not its passage's best segment
    "quoted",  # holds a term the asker put in quotes
    "length",  # the quote's length, as a share of the longest quote
    "asker_language",  # written in the asker's language
    "translated",  # has our translation into the asker's language
    "idf_topic",  # the question's words in the segment, each weighed by its idf (a name counts, "the" does not)
    "pairs",  # share of the question's adjacent word pairs found adjacent in the segment ("主题 演讲")
    "numbers",  # share of the question's numbers (years, ids, values) found in the segment
    "list_marks",  # for a question that asks for a list: how many items the segment separates (、 , ■ • |)
    "segment_dense",  # the segment's own cosine similarity to the question (its closest language version)
)
# a number of the question worth finding: two digits or more (a year, a value, an id); "scope 1" is everywhere
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+|\d{2,}")
_LIST_MARK = re.compile(r"[、,，;；■•|●▪]")
LIST_MARKS_FULL = 10  # separators that make a full list


@dataclass(frozen=True)
class Candidate:
    """A segment that states what is asked, with the signals answerability computed for it."""

    evidence: Evidence
    topic: float
    quoted: bool


def features(
    question: str, lang: str, candidates: Sequence[Candidate], idf: Mapping[str, float] | None = None
) -> list[list[float]]:
    """Each candidate's signals, in the order of ``FEATURES``. ``idf``: the index's idf of each token (words it
    does not know weigh as the rarest it knows)."""
    q_list = tokenize(question)
    q_set = set(q_list)
    idf = idf or {}
    rare = max(idf.values(), default=1.0)
    q_weight = sum(idf.get(t, rare) for t in q_set) or 1.0
    q_pairs = set(zip(q_list, q_list[1:], strict=False))
    q_numbers = set(_NUMBER.findall(question))
    wants_list = asks_for_list(question)
    rows = []
    for c in candidates:
        e = c.evidence
        seg_lists = [tokenize(e.sentence), tokenize(e.translation or "")]
        seg_set = set(seg_lists[0]) | set(seg_lists[1])
        seg_pairs = {pair for tokens in seg_lists for pair in zip(tokens, tokens[1:], strict=False)}
        words = f"{e.sentence} {e.translation or ''}"
        rows.append(
            [
                c.topic,
                e.segment_overlap,
                e.overlap,
                e.dense,
                1.0 / (1 + e.rank),
                float(e.rank == 0),
                float(e.alternative),
                float(c.quoted),
                min(len(e.sentence), MAX_QUOTE_CHARS) / MAX_QUOTE_CHARS,
                float(e.passage.language == lang),
                float(e.translation is not None),
                sum(idf.get(t, rare) for t in q_set & seg_set) / q_weight,
                len(q_pairs & seg_pairs) / len(q_pairs) if q_pairs else 0.0,
                sum(n in words for n in q_numbers) / len(q_numbers) if q_numbers else 0.0,
                min(len(_LIST_MARK.findall(e.sentence)), LIST_MARKS_FULL) / LIST_MARKS_FULL if wants_list else 0.0,
                e.segment_dense,
            ]
        )
    return rows


# the trees read each signal and its distance to the best candidate's ("how far below the closest segment")
TREE_COLUMNS = FEATURES + tuple(f"{name}_below_best" for name in FEATURES)


@cache
def fitted_trees() -> BoostedTrees | None:
    """The shipped trees, read once (``None`` without the file, or when they read other signals)."""
    trees = BoostedTrees.load(TREES_PATH)
    return trees if trees is not None and trees.features == TREE_COLUMNS else None


def load_weights(path: Path = WEIGHTS_PATH) -> tuple[float, ...] | None:
    """The fitted weights, one per feature; ``None`` when the file has none (or names other features)."""
    if not path.exists():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    weights = data.get("weights") or {}
    if set(weights) != set(FEATURES):
        return None
    return tuple(float(weights[name]) for name in FEATURES)


@cache
def fitted_weights() -> tuple[float, ...] | None:
    """The shipped weights, read once."""
    return load_weights(WEIGHTS_PATH)


def order(
    question: str,
    lang: str,
    candidates: Sequence[Candidate],
    idf: Mapping[str, float] | None = None,
    weights: Sequence[float] | None = None,
) -> list[Candidate]:
    """The candidates, the likeliest to carry the answer first: by the shipped trees, or by ``weights`` (the
    fitted linear weights when the trees are absent); a quoted term first, then the topic, when neither is
    there. Weights given explicitly are used rather than the trees."""
    trees = fitted_trees() if weights is None else None
    w = fitted_weights() if weights is None else weights
    if (not trees and not w) or len(candidates) < 2:
        return sorted(candidates, key=lambda c: (c.quoted, c.topic), reverse=True)
    rows = features(question, lang, candidates, idf)
    if trees:
        scores = [trees.score(row) for row in relative(rows)]
    else:
        linear = w or ()
        scores = [sum(a * b for a, b in zip(linear, row, strict=True)) for row in rows]
    ranked = sorted(range(len(candidates)), key=lambda i: scores[i], reverse=True)
    return [candidates[i] for i in ranked]
