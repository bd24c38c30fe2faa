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


@pytest.mark.parametrize(
    ("question", "lang", "facts", "calculator", "expected"),
    [
        # the e-mail states a submission; the question asks for tonnes, not a timeframe
        (
            "Mỗi năm họ phải giảm tối thiểu bao nhiêu tấn CO2e phạm vi 1+2?",
            "vi",
            "Năm 2023 họ phát thải phạm vi 1 là 4.800 tấn, phạm vi 2 là 7.200 tấn. Họ dự kiến nộp mục tiêu cho SBTi "
            "trong năm 2025, chọn năm mục tiêu 2033 và chỉ muốn theo mức well-below 2°C (năm cơ sở 2023).",
            "absolute_contraction",
            {"base_emissions": 12000.0, "ambition": "wb2c"},
        ),
        # the e-mail's years do not make "do we need a scope 3 target?" a question about a cut
        (
            "Phạm vi 3 của chúng tôi có bắt buộc phải đặt mục tiêu không?",
            "vi",
            "Năm cơ sở (baseline) của chúng tôi là 2022, phát thải phạm vi 1 và 2 là 12.500 tấn CO2e, phạm vi 3 "
            "ước tính khoảng 30.000 tấn. Năm mục tiêu 2030.",
            "scope3_required",
            {"scope1": 12500.0, "scope3": 30000.0},
        ),
        # a calculation the question can already run still takes the base emissions the e-mail states
        (
            "按1.5°C,2023到2033年至少减多少?",
            "zh",
            "工厂2023年范围一排放 1.2万吨,范围二 3.8万吨。",
            "absolute_contraction",
            {"base_emissions": 50000.0},
        ),
    ],
)
def test_the_question_chooses_the_calculator_and_the_email_fills_its_inputs(
    question: str, lang: str, facts: str, calculator: str, expected: dict[str, object]
) -> None:
    plan = plan_question(QuestionAnalysis(4000).run(question, lang, context=facts).reading)
    assert plan.kind == "calculation" and plan.calculator == calculator
    assert {k: plan.arguments.get(k) for k in expected} == expected


def test_the_year_a_question_asks_about_after_the_emails_base_year_is_its_target() -> None:
    a = QuestionAnalysis(4000).run(
        "muc tieu 1.5°C thi nam 2030 nha may toi da duoc phat thai bao nhieu tan?",
        "vi",
        context="Nam co so 2021 nha may phat thai pham vi 1+2 khoang 25 nghin tan CO2e.",
    )
    plan = plan_question(a.reading)
    assert plan.calculator == "absolute_contraction"
    assert plan.arguments["base_year"] == 2021 and plan.arguments["target_year"] == 2030


def test_a_follow_up_in_an_email_takes_the_earlier_questions_figures_but_asks_anew() -> None:
    facts = "Năm cơ sở của chúng tôi là 2021, phát thải phạm vi 1+2 năm đó là 12.500 tấn CO2e."
    first = "Nếu chúng tôi giảm 35% vào năm 2030 thì có đủ cho mức 1.5°C?"
    a = QuestionAnalysis(4000).run(
        "Vậy tối thiểu phải giảm bao nhiêu tấn so với năm 2021?", "vi", context=facts, earlier=[first]
    )
    plan = plan_question(a.reading)
    # the minimum is computed, not the first question's 35% checked again
    assert plan.calculator == "absolute_contraction" and plan.arguments["target_year"] == 2030
    assert plan.arguments["base_emissions"] == 12500.0


def test_a_changed_target_year_in_a_follow_up_is_checked_again() -> None:
    facts = "我们计划2025年7月提交SBTi的near-term target,base year 2022。"
    first = "target year 2029 合不合规?"
    first_plan = plan_question(QuestionAnalysis(4000).run(first, "zh", context=facts).reading)
    assert first_plan.calculator == "target_timeframe" and first_plan.arguments["target_year"] == 2029
    a = QuestionAnalysis(4000).run("如果改成2030年呢?", "zh", context=facts, earlier=[first])
    plan = plan_question(a.reading)
    assert plan.calculator == "target_timeframe" and plan.arguments["target_year"] == 2030


