"""A form per calculator, generated from its typed signature (the same schema as the API and the
LLM tools), and the rendering of a result: verdict, outputs, rules with their sources, warnings."""

from __future__ import annotations

import json
from typing import Any

from assistant.ui.labels import CHOICES, field_label, ui
from tools.result import CalcResult
from tools.schema import calculator_specs

# Defaults that make a first click show something sensible (a worked example from the guidance).
EXAMPLE_VALUES: dict[str, Any] = {
    "base_year": 2020,
    "target_year": 2030,
    "submission_date": "2026-06-30",
    "submission_year": 2026,
    "year": 2025,
    "reduction_percent": 30,
    "intensity_reduction_percent": 30,
    "activity_growth_percent": 30,
    "base_emissions": 10000,
    "scope1": 20,
    "scope2": 30,
    "scope3": 50,
    "scope3_total": 100,
    "covered": 60,
    "scope12_total": 100,
    "excluded": 4,
    "total_electricity_mwh": 1000,
    "renewable_mwh": 600,
    "indicator_ids": "1.1.1, 2.1.1",
}


def form_schemas() -> dict[str, dict[str, Any]]:
    """Each calculator's argument schema (``tools.schema``, as the API and the LLM tools use), by name."""
    return {name: spec.json_schema() for name, spec in calculator_specs().items()}


def field_kind(spec: dict[str, Any]) -> tuple[str, bool]:
    """The JSON-schema type of an argument and whether it may be left empty."""
    options = spec.get("anyOf")
    if options:
        types = [o.get("type") for o in options]
        return next(t for t in types if t != "null"), "null" in types
    return str(spec.get("type", "string")), False


def to_arguments(schema: dict[str, Any], values: list[Any]) -> dict[str, Any]:
    """Form values → keyword arguments (empty optional fields left out, lists split on commas)."""
    args: dict[str, Any] = {}
    for (name, spec), value in zip(schema["properties"].items(), values, strict=True):
        kind, _ = field_kind(spec)
        if value is None or value == "":
            continue
        if kind == "integer":
            value = int(value)
        elif kind == "array":
            value = [v.strip() for v in str(value).replace("，", ",").split(",") if v.strip()]
        args[name] = value
    return args


def render_result(result: CalcResult, lang: str) -> str:
    """Markdown for people: the explanation in their language, outputs, rules with quotes, warnings."""
    lines = [f"**{ui('result', lang)}:** {result.explanation.get(lang, result.explanation.get('en', ''))}"]
    if result.verdict:
        lines.append(f"\n**{ui('verdict', lang)}:** `{result.verdict}`")
    shown = {k: v for k, v in result.outputs.items() if k != "pathway"}
    lines.append(f"\n```json\n{json.dumps(shown, ensure_ascii=False, indent=1)}\n```")
    if result.rules:
        lines.append(f"\n**{ui('rules', lang)}** ({result.rule_set}):")
        for r in result.rules:
            where = " · ".join(x for x in (r.document, r.clause) if x)
            quote = f" «{r.quote}»" if r.quote else ""
            lines.append(f"- `{r.id}` = {r.value}{r.unit} ({where}){quote}")
    if result.warnings:
        lines.append(f"\n**{ui('warnings', lang)}:**")
        lines += [f"- {w.text.get(lang, w.text.get('en', ''))}" for w in result.warnings]
    if result.other_rule_set and result.other_rule_set.differs:
        lines.append(f"\n> {result.other_rule_set.note.get(lang, result.other_rule_set.note.get('en', ''))}")
    return "\n".join(lines)


def choices_for(name: str, spec: dict[str, Any]) -> list[str] | None:
    if "enum" in spec:
        return [str(v) for v in spec["enum"]]
    return CHOICES.get(name)


def label_for(name: str, spec: dict[str, Any], lang: str) -> str:
    return field_label(name, lang, str(spec.get("title", name)))
