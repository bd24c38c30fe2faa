"""What a question asks for, and whether a segment carries it (no index needed)."""

from __future__ import annotations

import pytest

from assistant.answer.understanding.answerability import (
    asking_text,
    asks_for_list,
    carries,
    places_named,
    question_parts,
    same_context,
    what_is_asked,
)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("How long is the term of the VCCA core group?", "en"),
        ("nhom nong cot VCCA bau lai bao lau mot lan?", "vi"),
        ("成为VCCA普通会员后,多久可以进核心小组?", "zh"),
    ],
)
def test_how_long_asks_for_a_span_of_time(question: str, lang: str) -> None:
    asked = what_is_asked(question, lang)
    assert asked.kind == "duration"
    assert carries(asked, "The core group is elected for a two-year term")
    assert carries(asked, "Nhóm nòng cốt được bầu theo nhiệm kỳ 2 năm")  # read without diacritics too
    assert carries(asked, "拥有获准目标的公司必须在批准日期后六个月内公布其目标")
    assert not carries(asked, "The core group decides the alliance's strategy")


def test_a_ranking_needs_a_ranking_not_any_first_or_top() -> None:
    asked = what_is_asked("2024年CATI纺织行业排名第一的品牌是哪家?", "zh")
    assert asked.kind == "ranking"
    assert not carries(asked, "减排行动(42%)依据不同行业参考值折算")  # 减排行动 holds 排行
    assert not carries(asked, "第一步是计算范围一和范围二排放")
    assert carries(asked, "该品牌在2024年CATI指数中排名第一")


def test_places_are_named_in_any_language() -> None:
    assert places_named("Hệ số phát thải lưới điện VN") == {"vietnam"}
    assert places_named("越南和孟加拉的电网排放因子") == {"vietnam", "bangladesh"}
    assert places_named("the Shanghai forum") == {"shanghai"}
    assert places_named("scope 3 targets") == frozenset()


def test_a_place_or_year_the_question_names_must_be_in_the_passage() -> None:
    grid = what_is_asked("What is the grid emission factor in India?", "en")
    assert not same_context(grid, "中国电网排放因子")
    assert same_context(grid, "印度的电网排放因子")
    share = what_is_asked("Tỷ lệ điện tái tạo của Việt Nam năm 2024 là bao nhiêu %?", "vi")
    assert not same_context(share, "Việt Nam đặt mục tiêu năng lượng tái tạo năm 2030")
    assert same_context(share, "Năm 2024, tỷ lệ điện tái tạo của Việt Nam đạt …")
    # in an open question a year is more often the asker's own plan than a bound on the answer
    plan = what_is_asked("We submit in 2025 with 2045 as target year: does that fit the timeframe rule?", "en")
    assert plan.kind == "open" and same_context(plan, "目标须涵盖提交之日起最少5年、最多15年")


def test_a_part_of_question_words_only_stays_with_the_part_it_asks_about() -> None:
    assert len(question_parts("Can we exclude a small part of scope 1 and 2 from the inventory, and how much?")) == 1
    assert question_parts("MCAP hỗ trợ tư vấn bao nhiêu giờ mỗi năm? nếu cần thêm giờ thì trả phí thế nào?") == [
        "MCAP hỗ trợ tư vấn bao nhiêu giờ mỗi năm?",
        "nếu cần thêm giờ thì trả phí thế nào?",
    ]


def test_an_emission_factor_is_a_figure_per_unit() -> None:
    asked = what_is_asked("What's the grid emission factor in Vietnam, in tCO2/MWh?", "en")
    assert asked.kind == "emission_factor"
    assert carries(asked, "The grid factor was 0.7 tCO2/MWh in 2022.")
    assert carries(asked, "2,1 kg CO2e mỗi kg vải")
    # the word beside a citation year states no factor
    assert not carries(asked, "排放因子(可持续服装联盟,2019a)")


def test_a_percentage_is_no_count() -> None:
    asked = what_is_asked("Hiện nay Liên minh VCCA có tổng cộng bao nhiêu thành viên?", "vi")
    assert asked.kind == "quantity" and asked.noun
    assert not carries(asked, "đảm bảo tối thiểu có ít nhất 20% là thành viên mới")
    assert carries(asked, "Liên minh có 45 thành viên")


