"""Numbers as the three languages write them (``assistant/text/numbers.py``), read into values."""

from __future__ import annotations

from fractions import Fraction

import pytest

from assistant.text.numbers import WrittenNumber, digit_values, number_phrases, read_numbers, zh_numeral_value


def _values(text: str, **kw: bool) -> set[Fraction]:
    return {v for n in read_numbers(text, **kw) for v in n.values}


def _only(text: str, **kw: bool) -> WrittenNumber:
    found = read_numbers(text, **kw)
    assert len(found) == 1, [n.text for n in found]
    return found[0]


# --- digits -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "values"),
    [
        ("4,2", {Fraction("4.2")}),  # Vietnamese decimal comma
        ("4.2", {Fraction("4.2")}),
        ("12.500", {Fraction(12500), Fraction("12.5")}),  # thousands (vi) or a decimal (en)
        ("12,500", {Fraction(12500), Fraction("12.5")}),  # thousands (en) or a decimal (vi)
        ("1.234.567", {Fraction(1234567)}),
        ("1,234.5", {Fraction("1234.5")}),
        ("1.234,5", {Fraction("1234.5")}),
        ("2030", {Fraction(2030)}),
        ("3/4", {Fraction(3, 4)}),
    ],
)
def test_digits_with_decimal_commas_points_and_thousands_separators(raw: str, values: set[Fraction]) -> None:
    got, kind = digit_values(raw)
    assert kind == "digits"
    assert set(got) == values
    assert _only(raw).values == frozenset(values)


def test_a_dotted_clause_number_is_an_id_not_a_value() -> None:
    n = _only("see indicator 1.1.3")
    assert n.kind == "id" and n.text == "1.1.3" and not n.values
    assert digit_values("1.1.3") == (frozenset(), "id")
    # a date-like 12.05.2024 is not thousands either: no value is made up for it
    assert _only("12.05.2024").kind == "id"


def test_a_digit_run_is_read_whole_not_in_pieces() -> None:
    assert [n.text for n in read_numbers("giảm 4,2% vào năm 2030", words=False)] == ["4,2", "2030"]
    assert _values("2019年4月") == {Fraction(2019), Fraction(4)}


# --- Chinese numerals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三分之二", Fraction(2, 3)),
        ("二十三", Fraction(23)),
        ("两", Fraction(2)),
        ("一万二千", Fraction(12000)),
        ("十", Fraction(10)),
        ("一百零五", Fraction(105)),
        ("三亿", Fraction(300_000_000)),
    ],
)
def test_zh_numeral_values(text: str, value: Fraction) -> None:
    assert zh_numeral_value(text) == value


@pytest.mark.parametrize(
    ("text", "token", "value"),
    [
        ("覆盖三分之二的排放", "三分之二", Fraction(2, 3)),
        ("二十多家企业", "二十", Fraction(20)),  # "more than twenty": the figure is 20
        ("两家工厂", "两", Fraction(2)),
        ("十年内", "十", Fraction(10)),
        ("一万二千家", "一万二千", Fraction(12000)),
    ],
)
def test_chinese_numerals_in_text(text: str, token: str, value: Fraction) -> None:
    n = _only(text)
    assert (n.kind, n.text, n.values) == ("zh", token, frozenset({value}))


def test_single_chinese_digits_count_only_before_a_measure_word() -> None:
    assert _values("三家企业") == {Fraction(3)}
    for text in ("统一", "一些", "第三", "范围三排放", "范围三"):  # not figures, wherever they stand
        assert read_numbers(text) == [], text
    # a translation is read leniently: every numeral counts there
    assert _values("范围三", lenient_zh=True) == {Fraction(3)}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("470万", {Fraction(470), Fraction(4_700_000)}),
        ("1.5万亿", {Fraction(3, 2), Fraction(1_500_000_000_000)}),
        ("3亿", {Fraction(3), Fraction(300_000_000)}),
        ("4.7 million", {Fraction(47, 10), Fraction(4_700_000)}),
        ("4,7 triệu", {Fraction(47, 10), Fraction(4_700_000)}),
        ("1,5 nghìn tỷ", {Fraction(3, 2), Fraction(1_500_000_000_000)}),
        ("2 billion", {Fraction(2), Fraction(2_000_000_000)}),
    ],
)
def test_multipliers_add_the_multiplied_value(text: str, values: set[Fraction]) -> None:
    digits = [n for n in read_numbers(text) if n.kind == "digits"]
    assert len(digits) == 1
    assert digits[0].values == frozenset(values)
    # the multiplier itself is no figure of its own, or only an ambiguous one
    assert all(n.ambiguous for n in read_numbers(text) if n.kind != "digits")