def test_an_unrelated_question_of_the_email_is_not_merged_with_the_one_before() -> None:
    a = QuestionAnalysis(4000).run(
        "Nếu đăng ký MCAP thì phí thẩm định là bao nhiêu?",
        "vi",
        context="Năm 2023 họ phát thải phạm vi 1 là 4.800 tấn.",
        earlier=["Năm mục tiêu 2033 có nằm trong khung thời gian SBTi cho phép không?"],
    )
    assert not a.follow_up and plan_question(a.reading).kind == "fact"


@pytest.mark.parametrize(
    ("facts", "question", "lang", "calculator", "arguments"),
    [
        (  # round-5 dev e-mails: a rule question about the figures the message states, without "we"
            "Nam co so cua cong ty la 2024, pham vi 1 la 4.200 tan CO2e, pham vi 2 la 7.800 tan, pham vi 3 la 6.000 tan.",
            "Co bat buoc dat muc tieu pham vi 3 khong?",
            "vi",
            "scope3_required",
            {"scope1": 4200.0, "scope2": 7800.0, "scope3": 6000.0},
        ),
        (  # the part the target covers, named as the message lists it
            "Our 2023 inventory: scope 1 = 6,200 tCO2e, scope 2 = 9,800 tCO2e, scope 3 = 21,500 tCO2e. Of scope 3, "
            "purchased goods and services (fabric, trims, etc.) is 15,100 t and upstream transport approx. 2,300 t.",
            "If we do, and the scope 3 target only covers purchased goods and services, is that enough coverage?",
            "en",
            "scope3_coverage",
            {"scope3_total": 21500.0, "covered": 15100.0},
        ),
        (
            "贵司2024年排放:范围一0.8万吨,范围二2.4万吨,范围三41.6万吨。范围三中,外购商品和服务26.0万吨,上游运输与配送5.3万吨,"
            "其余3.8万吨。",
            "如果范围三目标只覆盖“外购商品和服务”这一类,能否满足覆盖范围要求?",
            "zh",
            "scope3_coverage",
            {"scope3_total": 416000.0, "covered": 260000.0},
        ),
        (  # "改用" here is the asker's plan, not an injected instruction: its years count
            "贵司2024年排放:范围一0.8万吨,范围二2.4万吨,范围三41.6万吨。",
            "若改用GEVA设定范围三经济强度目标(2025年到2035年),单位增值排放需累计下降多少?",
            "zh",
            "geva",
            {"base_year": 2025, "target_year": 2035, "base_emissions": 416000.0},  # the scope 3 the message states
        ),
    ],
)
def test_a_messages_facts_answer_the_questions_about_them(
    facts: str, question: str, lang: str, calculator: str, arguments: dict[str, object]
) -> None:
    plan = plan_question(QuestionAnalysis(4000).run(question, lang, context=facts).reading)
    assert (plan.kind, plan.calculator, plan.arguments) == ("calculation", calculator, arguments)


def test_two_categories_listed_alike_name_no_covered_amount() -> None:
    facts = "Scope 3 = 20,000 t: purchased goods 8,000 t, purchased goods 9,000 t."
    plan = plan_question(
        QuestionAnalysis(4000)
        .run("If the scope 3 target covers only purchased goods, is that enough?", "en", context=facts)
        .reading
    )
    assert plan.calculator != "scope3_coverage" or plan.kind != "calculation"


def test_an_exclusion_the_email_states_answers_only_the_question_about_it() -> None:
    facts = (
        "Our FY2023 inventory: scope 1 = 42,000 t, scope 2 = 31,500 t, scope 3 = 61,000 t CO2e. We'd like to leave "
        "some small sources out of the boundary, e.g. the canteen LPG and forklifts, roughly 2,900 t of scope 1."
    )
    need = QuestionAnalysis(4000).run("Do we actually need a scope 3 target with these numbers?", "en", context=facts)
    assert plan_question(need.reading).calculator == "scope3_required"
    allowed = QuestionAnalysis(4000).run("Is that allowed under the SBTi exclusion limit?", "en", context=facts)
    plan = plan_question(allowed.reading)
    # scope 1+2 is the two amounts stated apart; the excluded 2,900 t is no scope 1 amount
    assert plan.calculator == "scope12_coverage"
    assert plan.arguments["scope12_total"] == 73500 and plan.arguments["excluded"] == 2900