def test_a_word_of_a_place_the_question_names() -> None:
    from assistant.answer.understanding.answerability import in_place_name

    assert in_place_name("TP", "WRI đã mang bản thảo sang TP. Hồ Chí Minh để chia sẻ")
    assert not in_place_name("CBAM", "Khi nào CBAM áp dụng ở TP. Hồ Chí Minh?")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Nếu không đạt mục tiêu MCAP thì bị phạt thế nào?", "vi"),
        ("khong cong bo bao cao thi bi xu phat bao nhieu?", "vi"),
        ("不公开披露排放会被怎么处罚?罚款多少?", "zh"),
        ("What penalties apply if a supplier misses its SBTi target?", "en"),
    ],
)
def test_a_penalty_needs_a_sanction_in_the_passage(question: str, lang: str) -> None:
    asked = what_is_asked(question, lang)
    assert asked.kind == "penalty"
    assert not carries(asked, "Cascale sẽ đóng vai trò giám sát để đảm bảo tính nhất quán")
    assert not carries(asked, "nhà máy phát triển kế hoạch giảm phát thải")  # "phát" of "phát thải" is no fine
    assert carries(asked, "Doanh nghiệp vi phạm bị phạt tiền từ 50 đến 100 triệu đồng")
    assert carries(asked, "未按期披露的企业将被处以罚款")


def test_a_price_asked_without_diacritics_is_money_but_joining_is_not() -> None:
    assert what_is_asked("gia chung chi I-REC o VN bao nhieu 1 MWh?", "vi").kind == "money"
    assert what_is_asked("nha may tham gia MCAP can bao nhieu gio tu van?", "vi").kind != "money"


def test_a_date_asked_of_an_event_needs_that_event_in_the_passage() -> None:
    asked = what_is_asked("Liên minh VCCA được thành lập năm nào vậy anh/chị?", "vi")
    assert asked.kind == "date" and asked.events == ("founded",)
    assert not carries(asked, "Triệu Ngôi Nhà Xanh hướng tới mục tiêu vào năm 2030")
    assert carries(asked, "VCCA được thành lập năm 2019 bởi GreenID")
    held = what_is_asked("上海制造商论坛是哪天举办的?", "zh")
    assert held.events == ("held",) and carries(held, "上海制造商论坛于 2024 年 6 月 28 日举行")


def test_an_ambiguous_event_word_accepts_any_of_its_events() -> None:
    # "tổ chức" is "organisation" here, not "held": the report's publication date answers it
    asked = what_is_asked("Báo cáo Roadmap to Net Zero do những tổ chức nào phát hành, năm nào?", "vi")
    assert "published" in asked.events
    assert carries(asked, "世界资源研究所和服装影响研究所于 2021 年发布的报告")
    assert not carries(asked, "截至2019年6月,超过550家公司已拥有获准科学碳目标")


def test_a_counted_noun_may_follow_a_unit() -> None:
    asked = what_is_asked("李维斯说一条牛仔裤每周洗一次,一年大概要用多少水?", "zh")
    assert asked.kind == "quantity" and asked.noun == "水"
    assert carries(asked, "一年需要使用958升水")
    assert not carries(asked, "用水量可以减少50%")


def test_a_share_needs_a_percentage_or_a_fraction() -> None:
    asked = what_is_asked("What share of base-year emissions can be neutralised with carbon removals?", "en")
    assert asked.kind == "share"
    assert not carries(asked, "C12 – Avoided emissions fall under a separate accounting system")
    assert carries(asked, "targets cover at least two-thirds of total scope 3 emissions")
    assert carries(what_is_asked("核心组新成员至少占几成?", "zh"), "至少三成是新成员")


def test_a_phone_number_needs_one_in_the_evidence() -> None:
    asked = what_is_asked("Is there an MCAP hotline number we can call?", "en")
    assert asked.kind == "phone"
    assert not carries(asked, "You can contact us at mcap@cascale.org")
    assert carries(asked, "Call us on +84 28 3823 1234")


def test_co2_per_unit_of_a_fuel_is_an_emission_factor() -> None:
    assert what_is_asked("1 tan than thai ra bao nhieu tan CO2? can so de tinh scope 1", "vi").kind == "emission_factor"
    assert what_is_asked("每吨煤排放多少二氧化碳?", "zh").kind == "emission_factor"
    assert what_is_asked("Nhà máy 1 năm thải ra bao nhiêu tấn CO2?", "vi").kind != "emission_factor"


def test_a_tax_is_money_but_hiring_is_not() -> None:
    assert (
        what_is_asked("What carbon tax does Vietnam levy per tonne of CO2 on garment factories?", "en").kind == "money"
    )
    assert what_is_asked("Thuế carbon ở Việt Nam là bao nhiêu?", "vi").kind == "money"
    assert what_is_asked("Nha may thue kho ngoai co tinh vao scope 3 khong?", "vi").kind != "money"


