"""Facts as e-mails state them (round-22 work on dev e-mails): each reading is checked role by role."""

from __future__ import annotations

import pytest

from assistant.answer.understanding.reading import (
    category_amount,
    is_follow_up,
    merge_follow_up,
    read_question,
    scope3_categories,
)


def roles(text: str, lang: str) -> dict[str, float]:
    return {m.role: m.value for m in read_question(text, lang).mentions if m.role and m.trusted}


def test_a_scope_number_before_a_spaced_amount_is_the_scope_not_a_thousands_group() -> None:
    assert roles("its 2024 inventory: scope 1 300 t, scope 2 1,700 t, scope 3 1,250 t", "en") == {
        "s1": 300,
        "s2": 1700,
        "s3": 1250,
    }
    assert roles("Phạm vi 1 850 tấn, phạm vi 2 1 300 tấn", "vi") == {"s1": 850, "s2": 1300}


def test_an_aside_and_approx_do_not_part_a_scope_from_its_amount() -> None:
    assert roles("scope 3 (mostly purchased fabric) comes to approx. 21,000 t.", "en") == {"s3": 21000}


def test_electricity_lines_are_named_by_their_own_label_not_the_next_line() -> None:
    text = "- Tổng điện tiêu thụ năm 2025: 18,5 GWh\n- Điện mặt trời áp mái: 4.500 MWh\n- Điện tái tạo mua qua DPPA: 10.600 MWh"
    found = [(m.role, m.value) for m in read_question(text, "vi").mentions if m.unit == "mwh"]
    assert found == [("total_mwh", 18500), ("renewable_mwh", 4500), ("renewable_mwh", 10600)]


def test_parts_a_target_covers_in_asides_after_their_names_are_all_covered() -> None:
    text = "The proposed target covers cat. 1 purchased goods (150,000 t) and cat. 4 upstream transport (12,000 t)."
    found = [(m.role, m.value) for m in read_question(text, "en").mentions if m.trusted]
    assert found == [("covered", 150000), ("covered", 12000)]  # the category numbers are no figures


def test_an_amount_opening_its_clause_measures_what_the_clause_before_covers() -> None:
    r = read_question("我们打算只覆盖外购商品和服务这一类,约 5.5 万吨,覆盖面够不够?", "zh")
    assert roles(r.text, "zh") == {"covered": 55000} and r.scopes == ["s3"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Câu hỏi tương tự cho nhà máy Đức Hòa: năm 2030 được phát thải tối đa bao nhiêu tấn?", "vi")],
)
def test_tuong_tu_is_no_from(text: str, lang: str) -> None:
    assert "base_year" not in roles(text, lang)


def test_a_category_number_is_no_production_volume() -> None:
    text = "东莞厂(年产运动鞋450万双)为外购材料(范围三第1类)设定每双鞋排放强度目标"
    assert "growth" not in roles(text, "zh")


def test_a_lone_percentage_judged_against_an_ambition_is_the_cut() -> None:
    r = read_question("And is Golden Step's 15% at least well-below 2°C?", "en")
    assert roles(r.text, "en") == {"reduction": 15} and "check" in r.intent
    assert "reduction" not in roles("What is 15% of 2030 emissions under 1.5C?", "en")


def test_a_year_heading_an_amount_dates_the_base_years_figures() -> None:
    assert roles("Scope 1+2 in 2024: 7,600 tCO2e.", "en") == {"base_year": 2024, "s12": 7600}


def test_a_corrected_figure_takes_the_scope_the_clause_before_names() -> None:
    assert roles("Sorry, the scope 2 figure in my last e-mail was wrong, it is 4,100 t.", "en") == {"s2": 4100}
    assert roles("上封邮件里范围二的数据有误,应为4100吨。", "zh") == {"s2": 4100}


def test_a_coverage_check_takes_the_amounts_of_the_categories_it_names() -> None:
    facts = read_question(
        "Phát thải phạm vi 3 năm 2022: 180.000 tấn CO2e, trong đó nhóm 1 (hàng hóa và dịch vụ mua vào) là 112.000 tấn, "
        "nhóm 4 là 9.000 tấn",
        "vi",
    )
    one = category_amount(read_question("Mục tiêu chỉ bao gồm nhóm 1, đã đủ độ bao phủ chưa?", "vi"), facts)
    assert one is not None and one.value == 112000
    both = category_amount(read_question("Nếu gồm nhóm 1 và nhóm 4 thì có đủ không?", "vi"), facts)
    assert both is not None and both.value == 121000
    # a category the facts give no amount for: nothing is guessed
    assert category_amount(read_question("Nếu chỉ gồm nhóm 1 và nhóm 7 thì sao?", "vi"), facts) is None
    assert scope3_categories("target covering only cat. 1 and category 4") == [1, 4]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("如果按1.5°C,基准年到2035年范围一加二至少要减百分之几?", "zh"),
        ("From the base year to 2035, what cut do we need for 1.5C?", "en"),
        ("Từ năm cơ sở đến năm 2035 phải giảm bao nhiêu?", "vi"),
    ],
)
def test_the_base_years_name_opening_a_range_makes_its_end_the_target_year(text: str, lang: str) -> None:
    assert roles(text, lang) == {"target_year": 2035}


def test_a_chat_follow_up_leans_on_the_question_before() -> None:
    assert is_follow_up("also what abt WB2C") and is_follow_up("how abt 2035?")


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("cut thirty percent by 2030 from 2022", "en", 30.0),
        ("we plan a 30 pct cut by 2030 from 2022", "en", 30.0),
        ("giam ba phan tram moi nam tu 2022 den 2030", "vi", 3.0),
    ],
)
def test_a_percentage_in_words_or_as_pct(text: str, lang: str, value: float) -> None:
    assert roles(text, lang)["reduction"] == value


def test_a_lone_number_word_without_a_percent_is_no_figure() -> None:
    assert read_question("one of the three plants wants a target for 2030", "en").mentions[0].unit == "year"


def test_a_follow_up_without_a_year_takes_the_year_the_question_before_named() -> None:
    before = read_question("想按1.5度定目标，2030年要降到多少吨？", "zh")
    merged = merge_follow_up(before, read_question("那WB2C呢", "zh"))
    assert [m.value for m in merged.mentions if m.unit == "year"] == [2030] and merged.ambitions == ["wb2c"]


@pytest.mark.parametrize(
    ("text", "lang", "date"),
    [
        ("We plan to submit in Q3 2025 with target year 2030", "en", "2025-07-01"),
        ("nop ho so quy 3/2025", "vi", "2025-07-01"),
        ("计划2025年第三季度提交", "zh", "2025-07-01"),
        ("2025 Q4 submission", "en", "2025-10-01"),
    ],
)
def test_a_quarter_is_read_as_its_first_day(text: str, lang: str, date: str) -> None:
    assert [m.date for m in read_question(text, lang).mentions if m.unit == "date"] == [date]
