from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tools.errors import CalculatorInputError
from tools.pathways import absolute_contraction, check_absolute_target
from tools.rules import RuleSet


@pytest.mark.parametrize(
    ("ambition", "rate"), [("1.5C", 4.2), ("wb2c", 2.5), ("2c", 1.23), ("1.5°C", 4.2), ("well-below 2°C", 2.5)]
)
def test_document_rates(ambition: str, rate: float) -> None:
    r = absolute_contraction(2020, 2030, ambition)
    assert r.outputs["annual_rate_percent"] == rate
    assert r.outputs["required_reduction_percent"] == pytest.approx(rate * 10)


def test_linear_not_compounded_and_pathway() -> None:
    r = absolute_contraction(2020, 2030, "1.5C", base_emissions=12000)
    assert r.outputs["required_reduction_percent"] == pytest.approx(42.0)  # not 35.0 (compounded)
    assert r.outputs["target_emissions_tco2e"] == pytest.approx(6960.0)
    path = r.outputs["pathway"]
    assert path[0] == {"year": 2020, "emissions": 12000.0} and path[-1]["emissions"] == pytest.approx(6960.0)
    steps = {round(a["emissions"] - b["emissions"], 6) for a, b in zip(path, path[1:], strict=False)}
    assert steps == {504.0}
    assert set(r.explanation) == {"vi", "zh", "en"} and "42" in r.explanation["vi"]


def test_rule_sets_disagree_on_wb2c_for_scope_1_2() -> None:
    r = absolute_contraction(2020, 2030, "wb2c", "s1+s2")
    assert r.verdict == "meets_minimum" and r.rule_set == "sbti-apparel-2019"
    assert r.other_rule_set and r.other_rule_set.differs and r.other_rule_set.verdict == "below_minimum"
    current = absolute_contraction(2020, 2030, "wb2c", rule_set="sbti-current-floor")
    assert current.verdict == "below_minimum"
    assert any(w.code == "official_tool_may_differ" for w in current.warnings)


@pytest.mark.parametrize(
    ("brand", "base", "target", "cut", "rate"),
    [("Levi's", 2016, 2025, 90, 10.0), ("H&M", 2017, 2030, 40, 3.0769), ("ASICS", 2015, 2030, 33, 2.2)],
)
def test_table_1_brand_targets(brand: str, base: int, target: int, cut: float, rate: float) -> None:
    r = check_absolute_target(base, target, cut)
    assert r.outputs["implied_annual_rate_percent"] == pytest.approx(rate, abs=1e-4), brand


def test_check_shortfall() -> None:
    r = check_absolute_target(2020, 2030, 30, base_emissions=10000, rule_set="sbti-current-floor")
    assert r.verdict == "does_not_meet"
    assert r.outputs["shortfall_points"] == pytest.approx(12.0)
    assert r.outputs["shortfall_tco2e"] == pytest.approx(1200.0)
    assert r.other_rule_set and r.other_rule_set.verdict == "meets"  # 3%/yr ≥ 2.5%/yr under the 2019 rules


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"base_year": 2030, "target_year": 2020}, "target_before_base"),
        ({"base_year": 2020, "target_year": 2030, "ambition": "3C"}, "unknown_ambition"),
        ({"base_year": 2020, "target_year": 2030, "base_emissions": -5}, "negative"),
        ({"base_year": 2020, "target_year": 2030, "scope": "scope 9"}, "unknown_scope"),
        ({"base_year": 1800, "target_year": 2030}, "year_out_of_range"),
        ({"base_year": 2020, "target_year": 2030, "rule_set": "sbti-1999"}, "unknown_rule_set"),
    ],
)
def test_bad_input_is_a_typed_trilingual_error(kwargs: dict[str, Any], code: str) -> None:
    with pytest.raises(CalculatorInputError) as info:
        absolute_contraction(**kwargs)
    assert info.value.code == code
    assert set(info.value.messages) == {"vi", "zh", "en"} and all(info.value.messages.values())


years = st.integers(1990, 2090)


