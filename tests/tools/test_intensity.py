from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tools.errors import CalculatorInputError
from tools.intensity import geva, intensity_to_absolute, physical_intensity_rate, required_intensity_reduction


def test_intensity_cut_matching_1_5c_with_30_percent_growth() -> None:
    r = required_intensity_reduction(2020, 2030, 30)
    assert r.outputs["required_intensity_reduction_percent"] == pytest.approx(55.38, abs=0.01)


def test_footnote_e_per_pair_rate() -> None:
    r = physical_intensity_rate(2017, 2030, 30)
    assert r.outputs["annual_linear_rate_percent"] == pytest.approx(2.31, abs=0.005)
    assert r.verdict == "meets"
    assert physical_intensity_rate(2017, 2030, 30, absolute_emissions_change_percent=5).verdict == "does_not_meet"
    assert any(w.code == "c19_wording" for w in r.warnings)


@pytest.mark.parametrize(("growth", "absolute"), [(9, 23), (7.5, 0), (6, -19.31)])
def test_table_5(growth: float, absolute: float) -> None:
    r = geva(2015, 2030, growth)
    assert r.outputs["intensity_change_percent"] == pytest.approx(-66.3, abs=0.05)
    assert r.outputs["absolute_change_percent"] == pytest.approx(absolute, abs=0.7)


def test_geva_is_compounded_not_linear() -> None:
    r = geva(2015, 2030)
    assert r.outputs["intensity_change_percent"] == pytest.approx(-66.33, abs=0.01)
    assert r.outputs["linear_misreading_percent"] == pytest.approx(-105)


@given(
    base=st.integers(1990, 2080),
    span=st.integers(1, 15),
    growth=st.floats(-50, 300),
    annual=st.booleans(),
    amb=st.sampled_from(["1.5C", "wb2c", "2c"]),
)
def test_round_trip_intensity_and_absolute(base: int, span: int, growth: float, annual: bool, amb: str) -> None:
    if annual:
        growth = growth / 10
    need = required_intensity_reduction(base, base + span, growth, annual, amb)
    cut = need.outputs["required_intensity_reduction_percent"]
    if not 0 <= cut <= 100:
        return  # growth so negative that emissions may rise: outside the intensity-cut domain
    back = intensity_to_absolute(base, base + span, cut, growth, annual)
    assert -back.outputs["absolute_change_percent"] == pytest.approx(
        need.outputs["absolute_reduction_percent"], abs=1e-2
    )


def test_bad_growth_and_share() -> None:
    with pytest.raises(CalculatorInputError):
        intensity_to_absolute(2020, 2030, 120, 10)
    with pytest.raises(CalculatorInputError):
        geva(2020, 2030, -100)


def test_shrinking_activity_is_explained() -> None:
    rise = required_intensity_reduction(2020, 2030, -45)  # 1.5°C: 42% absolute cut; activity alone cuts 45%
    cut = rise.outputs["required_intensity_reduction_percent"]
    assert cut == pytest.approx(-5.4545, abs=1e-3)
    assert rise.outputs["intensity_may_rise_percent"] == pytest.approx(5.4545, abs=1e-3)
    en = rise.explanation["en"]
    assert "-5.45" not in en and "must fall -" not in en
    assert "shrinks 45%" in en and "rise by up to 5.45%" in en
    assert "5,45" in rise.explanation["vi"] and "5.45" in rise.explanation["zh"]
    assert all("-" not in text.split("(")[0] for text in rise.explanation.values())
    some = required_intensity_reduction(2020, 2030, -20)  # activity cuts 20%, intensity must do the rest
    en = some.explanation["en"]
    assert "shrinks 20%" in en and "27.5%" in en and "must fall -" not in en
    assert some.outputs["intensity_may_rise_percent"] is None
    grow = required_intensity_reduction(2020, 2030, 30)
    assert "must fall 55.38%" in grow.explanation["en"]