def test_a_follow_up_naming_another_site_asks_the_same_of_its_figures() -> None:
    a = QuestionAnalysis(4000).run(
        "Còn nhà máy A thì sao?",
        "vi",
        earlier=["Nhà máy B có bắt buộc phải đặt mục tiêu phạm vi 3 không?"],
        context="Năm cơ sở 2023: Phạm vi 1 1.200 tấn CO2e, Phạm vi 2 4.800 tấn CO2e, Phạm vi 3 3.500 tấn CO2e.",
    )
    plan = plan_question(a.reading)
    assert plan.calculator == "scope3_required" and plan.arguments["scope3"] == 3500


def test_a_target_set_only_for_listed_categories_covers_their_sum() -> None:
    a = QuestionAnalysis(4000).run(
        "东莞鞋厂打算只对外购商品和服务(1.3万吨)和上游运输(2000吨)设范围三目标,覆盖率够吗?",
        "zh",
        context="2024年(基准年)的排放如下: 范围一 3,600吨，范围二 9,400吨，范围三 2.2万吨。",
    )
    plan = plan_question(a.reading)
    assert plan.calculator == "scope3_coverage"
    assert plan.arguments == {"scope3_total": 22000.0, "covered": 15000.0}


def test_a_cut_another_question_proposes_is_not_the_cut_this_one_asks_for() -> None:
    facts = (
        "Our base year is 2022: scope 1+2 = 30,000 tCO2e. "
        "Our chairman wants to announce a 30% cut by 2030 (e.g. via rooftop solar)."
    )
    question = "If we follow the 1.5°C pathway, what % cut do we need by 2030?"
    plan = plan_question(QuestionAnalysis(4000).run(question, "en", context=facts).reading)
    assert plan.kind == "calculation" and plan.calculator == "absolute_contraction"
    assert plan.arguments["base_year"] == 2022 and plan.arguments["target_year"] == 2030


def test_an_email_in_chinese_numerals_states_the_figures_its_questions_need() -> None:
    from assistant.workflows.message_questions import split_message

    message = (
        "您好,我们是一家服装企业(东莞),去年盘查结果:范围一和范围二合计三万吨,范围三两万吨,其中售出产品的使用阶段"
        "(消费者洗涤烘干)约八千吨。想确认几件事:算上洗涤排放的话,范围三占比是多少,是否必须设范围三目标?"
        "如果按指南把间接使用阶段排放剔除,还需要设吗?"
    )
    questions, facts = split_message(message)
    assert "三万吨" in facts and len(questions) == 2
    counted, removed = (
        plan_question(QuestionAnalysis(4000).run(q, "zh", context=facts, earlier=questions[:i]).reading)
        for i, q in enumerate(questions)
    )
    # "范围三两万吨" is scope 3 at 20,000 t; "算上" counts the use phase in, "剔除" leaves it out (§6.2)
    assert counted.calculator == removed.calculator == "scope3_required"
    assert counted.arguments["scope3"] == removed.arguments["scope3"] == 20000.0
    assert counted.arguments["remove_indirect_use_phase"] is False
    assert removed.arguments["remove_indirect_use_phase"] is True


def test_tonnes_of_a_scope_and_an_allowed_time_range_are_asked_of_the_emails_figures() -> None:
    facts = "2023年为基准年,范围一 1.8万吨CO2e,范围二 4.2万吨。 计划2025年上半年向SBTi提交目标,目标年定在2035年。"
    earlier = ["如果走1.5°C路径,到2035年要减排百分之多少?"]
    analysis = QuestionAnalysis(4000)
    tonnes = plan_question(
        analysis.run("届时范围一加二排放上限是多少吨?", "zh", context=facts, earlier=earlier).reading
    )
    assert tonnes.calculator == "absolute_contraction" and tonnes.arguments["base_emissions"] == 60000.0
    window = plan_question(analysis.run("2035年这个目标年在SBTi允许的时间范围内吗?", "zh", context=facts).reading)
    assert window.calculator == "target_timeframe"