@given(base=years, span=st.integers(1, 10), amb=st.sampled_from(["1.5C", "wb2c", "2c"]), e=st.floats(0, 1e9))
def test_linearity_and_bounds(base: int, span: int, amb: str, e: float) -> None:
    r = absolute_contraction(base, base + span, amb, base_emissions=e)
    rate = r.outputs["annual_rate_percent"]
    assert r.outputs["required_reduction_percent"] == pytest.approx(min(rate * span, 100), abs=1e-3)
    assert 0 <= r.outputs["target_emissions_tco2e"] <= e + 1e-6


@given(base=years, span=st.integers(1, 9))
def test_monotonic_in_years_and_ambition(base: int, span: int) -> None:
    reds = {
        a: absolute_contraction(base, base + span, a).outputs["required_reduction_percent"]
        for a in ("1.5C", "wb2c", "2c")
    }
    assert reds["1.5C"] >= reds["wb2c"] >= reds["2c"]
    longer = absolute_contraction(base, base + span + 1, "wb2c").outputs["required_reduction_percent"]
    assert longer >= reds["wb2c"]


@given(base=years, span=st.integers(1, 10), cut=st.floats(0, 100))
def test_check_round_trip_with_contraction(base: int, span: int, cut: float) -> None:
    r = check_absolute_target(base, base + span, cut)
    assert r.outputs["implied_annual_rate_percent"] * span == pytest.approx(cut, abs=1e-3)
    for amb in r.outputs["meets_ambitions"]:
        assert (
            cut + 1e-6
            >= min(absolute_contraction(base, base + span, amb).outputs["required_reduction_percent"], 100) - 1e-3
        )


@given(st.one_of(st.integers(-5000, 1989), st.integers(2101, 10_000)))
def test_any_invalid_year_is_a_clear_error(bad: int) -> None:
    with pytest.raises(CalculatorInputError):
        absolute_contraction(bad, 2030)


def test_check_against_an_asked_ambition() -> None:
    """Asked "does 30% 2020→2030 reach 1.5°C?", the answer is about 1.5°C, not the scope's minimum."""
    r = check_absolute_target(2020, 2030, 30, ambition="1.5°C")
    assert r.verdict == "does_not_meet"
    assert r.outputs["required_reduction_percent"] == 42.0
    assert r.outputs["shortfall_points"] == 12.0
    assert "1.5°C: 42%" in r.explanation["en"]


def test_asked_ambition_below_the_minimum_is_not_accepted() -> None:
    r = check_absolute_target(2020, 2030, 30, ambition="2C", rule_set="sbti-current-floor")
    assert r.outputs["shortfall_points"] == 0.0
    assert r.verdict == "does_not_meet"
    assert any(w.code == "ambition_below_minimum" for w in r.warnings)


def test_verdict_follows_the_rate_when_the_required_cut_is_capped() -> None:
    """2020→2050 at 3.33%/yr: 1.5°C needs 4.2%/yr (126% over 30 years, shown capped at 100%)."""
    r = check_absolute_target(2020, 2050, 100, ambition="1.5C")
    assert "1.5C" not in r.outputs["meets_ambitions"]
    assert r.verdict == "does_not_meet"
    assert r.outputs["required_reduction_percent"] == 100.0
    assert r.outputs["required_annual_rate_percent"] == 4.2
    assert r.outputs["rate_shortfall_points"] == pytest.approx(0.8667, abs=1e-4)
    assert any(w.code == "capped_at_100" for w in r.warnings)
    assert "4.2%/yr" in r.explanation["en"] and "3.33%/yr" in r.explanation["en"]


def test_span_beyond_the_maximum_timeframe_warns() -> None:
    r = check_absolute_target(2020, 2050, 100)
    spans = [w for w in r.warnings if w.code == "span_exceeds_max_timeframe"]
    assert spans and "30" in spans[0].text["en"] and "15" in spans[0].text["en"]
    assert any(ref.id == "timeframe_max_years" for ref in r.rules)
    current = check_absolute_target(2020, 2031, 50, rule_set="sbti-current-floor")
    assert any(w.code == "span_exceeds_max_timeframe" and "10" in w.text["en"] for w in current.warnings)
    assert not any(w.code == "span_exceeds_max_timeframe" for w in check_absolute_target(2020, 2035, 60).warnings)
    assert any(w.code == "span_exceeds_max_timeframe" for w in absolute_contraction(2020, 2050).warnings)


