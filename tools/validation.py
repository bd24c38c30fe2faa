"""Input checks shared by the calculators; each failure is a ``CalculatorInputError``."""

from __future__ import annotations

import math
from typing import Literal

from tools.errors import CalculatorInputError
from tools.rules import RULE_SETS, RuleSet

Ambition = Literal["1.5C", "wb2c", "2c"]
Scope = Literal["s1+s2", "s3"]
AMBITIONS: tuple[Ambition, ...] = ("1.5C", "wb2c", "2c")  # most to least ambitious

_AMBITION_ALIASES = {
    "1.5c": "1.5C",
    "1.5°c": "1.5C",
    "1.5": "1.5C",
    "1,5°c": "1.5C",
    "1.5 degrees": "1.5C",
    "wb2c": "wb2c",
    "wb2": "wb2c",
    "well-below 2°c": "wb2c",
    "well below 2°c": "wb2c",
    "well-below 2c": "wb2c",
    "well below 2c": "wb2c",
    "远低于2°c": "wb2c",
    "2c": "2c",
    "2°c": "2c",
    "2": "2c",
    "2 degrees": "2c",
}
_SCOPE_ALIASES = {
    "s1+s2": "s1+s2",
    "s12": "s1+s2",
    "scope 1+2": "s1+s2",
    "scope 1 and 2": "s1+s2",
    "scope1+2": "s1+s2",
    "s3": "s3",
    "scope 3": "s3",
    "scope3": "s3",
}
MIN_YEAR, MAX_YEAR = 1990, 2100


def ambition(value: str) -> Ambition:
    """Normalise the spellings people use ("1.5°C", "well-below 2°C")."""
    key = str(value).strip().lower().replace(" ", " ")
    found = _AMBITION_ALIASES.get(key) or _AMBITION_ALIASES.get(key.replace(" ", ""))
    if found is None:
        raise CalculatorInputError("unknown_ambition", "ambition", value=value)
    return found  # type: ignore[return-value]


def scope(value: str) -> Scope:
    found = _SCOPE_ALIASES.get(str(value).strip().lower())
    if found is None:
        raise CalculatorInputError("unknown_scope", "scope", value=value)
    return found  # type: ignore[return-value]


def rule_set(value: str) -> RuleSet:
    if value not in RULE_SETS:
        raise CalculatorInputError("unknown_rule_set", "rule_set", value=value)
    return value


def _is_number(value: object) -> bool:
    """A real, finite number (``bool`` is not one, nor NaN or infinity)."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and math.isfinite(value))


def year(value: int, field: str) -> int:
    if not _is_number(value):
        raise CalculatorInputError("not_a_number", field, value=value)
    if not isinstance(value, int) or not MIN_YEAR <= value <= MAX_YEAR:
        raise CalculatorInputError("year_out_of_range", field, value=value, low=MIN_YEAR, high=MAX_YEAR)
    return value


def years(base_year: int, target_year: int) -> int:
    year(base_year, "base_year")
    year(target_year, "target_year")
    if target_year <= base_year:
        raise CalculatorInputError("target_before_base", "target_year", base_year=base_year, target_year=target_year)
    return target_year - base_year


def finite(value: float, field: str) -> float:
    """Every numeric input passes here first: NaN, infinity and non-numbers are "not a number"."""
    if not _is_number(value):
        raise CalculatorInputError("not_a_number", field, value=value)
    return float(value)


def non_negative(value: float, field: str) -> float:
    v = finite(value, field)
    if v < 0:
        raise CalculatorInputError("negative", field, value=value)
    return v


def positive(value: float, field: str) -> float:
    v = finite(value, field)
    if v <= 0:
        raise CalculatorInputError("not_positive", field, value=value)
    return v


def share(value: float, field: str) -> float:
    v = finite(value, field)
    if not 0 <= v <= 100:
        raise CalculatorInputError("share_out_of_range", field, value=value)
    return v


def growth(value: float, field: str) -> float:
    v = finite(value, field)
    if v <= -100:
        raise CalculatorInputError("growth_too_low", field, value=value)
    return v
