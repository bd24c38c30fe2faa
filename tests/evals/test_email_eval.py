from __future__ import annotations

from evals.email_eval import matching_sections


def test_a_question_split_from_its_facts_finds_its_section() -> None:
    expected = "鞋厂A以2022年为基准年,每双鞋2.4千克CO2e。这个强度目标是否满足每年线性降低2%的最低要求?"
    drafted = ["这个强度目标是否满足每年线性降低2%的最低要求?", "目标获得SBTi批准后,多长时间内必须公布?"]
    assert matching_sections(expected, drafted) == [0]


def test_a_question_split_in_two_takes_both_sections() -> None:
    expected = "上海制造商论坛具体是哪天举办的?规模多大(与会者、演讲者)?"
    drafted = ["上海制造商论坛具体是哪天举办的?", "规模多大(与会者、演讲者)?", "深圳那场论坛来了多少人?"]
    assert matching_sections(expected, drafted) == [0, 1]


def test_an_unrelated_question_is_not_matched() -> None:
    assert matching_sections("What fee does SBTi charge?", ["Is that enough for 1.5°C?"]) == []


def test_a_drafted_question_that_holds_the_expected_one_answers_it() -> None:
    # a question that points back is drafted with the statement before it
    drafted = [
        "If our scope 3 target is 2°C-aligned, what's the minimum cut from 2023 to 2033?",
        "Our brand customer suggests -25% tCO2e per pair from 2021 to 2031. Does that meet the minimum?",
    ]
    assert matching_sections("Does that meet the minimum?", drafted) == [1]
