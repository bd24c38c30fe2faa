from __future__ import annotations

import pytest

from tools.cati import cati_score
from tools.errors import CalculatorInputError
from tools.mcap import mcap_checklist
from tools.registry import CALCULATORS, UnknownCalculatorError, get_calculator
from tools.timeframe import target_timeframe


def test_endnote_19_half_year_rule() -> None:
    h1 = target_timeframe("2019-03-15", 2033)
    assert (h1.outputs["earliest_target_year"], h1.outputs["latest_target_year"]) == (2023, 2033)
    h2 = target_timeframe("2019-10-01", 2034)
    assert (h2.outputs["earliest_target_year"], h2.outputs["latest_target_year"]) == (2024, 2034)
    assert target_timeframe("2019-10-01", 2023).verdict == "not_valid"


def test_current_floor_is_5_to_10_years_and_differs() -> None:
    r = target_timeframe("2024-09-01", 2038)
    assert r.verdict == "valid" and r.other_rule_set and r.other_rule_set.differs
    assert target_timeframe("2024-09-01", 2038, rule_set="sbti-current-floor").verdict == "not_valid"


def test_inventory_age_c6() -> None:
    assert target_timeframe("2024-09-01", 2030, latest_inventory_year=2022).outputs["inventory_recent_enough"] is True
    assert target_timeframe("2024-09-01", 2030, latest_inventory_year=2021).verdict == "not_valid"
    with pytest.raises(CalculatorInputError):
        target_timeframe("2024-13-45", 2030)


def test_cati_points_and_factor_without_invented_formula() -> None:
    r = cati_score(["1.1.1", "2.1.1", "3.1.1", "5.4.5"], industry="纺织")
    assert r.outputs["total_points"] == 13
    assert r.outputs["points_by_dimension"] == {"1": 1, "2": 5, "3": 3, "5": 4}
    f = r.outputs["weighting_factor"]
    assert (f["scope12_percent"], f["upstream_scope3_percent"]) == (20, 80)
    assert "weighted_total" not in r.outputs and any(w.code == "no_weighting_formula" for w in r.warnings)
    assert cati_score([], "steel").outputs["weighting_factor"]["scope12_percent"] == 80
    for bad in (["9.9.9"], ["1.1"]):
        with pytest.raises(CalculatorInputError):
            cati_score(bad)
    with pytest.raises(CalculatorInputError):
        cati_score(["1.1.1"], industry="spaceflight")


def test_mcap_checklist() -> None:
    r = mcap_checklist(targets_committed=True, climate_risk_assessed=True)
    assert r.verdict == "incomplete" and r.outputs["next_steps"] == ["decarbonisation_plan", "annual_disclosure"]
    assert "mcap@cascale.org" in r.explanation["zh"] and r.outputs["advisory_hours_per_year"] == 10
    assert mcap_checklist(True, True, True, True).verdict == "complete"


def test_registry() -> None:
    assert len(CALCULATORS) == 14
    for name, func in CALCULATORS.items():
        assert func.__doc__ and name == func.__name__
    with pytest.raises(UnknownCalculatorError):
        get_calculator("magic")
