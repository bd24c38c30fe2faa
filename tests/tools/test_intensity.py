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
