"""Hours of the yearly MCAP advisory allowance used and left, and whether a planned session fits.

The allowance (ten hours a year, 000 "Cascale support") is read from ``rules.toml``; the advisory
workflows call this so the figure shown to advisors is computed in one place.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from tools import rules, validation
from tools.i18n import texts
from tools.result import CalcResult, Message


def advisory_allowance(
    year: Annotated[int, Field(description="Calendar year of the allowance")],
    used_hours: Annotated[list[float], Field(description="Durations (hours) of sessions already held that year")],
    planned_hours: Annotated[float, Field(description="Duration (hours) of a session being planned; 0 if none")] = 0,
) -> CalcResult:
    """Hours used and left of the ten-hour yearly advisory allowance, and whether a planned session
    would go past it."""
    validation.year(year, "year")
    durations = [validation.non_negative(h, "used_hours") for h in used_hours]
    planned = validation.non_negative(planned_hours, "planned_hours")
    data = rules.mcap()
    allowance = float(data["advisory_hours_per_year"])
    used = round(sum(durations), 2)
    after = round(used + planned, 2)
    left = round(max(allowance - used, 0.0), 2)
    left_after = round(max(allowance - after, 0.0), 2)
    over_by = round(max(after - allowance, 0.0), 2)
    exceeds = after > allowance
    verdict = "exceeds_allowance" if exceeds else "within_allowance"
    warnings: list[Message] = []
    if exceeds:
        warnings.append(
            Message(
                code="exceeds_allowance",
                text=texts(
                    "calc.warning.exceeds_allowance", over_by=f"{over_by:g}", allowance=f"{allowance:g}", year=year
                ),
            )
        )
    explanation = texts(
        "calc.advisory_allowance.explanation", year=year, used=f"{used:g}", left=f"{left:g}", allowance=f"{allowance:g}"
    )
    return CalcResult(
        calculator="advisory_allowance",
        rule_set="mcap",
        inputs={"year": year, "used_hours": durations, "planned_hours": planned},
        outputs={
            "allowance_hours": allowance,
            "used_hours": used,
            "left_hours": left,
            "planned_hours": planned,
            "used_after_planned": after,
            "left_after_planned": left_after,
            "over_by_hours": over_by,
        },
        verdict=verdict,
        rules=[rules.mcap_advisory_ref()],
        warnings=warnings,
        explanation=explanation,
    )
