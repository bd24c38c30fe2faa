"""CATI 2.0 points by sub-dimension and dimension, and the industry's default weighting factor.

The document gives the factors but no formula for applying them, so none is invented here."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from tools import rules, validation
from tools.errors import CalculatorInputError
from tools.i18n import LANGS, t, texts
from tools.result import CalcResult, Message, RuleRef


def _name_key(name: str) -> str:
    """Names compare without case or surrounding space ("iron & steel" = "Iron & Steel")."""
    return " ".join(name.split()).casefold()


def _id_order(indicator_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in indicator_id.split("."))


def _weighting_ref(data: dict[str, Any]) -> RuleRef:
    """The weighting note: which dimensions the industry factor applies to (cited by both CATI calculators)."""
    return RuleRef(
        id="cati.weighting",
        rule_set="cati-2.0",
        document=data["document"],
        clause=data["weighting_clause"],
        quote=data["weighting_note_quote"],
        value=[int(d) for d in data["weighted_dimensions"]],
        unit="dimensions weighted by the industry factor",
    )


def _industry_names() -> dict[str, str]:
    """Every accepted name of an industry (key, the document's zh and en names, vi, older aliases) → key."""
    out: dict[str, str] = {}
    for key, row in rules.cati()["industries"].items():
        for name in (key, row["zh"], row["en"], row["vi"], *row.get("aliases", [])):
            out[_name_key(name)] = key
    return out


INDUSTRY_NAMES: dict[str, str] = _industry_names()


def cati_score(
    indicator_ids: Annotated[
        list[str], Field(description="CATI 2.0 indicator ids the company meets, e.g. ['1.1.1', '2.1.1']")
    ],
    industry: Annotated[
        str | None, Field(description="Industry key or name (e.g. textile, 纺织, Textile) for the weighting factor")
    ] = None,
) -> CalcResult:
    """Raw CATI 2.0 points per sub-dimension and dimension, with dimension weights and the industry weighting factor."""
    data = rules.cati()
    points: dict[str, int] = data["indicators"]
    ids = list(dict.fromkeys(str(i).strip() for i in indicator_ids))
    for i in ids:
        if i not in points:
            raise CalculatorInputError("unknown_indicator", "indicator_ids", value=i)
    by_sub: dict[str, int] = {}
    by_dim: dict[str, int] = {}
    for i in ids:
        sub, dim = i.rsplit(".", 1)[0], i.split(".")[0]
        by_sub[sub] = by_sub.get(sub, 0) + points[i]
        by_dim[dim] = by_dim.get(dim, 0) + points[i]
    dims = data["dimensions"]
    dim_max = {d: sum(p for k, p in points.items() if k.split(".")[0] == d) for d in dims}
    factor: dict[str, object] | None = None
    refs = [
        RuleRef(
            id=f"cati.{i}",
            rule_set="cati-2.0",
            document=data["document"],
            clause=f"CATI 2.0 indicator {i}",
            quote=data["rows"][i],
            value=points[i],
            unit="points",
        )
        for i in sorted(ids, key=_id_order)
    ]
    if industry:
        match = INDUSTRY_NAMES.get(_name_key(industry))
        if match is None:
            raise CalculatorInputError("unknown_industry", "industry", value=industry)
        row = data["industries"][match]
        factor = {
            "industry": match,
            **{lang: row[lang] for lang in LANGS},
            "scope12_percent": row["s12"],
            "upstream_scope3_percent": row["s3"],
            "applies_to_dimensions": data["weighted_dimensions"],
        }
        refs.append(_weighting_ref(data))
        refs.append(
            RuleRef(
                id=f"cati.industry.{match}",
                rule_set="cati-2.0",
                document=data["document"],
                clause=data["weighting_clause"],
                quote=rules.cati_industry_row(match, "zh"),
                value=[row["s12"], row["s3"]],
                unit="% scope 1+2 : % upstream scope 3",
            )
        )
    total = sum(by_dim.values())
    dim_lines = {
        lang: "; ".join(f"{dims[d][lang]} {by_dim.get(d, 0)}/{dim_max[d]}" for d in sorted(dims)) for lang in LANGS
    }
    key = (
        "calc.cati_score.explanation_one" if total == 1 else "calc.cati_score.explanation"
    )  # "1 point", not "1 points"
    expl = texts(key, total=total, dims=dim_lines)
    if not ids and factor:
        expl = {lang: "" for lang in LANGS}  # "what is the textile weighting?": the factor alone, no 0-point score
    if ids:  # "chỉ số 5.4.5 được mấy điểm?": each indicator's own points, in the reader's words
        ordered = sorted(ids, key=_id_order)
        listed: dict[str, str] = {}
        for lang in LANGS:
            items = "; ".join(
                t(f"calc.cati_score.points_{'one' if points[i] == 1 else 'many'}", lang, id=i, points=points[i])
                for i in ordered
            )
            listed[lang] = t("calc.cati_score.indicators", lang, items=items)
        expl = {lang: f"{text} {listed[lang]}" for lang, text in expl.items()}
    if factor:
        weighting = texts(
            "calc.cati_score.weighting",
            name={lang: factor[lang] for lang in LANGS},
            s12=factor["scope12_percent"],
            s3=factor["upstream_scope3_percent"],
        )
        expl = {lang: f"{text} {weighting[lang]}".strip() for lang, text in expl.items()}
    warnings = [
        Message(
            code="no_weighting_formula",
            text=texts("calc.warning.no_weighting_formula"),
        )
    ]
    return CalcResult(
        calculator="cati_score",
        rule_set="cati-2.0",
        inputs={"indicator_ids": ids, "industry": industry},
        outputs={
            "total_points": total,
            "points_by_subdimension": dict(sorted(by_sub.items())),
            "points_by_dimension": dict(sorted(by_dim.items())),
            "dimension_max_points": dim_max,
            "dimension_weights_percent": {d: dims[d]["weight"] for d in dims},
            "weighting_factor": factor,
        },
        verdict=None,
        rules=refs,
        warnings=warnings,
        explanation=expl,
    )


# the five dimensions in order, by the argument that carries each one's score rate
DIMENSION_ARGUMENTS: dict[str, str] = {
    "1": "governance_percent",
    "2": "measurement_disclosure_percent",
    "3": "targets_setting_percent",
    "4": "performance_percent",
    "5": "climate_action_percent",
}


def cati_weighted_score(
    governance_percent: Annotated[float, Field(description="Share of the Governance (治理机制) points achieved, %")],
    measurement_disclosure_percent: Annotated[
        float, Field(description="Share of the Measurement & Disclosure (测算披露) points achieved, %")
    ],
    targets_setting_percent: Annotated[
        float, Field(description="Share of the Carbon Targets Setting (碳目标设定) points achieved, %")
    ],
    performance_percent: Annotated[
        float, Field(description="Share of the Performance against Carbon Targets (碳目标绩效) points achieved, %")
    ],
    climate_action_percent: Annotated[
        float, Field(description="Share of the Climate Action (减排行动) points achieved, %")
    ],
) -> CalcResult:
    """CATI 2.0 score from the share of each dimension's points achieved, weighted by the dimension weights
    10/17/14/17/42 (each dimension's points add up to its weight, so the weighted score is out of 100).

    The industry weighting factor is not applied: the document gives no formula for it."""
    data = rules.cati()
    dims = data["dimensions"]
    rates = {
        d: validation.share(value, DIMENSION_ARGUMENTS[d])
        for d, value in zip(
            sorted(dims),
            (
                governance_percent,
                measurement_disclosure_percent,
                targets_setting_percent,
                performance_percent,
                climate_action_percent,
            ),
            strict=True,
        )
    }
    contributions = {d: rates[d] * dims[d]["weight"] / 100 for d in sorted(dims)}
    total = sum(contributions.values())
    terms = " + ".join(f"{dims[d]['weight']}% × {fmt_plain(rates[d])}%" for d in sorted(dims))
    weights = "/".join(str(dims[d]["weight"]) for d in sorted(dims))
    expl = texts("calc.cati_weighted_score.explanation", terms=terms, total=total, weights=weights)
    refs = [
        RuleRef(
            id="cati.dimension_weights",
            rule_set="cati-2.0",
            document=data["document"],
            clause=data["weights_clause"],
            quote=data["weights_quote"],
            value=[dims[d]["weight"] for d in sorted(dims)],
            unit="% weight per dimension",
        ),
        _weighting_ref(data),
    ]
    return CalcResult(
        calculator="cati_weighted_score",
        rule_set="cati-2.0",
        inputs={DIMENSION_ARGUMENTS[d]: rates[d] for d in sorted(dims)},
        outputs={
            "weighted_score": round(total, 4),
            "contribution_by_dimension": {d: round(c, 4) for d, c in contributions.items()},
            "dimension_weights_percent": {d: dims[d]["weight"] for d in sorted(dims)},
        },
        verdict=None,
        rules=refs,
        warnings=[Message(code="industry_factor_not_applied", text=texts("calc.warning.industry_factor_not_applied"))],
        explanation=expl,
    )


def fmt_plain(x: float) -> str:
    """A rate as typed: 80 not 80.0, 12.5 as 12.5 (the same in every language: the figures sit in a formula)."""
    return f"{x:g}"
