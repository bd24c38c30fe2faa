"""Absolute contraction: the required reduction is LINEAR (annual rate × years), never compounded."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from tools import rules, validation
from tools.errors import CalculatorInputError
from tools.i18n import ambition_names, join_sentences, texts
from tools.result import CalcResult, Message, OtherRuleSet, RuleRef
from tools.rules import DEFAULT_RULE_SET, RuleSet
from tools.validation import AMBITIONS, Ambition, Scope


def annual_rate(rule_set: str, ambition: Ambition) -> tuple[float, RuleRef]:
    ref = rules.ref(rule_set, f"abs_rate.{ambition}")
    return float(ref.value), ref


def min_ambition(rule_set: str, scope: Scope) -> tuple[Ambition, RuleRef]:
    ref = rules.ref(rule_set, f"min_ambition.{scope}")
    return ref.value, ref


def ambition_meets(ambition: Ambition, minimum: Ambition) -> bool:
    return AMBITIONS.index(ambition) <= AMBITIONS.index(minimum)


def _below_minimum_warning(asked: Ambition, minimum: Ambition) -> Message:
    return Message(
        code="ambition_below_minimum",
        text=texts("calc.warning.ambition_below_minimum", a=ambition_names(asked), m=ambition_names(minimum)),
    )


def linear_pathway(
    base_year: int, target_year: int, base_emissions: float, total_reduction: float
) -> list[dict[str, float]]:
    n = target_year - base_year
    return [
        {"year": y, "emissions": round(base_emissions * (1 - total_reduction * (y - base_year) / n), 3)}
        for y in range(base_year, target_year + 1)
    ]


def _base_year_warnings(rule_set: str, base_year: int) -> list[Message]:
    """Base year before the current floor's earliest; base years the official tool counts differently
    (under either rule set: the tool, not the guidance, counts the years)."""
    out: list[Message] = []
    if rules.has("sbti-current-floor", "base_year_min"):
        earliest = int(rules.value("sbti-current-floor", "base_year_min"))
        if base_year < earliest:
            out.append(
                Message(
                    code="base_year_before_2015",
                    text=texts("calc.warning.base_year_before_2015", y=earliest),
                )
            )
    tool_from = int(rules.value("sbti-current-floor", "official_tool_counts_from_year"))
    if base_year >= tool_from:
        out.append(
            Message(
                code="official_tool_may_differ",
                text=texts("calc.warning.official_tool_may_differ", y=tool_from),
            )
        )
    return out


def _span_warnings(rule_set: str, base_year: int, target_year: int) -> tuple[list[Message], list[RuleRef]]:
    """A base-to-target span longer than the rule set's maximum timeframe (counted from submission):
    such a target year is valid only for a submission no earlier than target year − maximum."""
    ref = rules.ref(rule_set, "timeframe_max_years")
    maximum = int(ref.value)
    n = target_year - base_year
    if n <= maximum:
        return [], []
    text = texts(
        "calc.warning.span_exceeds_max_timeframe",
        n=n,
        m=maximum,
        b=base_year,
        t=target_year,
        s=target_year - maximum,
        name=rules.rule_set_names(rule_set),
    )
    return [Message(code="span_exceeds_max_timeframe", text=text)], [ref]


def absolute_contraction(
    base_year: Annotated[int, Field(description="Base year of the target, e.g. 2020")],
    target_year: Annotated[int, Field(description="Target year, e.g. 2030")],
    ambition: Annotated[str, Field(description="Temperature ambition: 1.5C, wb2c (well-below 2°C) or 2c")] = "1.5C",
    scope: Annotated[str, Field(description="s1+s2 or s3")] = "s1+s2",
    base_emissions: Annotated[float | None, Field(description="Base-year emissions in tCO2e (optional)")] = None,
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
) -> CalcResult:
    """Required linear reduction (annual rate × years) for an absolute contraction target, with the pathway."""
    n = validation.years(base_year, target_year)
    amb = validation.ambition(ambition)
    sc = validation.scope(scope)
    rs = validation.rule_set(rule_set)
    base = validation.non_negative(base_emissions, "base_emissions") if base_emissions is not None else None
    rate, rate_ref = annual_rate(rs, amb)
    raw = rate * n
    reduction = min(raw, 100.0)
    minimum, min_ref = min_ambition(rs, sc)
    ok = ambition_meets(amb, minimum)
    outputs: dict[str, object] = {
        "years": n,
        "annual_rate_percent": rate,
        "required_reduction_percent": round(reduction, 4),
        "minimum_ambition": minimum,
    }
    warnings = _base_year_warnings(rs, base_year)
    span_warnings, span_refs = _span_warnings(rs, base_year, target_year)
    warnings += span_warnings
    if raw > 100:
        warnings.append(
            Message(
                code="capped_at_100",
                text=texts("calc.warning.capped_at_100"),
            )
        )
    if base is not None:
        outputs["base_emissions_tco2e"] = base
        outputs["target_emissions_tco2e"] = round(base * (1 - reduction / 100), 3)
        outputs["reduction_tco2e"] = round(base * reduction / 100, 3)
        outputs["pathway"] = linear_pathway(base_year, target_year, base, reduction / 100)
    other_rs = rules.other(rs)
    other_min, _ = min_ambition(other_rs, sc)
    other_ok = ambition_meets(amb, other_min)
    other = OtherRuleSet(
        rule_set=other_rs,
        verdict="meets_minimum" if other_ok else "below_minimum",
        differs=other_ok != ok,
        note=min_note(other_rs, sc, other_min),
    )
    expl = texts(
        "calc.absolute_contraction.explanation",
        amb=ambition_names(amb),
        rate=rate,
        n=n,
        red=reduction,
        b=base_year,
        t=target_year,
    )
    if base is not None:
        extra = texts(
            "calc.absolute_contraction.target_emissions",
            te=outputs["target_emissions_tco2e"],
            cut=outputs["reduction_tco2e"],
            base=float(base),
            b=base_year,
        )
        expl = {lang: f"{text} {extra[lang]}" for lang, text in expl.items()}
    return CalcResult(
        calculator="absolute_contraction",
        rule_set=rs,
        inputs={
            "base_year": base_year,
            "target_year": target_year,
            "ambition": amb,
            "scope": sc,
            "base_emissions": base,
            "rule_set": rs,
        },
        outputs=outputs,
        verdict="meets_minimum" if ok else "below_minimum",
        rules=[rate_ref, min_ref, *span_refs],
        warnings=warnings,
        explanation=expl,
        other_rule_set=other,
    )


def min_note(rule_set: str, sc: str, minimum: str) -> dict[str, str]:
    """ "Under <rule set>, the minimum for <scope> is <ambition>" in each language."""
    return texts(
        "calc.minimum_for_scope",
        name=rules.rule_set_names(rule_set),
        scope=texts(f"calc.scope.{sc}"),
        amb=ambition_names(minimum),
    )


def check_absolute_target(
    base_year: Annotated[int, Field(description="Base year")],
    target_year: Annotated[int, Field(description="Target year")],
    reduction_percent: Annotated[
        float | None, Field(description="Proposed reduction between the two years, in percent (or target_emissions)")
    ] = None,
    scope: Annotated[str, Field(description="s1+s2 or s3")] = "s1+s2",
    base_emissions: Annotated[float | None, Field(description="Base-year emissions in tCO2e (optional)")] = None,
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
    ambition: Annotated[
        str | None,
        Field(description="Ambition to test against (1.5C, WB2C, 2C); default: the minimum the scope needs"),
    ] = None,
    target_emissions: Annotated[
        float | None,
        Field(description="Planned target-year emissions in tCO2e, with base_emissions, instead of reduction_percent"),
    ] = None,
) -> CalcResult:
    """Does a proposed absolute reduction meet 1.5°C / well-below 2°C / 2°C? Implied linear rate and shortfall.

    The verdict compares the implied linear rate (cut ÷ years) with the rule's annual rate, the same test as
    ``meets_ambitions``; the required cut (rate × years) is shown capped at 100%, which for long spans would
    otherwise let any 100% cut pass."""
    n = validation.years(base_year, target_year)
    sc = validation.scope(scope)
    rs = validation.rule_set(rule_set)
    base = validation.non_negative(base_emissions, "base_emissions") if base_emissions is not None else None
    end_value = validation.non_negative(target_emissions, "target_emissions") if target_emissions is not None else None
    derived = reduction_percent is None
    if reduction_percent is None:
        # a plan given as end values ("from 12,000 t down to 8,400 t"): the cut is the calculator's to work out
        if end_value is None or base is None:
            raise CalculatorInputError("missing_part", "reduction_percent", other="target_emissions")
        validation.positive(base, "base_emissions")
        if end_value > base:  # a rise is no cut to check
            raise CalculatorInputError("part_exceeds_total", "target_emissions", value=end_value, total=base)
        reduction_percent = round((1 - end_value / base) * 100, 6)
    red = validation.share(reduction_percent, "reduction_percent")
    implied = red / n
    meets = []
    refs = []
    for amb in AMBITIONS:
        rate, ref = annual_rate(rs, amb)
        refs.append(ref)
        if rate_meets(implied, rate):
            meets.append(amb)
    minimum, min_ref = min_ambition(rs, sc)
    warnings = _base_year_warnings(rs, base_year)
    span_warnings, span_refs = _span_warnings(rs, base_year, target_year)
    warnings += span_warnings
    accepted = True
    if ambition is not None:
        asked = validation.ambition(ambition)
        accepted = ambition_meets(asked, minimum)
        if not accepted:
            warnings.append(_below_minimum_warning(asked, minimum))
        minimum = asked
        min_rate, min_ref = annual_rate(rs, minimum)
    else:
        min_rate, _ = annual_rate(rs, minimum)
    raw_required = min_rate * n
    required = min(raw_required, 100.0)
    rate_ok = rate_meets(implied, min_rate)
    shortfall = 0.0 if rate_ok else max(0.0, required - red)
    rate_shortfall = 0.0 if rate_ok else min_rate - implied
    ok = rate_ok and accepted
    if raw_required > 100:
        warnings.append(Message(code="capped_at_100", text=texts("calc.warning.capped_at_100")))
    outputs: dict[str, object] = {
        "years": n,
        "implied_annual_rate_percent": round(implied, 4),
        "meets_ambitions": meets,
        "best_ambition": meets[0] if meets else None,
        "minimum_ambition": minimum,
        "required_annual_rate_percent": min_rate,
        "required_reduction_percent": round(required, 4),
        "shortfall_points": round(shortfall, 4),
        "rate_shortfall_points": round(rate_shortfall, 4),
    }
    if base is not None:
        outputs["shortfall_tco2e"] = round(base * shortfall / 100, 3)
        outputs["pathway"] = linear_pathway(base_year, target_year, base, red / 100)
        # the ceiling the rule allows beside the one the proposal reaches: "34,400 t in 2030, right?" is answered
        # with the tonnes the required cut leaves (round-12 dev calc: premise answers gave no tonnage)
        outputs["required_target_emissions_tco2e"] = round(base * (1 - required / 100), 3)
        outputs["proposed_target_emissions_tco2e"] = round(base * (1 - red / 100), 3)
    other_rs = rules.other(rs)
    other_min, _ = min_ambition(other_rs, sc)
    if ambition is not None:
        other_min = minimum
    other_rate, _ = annual_rate(other_rs, other_min)
    other_accepted = ambition is None or ambition_meets(other_min, min_ambition(other_rs, sc)[0])
    other_ok = rate_meets(implied, other_rate) and other_accepted
    best = ambition_names(meets[0]) if meets else texts("calc.check_absolute_target.no_ambition")
    if meets and meets[0] != minimum:
        # "only well-below 2°C?": the cut that level needs over the same years, beside its name
        best_rate, _ = annual_rate(rs, meets[0])
        best = texts("calc.check_absolute_target.best_with_cut", amb=best, req=min(best_rate * n, 100.0))
    values = {"red": red, "n": n, "rate": implied, "best": best, "min": ambition_names(minimum), "req_rate": min_rate}
    if raw_required > 100:  # the cut is capped at 100%: say the rate test, not a 0-point shortfall
        verdict_words = "calc.check_absolute_target.rate_met" if rate_ok else "calc.check_absolute_target.rate_not_met"
        expl = texts(
            "calc.check_absolute_target.explanation_capped", raw=raw_required, v=texts(verdict_words), **values
        )
    elif shortfall == 0:  # never "a shortfall of 0 points" when the cut already reaches the requirement
        expl = texts("calc.check_absolute_target.explanation_met", req=required, **values)
    else:
        expl = texts("calc.check_absolute_target.explanation", req=required, short=shortfall, **values)
    if base is not None:
        extra = texts(
            "calc.check_absolute_target.target_emissions",
            min=ambition_names(minimum),
            t=target_year,
            te=outputs["required_target_emissions_tco2e"],
            own=outputs["proposed_target_emissions_tco2e"],
            base=float(base),
            b=base_year,
        )
        expl = {lang: f"{text} {extra[lang]}" for lang, text in expl.items()}
    if derived:
        cut = texts("calc.check_absolute_target.from_end_value", base=float(base or 0), te=end_value, red=red)
        expl = join_sentences([cut, expl])
    return CalcResult(
        calculator="check_absolute_target",
        rule_set=rs,
        inputs={
            "base_year": base_year,
            "target_year": target_year,
            "reduction_percent": red,
            "scope": sc,
            "base_emissions": base,
            "rule_set": rs,
            "target_emissions": end_value,
            "ambition": minimum if ambition is not None else None,
        },
        outputs=outputs,
        verdict="meets" if ok else "does_not_meet",
        rules=[*refs, min_ref, *span_refs],
        warnings=warnings,
        explanation=expl,
        other_rule_set=OtherRuleSet(
            rule_set=other_rs,
            verdict="meets" if other_ok else "does_not_meet",
            differs=other_ok != ok,
            note=min_note(other_rs, sc, other_min),
        ),
    )


def rate_meets(implied: float, required: float) -> bool:
    """The one test of ambition: an implied linear rate at least the rule's (within float noise)."""
    return implied + 1e-9 >= required
