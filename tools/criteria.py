"""Criteria checks: scope 3 trigger (C16), coverage (C17, C2), renewable electricity (C14), supplier engagement (C19.1)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from tools import rules, validation
from tools.errors import CalculatorInputError
from tools.i18n import join_sentences, texts
from tools.result import CalcResult, Message
from tools.rules import DEFAULT_RULE_SET, RuleSet


def scope3_required(
    scope1: Annotated[float, Field(description="Scope 1 emissions, tCO2e")],
    scope2: Annotated[float, Field(description="Scope 2 emissions, tCO2e")],
    scope3: Annotated[float, Field(description="Scope 3 emissions, tCO2e")],
    indirect_use_phase: Annotated[float, Field(description="Indirect use-phase emissions inside scope 3, tCO2e")] = 0.0,
    remove_indirect_use_phase: Annotated[
        bool, Field(description="Remove indirect use-phase emissions from the baseline first (§6.2)")
    ] = False,
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
) -> CalcResult:
    """Is a scope 3 target required? Scope 3 share of scopes 1+2+3 against the 40% trigger (C16)."""
    s1 = validation.non_negative(scope1, "scope1")
    s2 = validation.non_negative(scope2, "scope2")
    s3 = validation.non_negative(scope3, "scope3")
    use = validation.non_negative(indirect_use_phase, "indirect_use_phase")
    rs = validation.rule_set(rule_set)
    if use > s3:
        raise CalculatorInputError("part_exceeds_total", "indirect_use_phase", value=use, total=s3)
    s3_counted = s3 - use if remove_indirect_use_phase else s3
    total = s1 + s2 + s3_counted
    if total <= 0:
        raise CalculatorInputError("not_positive", "scope1 + scope2 + scope3", value=total)
    ref = rules.ref(rs, "scope3_trigger")
    threshold = float(ref.value)
    share = s3_counted / total * 100
    required = share + 1e-9 >= threshold
    used = [ref] + ([rules.ref(rs, "use_phase_removal")] if remove_indirect_use_phase else [])
    expl = texts(
        "calc.scope3_required.explanation",
        share=share,
        total=total,
        th=threshold,
        v=texts("calc.scope3_required.required" if required else "calc.scope3_required.not_required"),
    )
    return CalcResult(
        calculator="scope3_required",
        rule_set=rs,
        inputs={
            "scope1": s1,
            "scope2": s2,
            "scope3": s3,
            "indirect_use_phase": use,
            "remove_indirect_use_phase": remove_indirect_use_phase,
            "rule_set": rs,
        },
        outputs={
            "scope3_share_percent": round(share, 4),
            "threshold_percent": threshold,
            "total_tco2e": round(total, 3),
            "scope3_counted_tco2e": round(s3_counted, 3),
        },
        verdict="required" if required else "not_required",
        rules=used,
        explanation=expl,
    )


def _with_shortfall(explanation: dict[str, str], key: str, tonnes: float) -> dict[str, str]:
    """The explanation, with what is still missing only when something is: a passing check needs no
    "bring 0 tCO2e back"."""
    if round(tonnes, 2) <= 0:  # as shown: a rounding remainder is nothing missing
        return explanation
    return join_sentences([explanation, texts(key, x=tonnes)])


def scope3_coverage(
    scope3_total: Annotated[float, Field(description="Total scope 3 emissions, tCO2e")],
    covered: Annotated[float, Field(description="Scope 3 emissions covered by targets, tCO2e")],
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
    indirect_use_phase: Annotated[
        float, Field(description="Indirect use-phase emissions inside the scope 3 total, tCO2e (left out, §6.2)")
    ] = 0.0,
    share_only: Annotated[
        bool, Field(description="Only the share is known (total given as 100): the gap in percentage points, not tCO2e")
    ] = False,
) -> CalcResult:
    """Do scope 3 targets cover at least two thirds of scope 3 emissions (C17)? Indirect use-phase emissions
    are not counted in the total the two thirds are taken of (§6.2)."""
    stated = validation.positive(scope3_total, "scope3_total")
    cov = validation.non_negative(covered, "covered")
    use = validation.non_negative(indirect_use_phase, "indirect_use_phase")
    rs = validation.rule_set(rule_set)
    if use >= stated:
        raise CalculatorInputError("part_exceeds_total", "indirect_use_phase", value=use, total=stated)
    total = stated - use
    if cov > total:
        raise CalculatorInputError("part_exceeds_total", "covered", value=cov, total=total)
    ref = rules.ref(rs, "scope3_coverage_min")
    used = [ref] + ([rules.ref(rs, "use_phase_coverage")] if use else [])
    minimum = float(ref.value)
    share = cov / total * 100
    ok = share + 1e-6 >= minimum
    missing = max(0.0, total * minimum / 100 - cov)
    # a share without amounts ("ba phần năm tổng scope 3") leaves a gap in percentage points, never in tonnes of a
    # 100-tonne stand-in total (round-25 calc, dev since)
    gap_key = "calc.scope3_coverage.points_to_cover" if share_only else "calc.scope3_coverage.still_to_cover"
    expl = _with_shortfall(texts("calc.scope3_coverage.explanation", s=share, m=minimum), gap_key, missing)
    if use:
        expl = join_sentences([texts("calc.scope3_coverage.use_phase_left_out", u=use, t=total), expl])
    return CalcResult(
        calculator="scope3_coverage",
        rule_set=rs,
        inputs={
            "scope3_total": stated,
            "covered": cov,
            "rule_set": rs,
            "indirect_use_phase": use,
            "share_only": share_only,
        },
        outputs={
            "coverage_percent": round(share, 4),
            "minimum_percent": round(minimum, 4),
            **({"percentage_points_still_to_cover": round(missing, 3)} if share_only else {}),
            **({} if share_only else {"tco2e_still_to_cover": round(missing, 3)}),
            "scope3_counted_tco2e": round(total, 3),
        },
        verdict="meets" if ok else "does_not_meet",
        rules=used,
        explanation=expl,
    )


def scope12_coverage(
    scope12_total: Annotated[float, Field(description="Total scope 1+2 emissions, tCO2e")],
    excluded: Annotated[
        float | None, Field(description="Scope 1+2 emissions left out of the target boundary, tCO2e")
    ] = None,
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
    covered: Annotated[
        float | None, Field(description="Scope 1+2 emissions inside the target boundary, tCO2e (instead of excluded)")
    ] = None,
    share_only: Annotated[
        bool, Field(description="Only the share is known (total given as 100): the gap in percentage points, not tCO2e")
    ] = False,
) -> CalcResult:
    """Are at most 5% of scope 1+2 emissions excluded from the target boundary (C2)? The boundary is given by
    what it leaves out or by what it covers ("48,000 t in total, 46,200 t in the boundary")."""
    total = validation.positive(scope12_total, "scope12_total")
    rs = validation.rule_set(rule_set)
    inside = validation.non_negative(covered, "covered") if covered is not None else None
    if inside is not None and inside > total:
        raise CalculatorInputError("part_exceeds_total", "covered", value=inside, total=total)
    if excluded is None:
        if inside is None:
            raise CalculatorInputError("missing_part", "excluded", other="covered")
        excluded = total - inside
    exc = validation.non_negative(excluded, "excluded")
    if exc > total:
        raise CalculatorInputError("part_exceeds_total", "excluded", value=exc, total=total)
    ref = rules.ref(rs, "scope12_exclusion_max")
    maximum = float(ref.value)
    share = exc / total * 100
    ok = share <= maximum + 1e-9
    excess = max(0.0, exc - total * maximum / 100)
    expl = _with_shortfall(
        texts("calc.scope12_coverage.explanation", s=share, c=100 - share, m=maximum),
        "calc.scope12_coverage.points_to_bring_back" if share_only else "calc.scope12_coverage.bring_back",
        excess,
    )
    return CalcResult(
        calculator="scope12_coverage",
        rule_set=rs,
        inputs={"scope12_total": total, "excluded": exc, "rule_set": rs, "share_only": share_only},
        outputs={
            "excluded_percent": round(share, 4),
            "covered_percent": round(100 - share, 4),
            "maximum_percent": maximum,
            **({"percentage_points_to_bring_back": round(excess, 3)} if share_only else {}),
            **({} if share_only else {"tco2e_to_bring_back": round(excess, 3)}),
        },
        verdict="meets" if ok else "does_not_meet",
        rules=[ref],
        explanation=expl,
    )


def renewable_electricity(
    total_electricity_mwh: Annotated[float, Field(description="Total electricity use, MWh")],
    renewable_mwh: Annotated[float, Field(description="Renewable electricity, MWh")],
    year: Annotated[int, Field(description="Year the figures are for")],
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
    share_only: Annotated[
        bool,
        Field(description="Only the share is known (total given as 100): gaps in percentage points, not MWh"),
    ] = False,
) -> CalcResult:
    """Renewable electricity share against the RE100 thresholds of C14 (80% by 2025, 100% by 2030) for the year given.

    With ``share_only`` the asker gave a percentage, not their consumption: a gap is stated in percentage points,
    never as MWh of an electricity use they did not give.

    A threshold applies from its year on; before the first one is due, the share is compared with it as the
    next milestone (verdict ``on_track`` / ``gap_to_milestone``), never as a requirement already failed."""
    total = validation.positive(total_electricity_mwh, "total_electricity_mwh")
    ren = validation.non_negative(renewable_mwh, "renewable_mwh")
    validation.year(year, "year")
    rs = validation.rule_set(rule_set)
    if ren > total:
        raise CalculatorInputError("part_exceeds_total", "renewable_mwh", value=ren, total=total)
    milestones = sorted(
        ((int(rules.extra(rs, rid, "by_year")), rules.ref(rs, rid)) for rid in ("re_share_2025", "re_share_2030")),
        key=lambda m: m[0],
    )
    (_, r25), (_, r30) = milestones
    share = ren / total * 100
    points = "_points" if share_only and total == 100 else ""  # with a total of 100, MWh are percentage points
    need25 = max(0.0, total * float(r25.value) / 100 - ren)
    need30 = max(0.0, total * float(r30.value) / 100 - ren)
    due = [(y, r) for y, r in milestones if y <= year]
    ahead = [(y, r) for y, r in milestones if y > year]
    since = due[-1][0] if due else None
    applicable = float(due[-1][1].value) if due else None
    if applicable is not None:
        verdict = "meets" if share + 1e-9 >= applicable else "does_not_meet"
        gap = max(0.0, total * applicable / 100 - ren)
        v = texts(f"calc.verdict_word.{verdict}")
        parts = [texts("calc.renewable_electricity.in_force", s=share, y=year, th=applicable, since=since, v=v)]
        if gap > 0:
            parts.append(texts(f"calc.renewable_electricity.short{points}", gap=gap))
        later = ahead
    else:  # no threshold due yet: the first one is the next milestone, not a requirement failed
        first_year, first = ahead[0]
        th = float(first.value)
        gap = max(0.0, total * th / 100 - ren)
        verdict = "on_track" if share + 1e-9 >= th else "gap_to_milestone"
        key = (
            "calc.renewable_electricity.before_first_reached"
            if verdict == "on_track"
            else (f"calc.renewable_electricity.before_first{points}")
        )
        parts = [texts(key, s=share, y=year, th=th, by=first_year, gap=gap)]
        later = ahead[1:]
    for by, ref in later:
        th_later = float(ref.value)
        parts.append(
            texts(
                f"calc.renewable_electricity.next{points}",
                th=th_later,
                by=by,
                gap=max(0.0, total * th_later / 100 - ren),
            )
        )
    expl = join_sentences(parts)
    nxt = ahead[0] if ahead else None
    return CalcResult(
        calculator="renewable_electricity",
        rule_set=rs,
        inputs={
            "total_electricity_mwh": total,
            "renewable_mwh": ren,
            "year": year,
            "rule_set": rs,
            "share_only": share_only,
        },
        outputs={
            "renewable_share_percent": round(share, 4),
            "threshold_2025_percent": float(r25.value),
            "threshold_2030_percent": float(r30.value),
            "mwh_needed_2025": round(need25, 3),
            "mwh_needed_2030": round(need30, 3),
            "applicable_threshold_percent": applicable,
            "threshold_in_force_since": since,
            "next_milestone_year": nxt[0] if nxt else None,
            "next_milestone_percent": float(nxt[1].value) if nxt else None,
        },
        verdict=verdict,
        rules=[r25, r30],
        explanation=expl,
    )


def supplier_engagement(
    submission_year: Annotated[int, Field(description="Year the target is submitted to SBTi")],
    target_year: Annotated[
        int | None,
        Field(description="Year by which suppliers should have science-based targets; omit to get the latest allowed"),
    ] = None,
    coverage_percent: Annotated[
        float | None, Field(description="Share of suppliers covered, percent (optional)")
    ] = None,
    coverage_basis: Annotated[
        Literal["emissions", "spend"], Field(description="Coverage by emissions or by procurement spend")
    ] = "emissions",
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
) -> CalcResult:
    """Is a supplier engagement target within the 5-year maximum of C19.1, and how is its coverage stated?
    Without a target year: the latest year the target may name ("by which year at the latest?"), no verdict."""
    validation.year(submission_year, "submission_year")
    if target_year is not None:
        validation.year(target_year, "target_year")
    if target_year is not None and target_year < submission_year:
        raise CalculatorInputError(
            "target_before_submission", "target_year", submission_year=submission_year, target_year=target_year
        )
    cov = validation.share(coverage_percent, "coverage_percent") if coverage_percent is not None else None
    rs = validation.rule_set(rule_set)
    ref = rules.ref(rs, "supplier_engagement_max_years")
    maximum = int(ref.value)
    span = target_year - submission_year if target_year is not None else None
    ok = span is not None and span <= maximum
    warnings = []
    if cov is None:
        warnings.append(
            Message(
                code="coverage_missing",
                text=texts(
                    "calc.warning.coverage_missing",
                ),
            )
        )
    expl = texts(
        "calc.supplier_engagement.explanation" if span is not None else "calc.supplier_engagement.latest",
        n=span,
        m=maximum,
        s=submission_year,
        last=submission_year + maximum,  # the latest year allowed, said as a year (round-12 dev calc)
    )
    if cov is not None:
        covers = texts(
            "calc.supplier_engagement.covers", cov=f"{cov:g}", basis=texts(f"calc.coverage_basis.{coverage_basis}")
        )
        expl = {lang: f"{text} {covers[lang]}" for lang, text in expl.items()}
    return CalcResult(
        calculator="supplier_engagement",
        rule_set=rs,
        inputs={
            "submission_year": submission_year,
            "target_year": target_year,
            "coverage_percent": cov,
            "coverage_basis": coverage_basis,
            "rule_set": rs,
        },
        outputs={
            "years_from_submission": span,
            "maximum_years": maximum,
            "latest_valid_target_year": submission_year + maximum,
            "coverage_percent": cov,
        },
        verdict=None if span is None else "meets" if ok else "does_not_meet",
        rules=[ref],
        warnings=warnings,
        explanation=expl,
    )
