from __future__ import annotations

from assistant.answer.understanding.reading import read_question
from assistant.workflows.message_parties import message_parties, own_statements, parties_named
from assistant.workflows.message_questions import split_message
from assistant.workflows.message_tables import question_facts

EN_LINES = (
    "Figures (all 2024):\n"
    "Lotus Denim Mill - scope 1+2 total 18.4 kt CO2e; they want to leave out their wastewater plant (1,150 t CO2e).\n"
    "Hanoi Trims - scope 1+2 total 2,600 t CO2e; they want to leave out the staff shuttle buses (95 t CO2e).\n"
    "- Electricity: 4,500 MWh\n"
)


def test_lines_of_figures_name_their_parties_and_measures_are_no_parties() -> None:
    assert message_parties(EN_LINES.splitlines()) == ["Lotus Denim Mill", "Hanoi Trims"]


def test_a_question_names_a_party_by_its_first_word_when_no_other_party_shares_it() -> None:
    parties = ["Lotus Denim Mill", "Hanoi Trims", "Sunrise Knitting Co., Ltd."]
    assert parties_named("If Lotus buys carbon offsets, can those count?", parties) == ["Lotus Denim Mill"]
    assert parties_named("Does Sunrise's 30% cut line up with 1.5°C?", parties) == ["Sunrise Knitting Co., Ltd."]
    assert parties_named("Plant A and Plant B", ["Plant A", "Plant B"]) == ["Plant A", "Plant B"]
    assert parties_named("Is the plant OK?", ["Plant A", "Plant B"]) == []  # a site word names no one plant


def test_each_party_keeps_its_own_clauses_and_the_lead_of_a_shared_line() -> None:
    stated = (
        "Base year is 2024.\n"
        "Scope 1+2 in 2024: Plant No. 3 = 12,400 tCO2e; Plant No. 5 = 7,600 tCO2e.\n"
        "Expected production growth 2024 to 2030: Plant No. 3 +25%, Plant No. 5 +10%."
    )
    parties = message_parties(stated.splitlines())
    assert parties == ["Plant No. 3", "Plant No. 5"]
    five = own_statements(stated, ["Plant No. 5"], parties)
    assert "Base year is 2024." in five and "7,600" in five and "+10%" in five
    assert "12,400" not in five and "+25%" not in five
    assert five.count("Scope 1+2 in 2024:") == 1  # the line's lead stays with the part it leads into


def test_an_email_about_two_suppliers_checks_each_with_its_own_figures() -> None:
    message = (
        "Hello,\n\nWe are helping two suppliers.\n" + EN_LINES + "\n"
        "(a) Can Lotus Denim exclude the wastewater plant and still meet the boundary rule?\n"
        "(b) Can Hanoi Trims leave out the shuttle buses?\n\nThanks,\nSofia"
    )
    questions, stated = split_message(message)
    lotus, hanoi = question_facts(message, questions, stated, "en")
    assert lotus.about == ["Lotus Denim Mill"] and hanoi.about == ["Hanoi Trims"]
    roles = {m.role: m.value for m in read_question(hanoi.stated, "en").mentions if m.role}
    assert roles["total_s12"] == 2600 and roles["excluded"] == 95
    assert "18.4" not in hanoi.stated and "2,600" not in lotus.stated


def test_the_askers_own_figures_quoted_from_an_earlier_email_are_facts_and_the_helpdesk_reply_is_not() -> None:
    message = (
        "Hello again,\n\nFollowing up on the figures in my last e-mail:\n\n"
        "> Base year: 2023\n> Scope 1: 8,450 tCO2e\n> Scope 2: 21,550 tCO2e\n>\n"
        ">> Helpdesk wrote: at most 5% may be excluded. Could you resend the scope 1 and 2 split?\n\n"
        "- With the figures from my last e-mail, what would our scope 1+2 emissions have to be in 2035 under 1.5°C?\n"
    )
    questions, stated = split_message(message)
    assert len(questions) == 1
    assert "8,450" in stated and "21,550" in stated and "2023" in stated and "5%" not in stated


def test_a_same_question_for_another_site_is_a_question_of_its_own() -> None:
    message = (
        "Scope 1+2 in 2024: Plant No. 3 = 12,400 tCO2e; Plant No. 5 = 7,600 tCO2e.\n"
        "1. How much must Plant No. 3 cut by 2030 for 1.5°C?\n2. Same question for Plant No. 5.\n"
    )
    questions, stated = split_message(message)
    assert questions[1] == "Same question for Plant No. 5."
    facts = question_facts(message, questions, stated, "en")
    assert "7,600" in facts[1].stated and "12,400" not in facts[1].stated


def test_a_figure_the_message_corrects_replaces_the_quoted_one() -> None:
    message = (
        "Hello,\n\nFollowing up on my e-mail below:\n\n> Base year: 2023\n> Scope 1: 2,600 t, scope 2: 3,800 t\n\n"
        "Sorry, the scope 2 figure was wrong, it is 4,100 t.\n"
        "1. With the corrected figures, what must our 2030 scope 1+2 emissions be under 1.5°C?\n"
    )
    _, stated = split_message(message)
    roles = {m.role: m.value for m in read_question(stated, "en").mentions if m.role}
    assert roles["s1"] == 2600 and roles["s2"] == 4100 and roles["base_year"] == 2023
    assert "3,800" not in stated


def test_a_chinese_company_is_named_by_a_part_of_its_name_no_other_shares() -> None:
    names = ["宁波华纺针织有限公司", "东莞锦程鞋业有限公司", "绍兴越美印染有限公司"]
    assert parties_named("单看越美印染:2032年范围一加范围二最多还能排多少吨?", names) == ["绍兴越美印染有限公司"]
    assert parties_named("华纺需要设定范围三目标吗?", names) == ["宁波华纺针织有限公司"]
    assert parties_named("印染企业有没有补贴?有限公司呢?", names) == []  # a trade word or legal form names no one
