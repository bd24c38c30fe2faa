from __future__ import annotations

from assistant.answer.understanding.reading import read_question
from assistant.workflows.message_questions import plain_layout, sentences, split_message


def test_abbreviations_and_decimals_end_no_sentence() -> None:
    text = "Scope 3 comes to approx. 21,000 t. Plant No. 3 alone emits 2,000 t. Is that enough for 1.5°C?"
    assert sentences(text) == [
        "Scope 3 comes to approx. 21,000 t.",
        "Plant No. 3 alone emits 2,000 t.",
        "Is that enough for 1.5°C?",
    ]


def test_a_question_with_ie_stays_whole() -> None:
    message = (
        "Dear helpdesk,\nBase year 2024, scope 1+2 = 18,400 tCO2e.\n"
        "(a) what's the minimum % reduction of scope 1+2 by 2034 under well-below 2°C?\n"
        "(b) and under 1.5°C, i.e. the 4.2% pathway, how many tonnes would we have to cut in total?\n"
        "Best regards, Lan"
    )
    questions, facts = split_message(message)
    assert questions[1] == "and under 1.5°C, i.e. the 4.2% pathway, how many tonnes would we have to cut in total?"
    assert len(questions) == 2 and "18,400" in facts


def test_a_vietnamese_fact_line_is_no_question() -> None:
    # "trong đó" folds to "trong do": the English "do" asks only at the start of an item (round-5 dev e-mail)
    questions, facts = split_message(
        "So lieu kiem ke nam 2023:\n- Pham vi 1: 2.450 t CO2e\n"
        "- Pham vi 3: 9.100 t CO2e, trong do nguyen phu lieu mua vao 6.300 t\n"
        "Em hoi may cau:\na) Voi so lieu tren thi cong ty co bat buoc phai dat muc tieu scope 3 khong?\n"
        "- Do we need a newer inventory\n"
    )
    assert questions == [
        "Voi so lieu tren thi cong ty co bat buoc phai dat muc tieu scope 3 khong?",
        "Do we need a newer inventory",
    ]
    assert "9.100 t CO2e" in facts


def test_a_thank_you_that_opens_the_message_keeps_its_questions() -> None:
    message = (
        "Subject: Re: intensity targets\n\nHi again,\n\nThanks for the quick answer last week. Two follow-ups.\n\n"
        "For client No. 3, GEVA from 2023 to 2033: how big a total cut does that add up to?\n\n"
        "Lastly, what grid emission factor should we use for Vietnam?\n\nCheers,\nDr. Anh\n"
    )
    questions, facts = split_message(message)
    assert questions == [
        "For client No. 3, GEVA from 2023 to 2033: how big a total cut does that add up to?",
        "Lastly, what grid emission factor should we use for Vietnam?",
    ]
    assert "Subject" not in facts


def test_a_sentence_that_asks_without_a_question_mark() -> None:
    questions, _ = split_message(
        "你好,\n想确认论坛是哪天办的?还有,中国电网今年最新的排放因子是多少,我们算范围二要用。\n谢谢!"
    )
    assert questions[-1] == "还有,中国电网今年最新的排放因子是多少,我们算范围二要用。"


def test_a_question_that_points_back_takes_the_statement_before_it() -> None:
    # round-10 dev e-mail: "Does that meet the minimum?" is about the target the sentence before it states
    message = (
        "Dear helpdesk,\n1) If our scope 3 target is 2°C-aligned, what's the minimum cut from 2023 to 2033?\n"
        "2) Our brand customer suggests a scope 3 physical intensity target instead: -25% tCO2e per pair from "
        "2021 to 2031. Does that meet the minimum?\nRegards,\nJonas"
    )
    questions, _ = split_message(message)
    assert questions[1].startswith("Our brand customer suggests") and questions[1].endswith(
        "Does that meet the minimum?"
    )
    assert questions[0].startswith("If our scope 3 target")


def test_a_question_with_its_own_figures_stays_as_written() -> None:
    message = "Our base year is 2021 with 12,000 t. Is a 30% cut by 2030 enough for 1.5°C?"
    questions, facts = split_message(message)
    assert questions == ["Is a 30% cut by 2030 enough for 1.5°C?"] and "12,000 t" in facts


def test_a_question_that_names_its_own_subject_takes_no_lead_in() -> None:
    message = "Our 2023 inventory: scope 1 = 6,000 t, scope 3 = 30,000 t. Do we need a scope 3 target?"
    assert split_message(message)[0] == ["Do we need a scope 3 target?"]
    vi = "Phương án B: giảm 20% từ 2022 đến 2030. Như vậy có đạt không?"
    assert split_message(vi)[0] == ["Phương án B: giảm 20% từ 2022 đến 2030. Như vậy có đạt không?"]


def test_a_question_inside_a_numbered_item_takes_every_statement_of_its_item() -> None:
    questions, facts = split_message(
        "Dear helpdesk,\n\n1. Our scope 1+2 is 14,000 t and scope 3 is 26,000 t. Do we need a scope 3 target?\n"
        "2. We'd like a supplier engagement target: 70% of our suppliers by spend to have science-based targets by "
        "2031. We submit in 2025. Is that OK?\n\nKind regards,\nSophie"
    )
    assert questions[1].startswith("We'd like a supplier engagement target") and questions[1].endswith("Is that OK?")
    assert "14,000 t" in facts and "2031" not in facts  # the item's statements are its question's, not facts