def test_people_are_counted_by_any_word_for_them() -> None:
    # round-9 dev data: "那次来了多少人?" beside "180 名与会者"
    asked = what_is_asked("SAC 当年在深圳重启线下制造商论坛,那次来了多少人?", "zh")
    assert carries(asked, "180 名与会者齐聚深圳福田喜来登酒店")
    assert not carries(asked, "在中断四年之后,永续成衣联盟在中国深圳举办了活动")
    assert carries(what_is_asked("How many people attended?", "en"), "more than 200 attendees and 25 speakers")


def test_asking_what_someone_is_called_needs_a_role_to_ask_a_person() -> None:
    # round-9 dev data: "IPE … 的主任叫什么?" asks a named person; "Cascale以前叫什么名字" a former name
    asked = what_is_asked("IPE 公众环境研究中心的主任叫什么?", "zh")
    assert asked.kind == "person" and not carries(asked, "本文件由公众环境研究中心(IPE)翻译,仅供参考。")
    assert what_is_asked("Cascale以前叫什么名字啊", "zh").kind == "open"


def test_who_is_answered_by_a_name_the_question_does_not_give() -> None:
    before = what_is_asked("Colin Browne 上任之前,Cascale 的 CEO 是谁?", "zh")
    assert not carries(before, "这是 Colin Browne 的首次 Cascale 活动,他于5月成为 Cascale 首席执行官。")
    who = what_is_asked("Who is the CEO of Cascale?", "en")
    assert carries(who, "Cascale CEO Colin Browne said manufacturers are key.")


def test_once_opening_a_clause_is_no_duration() -> None:
    asked = what_is_asked("How long does MCAP validation take?", "en")
    assert not carries(asked, "Once manufacturers commit to MCAP, Cascale will provide training.")
    assert carries(what_is_asked("How often is progress reported?", "en"), "Progress is disclosed once a year.")


def test_a_role_and_a_word_for_a_name_ask_for_a_person() -> None:
    asked = what_is_asked("Cho em xin tên giám đốc điều hành của GreenID để gửi thư mời hội thảo ạ.", "vi")
    assert asked.kind == "person"
    assert not carries(asked, "GreenID là trung tâm phát triển sáng tạo xanh, giám đốc điều hành trung tâm.")
    assert what_is_asked("How many hours a year does the director get?", "en").kind == "quantity"


def test_a_name_may_touch_a_chinese_character() -> None:
    asked = what_is_asked("深圳那场论坛上,Higg 工厂工具总监介绍的 SLCP 新工人参与计划叫什么名字?", "zh")
    assert carries(
        asked,
        "SAC 的 Higg 工厂工具总监Angela Ng 在介绍社会劳工整合项目(SLCP)新的 WE Tech 工人参与计划时也强调了对数据的迫切需要。",
    )


@pytest.mark.parametrize(
    ("question", "is_list"),
    [
        ("除了那五家服装鞋企,指南里还有哪四家多线零售商的科学碳目标获批了?", True),
        ("Which four retailers had their targets approved?", True),
        ("Những nhà bán lẻ nào đã được phê duyệt mục tiêu?", True),
        ("哪些公司的目标获批了?", True),
        ("Liệt kê giá trị cốt lõi của Liên minh", True),
        ("Which scope needs a target?", False),
        ("Năm nào là năm cơ sở?", False),
        ("Vào năm 2030 mục tiêu nào áp dụng?", False),
        ("Khi nào phải đặt mục tiêu phạm vi 3?", False),
    ],
)
def test_a_question_asking_for_several_named_things_wants_the_whole_list(question: str, is_list: bool) -> None:
    assert asks_for_list(question) is is_list


def test_what_is_asked_is_read_from_the_sentence_that_asks() -> None:
    # the hotline and the figures around the question are the asker's; the question asks for a share
    question = (
        "We have 3 factories and 14,000 employees (hotline 1900-1234). Just a rule check: what's the maximum "
        "share of scope 1+2 emissions we can exclude from the inventory and target boundary?"
    )
    assert what_is_asked(question, "en").kind != "phone"
    asked = what_is_asked(
        "Nhà máy ở Bình Dương thải 6.000 tấn năm 2024. Trọng số của Climate Action là bao nhiêu?", "vi"
    )
    assert not asked.years and not asked.places
    assert asking_text("Chúng tôi thải 1,5 tấn. Đạt 1.5°C? Còn gì nữa không") == " Đạt 1.5°C?"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("碳目标设定这个一级指标在CATI里占多少权重?", "zh"),
        ("What weight does the Climate Action dimension carry in CATI 2.0?", "en"),
        ("Nhom Hanh dong giam thai co trong so bao nhieu?", "vi"),
    ],
)
def test_a_weight_is_a_share_and_needs_a_percentage(question: str, lang: str) -> None:
    asked = what_is_asked(question, lang)
    assert asked.kind == "share"
    assert carries(asked, "测算披露(17%)、碳目标设定(14%)、碳目标绩效(17%)和减排行动(42%)")
    assert not carries(asked, "Climate Action | 5.1 Energy efficiency | 5.1.1 …")


