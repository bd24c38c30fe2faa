from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tools.criteria import (
    renewable_electricity,
    scope3_coverage,
    scope3_required,
    scope12_coverage,
    supplier_engagement,
)
from tools.errors import CalculatorInputError


def test_scope3_trigger_and_use_phase_example() -> None:
    assert scope3_required(30, 30, 40).verdict == "required"  # exactly 40%
    assert scope3_required(31, 30, 39).verdict == "not_required"
    # §6.2: a 100-unit total with 40 units of indirect use phase becomes 60 units
    r = scope3_required(20, 20, 60, indirect_use_phase=40, remove_indirect_use_phase=True)
    assert r.outputs["total_tco2e"] == 60 and r.verdict == "not_required"
    with pytest.raises(CalculatorInputError):
        scope3_required(1, 1, 10, indirect_use_phase=20)


def test_two_thirds_and_five_percent() -> None:
    assert scope3_coverage(900, 600).verdict == "meets"
    r = scope3_coverage(900, 500)
    assert r.verdict == "does_not_meet" and r.outputs["tco2e_still_to_cover"] == pytest.approx(100.0)
    assert scope12_coverage(1000, 50).verdict == "meets"
    r = scope12_coverage(1000, 80)
    assert r.verdict == "does_not_meet" and r.outputs["tco2e_to_bring_back"] == pytest.approx(30.0)


def test_re100_thresholds() -> None:
    r = renewable_electricity(10000, 6500, 2024)
    assert r.outputs["mwh_needed_2025"] == pytest.approx(1500) and r.outputs["mwh_needed_2030"] == pytest.approx(3500)
    assert renewable_electricity(10000, 8000, 2025).verdict == "meets"
    assert renewable_electricity(10000, 9000, 2030).verdict == "does_not_meet"
    with pytest.raises(CalculatorInputError):
        renewable_electricity(100, 150, 2025)


def test_supplier_engagement_five_years() -> None:
    assert supplier_engagement(2024, 2029).verdict == "meets"
    r = supplier_engagement(2024, 2030, 70, "spend")
    assert r.verdict == "does_not_meet" and r.outputs["latest_valid_target_year"] == 2029
    assert "70" in r.explanation["en"]


@given(s1=st.floats(0, 1e7), s2=st.floats(0, 1e7), s3=st.floats(0, 1e7))
def test_scope3_share_is_a_percentage(s1: float, s2: float, s3: float) -> None:
    if s1 + s2 + s3 <= 0:
        with pytest.raises(CalculatorInputError):
            scope3_required(s1, s2, s3)
        return
    r = scope3_required(s1, s2, s3)
    assert 0 <= r.outputs["scope3_share_percent"] <= 100
    assert (r.verdict == "required") == (r.outputs["scope3_share_percent"] + 1e-9 >= 40)


@given(st.floats(allow_nan=True, allow_infinity=True).filter(lambda x: not (0 < x < float("inf"))))
def test_any_bad_amount_is_a_clear_error(bad: float) -> None:
    with pytest.raises(CalculatorInputError):
        scope3_coverage(bad, 1)


def test_renewable_threshold_for_the_year() -> None:
    early = renewable_electricity(10000, 6500, 2023)
    assert early.verdict == "gap_to_milestone"
    assert early.outputs["applicable_threshold_percent"] is None
    assert (early.outputs["next_milestone_year"], early.outputs["next_milestone_percent"]) == (2025, 80.0)
    assert "to reach by 2025" in early.explanation["en"] and "1500" in early.explanation["en"]
    assert "does not meet" not in early.explanation["en"]
    assert renewable_electricity(10000, 8500, 2024).verdict == "on_track"
    mid = renewable_electricity(10000, 8500, 2027)
    assert mid.verdict == "meets" and mid.outputs["applicable_threshold_percent"] == 80.0
    assert (mid.outputs["next_milestone_year"], mid.outputs["next_milestone_percent"]) == (2030, 100.0)
    assert renewable_electricity(10000, 7500, 2029).verdict == "does_not_meet"
    late = renewable_electricity(10000, 9500, 2031)
    assert late.verdict == "does_not_meet" and late.outputs["applicable_threshold_percent"] == 100.0
    assert late.outputs["next_milestone_year"] is None
    for r in (early, mid, late):
        assert set(r.explanation) == {"vi", "zh", "en"}