@given(
    base=years,
    span=st.integers(1, 60),
    cut=st.floats(0, 100),
    scope=st.sampled_from(["s1+s2", "s3"]),
    rule_set=st.sampled_from(["sbti-apparel-2019", "sbti-current-floor"]),
)
def test_verdict_agrees_with_the_ambitions_met(base: int, span: int, cut: float, scope: str, rule_set: RuleSet) -> None:
    r = check_absolute_target(min(base, 2100 - span), min(base, 2100 - span) + span, cut, scope, rule_set=rule_set)
    assert (r.verdict == "meets") == (r.outputs["minimum_ambition"] in r.outputs["meets_ambitions"])
    if r.verdict == "meets":
        assert r.outputs["rate_shortfall_points"] == 0 and r.outputs["shortfall_points"] == 0
    assert r.outputs["required_reduction_percent"] <= 100
    capped = r.outputs["required_annual_rate_percent"] * span > 100
    assert capped == any(w.code == "capped_at_100" for w in r.warnings)


@pytest.mark.parametrize("calc", [absolute_contraction, check_absolute_target])
def test_official_tool_warning_for_base_years_from_2020_under_default_rules(calc: Any) -> None:
    extra = {"reduction_percent": 42} if calc is check_absolute_target else {}
    late = calc(2021, 2030, **extra)
    assert late.rule_set == "sbti-apparel-2019"
    assert any(w.code == "official_tool_may_differ" for w in late.warnings)
    assert any(w.code == "official_tool_may_differ" for w in calc(2020, 2030, **extra).warnings)
    assert not any(w.code == "official_tool_may_differ" for w in calc(2019, 2029, **extra).warnings)


@pytest.mark.parametrize("lang", ["vi", "zh", "en"])
def test_a_cut_that_reaches_the_requirement_has_no_zero_point_shortfall(lang: str) -> None:
    """Issue 16: "còn thiếu 0 điểm phần trăm" / "差距0个百分点" when the target already beats the requirement."""
    result = check_absolute_target(2022, 2032, 15, scope="s1+s2", ambition="2C")
    text = result.explanation[lang]
    assert result.outputs["shortfall_points"] == 0
    assert "thiếu 0" not in text and "差距0" not in text and "shortfall 0" not in text
    assert {"vi": "đạt.", "zh": "已达到。", "en": "met."}[lang] in text


def test_absolute_contraction_states_the_tonnes_cut() -> None:
    r = absolute_contraction(2019, 2028, "wb2c", "s1+s2", 7850)
    assert r.outputs["reduction_tco2e"] == pytest.approx(1766.25)
    assert "1766.25" in r.explanation["en"] and "1766,25" in r.explanation["vi"] and "1766.25" in r.explanation["zh"]


def test_a_check_with_base_emissions_states_the_tonnes_allowed_and_proposed() -> None:
    from tools.pathways import check_absolute_target

    r = check_absolute_target(2023, 2030, 14, base_emissions=40000, ambition="1.5C")
    assert r.outputs["required_target_emissions_tco2e"] == 28240.0
    assert r.outputs["proposed_target_emissions_tco2e"] == 34400.0
    assert "at most 28240 tCO2e in 2030" in r.explanation["en"] and "leaves 34400 tCO2e" in r.explanation["en"]


def test_a_plan_given_as_end_values_is_checked_by_the_cut_they_make() -> None:
    result = check_absolute_target(
        base_year=2022, target_year=2030, base_emissions=12000, target_emissions=8400, ambition="1.5C"
    )
    assert result.inputs["reduction_percent"] == 30.0 and result.verdict == "does_not_meet"
    assert result.explanation["en"].startswith("From 12000 tCO2e down to 8400 tCO2e is a 30% cut.")
    with pytest.raises(CalculatorInputError):
        check_absolute_target(base_year=2022, target_year=2030, target_emissions=8400)
    with pytest.raises(CalculatorInputError):
        check_absolute_target(base_year=2022, target_year=2030, base_emissions=8000, target_emissions=8400)
