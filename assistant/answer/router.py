"""Decide which calculator a question needs, and with which arguments, without any LLM.

Keyword lists are vocabulary, not rules: every rule number stays in ``tools/rules.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.answer.parser import ParsedQuestion

KEYWORDS: dict[str, tuple[str, ...]] = {
    "geva": ("geva", "value added", "value-added", "giá trị gia tăng", "增值", "增加值"),
    "intensity": (
        "intensity",
        "per pair",
        "per unit",
        "per product",
        "cường độ",
        "mỗi đôi",
        "mỗi sản phẩm",
        "强度",
        "每双",
        "单位产品",
    ),
    "renewable": ("renewable", "tái tạo", "可再生", "绿电", "re100"),
    "supplier": (
        "supplier engagement",
        "engagement target",
        "gắn kết nhà cung cấp",
        "thu hút nhà cung cấp",
        "供应商参与",
    ),
    "coverage": ("cover", "coverage", "bao phủ", "覆盖", "涵盖"),
    "exclude": (
        "exclude",
        "exclusion",
        "left out",
        "leave out",
        "leave ",
        "omit",
        "loại trừ",
        "loại bỏ",
        "không tính",
        "排除",
        "不纳入",
        "剔除",
    ),
    "submission": ("submit", "submission", "nộp", "đệ trình", "提交", "申报"),
    "timeframe": (
        "timeframe",
        "time frame",
        "valid",
        "khung thời gian",
        "thời hạn",
        "hợp lệ",
        "期限",
        "时间框架",
        "可行",
    ),
    "use_phase": ("use phase", "use-phase", "giai đoạn sử dụng", "使用阶段"),
    "required": ("required", "need", "must", "trigger", "cần", "phải", "bắt buộc", "需要", "必须", "是否要", "要不要"),
    "check": (
        "enough",
        "meet",
        "align",
        "sufficient",
        "consistent",
        "đủ",
        "đạt",
        "phù hợp",
        "符合",
        "足够",
        "达到",
        "满足",
        "一致",
    ),
    "reduction": (
        "reduce",
        "reduction",
        "cut",
        "how much",
        "giảm",
        "cắt giảm",
        "bao nhiêu",
        "减排",
        "减少",
        "降低",
        "多少",
    ),
    "scope3": ("scope 3", "phạm vi 3", "范围三", "范围3"),
    "mcap": ("mcap checklist", "mcap elements", "where do we stand", "các yếu tố mcap", "mcap要素"),
}


def _has(text: str, key: str) -> bool:
    return any(k in text for k in KEYWORDS[key])


@dataclass(frozen=True)
class Route:
    name: str
    arguments: dict[str, Any]


def route(p: ParsedQuestion) -> Route | None:
    text = p.text.casefold()
    pct = p.percent_values
    years_ok = p.base_year is not None and p.target_year is not None and p.target_year > p.base_year
    rs = {"rule_set": p.rule_set} if p.rule_set else {}
    tco2e = [q.value for q in p.quantities if q.unit == "tco2e"]
    mwh = [q.value for q in p.quantities if q.unit == "mwh"]

    if p.cati_ids and "cati" in text:
        return Route("cati_score", {"indicator_ids": p.cati_ids})
    if _has(text, "geva") and years_ok:
        va_growth = p.growth_percent if p.growth_percent is not None else (pct[0] if pct else 0.0)
        args: dict[str, Any] = {
            "base_year": p.base_year,
            "target_year": p.target_year,
            "value_added_growth_percent": va_growth,
        }
        return Route("geva", {**args, **rs})
    if _has(text, "renewable") and (mwh or pct):
        year = p.years[-1] if p.years else 2025
        if len(mwh) >= 2:
            total, ren = max(mwh), min(mwh)
        elif pct:
            total, ren = 100.0, pct[0]
        else:
            return None
        return Route(
            "renewable_electricity", {"total_electricity_mwh": total, "renewable_mwh": ren, "year": year, **rs}
        )
    if _has(text, "supplier") and len(p.years) >= 2 and max(p.years) > min(p.years):
        args = {"submission_year": min(p.years), "target_year": max(p.years)}
        if pct:
            args["coverage_percent"] = pct[0]
        return Route("supplier_engagement", {**args, **rs})
    if _has(text, "submission") and _has(text, "timeframe") and len(p.years) >= 2 and not pct:
        # Only the year is known: 1 January is assumed (shown in the tool call's arguments).
        return Route(
            "target_timeframe",
            {"submission_date": f"{min(p.years)}-01-01", "target_year": max(p.years), **rs},
        )
    if _has(text, "intensity") and years_ok:
        growth = p.growth_percent
        others = [v for v in pct if growth is None or v != growth]
        if growth is not None and others:
            return Route(
                "intensity_to_absolute",
                {
                    "base_year": p.base_year,
                    "target_year": p.target_year,
                    "intensity_reduction_percent": others[0],
                    "activity_growth_percent": growth,
                    "growth_is_annual": p.growth_per_year,
                    **rs,
                },
            )
        if growth is not None:
            return Route(
                "required_intensity_reduction",
                {
                    "base_year": p.base_year,
                    "target_year": p.target_year,
                    "activity_growth_percent": growth,
                    "growth_is_annual": p.growth_per_year,
                    "ambition": p.ambition or "1.5C",
                    **rs,
                },
            )
        if others:
            return Route(
                "physical_intensity_rate",
                {
                    "base_year": p.base_year,
                    "target_year": p.target_year,
                    "intensity_reduction_percent": others[0],
                    **rs,
                },
            )
    if "s3" in p.scopes and _has(text, "coverage") and pct:
        return Route("scope3_coverage", {"scope3_total": 100.0, "covered": pct[0], **rs})
    if _has(text, "exclude") and pct and not years_ok:
        return Route("scope12_coverage", {"scope12_total": 100.0, "excluded": pct[0], **rs})
    if "s3" in p.scopes and (pct or len(tco2e) >= 2) and not years_ok and _has(text, "required"):
        if len(tco2e) >= 4 and _has(text, "use_phase"):
            return Route(
                "scope3_required",
                {
                    "scope1": tco2e[0],
                    "scope2": tco2e[1],
                    "scope3": tco2e[2],
                    "indirect_use_phase": tco2e[3],
                    "remove_indirect_use_phase": True,
                    **rs,
                },
            )
        if len(tco2e) >= 3:
            return Route("scope3_required", {"scope1": tco2e[0], "scope2": tco2e[1], "scope3": tco2e[2], **rs})
        if len(tco2e) == 2:
            return Route("scope3_required", {"scope1": tco2e[0], "scope2": 0.0, "scope3": tco2e[1], **rs})
        return Route("scope3_required", {"scope1": 100.0 - pct[0], "scope2": 0.0, "scope3": pct[0], **rs})
    if years_ok and pct and (_has(text, "check") or _has(text, "reduction")):
        args = {
            "base_year": p.base_year,
            "target_year": p.target_year,
            "reduction_percent": pct[0],
            "scope": "s3" if p.scopes == ["s3"] else "s1+s2",
        }
        if tco2e:
            args["base_emissions"] = tco2e[0]
        if p.ambition:
            args["ambition"] = p.ambition
        return Route("check_absolute_target", {**args, **rs})
    if years_ok and (p.ambition or _has(text, "reduction")) and not pct:
        args = {
            "base_year": p.base_year,
            "target_year": p.target_year,
            "ambition": p.ambition or "1.5C",
            "scope": "s3" if p.scopes == ["s3"] else "s1+s2",
        }
        if tco2e:
            args["base_emissions"] = tco2e[0]
        return Route("absolute_contraction", {**args, **rs})
    return None