def test_a_question_with_a_question_word_of_its_own_does_not_lean_on_the_one_before() -> None:
    earlier = ["Nam 2025 ben em co 6.200 MWh dien mat troi tren tong 9.500 MWh, vay co du nguong dien tai tao khong?"]
    own = QuestionAnalysis(4000).run("Neu can hoi them ve MCAP thi gui email cho dia chi nao a?", "vi", earlier=earlier)
    assert not own.follow_up and not own.reading.mentions


def test_a_submission_year_stated_in_an_earlier_question_completes_a_later_one() -> None:
    earlier = [
        "我们计划2025年向SBTi提交目标,下面几个方案想请你们把关:我们范围三打算走GEVA路线,基准年2024,目标年2036,要降多少?"
    ]
    a = QuestionAnalysis(4000).run(
        "供应商参与方面,承诺到2029年让占采购支出八成的供应商设定科学碳目标,这个期限行不行?", "zh", earlier=earlier
    )
    plan = plan_question(a.reading)
    assert plan.calculator == "supplier_engagement"
    assert plan.arguments["submission_year"] == 2025 and plan.arguments["target_year"] == 2029
    assert plan.arguments["coverage_basis"] == "spend"


def test_an_email_fact_stated_twice_with_different_values_is_not_taken() -> None:
    facts = (
        "Cong ty du dinh nop muc tieu cho SBTi vao ngay 15/3/2025, nam muc tieu du kien la 2036. Dien tieu thu nam 2025 "
        "uoc tinh 18.500 MWh, trong do 11.840 MWh la dien tai tao. Ve nha cung cap, chung toi muon cam ket 80% nha "
        "cung cap co muc tieu khoa hoc den nam 2031."
    )
    a = QuestionAnalysis(4000).run("Ty le dien tai tao nam 2025 cua chung toi da dat nguong chua?", "vi", context=facts)
    plan = plan_question(a.reading)
    assert plan.calculator == "renewable_electricity" and plan.arguments["renewable_mwh"] == 11840.0


def test_by_then_leans_on_the_question_before_and_not_put_in_the_boundary_excludes() -> None:
    facts = "基准年2022年: 范围一:1.26万吨二氧化碳当量 范围二:2.94万吨二氧化碳当量 范围三:约9.8万吨二氧化碳当量"
    earlier = ["按照上面的数据,如果选远低于2°C(WB2C),到2032年范围一+二合计需要减多少?"]
    then = QuestionAnalysis(4000).run("届时排放上限是多少吨?", "zh", context=facts, earlier=earlier)
    assert then.follow_up and plan_question(then.reading).calculator == "absolute_contraction"
    boiler = QuestionAnalysis(4000).run("锅炉那1,900吨不放进目标边界,可以吗?", "zh", context=facts, earlier=earlier)
    plan = plan_question(boiler.reading)
    assert plan.calculator == "scope12_coverage" and plan.arguments["excluded"] == 1900.0


def test_a_need_question_beside_part_of_an_inventory_asks_for_the_rest() -> None:
    facts = "范围三约 5 万吨,其中第 1 类(外购商品和服务)3.2 万吨\n2024 年用电 2.4 万 MWh"
    a = QuestionAnalysis(4000).run("范围三是不是必须设目标?", "zh", context=facts)
    plan = plan_question(a.reading)
    assert plan.kind == "clarify" and plan.calculator == "scope3_required" and plan.missing == ("scope12_emissions",)
    # with no figures stated around it, the rule is the documents' to state
    assert plan_question(QuestionAnalysis(4000).run("范围三是不是必须设目标?", "zh").reading).kind == "fact"


def test_a_follow_up_that_opens_with_and_what_but_points_back_leans_on_the_one_before() -> None:
    before = "Their scope 3 target cuts emissions per piece 30% from 2024 to 2034."
    a = QuestionAnalysis(4000).run("and what will their absolute scope 3 be in 2034 with that target?", "en", [before])
    assert a.follow_up
    new = QuestionAnalysis(4000).run("And is their current scope 1+2 target ambitious enough?", "en", [before])
    assert not new.follow_up
