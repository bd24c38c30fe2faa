"""Emissions by year for a target, against the 1.5°C and well-below-2°C lines.

Every point comes from the calculators (``absolute_contraction`` for the reference lines); the chart
only draws them. Without base-year emissions the chart is indexed to 100.
"""

from __future__ import annotations

from typing import Any

from tools import validation
from tools.i18n import ambition_name
from tools.pathways import absolute_contraction
from tools.result import CalcResult

CHARTED = {"absolute_contraction", "check_absolute_target", "intensity_to_absolute", "geva"}


def pathway_rows(result: CalcResult, lang: str, target_label: str) -> list[dict[str, Any]]:
    """Rows ``{year, emissions, series}``; empty when the calculator has no pathway to draw."""
    if result.calculator not in CHARTED:
        return []
    inputs = result.inputs
    base_year, target_year = int(inputs["base_year"]), int(inputs["target_year"])
    base = float(inputs.get("base_emissions") or 100.0)
    target = _target_emissions(result, base)
    if target is None:
        return []
    n = target_year - base_year
    rows = [
        {"year": y, "emissions": round(base + (target - base) * (y - base_year) / n, 3), "series": target_label}
        for y in range(base_year, target_year + 1)
    ]
    for ambition in ("1.5C", "WB2C"):
        ref = absolute_contraction(
            base_year,
            target_year,
            ambition=ambition,
            base_emissions=base,
            rule_set=validation.rule_set(result.rule_set),
        )
        name = ambition_name(validation.ambition(ambition), lang)
        rows += [{"year": p["year"], "emissions": p["emissions"], "series": name} for p in ref.outputs["pathway"]]
    return rows


def _target_emissions(result: CalcResult, base: float) -> float | None:
    out = result.outputs
    if result.calculator == "check_absolute_target":
        return base * (1 - float(result.inputs["reduction_percent"]) / 100)
    if "absolute_change_percent" in out:
        return base * (1 + float(out["absolute_change_percent"]) / 100)
    if "required_reduction_percent" in out:
        return base * (1 - float(out["required_reduction_percent"]) / 100)
    return None