def test_scope12_intensity_is_judged_by_its_absolute_equivalent() -> None:
    s3 = physical_intensity_rate(2020, 2030, 25)
    assert s3.inputs["scope"] == "s3" and s3.outputs["minimum_rate_percent"] == 2.0
    r = physical_intensity_rate(2020, 2030, 50, scope="s1+s2", activity_growth_percent=20)
    assert r.outputs["scope3_rule_applies"] is False
    assert "s3_physical_intensity_rate" not in [ref.id for ref in r.rules]
    c8 = next(ref for ref in r.rules if ref.id == "s12_intensity_absolute_equivalent")
    assert c8.clause == "C8" and "范围一和范围二排放的强度目标" in c8.quote
    assert r.outputs["minimum_ambition"] == "wb2c"
    assert r.outputs["required_absolute_reduction_percent"] == 25.0  # 2.5%/yr × 10
    assert r.outputs["absolute_change_percent"] == pytest.approx(-40.0)  # 0.5 × 1.2 − 1
    assert r.outputs["required_intensity_reduction_percent"] == pytest.approx(37.5)  # 1 − 0.75/1.2
    assert r.verdict == "meets"
    assert "scope 3" in r.explanation["en"] and "40%" in r.explanation["en"]
    weak = physical_intensity_rate(2020, 2030, 30, scope="s1+s2", activity_growth_percent=20)
    assert weak.verdict == "does_not_meet"  # −16% absolute < 25%
    unknown = physical_intensity_rate(2020, 2030, 30, scope="s1+s2")
    assert unknown.verdict is None and any(w.code == "activity_growth_needed" for w in unknown.warnings)
    assert not any(w.code == "c19_wording" for w in unknown.warnings)
    current = physical_intensity_rate(
        2020, 2030, 50, scope="s1+s2", activity_growth_percent=20, rule_set="sbti-current-floor"
    )
    assert current.outputs["minimum_ambition"] == "1.5C" and current.verdict == "does_not_meet"  # 40% < 42%


@given(
    growth=st.floats(-99, 300),
    span=st.integers(1, 15),
    amb=st.sampled_from(["1.5C", "wb2c", "2c"]),
)
def test_the_explanation_never_says_a_negative_cut(growth: float, span: int, amb: str) -> None:
    r = required_intensity_reduction(2020, 2020 + span, growth, ambition=amb)
    cut = r.outputs["required_intensity_reduction_percent"]
    for text in r.explanation.values():
        assert "-" not in text.replace("well-below", "").replace("→", "")
    if cut < 0:
        assert r.outputs["intensity_may_rise_percent"] == pytest.approx(-cut)
    else:
        assert r.outputs["intensity_may_rise_percent"] is None


def test_geva_gives_the_target_intensity_from_the_base_intensity() -> None:
    r = geva(base_year=2024, target_year=2031, base_intensity=0.85)
    assert r.outputs["target_intensity"] == pytest.approx(0.85 * 0.93**7, abs=1e-4)
    assert "at most 0.511 in 2031" in r.explanation["en"]  # three significant figures


def test_the_change_over_the_period_needs_no_years() -> None:
    # intensity −35 %, activity +25 %: 0.65 × 1.25 − 1 = −18.75 % whatever the span
    result = intensity_to_absolute(None, None, 35, 25, base_emissions=1000)
    assert result.outputs["absolute_change_percent"] == -18.75
    assert result.outputs["target_emissions_tco2e"] == 812.5
    assert "implied_linear_absolute_rate_percent" not in result.outputs and "meets_ambitions" not in result.outputs
    assert "over the period" in result.explanation["en"]
    dated = intensity_to_absolute(2020, 2030, 35, 25)
    assert dated.outputs["absolute_change_percent"] == -18.75 and dated.outputs["years"] == 10


def test_a_yearly_growth_needs_the_years() -> None:
    with pytest.raises(CalculatorInputError):
        intensity_to_absolute(None, None, 35, 5, growth_is_annual=True)


def test_an_intensity_change_with_base_emissions_states_the_tonnes_at_the_end() -> None:
    r = intensity_to_absolute(2022, 2028, 20, 40, base_emissions=8400)
    assert (
        r.outputs["target_emissions_tco2e"] == 9408.0 and "emissions at the end are 9408 tCO2e" in r.explanation["en"]
    )


def test_intensity_to_absolute_checked_against_an_ambition() -> None:
    # −35% per unit with output +40% is −9% absolute over 2022–2030; 1.5°C needs 4.2%/yr × 8 = 33.6%
    r = intensity_to_absolute(2022, 2030, 35, 40, ambition="1.5C")
    assert (r.verdict, r.outputs["required_reduction_percent"]) == ("does_not_meet", 33.6)
    assert "33.6" in r.explanation["en"] and "33,6" in r.explanation["vi"]
    assert intensity_to_absolute(2022, 2030, 50, 0, ambition="wb2c").verdict == "meets"
    assert intensity_to_absolute(2022, 2030, 35, 40).verdict is None


def test_shrinking_activity_is_said_as_a_fall_never_as_negative_growth() -> None:
    result = intensity_to_absolute(
        base_year=None, target_year=None, intensity_reduction_percent=25, activity_growth_percent=-10
    )
    assert result.outputs["absolute_change_percent"] == -32.5
    assert "shrinks 10%" in result.explanation["en"] and "giảm 10%" in result.explanation["vi"]
    assert "-10" not in result.explanation["en"]


def test_an_absolute_rise_is_said_when_it_decides_the_verdict() -> None:
    result = physical_intensity_rate(
        base_year=2022, target_year=2030, intensity_reduction_percent=20, activity_growth_percent=100
    )
    assert result.verdict == "does_not_meet" and result.outputs["rate_ok"] is True
    assert "+60%" in result.explanation["en"] and "no absolute increase" in result.explanation["en"]
