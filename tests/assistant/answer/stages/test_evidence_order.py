"""The evidence order: the fitted weights decide which stating segment is cited first."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from assistant.answer.stages.evidence_order import (
    FEATURES,
    TREE_COLUMNS,
    Candidate,
    features,
    fitted_trees,
    load_weights,
    order,
    relative,
)
from tests.assistant.answer.stages.helpers import evidence, passage

QUESTION = "深圳论坛一开场的主题演讲是谁讲的?"


def _candidates() -> list[Candidate]:
    p = passage([("x", None)], language="zh", translation_lang=None)
    opening = evidence(p, "制造商论坛在深圳举行,开场介绍了议程。", None)
    speech = replace(
        evidence(p, "Sing Bin Lim 在活动开始时发表了主题演讲。", None), rank=2, dense=0.80, segment_overlap=0.2
    )
    return [Candidate(opening, topic=0.6, quoted=False), Candidate(speech, topic=0.4, quoted=False)]


def test_without_weights_the_most_on_topic_segment_comes_first() -> None:
    first = order(QUESTION, "zh", _candidates(), weights=())[0]
    assert "议程" in first.evidence.sentence


def test_weights_on_the_question_s_word_pairs_put_the_segment_that_holds_them_first() -> None:
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("pairs")] = 1.0
    first = order(QUESTION, "zh", _candidates(), weights=weights)[0]
    assert "主题演讲" in first.evidence.sentence


def test_rare_words_weigh_more_than_common_ones() -> None:
    rows = features(QUESTION, "zh", _candidates(), idf={"主题": 5.0, "演讲": 5.0, "论坛": 0.1, "深圳": 0.1})
    idf_topic = FEATURES.index("idf_topic")
    assert rows[1][idf_topic] > rows[0][idf_topic]
    assert all(len(row) == len(FEATURES) for row in rows)


def test_a_weights_file_naming_other_signals_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "weights.toml"
    path.write_text("[weights]\ntopic = 1.0\n", encoding="utf-8")
    assert load_weights(path) is None
    path.write_text("[weights]\n" + "".join(f"{name} = 0.5\n" for name in FEATURES), encoding="utf-8")
    assert load_weights(path) == tuple(0.5 for _ in FEATURES)


def test_the_trees_read_each_signal_and_its_distance_to_the_best() -> None:
    rows = relative([[0.2, 1.0], [0.5, 0.0]])
    assert rows == [[0.2, 1.0, -0.3, 0.0], [0.5, 0.0, 0.0, -1.0]]
    assert relative([]) == []


def test_the_shipped_trees_read_the_order_s_signals_and_put_the_sentence_with_the_answer_first() -> None:
    trees = fitted_trees()
    assert trees is not None and trees.features == TREE_COLUMNS
    p = passage([("x", None)], language="zh", translation_lang=None)
    # the same passage: the segment that shares the question's word pairs and is closest to it in meaning
    speech = replace(evidence(p, "Sing Bin Lim 在活动开始时发表了主题演讲。", None), segment_dense=0.9)
    opening = replace(evidence(p, "制造商论坛在深圳举行,开场介绍了议程。", None), segment_dense=0.8)
    ordered = order(QUESTION, "zh", [Candidate(opening, 0.5, False), Candidate(speech, 0.5, False)])
    assert "主题演讲" in ordered[0].evidence.sentence