def test_a_subsidy_and_the_cheapest_are_money_but_a_loan_channel_is_not() -> None:
    assert what_is_asked("另外,绍兴本地政府对印染企业设定碳目标有没有补贴?", "zh").kind == "money"
    assert what_is_asked("晋江本地哪家第三方核查机构最便宜?", "zh").kind == "money"
    assert what_is_asked("Co tro cap nao cho dien mat troi mai nha khong?", "vi").kind == "money"
    # the documents tell how Levi's and IFC open loans to suppliers: a question about it is no price asked
    assert what_is_asked("How does IFC's PaCT give Levi's suppliers access to loans?", "en").kind != "money"


def test_a_fee_to_join_typed_without_diacritics_is_money() -> None:
    assert what_is_asked("Em cung muon biet phi tham gia MCAP la bao nhieu.", "vi").kind == "money"
    assert what_is_asked("Bao nhiêu nhà máy tham gia MCAP?", "vi").kind == "quantity"


def test_a_consultants_day_rate_is_money() -> None:
    assert what_is_asked("consultant day rate for the validation prep?", "en").kind == "money"


@pytest.mark.parametrize(
    ("question", "places"),
    [
        (
            "hey, we're a footwear supplier in Dong Nai signing up for MCAP. how many hrs of support do we get?",
            ["Dong Nai"],
        ),
        ("Nhà máy giày của bọn em ở Long An đang cân nhắc ký thư cam kết. Cascale có tập huấn gì không?", ["Long An"]),
        ("cty minh la nha may det nhuom o Nam Dinh, trong so CATI nganh det la bao nhieu?", ["Nam Dinh"]),
        ("我们在江苏的工厂要不要设范围三目标?", ["江苏"]),
        # no first-person word: the place is what is asked about
        ("What is the grid emission factor in Vietnam?", []),
        # "Minh" of a city's name is not the asker's "mình"; "minh bạch" (transparency) and "tới" are not "I"
        ("Phí tham gia MCAP ở Hồ Chí Minh là bao nhiêu?", []),
        ("Chỉ số minh bạch CATI chấm các công ty ở Trung Quốc thế nào?", []),
        ("Tới năm 2030 các nhà máy ở Việt Nam cần giảm bao nhiêu?", []),
        ("Nhà máy của tôi ở Bình Dương: MCAP hỗ trợ bao nhiêu giờ?", ["Bình Dương"]),
    ],
)
def test_the_places_of_the_askers_own_description_are_not_what_is_asked(question: str, places: list[str]) -> None:
    from assistant.answer.understanding.answerability import asker_places, without_asker_places

    assert asker_places(question) == places
    stripped = without_asker_places(question)
    assert all(p not in stripped for p in places)
    if not places:
        assert stripped == question


@pytest.mark.parametrize(
    ("question", "lang", "segment"),
    [
        ("SAC's forum in Shenzhen - how many ppl attended?", "en", "180 attendees gathered at the Sheraton"),
        ("之前深圳那次SAC制造商论坛多少人参加?", "zh", "180 名与会者齐聚深圳福田喜来登酒店"),
        ("Roughly how many attendees were there?", "en", "welcomed more than 200 attendees and 25 speakers"),
    ],
)
def test_a_count_of_people_is_answered_by_any_word_for_people(question: str, lang: str, segment: str) -> None:
    asked = what_is_asked(question, lang)
    assert asked.kind == "quantity" and carries(asked, segment)
    assert not carries(what_is_asked("how many factories joined?", "en"), segment)


def test_a_name_the_documents_use_is_not_taken_for_the_askers_place() -> None:
    from assistant.answer.understanding.answerability import asker_places

    def known(word: str) -> bool:
        return word in {"mcap", "cascale"}

    assert asker_places("We're in MCAP since 2023: how many advisory hours do we get?", known) == []
    assert asker_places("hey, we're a footwear supplier in Dong Nai. how many hrs of support?", known) == ["Dong Nai"]