def test_a_dot_leader_joins_a_label_to_its_figure() -> None:
    message = (
        "Dear MCAP team,\nBase year figures (2022):\n\nScope 1 ........ 3,150 tCO2e (boilers)\n"
        "Scope 2 ........ 9,450 tCO2e\n\nWhat is the minimum reduction of scope 1+2 for 1.5°C in 2030?\nThanks"
    )
    assert plain_layout("Wait... 2030?") == "Wait... 2030?"  # an ellipsis in prose is no leader
    questions, facts = split_message(message)
    assert questions == ["What is the minimum reduction of scope 1+2 for 1.5°C in 2030?"]
    roles = {m.role: m.value for m in read_question(facts, "en").mentions if m.role}
    assert roles["s1"] == 3150 and roles["s2"] == 9450


def test_a_table_of_one_companys_measures_states_facts_not_parties() -> None:
    message = (
        "我们准备把 2023 年当 base year,下面是那一年的数据:\n\n| 项目 | 2023(base year) |\n|---|---|\n"
        "| Scope 1 | 5,400 tCO2e |\n| Scope 2 | 14,600 tCO2e |\n| 用电量 | 24,000 |\n\n"
        "按上面的数据,如果走 1.5°C 路径、target year 定在 2033 年,scope 1+2 最少要减多少 %?\n"
    )
    assert "Scope 1: 5,400 tCO2e\nScope 2: 14,600 tCO2e\n用电量: 24,000 MWh" in plain_layout(message)
    questions, facts = split_message(message)
    roles = {m.role: m.value for m in read_question(facts, "zh").mentions if m.role}
    assert roles["s1"] == 5400 and roles["s2"] == 14600 and roles["total_mwh"] == 24000
    # two year columns, neither marked as the base year: which is the base is not clear, the table stays
    years = "| | 2022 | 2023 |\n|---|---|---|\n| Scope 1 | 5,000 | 5,400 |\n| Scope 2 | 14,000 | 14,600 |"
    assert plain_layout(years) == years


def test_a_request_without_a_question_mark_is_an_ask_and_a_courtesy_is_not() -> None:
    message = (
        "Chào anh chị,\nNăm cơ sở 2023, phạm vi 1 là 2.000 tấn.\n"
        "Anh/chị cho em xin luôn hệ số phát thải lưới điện Việt Nam năm 2024 để em tính lại phạm vi 2 nhé.\n"
        "Mong sớm nhận được phản hồi.\nTrân trọng"
    )
    assert split_message(message)[0] == [
        "Anh/chị cho em xin luôn hệ số phát thải lưới điện Việt Nam năm 2024 để em tính lại phạm vi 2 nhé."
    ]
    zh = "您好,\n想请教几个问题:\n另外麻烦提供一下2024年华东电网的排放因子,我们想核对供应商的范围二。\n谢谢!"
    assert split_message(zh)[0] == ["另外麻烦提供一下2024年华东电网的排放因子,我们想核对供应商的范围二。"]
    en = (
        "Hi,\nPlease find attached our inventory. Kindly confirm whether our 2022 base year is still acceptable "
        "for a 2025 submission. Let me know if you need anything else.\nBest regards"
    )
    assert split_message(en)[0] == [
        "Kindly confirm whether our 2022 base year is still acceptable for a 2025 submission."
    ]


def test_items_under_a_heading_of_questions_ask_without_a_question_word() -> None:
    message = (
        "Company: Hoa Binh Knitting JSC\nBase year: 2023\nScope 1: 2,100 tCO2e\nScope 2: 6,300 tCO2e\n"
        "Questions:\n1) Do we need a scope 3 target\n2) minimum cut for 1.5C by 2030 in tonnes\n\n"
        "3) how much does validation cost\nThanks"
    )
    questions, facts = split_message(message)
    assert questions == [
        "Do we need a scope 3 target",
        "minimum cut for 1.5C by 2030 in tonnes",
        "how much does validation cost",
    ]
    assert "1.5C" not in facts and "Scope 2: 6,300 tCO2e" in facts
    # items under a heading that is not about asks stay facts
    assert split_message("Our sites:\n1) Plant A 2,000 t\n2) Plant B 3,000 t\nWhat is our total?")[0] == [
        "What is our total?"
    ]


def test_chat_lines_ask_after_an_opener_and_by_chat_spellings() -> None:
    message = "hi team\nbase yr 2022, s1+s2 = 15k t\ntarget 2030 1.5C -> how much we need to cut?\nalso what abt WB2C\npls send me the contact of ur VN rep"
    assert split_message(message)[0] == [
        "target 2030 1.5C -> how much we need to cut?",
        "also what abt WB2C",
        "pls send me the contact of ur VN rep",
    ]


def test_a_chat_numbered_with_keycaps_and_a_question_closed_by_its_particle() -> None:
    message = (
        "李经理，早上好☀️\n我们厂基准年2022，范围一3500吨，范围二1.1万吨\n1️⃣ 想按1.5度定目标，2030年要降到多少吨？\n"
        "2️⃣ 那WB2C呢\n3️⃣ 麻烦发一下你们越南办公室的电话\n谢谢🙏"
    )
    assert split_message(message)[0] == [
        "想按1.5度定目标，2030年要降到多少吨？",
        "那WB2C呢",
        "麻烦发一下你们越南办公室的电话",
    ]


def test_a_line_leading_into_the_asks_is_none_and_a_short_request_takes_its_items_statements() -> None:
    message = (
        "Dear team,\nOur base year is 2023.\nCould you please help us with the following points.\n"
        "a) Please confirm whether our boundary meets the coverage requirement.\n"
        "b) We plan to submit in Q3 2025 and want a supplier engagement target for 2031. Please check the target year.\n"
        "c) Kindly also send us the current fee schedule of the validators.\nRegards"
    )
    assert split_message(message)[0] == [
        "Please confirm whether our boundary meets the coverage requirement.",
        "We plan to submit in Q3 2025 and want a supplier engagement target for 2031. Please check the target year.",
        "Kindly also send us the current fee schedule of the validators.",
    ]
