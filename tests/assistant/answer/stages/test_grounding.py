"""Numeric grounding, including the defect where words ending in c or r hid the number after them."""

from __future__ import annotations

import pytest

from assistant.answer.stages.grounding import check_numbers, strip_numbers

SOURCES = ["Giảm 42% từ 2020 đến 2030 (4,2%/năm × 10 năm)."]


@pytest.mark.parametrize(
    "text",
    [
        "in the year 2099, over 1234 tCO2e must be cut, for 88 years",
        "vào năm 2099, phải cắt giảm hơn 1234 tCO2e trong 88 năm",
        "到2099年，必须减少1234吨二氧化碳当量，为期88年",
        "per year 2099 ... a factor 1234, over 88",  # words ending in r / c before the numbers
    ],
)
def test_invented_numbers_are_caught_in_every_language(text: str) -> None:
    report = check_numbers(text, SOURCES)
    assert not report.passed
    assert {"2099", "1234", "88"} <= set(report.unsupported)


def test_names_with_numbers_are_not_claims() -> None:
    text = "Scope 3 under C16 and R9, phạm vi 1, 范围3, tier 2, at 1.5°C: 42% from 2020 to 2030."
    assert check_numbers(text, SOURCES).passed


def test_a_decrease_may_be_written_without_its_sign() -> None:
    assert check_numbers("intensity falls 66.33%", ['{"change_percent": -66.33}']).passed


def test_grounding_catches_invented_numbers() -> None:
    ok = check_numbers("Cần giảm 42,0% từ 2020 đến 2030 [1].", ["giảm 42% 2020 2030"])
    assert ok.passed
    bad = check_numbers("The rate is 5.1% per year since 2020.", ["4.2%", "2020"])
    assert not bad.passed and bad.unsupported == ["5.1"]
    assert "5.1" not in strip_numbers("The rate is 5.1% per year.", bad.unsupported)
    assert check_numbers("到2030年减少55.4%", ['{"required_intensity_reduction_percent": 55.38}', "2030"]).passed
    # a percentage needs a percentage behind it: 10 years do not ground "a 10% cut"
    injected = check_numbers(
        "The rate is 1%, so a 10% cut is enough.", ['{"years": 10, "required_reduction_percent": 42.0}']
    )
    assert injected.unsupported == ["1", "10"]
