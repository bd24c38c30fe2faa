"""A form per calculator, generated from its typed signature (the same schema as the API and the
LLM tools), and the rendering of a result in the reader's language: verdict badge, explanation, rules
with their sources, warnings, and the raw result folded away."""

from __future__ import annotations

import html
import json
from typing import Any

from assistant.messages import lang_name
from assistant.text.language import detect_language
from assistant.ui.doc_titles import DocumentTitles
from assistant.ui.labels import (
    CHOICES,
    choice_label,
    clause_text,
    field_label,
    ui,
    unit_text,
    verdict_tone,
    verdict_word,
)
from tools.errors import LocalizedError
from tools.i18n import LANGS, fmt
from tools.result import CalcResult, RuleRef
from tools.rules import rule_set_name
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
    "governance_percent": 80,
    "measurement_disclosure_percent": 60,
    "targets_setting_percent": 50,
    "performance_percent": 25,
    "climate_action_percent": 30,
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
    """Form values → keyword arguments (empty optional fields left out, numbers typed as text read with
    either decimal mark, lists split on commas)."""
    args: dict[str, Any] = {}
    for (name, spec), value in zip(schema["properties"].items(), values, strict=True):
        kind, _ = field_kind(spec)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if kind in ("integer", "number"):
            value = _number(name, spec, value, kind)
        elif kind == "array":
            value = [v.strip() for v in str(value).replace("，", ",").split(",") if v.strip()]
        args[name] = value
    return args


def _number(name: str, spec: dict[str, Any], value: Any, kind: str) -> int | float:
    try:
        number = float(str(value).strip().replace(" ", "").replace(",", "."))
    except ValueError:
        labels = {lang: label_for(name, spec, lang) for lang in LANGS}
        raise LocalizedError("not_a_number", key="ui.not_a_number", status=422, field=labels, value=value) from None
    return int(number) if kind == "integer" else number


def verdict_badge(code: str, lang: str) -> str:
    """The verdict as a word on a coloured badge (the word carries the meaning; colour only repeats it)."""
    return f'<span class="verdict-badge verdict-{verdict_tone(code)}">{html.escape(verdict_word(code, lang))}</span>'


def rule_line(rule: RuleRef, lang: str, titles: DocumentTitles | None = None, cited: int | None = None) -> str:
    """One rule as people read it: value and unit, the document's short title and clause, the quote
    (or the number of the source that quotes it)."""
    value = rule_value(rule.value, lang)
    where: list[str] = []
    if rule.document:
        short = titles.short(rule.document, lang) if titles else rule.document
        original = titles.original(rule.document) if titles else rule.document
        where.append(
            f'<span title="{html.escape(original)} ({html.escape(rule.document)})">{html.escape(short)}</span>'
        )
    else:
        where.append(html.escape(_rule_set(rule.rule_set, lang)))
    if rule.clause:
        where.append(html.escape(clause_text(rule.clause, lang)))
    if cited is not None:
        quote = f" ({ui('rule_quoted_as', lang, n=cited)})"
    elif rule.quote:
        quote_lang = detect_language(rule.quote)
        quote = f' «<span lang="{quote_lang}">{html.escape(rule.quote)}</span>»'
        if quote_lang != lang:
            quote = f" · {html.escape(ui('source_original', lang, language=lang_name(quote_lang, lang)))}:{quote}"
    else:
        quote = ""
    return f"- **{value}{html.escape(unit_text(rule.unit, lang))}** · {' · '.join(w for w in where if w)}{quote}"


def rule_value(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return fmt(value, lang)
    if isinstance(value, str):
        return choice_label("ambition", value, lang)  # a minimum ambition ("wb2c"); other words as written
    if isinstance(value, list) and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        return " / ".join(fmt(v, lang) for v in value)  # CATI weights 10 / 17 / 14 / 17 / 42
    return html.escape(json.dumps(value, ensure_ascii=False))


def _rule_set(rule_set: str, lang: str) -> str:
    """The rule set's name in ``lang``; empty for one the rule table does not name (CATI, MCAP)."""
    try:
        return rule_set_name(rule_set, lang)
    except KeyError:
        return ""


def render_result(result: CalcResult, lang: str, titles: DocumentTitles | None = None) -> str:
    """Markdown for people: verdict badge, the explanation in their language, rules with their sources,
    warnings; the raw result behind a "details" fold."""
    lines: list[str] = []
    if result.verdict:
        lines.append(f"**{ui('verdict', lang)}:** {verdict_badge(result.verdict, lang)}\n")
    lines.append(f"**{ui('result', lang)}:** {result.explanation.get(lang, result.explanation.get('en', ''))}")
    if result.rules:
        named = _rule_set(result.rule_set, lang)
        lines.append(f"\n**{ui('rules', lang)}**" + (f" · {html.escape(named)}" if named else "") + "\n")
        lines += [rule_line(r, lang, titles) for r in result.rules]
    if result.warnings:
        lines.append(f"\n**{ui('warnings', lang)}:**\n")
        lines += [f"- {w.text.get(lang, w.text.get('en', ''))}" for w in result.warnings]
    if result.other_rule_set and result.other_rule_set.differs:
        lines.append(f"\n> {result.other_rule_set.note.get(lang, result.other_rule_set.note.get('en', ''))}")
    raw = result.model_dump(exclude={"explanation"})
    raw["outputs"].pop("pathway", None)  # the chart's table shows it
    lines.append(raw_details(raw, lang))
    return "\n".join(lines)


def raw_details(data: object, lang: str) -> str:
    """Raw JSON folded away under a "details" summary, for people who want every field."""
    body = html.escape(json.dumps(data, ensure_ascii=False, indent=1, default=str))
    return f'\n<details class="raw-details"><summary>{ui("details", lang)}</summary><pre><code>{body}</code></pre></details>\n'


def choices_for(name: str, spec: dict[str, Any]) -> list[str] | None:
    if "enum" in spec:
        return [str(v) for v in spec["enum"]]
    return CHOICES.get(name)


def choice_pairs(name: str, spec: dict[str, Any], lang: str) -> list[tuple[str, str]] | None:
    """Dropdown choices as (label in ``lang``, value)."""
    values = choices_for(name, spec)
    return None if values is None else [(choice_label(name, v, lang), v) for v in values]


def label_for(name: str, spec: dict[str, Any], lang: str) -> str:
    return field_label(name, lang, str(spec.get("title", name)))
