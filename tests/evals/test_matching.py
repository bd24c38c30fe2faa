from __future__ import annotations

from typing import Any

from evals.answer_eval import check_gate, compare_reports, summarise, value_matches
from evals.matching import answer_language, contains, match_answer, own_words, refuses_in_prose


def test_folding_decimal_commas_and_thousands() -> None:
    assert contains("Giảm 4,2 % mỗi năm", "4.2%")
    assert contains("target 6,960 tCO2e", "6960")
    assert contains("减排 42 %", "42%")
    assert not contains("減排 24%", "42%")


def test_match_rules() -> None:
    r = match_answer("Cần giảm 42% (tuyến tính)", ["42%"], [["linear", "tuyến tính"]], ["34,9"])
    assert r.passed
    bad = match_answer("Cần giảm 34,9%", ["42%"], [], ["34.9"])
    assert not bad.passed and bad.missing == ["42%"] and bad.forbidden == ["34.9"]


def test_language_of_own_words_ignores_quotes() -> None:
    answer = "According to the guidance:\n\n> 碳抵消不算作对公司科学碳目标进展的减排贡献 [1]\n\nTerms: «碳抵消» = carbon offsets"
    assert "碳抵消不算作" not in own_words(answer)
    assert answer_language(answer) == "en"
    assert refuses_in_prose("Các tài liệu không đề cập đến vấn đề này.", "vi")
    assert not refuses_in_prose("> 文件中没有 [1]\n\nThe documents say 40%.", "en")


def test_tool_value_within_rounding() -> None:
    assert value_matches({"intensity_change_percent": -66.3299}, -66.33)
    assert not value_matches({"a": 1.0, "b": [2.0, {"c": 3.0}]}, 4.0)
    assert value_matches({"a": 1.0, "b": [2.0, {"c": 3.0}]}, 3.0)


def _item(i: str, lang: str, correct: bool) -> dict[str, object]:
    return {
        "id": i,
        "lang": lang,
        "kind": "fact",
        "correct": correct,
        "in_language": correct,
        "refusal_correct": True,
        "why": [],
    }


def test_summary_gate_and_compare() -> None:
    old_items = [_item("a", "vi", True), _item("b", "vi", False)]
    new_items = [_item("a", "vi", False), _item("b", "vi", True)]
    old: dict[str, Any] = {"summary": summarise(old_items), "items": old_items}
    new: dict[str, Any] = {"summary": summarise(new_items), "items": new_items}
    assert new["summary"]["lang"]["vi"]["accuracy"] == 0.5
    assert check_gate(new["summary"], {"vi": {"accuracy": 0.6}}) == ["vi accuracy: 0.500 < 0.600"]
    assert check_gate(new["summary"], {"all": {"accuracy": 0.5}}) == []
    text = compare_reports(old, new)
    assert "## Improved (1)\n\n- b (vi)" in text and "## Regressed (1)\n\n- a (vi)" in text
