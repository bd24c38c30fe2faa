"""Where a manufacturer stands against the four MCAP elements, and what to do next."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from tools import rules
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
    status = [{"id": e["id"], "done": done[e["id"]], "vi": e["vi"], "zh": e["zh"], "en": e["en"]} for e in elements]
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
    refs.append(
        RuleRef(
            id="mcap.advisory_hours",
            rule_set="mcap",
            document=data["document"],
            clause="Cascale support",
            quote=data["advisory_quote"],
            value=data["advisory_hours_per_year"],
            unit="hours/year",
        )
    )
    n_done = len(elements) - len(todo)
    contact = data["contact"]
    hours = data["advisory_hours_per_year"]
    nxt = {lang: "; ".join(e[lang] for e in todo) for lang in ("vi", "zh", "en")}
    expl = {
        "vi": f"Đã hoàn thành {n_done}/4 yếu tố MCAP."
        + (f" Việc tiếp theo: {nxt['vi']}." if todo else "")
        + f" Mỗi năm có {hours} giờ hỗ trợ tư vấn; liên hệ {contact}.",
        "zh": f"已完成MCAP四项要素中的{n_done}项。"
        + (f"下一步：{nxt['zh']}。" if todo else "")
        + f"每年可获得{hours}小时咨询支持；联系 {contact}。",
        "en": f"{n_done} of 4 MCAP elements done."
        + (f" Next: {nxt['en']}." if todo else "")
        + f" {hours} hours of advisory support a year; contact {contact}.",
    }
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
