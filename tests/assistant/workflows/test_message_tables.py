from __future__ import annotations

from assistant.answer.understanding.reading import read_question
from assistant.workflows.message_questions import split_message
from assistant.workflows.message_tables import find_tables, question_contexts

VI_MESSAGE = (
    "Chào anh chị,\nSố liệu năm cơ sở 2023, đơn vị tấn CO2e:\n\n"
    "Nhà máy            | Phạm vi 1 | Phạm vi 2 | Phạm vi 3\n"
    "A (may mặc)        | 1.200     | 4.800     | 3.500\n"
    "B (nhuộm)          | 6.500     | 9.000     | 8.200\n\n"
    "1. Nhà máy B có bắt buộc phải đặt mục tiêu phạm vi 3 không?\n"
    "2. Còn nhà máy A thì sao?\n"
    "3. Nếu tính gộp cả hai nhà máy thì phạm vi 3 chiếm bao nhiêu?\n"
)


def test_a_table_is_read_row_by_row() -> None:
    (table,) = find_tables(VI_MESSAGE)
    assert table.header == ["Nhà máy", "Phạm vi 1", "Phạm vi 2", "Phạm vi 3"]
    assert [label for label, _ in table.rows] == ["A (may mặc)", "B (nhuộm)"]


def test_each_question_gets_the_rows_it_names_and_no_others() -> None:
    questions, stated = split_message(VI_MESSAGE)
    assert "6.500" not in stated  # the rows are no fact of every question
    b, a, both = question_contexts(VI_MESSAGE, questions, stated, "vi")
    assert "6.500" in b and "1.200" not in b
    assert "1.200" in a and "6.500" not in a
    facts = read_question(both, "vi")
    assert {m.role: m.value for m in facts.mentions if m.role in ("s1", "s2", "s3")} == {
        "s1": 7700,
        "s2": 13800,
        "s3": 11700,
    }


def test_chinese_rows_with_wan_are_summed_and_named_by_a_shortened_name() -> None:
    message = (
        "2024年排放如下:\n工厂 | 范围一 | 范围二\n宁波针织厂 | 0.8万吨 | 2.4万吨\n越南同奈厂 | 3,600吨 | 9,400吨\n"
        "一、越南厂需不需要设范围三目标?\n二、两家合并的话,1.5°C路径下2030年上限是多少?\n"
    )
    questions, stated = split_message(message)
    vietnam, group = question_contexts(message, questions, stated, "zh")
    assert "3,600吨" in vietnam and "0.8万吨" not in vietnam
    assert "11600" in group and "33400" in group


def test_a_row_named_by_its_number() -> None:
    message = (
        "Base year 2023, tCO2e:\nSite | Scope 1 | Scope 2\nNo. 1 Dong Nai | 2,150 | 5,350\n"
        "No. 3 Hai Phong | 7,400 | 12,600\nFor No. 3, what cut is needed by 2033 for 1.5°C?\n"
    )
    questions, stated = split_message(message)
    (context,) = question_contexts(message, questions, stated, "en")
    assert "7,400" in context and "2,150" not in context


def test_no_table_leaves_the_stated_facts_as_they_are() -> None:
    message = "Our base year is 2021, scope 1+2 12,500 t. Is a 30% cut by 2030 enough for 1.5°C?"
    questions, stated = split_message(message)
    assert question_contexts(message, questions, stated, "en") == [stated]


EN_SUPPLIERS = (
    "Supplier | Location   | Base year | Scope 1+2 (tCO2e) | Planned cut | Target year\n"
    "A        | Dhaka      | 2022      | 18,400            | 35%         | 2030\n"
    "B        | Tiruppur   | 2023      | 9,750             | 20%         | 2031\n"
)


def test_a_table_with_a_column_of_places_is_read_and_its_years_take_no_unit() -> None:
    # round-8 dev e-mail: a brand's table of its suppliers' draft targets
    (table,) = find_tables(EN_SUPPLIERS)
    assert [label for label, _ in table.rows] == ["A", "B"]
    a, both = question_contexts(
        EN_SUPPLIERS, ["Does Supplier A's plan meet 1.5°C?", "And both suppliers combined?"], "", "en"
    )
    assert "Base year: 2022," in a and "Target year: 2030." in a and "18,400 tCO2e" in a
    assert "Location" not in both and "Base year" not in both and "Planned cut" not in both  # nothing to add up
    reading = read_question("Does Supplier A's plan meet 1.5°C?", "en")
    assert "supplier" not in reading.topics  # a supplier named by its code is no supplier-engagement question


