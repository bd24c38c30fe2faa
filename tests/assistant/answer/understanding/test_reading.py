"""Reading: the role of each year a question names (base, target, submission, inventory)."""

from __future__ import annotations

import pytest

from assistant.answer.understanding.reading import complete_with, read_question


def _year_roles(question: str, lang: str) -> dict[float, str | None]:
    return {m.value: m.role for m in read_question(question, lang).mentions if m.unit in ("year", "date")}


@pytest.mark.parametrize(
    ("question", "lang", "roles"),
    [
        # a base-year cue with another year between it and this one belongs to that year
        ("Giảm 25% phạm vi 1+2 từ năm cơ sở 2019 đến 2029 có đạt 1,5°C không?", "vi", {2019: "base_year", 2029: "target_year"}),
        ("从2018年(基准年)到2030年减少40%,够1.5°C吗?", "zh", {2018: "base_year", 2030: "target_year"}),
        # a submission cue a few characters after the year, or further before it
        ("我们计划2025年向SBTi提交目标,最近一次盘查是2024年,目标年定在2028年", "zh",
         {2025: "submission", 2024: "inventory_year", 2028: "target_year"}),
        ("Công ty dự kiến nộp mục tiêu cho SBTi trong năm 2025, năm kiểm kê gần nhất là 2024, năm mục tiêu 2045", "vi",
         {2025: "submission", 2024: "inventory_year", 2045: "target_year"}),
    ],
)  # fmt: skip
def test_year_roles(question: str, lang: str, roles: dict[float, str]) -> None:
    assert _year_roles(question, lang) == roles


@pytest.mark.parametrize(
    ("question", "lang", "roles"),
    [
        ("We used 12,600 MWh of electricity and 11,200 MWh of it was renewable.", "en", [(12600, "total_mwh"), (11200, "renewable_mwh")]),
        ("我们2025年总用电12,000 MWh,绿电7,800 MWh。", "zh", [(12000, "total_mwh"), (7800, "renewable_mwh")]),
        ("可再生电力7,600 MWh，总用电10,000 MWh", "zh", [(7600, "renewable_mwh"), (10000, "total_mwh")]),
        ("dung tong cong 8.400 MWh dien, trong do dien mat troi 2.100 MWh", "vi", [(8400, "total_mwh"), (2100, "renewable_mwh")]),
    ],
)  # fmt: skip
def test_electricity_amounts(question: str, lang: str, roles: list[tuple[float, str]]) -> None:
    assert [(m.value, m.role) for m in read_question(question, lang).mentions if m.unit == "mwh"] == roles


@pytest.mark.parametrize(
    ("text", "lang", "roles"),
    [
        # "is 3" is no scope name
        (
            "Group base year is 2022: scope 1 is 3,100 tCO2e and scope 2 is 9,400 tCO2e.",
            "en",
            {"s1": 3100.0, "s2": 9400.0},
        ),
        ("scope 3 初步算下来大约3.6万吨CO2e", "zh", {"s3": 36000.0}),
        ("范围一2万吨,范围二3万吨", "zh", {"s1": 20000.0, "s2": 30000.0}),
        ("基准年2019年范围一加范围二排放3.2万吨", "zh", {"s12": 32000.0}),
        ("我们范围一+二大约两万吨", "zh", {"s12": 20000.0}),
    ],
)
def test_amounts_as_people_write_them(text: str, lang: str, roles: dict[str, float]) -> None:
    r = read_question(text, lang)
    assert {role: (m.value if (m := r.one(role)) else None) for role in roles} == roles


def test_a_comparison_cue_names_the_base_year_after_another_year() -> None:
    r = read_question('老板想定一个"2030年比2024年减少三成"的目标,这个三成够不够1.5°C?', "zh")
    assert r.one("base_year").value == 2024 and r.one("target_year").value == 2030  # type: ignore[union-attr]


def test_a_target_year_alone_checked_is_a_timeframe_question() -> None:
    assert "timeframe" in read_question("target year 2029 合不合规?", "zh").topics
    assert "timeframe" not in read_question("Giảm 30% đến năm 2030 có đạt 1,5°C không?", "vi").topics


@pytest.mark.parametrize(
    ("text", "lang", "roles"),
    [
        # a comma inside an aside does not end the clause that names the scope
        (
            "phạm vi 2 là 5.800 tấn, phạm vi 3 (nguyên liệu mua vào, vận chuyển) là 6.000 tấn",
            "vi",
            {"s2": 5800.0, "s3": 6000.0},
        ),
        ("Cong ty toi S1+S2 = 14.000 t, S3 = 11.000 t", "vi", {"s12": 14000.0, "s3": 11000.0}),
        ("范围一+二8000吨，范围三7000吨，客服电话400-820-1234。", "zh", {"s12": 8000.0, "s3": 7000.0}),
        # a negative amount stays negative, for the calculator to refuse
        ("范围一4,000吨,范围二-1,500吨(买了绿证抵掉了)", "zh", {"s1": 4000.0, "s2": -1500.0}),
    ],
)
def test_amounts_in_asides_lists_and_beside_phone_numbers(text: str, lang: str, roles: dict[str, float]) -> None:
    r = read_question(text, lang)
    assert {role: (m.value if (m := r.one(role)) else None) for role in roles} == roles
    assert not [m for m in r.mentions if m.value in (400.0, 820.0, 1234.0)]


def test_a_month_and_year_is_a_submission_date_and_a_sentence_ends_after_a_year() -> None:
    r = read_question("We'll submit to SBTi in Feb 2025. Base year 2023, target year 2045. Is that OK?", "en")
    assert r.one("submission_date").date == "2025-02-01"  # type: ignore[union-attr]
    assert r.one("base_year").value == 2023 and r.one("target_year").value == 2045  # type: ignore[union-attr]


