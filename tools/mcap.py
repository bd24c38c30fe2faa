"""Where a manufacturer stands against the four MCAP elements, and what to do next."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from tools import rules
from tools.i18n import LANGS, texts
from tools.result import CalcResult, RuleRef


def mcap_checklist(
    targets_committed: Annotated[bool, Field(description="Committed to science-aligned scope 1 and 2 targets")] = False,
    climate_risk_assessed: Annotated[bool, Field(description="Climate risk assessment done")] = False,
    decarbonisation_plan: Annotated[bool, Field(description="Decarbonisation plan in place")] = False,
    annual_progress_reported: Annotated[bool, Field(description="Annual progress disclosed publicly")] = False,
) -> CalcResult:
    """Status against the four MCAP elements (targets, climate risk, decarbonisation plan, annual disclosure)."""
    data = rules.mcap()
    done = {
        "targets": targets_committed,
        "climate_risk": climate_risk_assessed,
        "decarbonisation_plan": decarbonisation_plan,
        "annual_disclosure": annual_progress_reported,
    }
    elements = data["element"]
    todo = [e for e in elements if not done[e["id"]]]
    status = [{"id": e["id"], "done": done[e["id"]], **{lang: e[lang] for lang in LANGS}} for e in elements]
    refs = [
        RuleRef(
            id=f"mcap.{e['id']}",
            rule_set="mcap",
            document=data["document"],
            clause="MCAP key elements",
            quote=e["quote"],
        )
        for e in elements
    ]
    refs.append(rules.mcap_advisory_ref())
    n_done = len(elements) - len(todo)
    contact = data["contact"]
    hours = data["advisory_hours_per_year"]
    nxt = {lang: "; ".join(e[lang] for e in todo) for lang in LANGS}
    parts = [texts("calc.mcap_checklist.done", done=n_done)]
    if todo:
        parts.append(texts("calc.mcap_checklist.next", next=nxt))
    parts.append(texts("calc.mcap_checklist.support", hours=hours, contact=contact))
    sep = {"vi": " ", "zh": "", "en": " "}
    expl: dict[str, str] = {lang: sep[lang].join(p[lang] for p in parts) for lang in LANGS}
    return CalcResult(
        calculator="mcap_checklist",
        rule_set="mcap",
        inputs=dict(done),
        outputs={
            "elements": status,
            "done_count": n_done,
            "next_steps": [e["id"] for e in todo],
            "advisory_hours_per_year": hours,
            "contact": contact,
        },
        verdict="complete" if not todo else "incomplete",
        rules=refs,
        explanation=expl,
    )
