"""The public calculators by name (used by the agent, the HTTP API and the UI)."""

from __future__ import annotations

from collections.abc import Callable

from tools.cati import cati_score, cati_weighted_score
from tools.criteria import (
    renewable_electricity,
    scope3_coverage,
    scope3_required,
    scope12_coverage,
    supplier_engagement,
)
from tools.intensity import geva, intensity_to_absolute, physical_intensity_rate, required_intensity_reduction
from tools.mcap import mcap_checklist
from tools.pathways import absolute_contraction, check_absolute_target
from tools.result import CalcResult
from tools.timeframe import target_timeframe

CALCULATORS: dict[str, Callable[..., CalcResult]] = {
    f.__name__: f
    for f in (
        absolute_contraction,
        check_absolute_target,
        intensity_to_absolute,
        required_intensity_reduction,
        physical_intensity_rate,
        geva,
        scope3_required,
        scope3_coverage,
        scope12_coverage,
        target_timeframe,
        renewable_electricity,
        supplier_engagement,
        cati_score,
        cati_weighted_score,
        mcap_checklist,
    )
}


class UnknownCalculatorError(KeyError):
    pass


def get_calculator(name: str) -> Callable[..., CalcResult]:
    try:
        return CALCULATORS[name]
    except KeyError as exc:
        raise UnknownCalculatorError(f"unknown calculator {name!r}; known: {', '.join(CALCULATORS)}") from exc
