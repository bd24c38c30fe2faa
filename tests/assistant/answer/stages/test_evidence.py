from __future__ import annotations

from assistant.answer.stages.evidence import score_segments, select_evidence
from tests.assistant.answer.stages.helpers import passage

TRIGGER_ZH = "如果公司的相关范围三排放量占范围一、二和三排放总量的40%或更多,则需要设定范围三目标。"
TRIGGER_VI = (
    "Nếu phát thải phạm vi 3 chiếm từ 40% trở lên tổng phát thải phạm vi 1, 2 và 3 thì cần đặt mục tiêu phạm vi 3."
)


def test_picks_the_segment_that_answers_through_its_translation() -> None:
    p = passage(
        [
            (
                "■C15-范围三筛查:公司必须对所有相关范围三类别进行范围三筛查。",
                "C15 – Sàng lọc phạm vi 3: công ty phải sàng lọc mọi danh mục.",
            ),
            (TRIGGER_ZH, TRIGGER_VI),
        ]
    )
    [e] = select_evidence("Khi nào phải đặt mục tiêu phạm vi 3, ngưỡng 40% là gì?", [], [p])
    assert e.sentence == TRIGGER_ZH
    assert e.translation == TRIGGER_VI


def test_a_table_row_is_quoted_whole() -> None:
    row = "纺织 | 范围 1+2 vs. 范围 3 上游 = 20%:80%"
    p = passage([("行业 | 权重", None), (row, "Dệt may | Phạm vi 1+2 so với phạm vi 3 thượng nguồn = 20%:80%")])
    [e] = select_evidence("CATI trọng số ngành dệt may phạm vi 1+2 phạm vi 3 thượng nguồn", [], [p])
    assert row in e.sentence and e.sentence.endswith("20%:80%")


def test_a_heading_takes_the_next_segment_with_it() -> None:
    p = passage(
        [("3.2 目标设定方法", "3.2 Phương pháp"), ("绝对收缩法:每年线性减排4.2%。", "Giảm tuyệt đối: 4,2% mỗi năm.")]
    )
    [e] = select_evidence("3.2 Phương pháp thiết lập", [], [p])
    assert e.sentence.startswith("3.2") and "4.2%" in e.sentence
    assert e.translation is not None and "4,2%" in e.translation


def test_no_translation_when_a_segment_has_none() -> None:
    p = passage([("3.2 目标设定方法", "3.2 Phương pháp"), ("绝对收缩法:每年线性减排4.2%。", None)])
    [e] = select_evidence("3.2 Phương pháp", [], [p])
    assert e.translation is None  # half a translation is never shown as the passage's


def test_support_score_reads_the_dense_score_and_the_original_words() -> None:
    close = passage([(TRIGGER_ZH, TRIGGER_VI)], dense=0.9)
    far = passage([("无关的句子。", "Một câu không liên quan.")], dense=0.7)
    ranked = select_evidence("范围三 40%", [], [far, close])
    assert ranked[0].passage is close and ranked[0].score > 0.9


def test_next_best_segments_are_alternatives_the_gate_does_not_read() -> None:
    from assistant.answer.stages.evidence import near_top, score_segments

    p = passage(
        [
            ("■C15-范围三筛查:公司必须对所有相关范围三类别进行范围三筛查。", "C15 – Sàng lọc phạm vi 3."),
            (TRIGGER_ZH, TRIGGER_VI),
            ("■C17-范围三目标边界:这些目标至少涵盖范围三排放总量的三分之二。", "C17 – hai phần ba phạm vi 3."),
        ]
    )
    question = "Khi nào phải đặt mục tiêu phạm vi 3, ngưỡng 40% là gì?"
    one = score_segments(question, [], [p])
    three = score_segments(question, [], [p], per_passage=3)
    assert len(one) == 1 and one[0].sentence.startswith(TRIGGER_ZH)  # a short segment takes the next with it
    assert three[0].sentence == one[0].sentence and not three[0].alternative
    assert len(three) == 3 and all(e.alternative for e in three[1:])
    assert len({e.sentence for e in three}) == 3
    assert three[0].score > three[1].score > three[2].score  # each alternative right after its passage's best
    assert [e.sentence for e in near_top(three, [p])] == [one[0].sentence]


def test_a_list_question_quotes_the_list_whole_and_stops_at_the_next_sentence() -> None:
    items = [
        "Hợp tác",
        "Cùng có lợi",
        "Tham gia bình đẳng",
        "Tôn trọng",
        "Chia sẻ trách nhiệm",
        "Công bằng",
        "Minh bạch",
    ]
    after = "Nhóm nòng cốt là các tổ chức có tư cách pháp nhân đại diện cho doanh nghiệp và tổ chức tài chính."
    segments: list[tuple[str, str | None]] = [("Giá trị cốt lõi của Liên minh", None)]
    segments += [(item, None) for item in items] + [(after, None)]
    p = passage(segments, doc="002_08dc8465030f2692.txt", language="vi", translation_lang=None)
    listed = score_segments("Liệt kê giá trị cốt lõi của Liên minh", [], [p], whole_list=True)[0].sentence
    assert listed.endswith("Minh bạch") and after not in listed
    plain = score_segments("Giá trị cốt lõi của Liên minh", [], [p])[0].sentence
    assert "Minh bạch" not in plain  # without a list question, a heading takes only what completes it


def test_the_placeholder_date_of_the_forum_articles_is_never_quoted() -> None:
    text = "January 01, 1970 在中断四年之后,永续成衣联盟在中国深圳举办了“助推变革”活动。"
    p = passage([(text, "Ngày 01 tháng 01 năm 1970 Sau 4 năm gián đoạn, SAC tổ chức sự kiện tại Thâm Quyến.")])
    [e] = select_evidence("深圳活动", [], [p])
    assert "1970" not in e.sentence and e.sentence.startswith("在中断四年之后")
    assert e.translation is not None and "1970" not in e.translation