# --- number words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two thirds", Fraction(2, 3)),
        ("two-thirds", Fraction(2, 3)),
        ("hai phần ba", Fraction(2, 3)),
        ("một nửa", Fraction(1, 2)),
        ("mười lăm", Fraction(15)),
        ("mười một", Fraction(11)),
        ("hai mươi mốt", Fraction(21)),
        ("năm mươi", Fraction(50)),
        ("twenty-one", Fraction(21)),
        ("forty five", Fraction(45)),
        ("ten", Fraction(10)),
        ("mười", Fraction(10)),
    ],
)
def test_number_words_in_english_and_vietnamese(text: str, value: Fraction) -> None:
    """A compound is one number: "mười lăm" is 15, not also 10 and 5 (which a translation reading
    "15" would then be missing)."""
    n = _only(text)
    assert (n.kind, n.values, n.ambiguous) == ("word", frozenset({value}), False)


def test_a_vietnamese_compound_ending_in_nam_may_be_years() -> None:
    """A compound ending in "năm" may be years: "mười năm" is "ten years" as often as fifteen;
    "hai mươi bao" is twenty bags, not 23."""
    assert _only("trong vòng mười năm").values == frozenset({Fraction(10), Fraction(15)})
    assert _only("hai mươi năm").values == frozenset({Fraction(20), Fraction(25)})
    assert _only("hai mươi bao").values == frozenset({Fraction(20)})


def test_months_carry_their_number() -> None:
    assert _values("April 2019") == {Fraction(4), Fraction(2019)}
    assert _values("December") == {Fraction(12)}


@pytest.mark.parametrize("word", ["năm", "một", "one", "may", "march", "ba", "tư", "triệu", "million", "thousand"])
def test_ambiguous_words_are_flagged(word: str) -> None:
    """Words that are not always numbers ("năm" is also "year", "one"/"một" also "a", "May" also "may")
    are read, but never required."""
    assert _only(f"x {word} y").ambiguous


@pytest.mark.parametrize("word", ["mười", "hai", "two", "twenty", "April", "two thirds"])
def test_unambiguous_words_are_not_flagged(word: str) -> None:
    assert not _only(f"x {word} y").ambiguous


def test_words_can_be_left_out_and_words_inside_other_words_are_not_numbers() -> None:
    assert read_numbers("two thirds of 2030", words=False)[0].text == "2030"
    assert read_numbers("someone often attends", words=True) == []  # "one", "ten" inside words
    assert read_numbers("Bahai", words=True) == []


def test_results_are_in_reading_order_with_offsets() -> None:
    text = "Giảm 42% từ 2020 đến 2030, tức hai phần ba"
    found = read_numbers(text)
    assert [n.start for n in found] == sorted(n.start for n in found)
    for n in found:
        assert text[n.start : n.end] == n.text
    assert found[-1].values == frozenset({Fraction(2, 3)})


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("emitted twenty thousand tonnes", [("twenty thousand", 20000)]),
        ("one hundred and twenty thousand t", [("one hundred and twenty thousand", 120000)]),
        ("bon muoi lam nghin tan", [("bon muoi lam nghin", 45000)]),
        ("hai tram nam muoi nghin", [("hai tram nam muoi nghin", 250000)]),
        # "năm" before a number is the year: read from the longest valid end
        ("nam 2022 hai muoi lam nghin tan", [("hai muoi lam nghin", 25000)]),
        ("tu muoi lam nghin tan", [("muoi lam nghin", 15000)]),  # "từ" (from), not "tư" (four)
        ("twenty", []),  # one word alone is no phrase
    ],
)
def test_number_phrases(text: str, found: list[tuple[str, int]]) -> None:
    assert [(text[a:b], v) for a, b, v in number_phrases(text)] == found
