"""Target timeframe (C5/C18 with endnote 19's half-year rule; 5–10 years today) and inventory age (C6)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field

from tools import rules, validation
from tools.errors import CalculatorInputError
from tools.i18n import texts
from tools.result import CalcResult, Message, OtherRuleSet, RuleRef
from tools.rules import DEFAULT_RULE_SET, RuleSet


def _window(rule_set: str, submitted: dt.date) -> tuple[int, int, list[RuleRef]]:
    lo, hi = rules.ref(rule_set, "timeframe_min_years"), rules.ref(rule_set, "timeframe_max_years")
    half = rules.ref(rule_set, "timeframe_half_year")
    early = int(half.value) if submitted.month <= 6 else 0
    return submitted.year + int(lo.value) - early, submitted.year + int(hi.value) - early, [lo, hi, half]


def _earliest_base_year() -> int:
    return int(rules.value("sbti-current-floor", "base_year_min"))


def _base_year_accepted(rule_set: str, base_year: int) -> bool:
    """A rule set that states an earliest base year (today's floor: 2015) refuses earlier ones."""
    return not rules.has(rule_set, "base_year_min") or base_year >= int(rules.value(rule_set, "base_year_min"))


def target_timeframe(
    submission_date: Annotated[str, Field(description="Date the target is submitted for validation, YYYY-MM-DD")],
    target_year: Annotated[int, Field(description="Target year")],
    latest_inventory_year: Annotated[
        int | None, Field(description="Year of the most recent GHG inventory (optional)")
    ] = None,
    base_year: Annotated[int | None, Field(description="Base year (optional)")] = None,
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
) -> CalcResult:
    """Is the target year inside the valid window from the submission date, and is the inventory recent enough (C6)?"""
    try:
        submitted = dt.date.fromisoformat(str(submission_date))
    except ValueError as exc:
        raise CalculatorInputError("bad_date", "submission_date", value=submission_date) from exc
    validation.year(submitted.year, "submission_date")
    validation.year(target_year, "target_year")
    rs = validation.rule_set(rule_set)
    lo, hi, used = _window(rs, submitted)
    in_window = lo <= target_year <= hi
    valid = in_window
    warnings: list[Message] = []
    inv_ok: bool | None = None
    if latest_inventory_year is not None:
        validation.year(latest_inventory_year, "latest_inventory_year")
        age_ref = rules.ref(rs, "inventory_max_age_years")
        used.append(age_ref)
        earliest = submitted.year - int(age_ref.value)
        inv_ok = latest_inventory_year >= earliest
        warnings.append(
            Message(
                code="endnote_20",
                text=texts(
                    "calc.warning.endnote_20",
                ),
            )
        )
        valid = valid and inv_ok
    base_ok = True
    other_base_ok = True
    if base_year is not None:
        validation.year(base_year, "base_year")
        base_ok = _base_year_accepted(rs, base_year)
        other_base_ok = _base_year_accepted(rules.other(rs), base_year)
        if not (base_ok and other_base_ok):
            warnings.append(
                Message(
                    code="base_year_before_2015",
                    text=texts("calc.warning.base_year_before_2015", y=_earliest_base_year()),
                )
            )
            used.append(rules.ref("sbti-current-floor", "base_year_min"))
        valid = valid and base_ok
    other_rs = rules.other(rs)
    olo, ohi, _ = _window(other_rs, submitted)
    other_valid = olo <= target_year <= ohi and inv_ok is not False and other_base_ok
    other_note = texts("calc.target_timeframe.other_rule_set", lo=olo, hi=ohi)
    if not other_base_ok:
        reason = texts("calc.target_timeframe.other_base_year", b=base_year, y=_earliest_base_year())
        other_note = {lang: f"{text} {reason[lang]}" for lang, text in other_note.items()}
    expl = texts(
        "calc.target_timeframe.explanation",
        d=submitted.isoformat(),
        lo=lo,
        hi=hi,
        t=target_year,
        n=target_year - submitted.year,
        v=texts("calc.target_timeframe.valid" if in_window else "calc.target_timeframe.not_valid"),
    )
    if latest_inventory_year is not None:
        # the inventory's age said in words, with the earliest year allowed: "2021 is too old, 2023 or later"
        # (round-18 e-mail: the verdict said "not valid" of the target year when only the inventory failed)
        inventory = texts(
            "calc.target_timeframe.inventory_ok" if inv_ok else "calc.target_timeframe.inventory_too_old",
            i=latest_inventory_year,
            e=submitted.year - int(rules.ref(rs, "inventory_max_age_years").value),
            a=int(rules.ref(rs, "inventory_max_age_years").value),
        )
        expl = {lang: f"{text} {inventory[lang]}" for lang, text in expl.items()}
    return CalcResult(
        calculator="target_timeframe",
        rule_set=rs,
        inputs={
            "submission_date": submitted.isoformat(),
            "target_year": target_year,
            "latest_inventory_year": latest_inventory_year,
            "base_year": base_year,
            "rule_set": rs,
        },
        outputs={
            "earliest_target_year": lo,
            "latest_target_year": hi,
            "target_year_in_window": lo <= target_year <= hi,
            "inventory_recent_enough": inv_ok,
            "base_year_accepted": base_ok if base_year is not None else None,
        },
        verdict="valid" if valid else "not_valid",
        rules=used,
        warnings=warnings,
        explanation=expl,
        other_rule_set=OtherRuleSet(
            rule_set=other_rs,
            verdict="valid" if other_valid else "not_valid",
            differs=other_valid != valid,
            note=other_note,
        ),
    )
