from __future__ import annotations

import pytest

from assistant.answer.stages.analysis import Analysis, QuestionAnalysis
from assistant.answer.understanding.planning import plan_question
from tools.errors import LocalizedError


def _year(a: Analysis, role: str) -> int | None:
    m = a.reading.one(role)
    return int(m.value) if m is not None else None


def test_language_and_figures() -> None:
    a = QuestionAnalysis(4000).run("Giảm 30% từ 2020 đến 2030 có đạt 1,5°C không?", None)
    assert a.language == "vi" and _year(a, "base_year") == 2020 and _year(a, "target_year") == 2030
    assert not a.follow_up


def test_follow_up_takes_the_previous_figures() -> None:
    a = QuestionAnalysis(4000).run("còn 2°C thì sao?", None, ["Giảm 30% từ 2020 đến 2030 có đạt 1,5°C không?"])
    assert a.follow_up and _year(a, "base_year") == 2020 and a.reading.ambition == "2c"


@pytest.mark.parametrize("lang", ["vi", "zh", "en"])
def test_empty_and_long_questions_are_errors_in_the_askers_language(lang: str) -> None:
    analysis = QuestionAnalysis(20)
    with pytest.raises(LocalizedError) as empty:
        analysis.run("   ", lang)
    assert empty.value.code == "empty_question" and empty.value.status == 422 and empty.value.lang == lang
    with pytest.raises(LocalizedError) as long:
        analysis.run("x" * 21, lang)
    assert long.value.code == "question_too_long" and "20" in long.value.message()


def test_an_emails_facts_complete_the_calculation_the_question_asks_for() -> None:
    facts = (
        "Năm cơ sở của chúng tôi là 2021, phát thải phạm vi 1+2 năm đó là 12.500 tấn CO2e. "
        "Công ty dự kiến nộp mục tiêu trong tháng 3/2025."
    )
    a = QuestionAnalysis(4000).run("Nếu chúng tôi giảm 35% vào năm 2030 thì có đủ cho mức 1.5°C?", "vi", context=facts)
    # the base year comes from the e-mail; its submission date does not turn this into a timeframe check
    assert _year(a, "base_year") == 2021 and _year(a, "target_year") == 2030
    assert a.reading.one("submission_date") is None


@pytest.mark.parametrize(
    ("question", "lang", "facts", "calculator"),
    [
        (
            "请问:我们是否必须设定范围三目标?",
            "zh",
            "2022年盘查结果:范围一 5,600吨,范围二 18,400吨,范围三 9万吨。",
            "scope3_required",
        ),
        (
            "What would our maximum scope 1+2 emissions be in 2032 under the minimum 1.5°C pathway?",
            "en",
            "Our base year is 2022. Scope 1 was 4,300 tCO2e and scope 2 was 9,700 tCO2e that year.",
            "absolute_contraction",
        ),
    ],
)
def test_a_check_on_the_askers_figures_takes_them_from_the_email(
    question: str, lang: str, facts: str, calculator: str
) -> None:
    plan = plan_question(QuestionAnalysis(4000).run(question, lang, context=facts).reading)
    assert plan.kind == "calculation" and plan.calculator == calculator