def test_supplier_target_before_submission_names_the_submission_year() -> None:
    with pytest.raises(CalculatorInputError) as err:
        supplier_engagement(2026, 2024)
    assert err.value.code == "target_before_submission"
    for lang in ("vi", "zh", "en"):
        assert "2026" in err.value.messages[lang] and "2024" in err.value.messages[lang]
    assert "base year" not in err.value.messages["en"] and "submission" in err.value.messages["en"]


@given(total=st.floats(1, 1e6), share=st.floats(0, 1), year=st.integers(2015, 2040))
def test_renewable_verdict_uses_the_threshold_due_that_year(total: float, share: float, year: int) -> None:
    r = renewable_electricity(total, total * share, year)
    s = r.outputs["renewable_share_percent"]
    if year < 2025:
        assert r.verdict in {"on_track", "gap_to_milestone"} and r.outputs["applicable_threshold_percent"] is None
        assert (r.verdict == "on_track") == (s + 1e-6 >= 80)
    else:
        due = 100.0 if year >= 2030 else 80.0
        assert r.outputs["applicable_threshold_percent"] == due
        assert (r.verdict == "meets") == (s + 1e-6 >= due)


def test_the_boundary_by_what_it_covers() -> None:
    r = scope12_coverage(48000, covered=46200)
    assert r.verdict == "meets" and r.outputs["covered_percent"] == pytest.approx(96.25)
    assert "96.25%" in r.explanation["en"]
    with pytest.raises(CalculatorInputError) as err:
        scope12_coverage(27500, covered=31000)
    assert err.value.code == "part_exceeds_total"
    with pytest.raises(CalculatorInputError):
        scope12_coverage(27500)


def test_a_passing_coverage_check_names_no_shortfall() -> None:
    for lang in ("vi", "zh", "en"):
        assert " 0 t" not in scope12_coverage(48000, covered=46200).explanation[lang]
        assert "0 tCO2e" not in scope3_coverage(900, 600).explanation[lang]
    assert "30 tCO2e" in scope12_coverage(1000, 80).explanation["en"]
    assert "100吨" in scope3_coverage(900, 500).explanation["zh"]


def test_scope3_coverage_leaves_indirect_use_phase_out_of_the_two_thirds() -> None:
    r = scope3_coverage(scope3_total=250000, covered=145000, indirect_use_phase=40000)
    assert r.outputs["coverage_percent"] == pytest.approx(145000 / 210000 * 100, abs=1e-3)
    assert r.verdict == "meets"  # 58% of the stated total, 69% of what counts
    assert [ref.id for ref in r.rules] == ["scope3_coverage_min", "use_phase_coverage"]
    with pytest.raises(CalculatorInputError):
        scope3_coverage(scope3_total=100, covered=50, indirect_use_phase=100)


def test_a_share_alone_states_gaps_in_percentage_points_not_invented_megawatt_hours() -> None:
    from tools.criteria import renewable_electricity

    r = renewable_electricity(100.0, 85.0, 2025, share_only=True)
    assert r.verdict == "meets"
    assert "15 percentage points" in r.explanation["en"] and "MWh" not in r.explanation["en"]
    assert "MWh" in renewable_electricity(100.0, 85.0, 2025).explanation["en"]


def test_the_engagement_check_states_the_latest_year_allowed() -> None:
    from tools.criteria import supplier_engagement

    r = supplier_engagement(2025, 2035)
    assert r.verdict == "does_not_meet" and "so 2030 at the latest" in r.explanation["en"]
    assert "即最晚2030年" in r.explanation["zh"]


def test_supplier_engagement_without_a_target_year_gives_the_latest_allowed() -> None:
    r = supplier_engagement(2025)
    assert (r.verdict, r.outputs["latest_valid_target_year"], r.outputs["years_from_submission"]) == (None, 2030, None)
    assert "2030" in r.explanation["en"] and "2030" in r.explanation["zh"]


def test_a_share_without_amounts_leaves_a_gap_in_percentage_points() -> None:
    result = scope3_coverage(scope3_total=100.0, covered=60.0, share_only=True)
    assert result.verdict == "does_not_meet"
    assert "percentage points" in result.explanation["en"] and "tCO2e" not in result.explanation["en"]
    assert "tco2e_still_to_cover" not in result.outputs
    excluded = scope12_coverage(scope12_total=100.0, excluded=7.0, share_only=True)
    assert "2 percentage points" in excluded.explanation["en"]
