"""Intensity targets and their absolute equivalents; GEVA (compound 7%/yr per unit of value added)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from tools import rules, validation
from tools.i18n import LANGS, ambition_names, fmt_significant, join_sentences, texts
from tools.pathways import annual_rate, min_ambition, rate_meets
from tools.result import CalcResult, Message
from tools.rules import DEFAULT_RULE_SET, RuleSet
from tools.validation import AMBITIONS


def _total_growth(growth_percent: float, years: int, annual: bool) -> float:
    """Activity growth over the whole period as a fraction (annual growth compounds)."""
    g = growth_percent / 100
    return (1 + g) ** years - 1 if annual else g


def intensity_to_absolute(
    base_year: Annotated[int | None, Field(description="Base year (null when only the total changes are known)")],
    target_year: Annotated[int | None, Field(description="Target year (null when only the total changes are known)")],
    intensity_reduction_percent: Annotated[float, Field(description="Intensity cut over the period, percent")],
    activity_growth_percent: Annotated[float, Field(description="Growth of production or value added, percent")],
    growth_is_annual: Annotated[bool, Field(description="True if the growth is per year (compounded)")] = False,
    base_emissions: Annotated[float | None, Field(description="Base-year emissions in tCO2e (optional)")] = None,
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
    ambition: Annotated[
        str | None, Field(description="Ambition the absolute change is checked against (1.5C, WB2C, 2C; optional)")
    ] = None,
) -> CalcResult:
    """Absolute emissions change implied by an intensity target and an activity growth projection.

    Without the years (both null) the change over the whole period is still known when the growth is a
    total, not a yearly rate; the yearly rate and the ambitions it meets are then left out. With an ambition
    and the years, the verdict says whether the absolute cut reaches that ambition's linear rate × years
    ("does −45% per pair with output +30% meet 1.5°C?"; rounds 1 and 9 dev calc)."""
    dated = base_year is not None or target_year is not None
    n = validation.years(base_year, target_year) if dated or growth_is_annual else None  # type: ignore[arg-type]
    r = validation.share(intensity_reduction_percent, "intensity_reduction_percent") / 100
    gp = validation.growth(activity_growth_percent, "activity_growth_percent")
    rs = validation.rule_set(rule_set)
    base = validation.non_negative(base_emissions, "base_emissions") if base_emissions is not None else None
    g = _total_growth(gp, n, growth_is_annual) if n is not None else gp / 100
    change = ((1 - r) * (1 + g) - 1) * 100
    outputs: dict[str, object] = {
        "total_activity_growth_percent": round(g * 100, 4),
        "absolute_change_percent": round(change, 4),
        "absolute_reduction_percent": round(-change, 4),
    }
    if n is not None:
        implied_rate = -change / n
        outputs["years"] = n
        outputs["implied_linear_absolute_rate_percent"] = round(implied_rate, 4)
        outputs["meets_ambitions"] = [a for a in AMBITIONS if rate_meets(implied_rate, annual_rate(rs, a)[0])]
    if base is not None:
        outputs["target_emissions_tco2e"] = round(base * (1 + change / 100), 3)
    # activity that shrinks is said as such, never as a negative growth ("hoạt động tăng -10%")
    keys = {
        (True, False): "calc.intensity_to_absolute.explanation",
        (True, True): "calc.intensity_to_absolute.explanation_shrinks",
        (False, False): "calc.intensity_to_absolute.explanation_undated",
        (False, True): "calc.intensity_to_absolute.explanation_undated_shrinks",
    }
    expl = texts(
        keys[(n is not None, g < 0)],
        r=r * 100,
        g=g * 100,
        sh=-g * 100,
        c=change,
        b=base_year,
        t=target_year,
    )
    if base is not None:  # the tonnes the change leaves, stated, not only kept in the outputs (round-12 dev calc)
        extra = texts("calc.intensity_to_absolute.target_emissions", te=outputs["target_emissions_tco2e"], base=base)
        expl = {lang: f"{text} {extra[lang]}" for lang, text in expl.items()}
    verdict = None
    checked = validation.ambition(ambition) if ambition is not None else None
    if checked is not None and n is not None:
        rate, _ = annual_rate(rs, checked)
        required = min(rate * n, 100.0)
        verdict = "meets" if rate_meets(implied_rate, rate) else "does_not_meet"
        outputs["required_reduction_percent"] = round(required, 4)
        against = texts(
            "calc.intensity_to_absolute.against_ambition",
            amb=ambition_names(checked),
            req=required,
            rate=rate,
            n=n,
            v=texts(f"calc.verdict_word.{verdict}"),
        )
        expl = {lang: f"{text} {against[lang]}" for lang, text in expl.items()}
    warnings = []
    if change > 0:
        warnings.append(
            Message(
                code="absolute_increase",
                text=texts(
                    "calc.warning.absolute_increase",
                ),
            )
        )
    return CalcResult(
        calculator="intensity_to_absolute",
        rule_set=rs,
        inputs={
            "base_year": base_year,
            "target_year": target_year,
            "intensity_reduction_percent": r * 100,
            "activity_growth_percent": gp,
            "growth_is_annual": growth_is_annual,
            "base_emissions": base,
            "rule_set": rs,
            "ambition": checked,
        },
        outputs=outputs,
        verdict=verdict,
        rules=[annual_rate(rs, "1.5C")[1], annual_rate(rs, "wb2c")[1]],
        warnings=warnings,
        explanation=expl,
    )


def _required_cut_explanation(
    absolute: float, growth: float, cut: float, amb: dict[str, str], base_year: int, target_year: int
) -> dict[str, str]:
    """The intensity cut in plain words; when activity shrinks, the shrinking does part (or all) of the
    absolute cut, and a negative "cut" is said as the rise intensity may take."""
    values = {"a": absolute, "amb": amb, "b": base_year, "t": target_year}
    if growth >= 0:
        return texts("calc.required_intensity_reduction.explanation", g=growth, c=cut, **values)
    if cut > 0:
        return texts("calc.required_intensity_reduction.shrink_partly", sh=-growth, c=cut, **values)
    return texts("calc.required_intensity_reduction.shrink_enough", sh=-growth, r=-cut, **values)


def required_intensity_reduction(
    base_year: Annotated[int, Field(description="Base year")],
    target_year: Annotated[int, Field(description="Target year")],
    activity_growth_percent: Annotated[float, Field(description="Growth of production or value added, percent")],
    growth_is_annual: Annotated[bool, Field(description="True if the growth is per year (compounded)")] = False,
    ambition: Annotated[str, Field(description="1.5C, wb2c or 2c")] = "1.5C",
    scope: Annotated[str, Field(description="s1+s2 or s3")] = "s1+s2",
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
) -> CalcResult:
    """Intensity cut needed to match an absolute contraction pathway, given activity growth."""
    n = validation.years(base_year, target_year)
    gp = validation.growth(activity_growth_percent, "activity_growth_percent")
    amb = validation.ambition(ambition)
    sc = validation.scope(scope)
    rs = validation.rule_set(rule_set)
    rate, rate_ref = annual_rate(rs, amb)
    absolute = min(rate * n, 100.0) / 100
    g = _total_growth(gp, n, growth_is_annual)
    cut = (1 - (1 - absolute) / (1 + g)) * 100
    minimum, min_ref = min_ambition(rs, sc)
    expl = _required_cut_explanation(absolute * 100, g * 100, cut, ambition_names(amb), base_year, target_year)
    return CalcResult(
        calculator="required_intensity_reduction",
        rule_set=rs,
        inputs={
            "base_year": base_year,
            "target_year": target_year,
            "activity_growth_percent": gp,
            "growth_is_annual": growth_is_annual,
            "ambition": amb,
            "scope": sc,
            "rule_set": rs,
        },
        outputs={
            "years": n,
            "absolute_reduction_percent": round(absolute * 100, 4),
            "total_activity_growth_percent": round(g * 100, 4),
            "required_intensity_reduction_percent": round(cut, 4),
            "intensity_may_rise_percent": round(-cut, 4) if cut < 0 else None,
            "minimum_ambition": minimum,
        },
        verdict=None,
        rules=[rate_ref, min_ref],
        explanation=expl,
    )


def physical_intensity_rate(
    base_year: Annotated[int, Field(description="Base year")],
    target_year: Annotated[int, Field(description="Target year")],
    intensity_reduction_percent: Annotated[
        float, Field(description="Intensity cut over the period, percent (e.g. per pair of shoes)")
    ],
    absolute_emissions_change_percent: Annotated[
        float | None, Field(description="Expected absolute emissions change over the period, percent (optional)")
    ] = None,
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
    scope: Annotated[
        str, Field(description="s3 (the scope 3 physical-intensity rule) or s1+s2 (judged by its absolute equivalent)")
    ] = "s3",
    activity_growth_percent: Annotated[
        float | None, Field(description="Growth of production over the period, percent (optional)")
    ] = None,
    growth_is_annual: Annotated[bool, Field(description="True if the growth is per year (compounded)")] = False,
) -> CalcResult:
    """Linear annual rate of a physical intensity target and the scope 3 test (≥2%/yr linear, no absolute increase).

    For scope 1+2 the scope 3 rule does not apply: C8 accepts an intensity target only if the absolute
    reduction it delivers meets the scope 1+2 minimum ambition, so that absolute equivalent is checked
    (from the absolute change, or from the intensity cut and the activity growth)."""
    n = validation.years(base_year, target_year)
    r = validation.share(intensity_reduction_percent, "intensity_reduction_percent")
    rs = validation.rule_set(rule_set)
    sc = validation.scope(scope)
    given_change = (
        validation.finite(absolute_emissions_change_percent, "absolute_emissions_change_percent")
        if absolute_emissions_change_percent is not None
        else None
    )
    gp = (
        validation.growth(activity_growth_percent, "activity_growth_percent")
        if activity_growth_percent is not None
        else None
    )
    g = _total_growth(gp, n, growth_is_annual) if gp is not None else None
    change = given_change
    if change is None and g is not None:
        change = ((1 - r / 100) * (1 + g) - 1) * 100  # the absolute change the intensity cut and growth imply
    inputs: dict[str, object] = {
        "base_year": base_year,
        "target_year": target_year,
        "intensity_reduction_percent": r,
        "absolute_emissions_change_percent": given_change,
        "rule_set": rs,
        "scope": sc,
        "activity_growth_percent": gp,
        "growth_is_annual": growth_is_annual,
    }
    if sc == "s1+s2":
        return _scope12_intensity(base_year, target_year, r, change, g, rs, inputs)
    ref = rules.ref(rs, "s3_physical_intensity_rate")
    minimum = float(ref.value)
    rate = r / n
    rate_ok = rate + 1e-9 >= minimum
    no_increase = None if change is None else change <= 1e-9
    ok = rate_ok and (no_increase is not False)
    warnings = [
        Message(
            code="c19_wording",
            text=texts(
                "calc.warning.c19_wording",
            ),
        )
    ]
    if change is None:
        warnings.append(
            Message(
                code="absolute_change_unknown",
                text=texts(
                    "calc.warning.absolute_change_unknown",
                ),
            )
        )
    expl = texts(
        "calc.physical_intensity_rate.explanation",
        r=r,
        n=n,
        rate=rate,
        m=minimum,
    )
    if change is not None:
        # the second condition said in words, so a "no" for a rate that passes is never left unexplained
        key = (
            "calc.physical_intensity_rate.absolute_holds"
            if no_increase
            else "calc.physical_intensity_rate.absolute_rises"
        )
        expl = join_sentences([expl, texts(key, c=change)])
    outputs: dict[str, object] = {
        "years": n,
        "annual_linear_rate_percent": round(rate, 4),
        "minimum_rate_percent": minimum,
        "rate_ok": rate_ok,
        "no_absolute_increase": no_increase,
    }
    if change is not None and given_change is None:
        outputs["absolute_change_percent"] = round(change, 4)
    return CalcResult(
        calculator="physical_intensity_rate",
        rule_set=rs,
        inputs=inputs,
        outputs=outputs,
        verdict="meets" if ok else "does_not_meet",
        rules=[ref],
        warnings=warnings,
        explanation=expl,
    )


def _scope12_intensity(
    base_year: int,
    target_year: int,
    r: float,
    change: float | None,
    g: float | None,
    rs: str,
    inputs: dict[str, object],
) -> CalcResult:
    """C8: a scope 1+2 intensity target counts only if the absolute reduction it delivers meets the scope 1+2
    minimum ambition; the verdict needs the absolute change (given, or from the growth)."""
    n = target_year - base_year
    c8 = rules.ref(rs, "s12_intensity_absolute_equivalent")
    minimum, min_ref = min_ambition(rs, "s1+s2")
    rate, rate_ref = annual_rate(rs, minimum)
    required = min(rate * n, 100.0)
    outputs: dict[str, object] = {
        "years": n,
        "annual_linear_rate_percent": round(r / n, 4),
        "scope3_rule_applies": False,
        "minimum_ambition": minimum,
        "required_annual_rate_percent": rate,
        "required_absolute_reduction_percent": round(required, 4),
        "absolute_change_percent": None if change is None else round(change, 4),
        "implied_linear_absolute_rate_percent": None if change is None else round(-change / n, 4),
    }
    parts = [
        texts(
            "calc.physical_intensity_rate.scope12",
            amb=ambition_names(minimum),
            req=required,
            rate=rate,
            b=base_year,
            t=target_year,
        )
    ]
    warnings: list[Message] = []
    verdict: str | None = None
    if g is not None:
        cut = (1 - (1 - required / 100) / (1 + g)) * 100
        outputs["total_activity_growth_percent"] = round(g * 100, 4)
        outputs["required_intensity_reduction_percent"] = round(cut, 4)
        parts.append(_required_cut_explanation(required, g * 100, cut, ambition_names(minimum), base_year, target_year))
    if change is not None:
        ok = -change / n + 1e-9 >= rate
        verdict = "meets" if ok else "does_not_meet"
        parts.append(
            texts(
                "calc.physical_intensity_rate.scope12_result",
                r=r,
                c=change,
                arate=-change / n,
                v=texts("calc.check_absolute_target.rate_met" if ok else "calc.check_absolute_target.rate_not_met"),
                rate=rate,
            )
        )
    else:
        warnings.append(Message(code="activity_growth_needed", text=texts("calc.warning.activity_growth_needed")))
    return CalcResult(
        calculator="physical_intensity_rate",
        rule_set=rs,
        inputs=inputs,
        outputs=outputs,
        verdict=verdict,
        rules=[c8, min_ref, rate_ref],
        warnings=warnings,
        explanation=join_sentences(parts),
    )


def _shown_percent(value: float) -> float:
    """A compounded percentage as people write it: one decimal, or two when it is under 1% either way."""
    return round(value, 1) if abs(value) >= 1 else round(value, 2)


def geva(
    base_year: Annotated[int, Field(description="Base year")],
    target_year: Annotated[int, Field(description="Target year")],
    value_added_growth_percent: Annotated[
        float, Field(description="Annual growth of value added, percent per year")
    ] = 0.0,
    base_emissions: Annotated[float | None, Field(description="Base-year emissions in tCO2e (optional)")] = None,
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
    base_intensity: Annotated[
        float | None, Field(description="Base-year emissions per unit of value added, in the asker's unit (optional)")
    ] = None,
) -> CalcResult:
    """GEVA: emissions per unit of value added fall 7% a year COMPOUNDED; the absolute change for a value-added
    growth rate, and the target-year intensity when the base-year intensity is given."""
    n = validation.years(base_year, target_year)
    g = validation.growth(value_added_growth_percent, "value_added_growth_percent") / 100
    rs = validation.rule_set(rule_set)
    base = validation.non_negative(base_emissions, "base_emissions") if base_emissions is not None else None
    ref = rules.ref(rs, "geva_rate")
    d = float(ref.value) / 100
    intensity_factor = (1 - d) ** n
    absolute_factor = intensity_factor * (1 + g) ** n
    outputs: dict[str, object] = {
        "years": n,
        "annual_intensity_reduction_percent": float(ref.value),
        "intensity_change_percent": round((intensity_factor - 1) * 100, 4),
        "absolute_change_percent": round((absolute_factor - 1) * 100, 4),
        "linear_misreading_percent": round(-float(ref.value) * n, 4),
        "pathway": [{"year": base_year + i, "intensity_index": round(100 * (1 - d) ** i, 3)} for i in range(n + 1)],
    }
    if base is not None:
        outputs["target_emissions_tco2e"] = round(base * absolute_factor, 3)
    expl = texts(
        "calc.geva.explanation",
        d=d * 100,
        n=n,
        ic=(intensity_factor - 1) * 100,
        g=g * 100,
        # one decimal, as the intensity change beside it ("about 21.2%", not 21.16%), two below 1% (-0.37%, not -0.4%)
        ac=_shown_percent((absolute_factor - 1) * 100),
    )
    intensity = validation.positive(base_intensity, "base_intensity") if base_intensity is not None else None
    if intensity is not None:
        outputs["target_intensity"] = round(intensity * intensity_factor, 4)
        expl = join_sentences(
            [
                expl,
                texts(
                    "calc.geva.target_intensity",
                    b=intensity,
                    by=base_year,
                    t={lang: fmt_significant(intensity * intensity_factor, lang) for lang in LANGS},
                    ty=target_year,
                ),
            ]
        )
    return CalcResult(
        calculator="geva",
        rule_set=rs,
        inputs={
            "base_year": base_year,
            "target_year": target_year,
            "value_added_growth_percent": g * 100,
            "base_emissions": base,
            "base_intensity": intensity,
            "rule_set": rs,
        },
        outputs=outputs,
        verdict=None,
        rules=[ref],
        explanation=expl,
    )
