"""Reading: the role of each year a question names (base, target, submission, inventory)."""

from __future__ import annotations

import pytest

from assistant.answer.understanding.reading import read_question


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
