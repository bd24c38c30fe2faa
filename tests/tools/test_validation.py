"""Input checks: NaN and infinity are refused as "not a number" for every numeric input, in three languages."""

from __future__ import annotations

import inspect
import math
import typing
from typing import Any

import pytest

from tests.tools.test_schema import EXAMPLES
from tools.advisory_allowance import advisory_allowance
from tools.errors import CalculatorInputError
from tools.registry import CALCULATORS


def _numeric_params() -> list[tuple[str, str]]:
    out = []
    for name, func in CALCULATORS.items():
        hints = typing.get_type_hints(func)
        for p in inspect.signature(func).parameters:
            types = [a for a in typing.get_args(hints[p]) if a is not type(None)] or [hints[p]]
            if any(a in (int, float) for a in types) and all(a in (int, float) for a in types):
                out.append((name, p))
    return out


@pytest.mark.parametrize(("name", "param"), _numeric_params())
@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_not_numbers(name: str, param: str, bad: float) -> None:
    args: dict[str, Any] = {**EXAMPLES[name], param: bad}
    with pytest.raises(CalculatorInputError) as err:
        CALCULATORS[name](**args)
    assert err.value.code == "not_a_number", (name, param, err.value.code)
    assert err.value.field == param
    assert set(err.value.messages) == {"vi", "zh", "en"}
    assert "negative" not in err.value.messages["en"] and "number" in err.value.messages["en"]


def test_numeric_params_include_amounts_shares_years_and_growth() -> None:
    found = set(_numeric_params())
    for pair in [
        ("absolute_contraction", "base_emissions"),
        ("check_absolute_target", "reduction_percent"),
        ("intensity_to_absolute", "activity_growth_percent"),
        ("physical_intensity_rate", "absolute_emissions_change_percent"),
        ("renewable_electricity", "year"),
        ("supplier_engagement", "coverage_percent"),
    ]:
        assert pair in found, pair


@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_advisory_hours_must_be_numbers(bad: float) -> None:
    for used, planned in (([bad], 0.0), ([1.0], bad)):
        with pytest.raises(CalculatorInputError) as err:
            advisory_allowance(2026, used, planned_hours=planned)
        assert err.value.code == "not_a_number"


def test_a_non_number_is_not_a_number_either() -> None:
    with pytest.raises(CalculatorInputError) as err:
        CALCULATORS["scope3_coverage"](scope3_total="lots", covered=1)
    assert err.value.code == "not_a_number"
