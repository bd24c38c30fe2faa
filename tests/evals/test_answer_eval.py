"""Scoring one answer: a partial question's right answer names the part it cannot answer."""

from __future__ import annotations

from typing import Any

from evals.answer_eval import score_item
from evals.question_file import Question

PARTIAL = Question(
    id="p1",
    lang="en",
    question="How many advisory hours does MCAP give a year, and what do extra hours cost?",
    kind="partial",
    any_of=[["10 hours", "ten hours"]],
    expect_refusal=False,
    uncovered_part="price of extra hours",
)


def _answer(text: str, refused: bool) -> dict[str, Any]:
    return {"answer": text, "refused": refused, "citations": [], "tool_calls": [], "clarify": False}


def test_a_partial_answer_that_names_the_uncovered_part_is_right() -> None:
    text = "Cascale gives ten hours of advisory support a year. The documents do not state what extra hours cost."
    item = score_item(PARTIAL, _answer(text, refused=False), None, None)
    assert item["correct"] and not item["refused"]


def test_a_partial_question_refused_outright_or_answered_without_naming_the_gap_is_wrong() -> None:
    refused = score_item(PARTIAL, _answer("The documents do not cover this question.", refused=True), None, None)
    assert not refused["correct"] and "refused a partly covered question" in refused["why"]
    silent = score_item(PARTIAL, _answer("Cascale gives ten hours of advisory support a year.", False), None, None)
    assert not silent["correct"]


def test_a_fact_answer_that_ends_by_naming_an_unstated_part_is_not_a_refusal() -> None:
    q = Question(id="f1", lang="en", question=PARTIAL.question, kind="fact", any_of=[["ten hours"]])
    text = "Cascale gives ten hours of advisory support a year. [1]\n\nOn “extra hours”: the documents do not state it."
    assert score_item(q, _answer(text, refused=False), None, None)["correct"]
    flagless = "The documents do not cover this question.\n\nRelated passages: ten hours of support [1]"
    assert score_item(q, _answer(flagless, refused=False), None, None)["refused"]


def test_the_first_citation_carries_a_table_row_quoted_with_cell_separators() -> None:
    q = Question(
        id="t1",
        lang="zh",
        question="“测算并披露范围1&2排放量”这一项在CATI 2.0里值几分?",
        kind="fact",
        any_of=[["5"]],
        source_doc="003.txt",
        source_quote="2.1.1 测算并披露范围 1&2 排放量",
        answer_span="2.1.1 测算并披露范围 1&2 排放量\t5",
    )
    row = {"doc": "003.txt", "quote": "2.1 范围 1&2 (10) | 2.1.1 测算并披露范围 1&2 排放量 | 5"}
    answer = {**_answer("2.1.1 测算并披露范围 1&2 排放量: 5 分 [1]", False), "citations": [row]}
    assert score_item(q, answer, None, 1)["first_cite"]
    cut = {"doc": "003.txt", "quote": "2.1 范围 1&2 (10) | 2.1.1 测算并披露范围 1&2 排放量"}
    assert not score_item(q, {**answer, "citations": [cut]}, None, 1)["first_cite"]
