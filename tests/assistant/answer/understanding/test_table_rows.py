"""The value a question asks of a flattened table row (CATI points and industry weights)."""

from __future__ import annotations

from assistant.answer.understanding.table_rows import row_asked, rows

POINTS = "5.3 关联企业自主 | 5.3.1 关联企业自主核算并公开披露年度排放数据 | 4 开展碳管理(8) | 5.3.2 关联企业自主设定并公开披露目标与进展 | 3"
WEIGHTS = (
    "行业 | 权重 零售 | 范围 1+2 vs. 范围 3 上游 = 20%:80% 家电 | 范围 1+2 vs. 范围 3 上游 = 30%:70% "
    "钢铁 | 范围 1+2 vs. 范围 3 上游 = 80%:20%"
)


def test_a_wrapped_table_is_read_row_by_row() -> None:
    found = rows(POINTS)
    assert [(r.label, r.value) for r in found] == [
        ("5.3.1 关联企业自主核算并公开披露年度排放数据", "4"),
        ("5.3.2 关联企业自主设定并公开披露目标与进展", "3"),
    ]
    assert [r.label for r in rows(WEIGHTS)][1:] == ["家电", "钢铁"]  # an indicator id is not a value


def test_the_row_asked_about_is_found_by_its_words_or_its_id() -> None:
    row = row_asked("关联企业自主设定并公开披露目标 这条几分啊", POINTS)
    assert row is not None and row.value == "3" and row.points
    by_id = row_asked("5.3.1 được mấy điểm?", POINTS)
    assert by_id is not None and by_id.value == "4"
    steel = row_asked("CATI里钢铁行业的权重怎么分?", WEIGHTS)
    assert steel is not None and steel.value.endswith("80%:20%") and not steel.points


def test_no_row_is_stated_when_none_stands_out_or_no_value_is_asked() -> None:
    assert row_asked("关联企业几分?", POINTS) is None  # both rows match equally
    assert row_asked("关联企业自主核算并公开披露年度排放数据是什么意思?", POINTS) is None
