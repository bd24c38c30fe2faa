from __future__ import annotations

import pytest

from tools.cati import cati_score, cati_weighted_score
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
    assert len(CALCULATORS) == 15
    for name, func in CALCULATORS.items():
        assert func.__doc__ and name == func.__name__
    with pytest.raises(UnknownCalculatorError):
        get_calculator("magic")


def test_other_rule_set_refuses_a_base_year_before_2015() -> None:
    r = target_timeframe("2024-09-01", 2030, base_year=2014)
    assert r.verdict == "valid" and r.rule_set == "sbti-apparel-2019"
    assert r.other_rule_set is not None
    assert r.other_rule_set.verdict == "not_valid" and r.other_rule_set.differs
    assert "2015" in r.other_rule_set.note["en"] and "base year" in r.other_rule_set.note["en"]
    assert all("2015" in r.other_rule_set.note[lang] for lang in ("vi", "zh"))
    ok = target_timeframe("2024-09-01", 2030, base_year=2015)
    assert ok.other_rule_set and ok.other_rule_set.verdict == "valid" and not ok.other_rule_set.differs
    current = target_timeframe("2024-09-01", 2030, base_year=2014, rule_set="sbti-current-floor")
    assert current.verdict == "not_valid" and current.other_rule_set and current.other_rule_set.verdict == "valid"


def test_cati_cites_the_rows_it_scored() -> None:
    r = cati_score(["2.1.1", "5.4.5"])
    assert [ref.id for ref in r.rules] == ["cati.2.1.1", "cati.5.4.5"]
    assert r.rules[0].quote == "2.1.1 测算并披露范围 1&2 排放量 | 5" and r.rules[0].value == 5
    assert r.rules[1].quote.startswith("5.4.5 ") and r.rules[1].value == 4
    assert all(ref.document == "003_05076a27b7f6b8f4.txt" for ref in r.rules)
    assert not any("碳目标设定(14%)" in ref.quote for ref in r.rules)  # no weighting note without an industry


def test_cati_weighting_note_only_with_an_industry() -> None:
    r = cati_score(["3.1.1"], industry="textile")
    ids = [ref.id for ref in r.rules]
    assert ids[0] == "cati.3.1.1" and "cati.weighting" in ids and "cati.industry.textile" in ids
    row = next(ref for ref in r.rules if ref.id == "cati.industry.textile")
    assert row.quote == "纺织 | 范围 1+2 vs. 范围 3 上游 = 20%:80%"
    assert [ref.id for ref in cati_score([], industry="power").rules] == ["cati.weighting", "cati.industry.power"]


@pytest.mark.parametrize(
    ("name", "key", "en"),
    [
        ("Power", "power", "Power Generation"),
        ("power generation", "power", "Power Generation"),
        ("Steel", "steel", "Iron & Steel"),
        ("Iron & Steel", "steel", "Iron & Steel"),
        ("Non-ferrous Metals", "non-ferrous", "Non-Ferrous Metal"),
        ("Non-Ferrous Metal", "non-ferrous", "Non-Ferrous Metal"),
        ("钢铁", "steel", "Iron & Steel"),
        ("Sắt thép", "steel", "Iron & Steel"),
        ("dệt may", "textile", "Textile"),
    ],
)
def test_cati_industry_names_are_the_documents(name: str, key: str, en: str) -> None:
    f = cati_score([], industry=name).outputs["weighting_factor"]
    assert f["industry"] == key and f["en"] == en
    assert f["vi"] and f["zh"]


def test_cati_weighted_score_weights_each_dimensions_rate() -> None:
    # 10×80% + 17×60% + 14×50% + 17×25% + 42×30% = 8 + 10.2 + 7 + 4.25 + 12.6
    r = cati_weighted_score(80, 60, 50, 25, 30)
    assert r.outputs["weighted_score"] == 42.05
    assert r.outputs["contribution_by_dimension"] == {"1": 8.0, "2": 10.2, "3": 7.0, "4": 4.25, "5": 12.6}
    assert "42,05/100" in r.explanation["vi"] and "42.05/100" in r.explanation["en"]
    assert "10/17/14/17/42" in r.explanation["zh"]
    assert [ref.id for ref in r.rules] == ["cati.dimension_weights", "cati.weighting"]
    assert [w.code for w in r.warnings] == ["industry_factor_not_applied"]
    assert cati_weighted_score(100, 100, 100, 100, 100).outputs["weighted_score"] == 100
    assert cati_weighted_score(0, 0, 0, 0, 0).outputs["weighted_score"] == 0


@pytest.mark.parametrize("bad", [120.0, -5.0, float("nan")])
def test_cati_weighted_score_refuses_a_rate_outside_0_to_100(bad: float) -> None:
    with pytest.raises(CalculatorInputError) as err:
        cati_weighted_score(80, 60, bad, 25, 30)
    assert err.value.field == "targets_setting_percent"


def test_cati_score_names_each_indicators_own_points() -> None:
    r = cati_score(["5.4.5", "1.1.1"])
    assert "1.1.1: 1 point; 5.4.5: 4 points" in r.explanation["en"]
    assert "5.4.5: 4 điểm" in r.explanation["vi"] and "5.4.5：4分" in r.explanation["zh"]


def test_cati_total_is_worded_with_its_unit_in_each_language() -> None:
    one, two = cati_score(["1.2.3"]), cati_score(["5.2.3"])
    assert "1 point out of 100" in one.explanation["en"] and "2 points out of 100" in two.explanation["en"]
    assert "2 điểm trên 100" in two.explanation["vi"] and "2分（满分100" in two.explanation["zh"]


def test_the_inventorys_age_is_said_apart_from_the_target_year() -> None:
    from tools.timeframe import target_timeframe

    r = target_timeframe("2025-11-20", 2035, latest_inventory_year=2021)
    assert r.verdict == "not_valid" and r.outputs["target_year_in_window"] is True
    assert "2035 (10 years after the submission year) is valid" in r.explanation["en"]
    assert "(2021) is too old: it must be from 2023 or later" in r.explanation["en"]


def test_cati_industry_factor_alone() -> None:
    r = cati_score([], industry="纺织")
    assert r.explanation["en"].startswith("Industry default weighting factor (Textile)")
    assert "20%" in r.explanation["zh"] and "80%" in r.explanation["zh"] and "0/" not in r.explanation["zh"]