def test_lines_that_each_state_one_sites_figures_are_rows_offered_to_the_question_naming_the_site() -> None:
    message = (
        "Hi team,\n\nInventory data as submitted to us (tCO2e):\n\n"
        "Factory No. 1 (Dhaka): base year 2022; scope 1: 2,400; scope 2: 7,600; scope 3: 3,000\n"
        "Factory No. 2 (HCMC): base year 2022; scope 1: 5,100; scope 2: 8,900; scope 3: 11,000\n"
        "Factory No. 3 (Jakarta): base year 2023; scope 1+2: 18 kt; scope 3 not yet measured\n\n"
        "Questions:\n- Does Factory No. 2 need a scope 3 target as well?\n"
        "- Mr. Tran at Factory No. 1 proposes cutting scope 1+2 by 20% between 2022 and 2030. "
        "Is that enough for well-below 2°C?\n\nThanks,\nSarah"
    )
    questions, facts = split_message(message)
    # the proposal is the last question's own lead-in, not a fact every question takes
    assert questions[1].startswith("Mr. Tran at Factory No. 1 proposes") and "20%" not in facts
    contexts = question_contexts(message, questions, facts, "en")
    assert "5,100 t" in contexts[0] and "2,400" not in contexts[0] and "18 kt" not in contexts[0]
    assert "2,400 t" in contexts[1]


def test_a_table_typed_with_full_width_bars_and_digits_and_a_column_of_workers() -> None:
    message = (
        "集团下面有三家工厂，基准年都是２０２３年（排放单位：吨二氧化碳当量；用电单位：兆瓦时）：\n\n"
        "工厂　　　　　｜范围一　｜范围二　｜范围三　　｜２０２５年用电｜其中绿电｜员工\n"
        "东莞一厂　　　｜２，８００｜９，６００｜２１，０００｜１６，０００　｜４，０００｜１５００\n"
        "宁波二厂　　　｜４，５００｜７，５００｜５，２００　｜１４，５００　｜１２，０００｜９００\n\n"
        "问题如下：\n１．东莞一厂按上面的数据，需要设定范围三目标吗？\n"
    )
    questions, facts = split_message(message)
    assert questions == ["东莞一厂按上面的数据，需要设定范围三目标吗？"] and "2023" in facts
    context = question_contexts(message, questions, facts, "zh")[0]
    assert "范围三: 21,000 吨CO2e" in context and "2025年用电 16,000 MWh" in context and "1500" not in context


def test_site_lines_stop_at_the_first_line_that_names_no_site() -> None:
    message = (
        "Our 2024 inventory (tCO2e):\n\n"
        "- Long An dyeing mill (VN): scope 1 = 5,600; scope 2 = 2,800\n"
        "- Ningbo weaving mill (Plant No. 3, CN): scope 1 = 3,900; scope 2 = 8,000\n"
        "- Group scope 3, all relevant categories screened: 96,000, of which purchased goods 58,000\n\n"
        "(1) Is a 30% cut for the Ningbo weaving mill enough for 1.5°C from 2024 to 2030?\n"
    )
    tables = find_tables(message, "en")
    assert len(tables) == 1 and [label for label, _ in tables[0].rows][0].startswith("Long An dyeing mill")
    assert len(tables[0].rows) == 2


ZH_SITES = (
    "客户2024年排放如下(单位:吨CO2e):\n\n工厂\t范围一\t范围二\n宁波工厂\t3,200\t9,800\n苏州工厂\t1,100\t4,300\n"
    "仓库及办公室\t120\t480\n\n客户还核算了scope 3,共14,000吨。\n\n问题如下:\n"
    "(1) 如果把仓库及办公室排除在目标边界外,还符合SBTi的边界要求吗?\n(2) 客户还必须设定scope 3目标吗?\n"
)


def test_a_question_about_the_company_takes_all_its_sites_and_no_row_the_question_before_named() -> None:
    questions, stated = split_message(ZH_SITES)
    left_out, company = question_contexts(ZH_SITES, questions, stated, "zh")
    roles = {m.role: m.value for m in read_question(left_out, "zh").mentions if m.role}
    assert roles["total_s12"] == 19000 and roles["excluded"] == 600  # the group's boundary, one site left out
    roles = {m.role: m.value for m in read_question(company, "zh").mentions if m.role}
    assert roles["s1"] == 4420 and roles["s2"] == 14580  # all three sites, not the row the question before named


def test_a_question_about_no_supplier_of_a_supplier_table_takes_no_row() -> None:
    questions = ["Does Supplier A's plan meet 1.5°C?", "Is MCAP open to brands?"]
    _, other = question_contexts(EN_SUPPLIERS, questions, "", "en")
    assert "18,400" not in other and "9,750" not in other
