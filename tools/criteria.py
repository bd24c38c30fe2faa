"""Criteria checks: scope 3 trigger (C16), coverage (C17, C2), renewable electricity (C14), supplier engagement (C19.1)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from tools import rules, validation
from tools.errors import CalculatorInputError
from tools.i18n import render
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
    expl = render(
        {
            "vi": "Phạm vi 3 chiếm {share}% tổng phát thải phạm vi 1+2+3 ({total} tCO2e); ngưỡng là {th}% ⇒ {v}.",
            "zh": "范围三占范围一、二和三排放总量（{total} 吨）的{share}%；阈值为{th}% ⇒ {v}。",
            "en": "Scope 3 is {share}% of scopes 1+2+3 ({total} tCO2e); the threshold is {th}% ⇒ {v}.",
        },
        share=share,
        total=total,
        th=threshold,
        v="{v}",
    )
    verdicts = {
        "vi": ("bắt buộc đặt mục tiêu phạm vi 3", "chưa bắt buộc đặt mục tiêu phạm vi 3"),
        "zh": ("必须设定范围三目标", "无须设定范围三目标"),
        "en": ("a scope 3 target is required", "a scope 3 target is not required"),
    }
    expl = {lang: t.replace("{v}", verdicts[lang][0 if required else 1]) for lang, t in expl.items()}
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


def scope3_coverage(
    scope3_total: Annotated[float, Field(description="Total scope 3 emissions, tCO2e")],
    covered: Annotated[float, Field(description="Scope 3 emissions covered by targets, tCO2e")],
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
) -> CalcResult:
    """Do scope 3 targets cover at least two thirds of scope 3 emissions (C17)?"""
    total = validation.positive(scope3_total, "scope3_total")
    cov = validation.non_negative(covered, "covered")
    rs = validation.rule_set(rule_set)
    if cov > total:
        raise CalculatorInputError("part_exceeds_total", "covered", value=cov, total=total)
    ref = rules.ref(rs, "scope3_coverage_min")
    minimum = float(ref.value)
    share = cov / total * 100
    ok = share + 1e-6 >= minimum
    missing = max(0.0, total * minimum / 100 - cov)
    expl = render(
        {
            "vi": "Mục tiêu bao phủ {s}% phát thải phạm vi 3; tối thiểu là hai phần ba ({m}%). Còn thiếu {x} tCO2e.",
            "zh": "目标覆盖范围三排放的{s}%；最低要求为三分之二（{m}%）。尚需覆盖{x}吨。",
            "en": "Targets cover {s}% of scope 3; the minimum is two thirds ({m}%). Still to cover: {x} tCO2e.",
        },
        s=share,
        m=minimum,
        x=missing,
    )
    return CalcResult(
        calculator="scope3_coverage",
        rule_set=rs,
        inputs={"scope3_total": total, "covered": cov, "rule_set": rs},
        outputs={
            "coverage_percent": round(share, 4),
            "minimum_percent": round(minimum, 4),
            "tco2e_still_to_cover": round(missing, 3),
        },
        verdict="meets" if ok else "does_not_meet",
        rules=[ref],
        explanation=expl,
    )


def scope12_coverage(
    scope12_total: Annotated[float, Field(description="Total scope 1+2 emissions, tCO2e")],
    excluded: Annotated[float, Field(description="Scope 1+2 emissions left out of the target boundary, tCO2e")],
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
) -> CalcResult:
    """Are at most 5% of scope 1+2 emissions excluded from the target boundary (C2)?"""
    total = validation.positive(scope12_total, "scope12_total")
    exc = validation.non_negative(excluded, "excluded")
    rs = validation.rule_set(rule_set)
    if exc > total:
        raise CalculatorInputError("part_exceeds_total", "excluded", value=exc, total=total)
    ref = rules.ref(rs, "scope12_exclusion_max")
    maximum = float(ref.value)
    share = exc / total * 100
    ok = share <= maximum + 1e-9
    excess = max(0.0, exc - total * maximum / 100)
    expl = render(
        {
            "vi": "Đang loại trừ {s}% phát thải phạm vi 1+2; tối đa cho phép {m}%. Cần đưa thêm {x} tCO2e vào ranh giới.",
            "zh": "排除了范围一和范围二排放的{s}%；最多允许{m}%。需再纳入{x}吨。",
            "en": "{s}% of scope 1+2 is excluded; at most {m}% may be. Bring {x} tCO2e back into the boundary.",
        },
        s=share,
        m=maximum,
        x=excess,
    )
    return CalcResult(
        calculator="scope12_coverage",
        rule_set=rs,
        inputs={"scope12_total": total, "excluded": exc, "rule_set": rs},
        outputs={
            "excluded_percent": round(share, 4),
            "maximum_percent": maximum,
            "tco2e_to_bring_back": round(excess, 3),
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
) -> CalcResult:
    """Renewable electricity share against the RE100 thresholds of C14: 80% by 2025, 100% by 2030."""
    total = validation.positive(total_electricity_mwh, "total_electricity_mwh")
    ren = validation.non_negative(renewable_mwh, "renewable_mwh")
    validation.year(year, "year")
    rs = validation.rule_set(rule_set)
    if ren > total:
        raise CalculatorInputError("part_exceeds_total", "renewable_mwh", value=ren, total=total)
    r25, r30 = rules.ref(rs, "re_share_2025"), rules.ref(rs, "re_share_2030")
    share = ren / total * 100
    need25 = max(0.0, total * float(r25.value) / 100 - ren)
    need30 = max(0.0, total * float(r30.value) / 100 - ren)
    applicable = float(r30.value) if year >= 2030 else float(r25.value)
    ok = share + 1e-9 >= applicable
    expl = render(
        {
            "vi": "Tỷ lệ điện tái tạo {s}% ({y}). Ngưỡng: {a}% vào 2025 và {b}% vào 2030; cần thêm {n25} MWh cho 2025 và {n30} MWh cho 2030 (theo mức tiêu thụ hiện tại).",
            "zh": "{y}年可再生电力占比{s}%。阈值：2025年{a}%、2030年{b}%；按当前用电量，2025年还需{n25}兆瓦时，2030年还需{n30}兆瓦时。",
            "en": "Renewable electricity share {s}% ({y}). Thresholds: {a}% by 2025 and {b}% by 2030; {n25} MWh more needed for 2025 and {n30} MWh for 2030 (at today's consumption).",
        },
        s=share,
        y=year,
        a=float(r25.value),
        b=float(r30.value),
        n25=need25,
        n30=need30,
    )
    return CalcResult(
        calculator="renewable_electricity",
        rule_set=rs,
        inputs={"total_electricity_mwh": total, "renewable_mwh": ren, "year": year, "rule_set": rs},
        outputs={
            "renewable_share_percent": round(share, 4),
            "threshold_2025_percent": float(r25.value),
            "threshold_2030_percent": float(r30.value),
            "mwh_needed_2025": round(need25, 3),
            "mwh_needed_2030": round(need30, 3),
            "applicable_threshold_percent": applicable,
        },
        verdict="meets" if ok else "does_not_meet",
        rules=[r25, r30],
        explanation=expl,
    )


def supplier_engagement(
    submission_year: Annotated[int, Field(description="Year the target is submitted to SBTi")],
    target_year: Annotated[int, Field(description="Year by which suppliers should have science-based targets")],
    coverage_percent: Annotated[
        float | None, Field(description="Share of suppliers covered, percent (optional)")
    ] = None,
    coverage_basis: Annotated[
        Literal["emissions", "spend"], Field(description="Coverage by emissions or by procurement spend")
    ] = "emissions",
    rule_set: Annotated[RuleSet, Field(description="Rule set to apply")] = DEFAULT_RULE_SET,
) -> CalcResult:
    """Is a supplier engagement target within the 5-year maximum of C19.1, and how is its coverage stated?"""
    validation.year(submission_year, "submission_year")
    validation.year(target_year, "target_year")
    if target_year < submission_year:
        raise CalculatorInputError(
            "target_before_base", "target_year", base_year=submission_year, target_year=target_year
        )
    cov = validation.share(coverage_percent, "coverage_percent") if coverage_percent is not None else None
    rs = validation.rule_set(rule_set)
    ref = rules.ref(rs, "supplier_engagement_max_years")
    maximum = int(ref.value)
    span = target_year - submission_year
    ok = span <= maximum
    warnings = []
    if cov is None:
        warnings.append(
            Message(
                code="coverage_missing",
                text=render(
                    {
                        "vi": "C19.1 yêu cầu nêu tỷ lệ phát thải (hoặc chi tiêu mua hàng) mà mục tiêu bao phủ.",
                        "zh": "C19.1要求说明目标覆盖的排放比例（或年度采购支出比例）。",
                        "en": "C19.1 asks the target to state the share of emissions (or of procurement spend) it covers.",
                    }
                ),
            )
        )
    basis = {
        "emissions": {"vi": "phát thải", "zh": "排放", "en": "emissions"},
        "spend": {"vi": "chi tiêu mua hàng", "zh": "采购支出", "en": "procurement spend"},
    }[coverage_basis]
    expl = render(
        {
            "vi": "Mục tiêu gắn kết nhà cung cấp kéo dài {n} năm từ khi nộp; tối đa {m} năm.",
            "zh": "供应商参与目标自提交起为期{n}年；最长{m}年。",
            "en": "The supplier engagement target runs {n} years from submission; the maximum is {m} years.",
        },
        n=span,
        m=maximum,
    )
    if cov is not None:
        expl = {
            lang: expl[lang]
            + {
                "vi": f" Bao phủ {cov:g}% theo {basis['vi']}.",
                "zh": f" 按{basis['zh']}覆盖{cov:g}%。",
                "en": f" Covers {cov:g}% by {basis['en']}.",
            }[lang]
            for lang in expl
        }
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
        verdict="meets" if ok else "does_not_meet",
        rules=[ref],
        warnings=warnings,
        explanation=expl,
    )