def test_an_amount_with_a_thousands_separator_is_no_year() -> None:
    assert not [m for m in read_question("between 2,000 and 3,000 t", "en").mentions if m.unit == "year"]


@pytest.mark.parametrize(
    ("question", "lang", "roles"),
    [
        # the exclusion words govern the amount from afar, or from after a parenthesis (round-6 dev e-mails)
        (
            "Cong ty muon loai lo hoi (khoang 1.400 tan, thuoc scope 1) ra khoi ranh gioi muc tieu, co dat khong?",
            "vi",
            {1400: "excluded"},
        ),
        ("Scope 1 is 42,000 t and we exclude 2,900 t.", "en", {42000: "s1", 2900: "excluded"}),
        # "phụ" (auxiliary) is no "phủ" (cover)
        (
            "Lò hơi ở phân xưởng phụ (khoảng 2.500 tấn) bên em định để ngoài ranh giới mục tiêu.",
            "vi",
            {2500: "excluded"},
        ),
    ],
)
def test_exclusions_stated_around_the_amount(question: str, lang: str, roles: dict[float, str]) -> None:
    r = read_question(question, lang)
    assert {m.value: m.role for m in r.mentions if m.unit == "t"} == roles


def test_the_one_year_of_stated_figures_is_the_base_of_a_later_target() -> None:
    # round-8 dev e-mail: "Phát thải scope 3 năm 2022 … là 35.000 tấn CO2e" then "… năm mục tiêu 2032 thì phải giảm bao nhiêu %"
    facts = read_question("- Phát thải scope 3 năm 2022 của công ty là 35.000 tấn CO2e.", "vi")
    question = read_question(
        "Nếu chỉ đặt mức tối thiểu cho scope 3 (2°C) với năm mục tiêu 2032 thì phải giảm bao nhiêu %?", "vi"
    )
    base = complete_with(question, facts).one("base_year")
    assert base is not None and base.value == 2022
    assert (
        read_question("Our 2023 base-year inventory shows scope 1 = 12,400 tCO2e.", "en").one("base_year") is not None
    )
    assert (
        read_question("Nhà máy chọn năm 2022 làm baseline: phạm vi 1 + 2 là 18.500 tấn CO2e.", "vi").one("base_year")
        is not None
    )


def test_do_is_degrees_only_in_vietnamese() -> None:
    # round-9 dev e-mail: "scope 1+2 do we need" read as 2°C beside the asked 1.5°C
    assert read_question(
        "How big an absolute cut in scope 1+2 do we need by 2030 if we go for 1.5°C?", "en"
    ).ambitions == ["1.5C"]
    assert read_question("muc tieu pham vi 3 theo kich ban 2 do C", "vi").ambitions == ["2c"]


def test_being_obliged_is_a_need() -> None:
    # round-9 dev e-mail: "are we obliged to set a scope 3 target as well?" did not take the e-mail's figures
    assert (
        "need" in read_question("Given the numbers above, are we obliged to set a scope 3 target as well?", "en").intent
    )


def test_a_part_the_message_names_with_its_tonnes_is_what_is_left_out() -> None:
    # round-9 dev e-mail: "scope 1 was 3,200 t (this includes the dormitory boiler, approx. 450 t)" then
    # "Is it acceptable to leave the dormitory boiler out of the target boundary?"
    facts = read_question(
        "Base-year scope 1 was 3,200 tCO2e (this includes the dormitory boiler, approx. 450 t, which we can't meter "
        "properly) and scope 2 (location-based) was 8,800 tCO2e.",
        "en",
    )
    question = read_question("Is it acceptable to leave the dormitory boiler out of the target boundary?", "en")
    excluded = complete_with(question, facts).one("excluded")
    assert excluded is not None and excluded.value == 450


def test_a_target_word_right_before_a_year_names_the_target_unless_a_range_starts() -> None:
    roles = lambda q, lang: [(m.text, m.role) for m in read_question(q, lang).mentions if m.unit == "year"]  # noqa: E731
    assert roles("Scope 1+2 was 12,000 t in 2022. Target 2032, 1.5°C.", "en") == [
        ("2022", "base_year"),
        ("2032", "target_year"),
    ]
    assert roles("GEVA target 2025→2035. What intensity do we need?", "en") == [
        ("2025", "base_year"),
        ("2035", "target_year"),
    ]
    assert roles("每双鞋的排放强度目标:2022年到2030年下降两成。", "zh") == [
        ("2022", "base_year"),
        ("2030", "target_year"),
    ]


def test_the_year_of_what_was_emitted_is_the_base() -> None:
    r = read_question("我们工厂2019年排放5万吨,想设科学碳目标,要减多少才合适?", "zh")
    assert [(m.text, m.role) for m in r.mentions if m.unit == "year"] == [("2019", "base_year")]
    cut = read_question("Chúng tôi muốn giảm phát thải xuống 5.000 tấn vào năm 2030.", "vi")
    assert [m.role for m in cut.mentions if m.unit == "year"] != ["base_year"]


def test_a_comma_right_before_a_figure_ends_a_clause() -> None:
    r = read_question("我们的范围三目标覆盖了外购商品和服务这一类,3.3万吨,覆盖率够不够?", "zh")
    assert [(m.text, m.value) for m in r.mentions] == [("3.3万吨", 33000.0)]
    assert [m.value for m in read_question("total 12,500 t", "en").mentions] == [12500.0]
