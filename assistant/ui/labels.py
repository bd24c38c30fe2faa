"""The web UI's words, read from the message catalog (``assistant/messages/ui.toml``): labels, verdict
words and their tone, calculator descriptions, units and clause words of the rule table, choices."""

from __future__ import annotations

import re
from typing import Literal

from assistant.messages import LANGS, catalog, t
from tools import rules
from tools.errors import LocalizedError
from tools.i18n import ambition_name
from tools.validation import ambition as normal_ambition

# Each language named in itself, for the interface-language switch.
LANG_CHOICES: list[tuple[str, str]] = [(t(f"answer.language.{lang}", lang), lang) for lang in LANGS]
EXAMPLE_COUNT = 6

# Choices for string arguments the typed functions accept as free text (aliases are normalised there).
CHOICES: dict[str, list[str]] = {
    "ambition": ["1.5C", "WB2C", "2C"],
    "scope": ["s1+s2", "s3"],
    "industry": sorted(rules.cati()["industries"]),
}

Tone = Literal["good", "bad", "info"]
# How a verdict reads to the person who asked: a badge colour (words come from ``ui.verdict_word.*``).
VERDICT_TONE: dict[str, Tone] = {
    "meets": "good",
    "meets_minimum": "good",
    "valid": "good",
    "complete": "good",
    "within_allowance": "good",
    "does_not_meet": "bad",
    "below_minimum": "bad",
    "not_valid": "bad",
    "incomplete": "bad",
    "exceeds_allowance": "bad",
    "required": "info",
    "not_required": "info",
}

# The rule table's units and clause words (English, as the table is written) → catalog keys.
UNIT_KEYS: dict[str, str] = {
    "%/yr, linear": "pct_per_year_linear",
    "%/yr, compound (year on year)": "pct_per_year_compound",
    "% of scope 3 (two thirds)": "pct_of_scope3_two_thirds",
    "% of scopes 1+2": "pct_of_scopes12",
    "% of scopes 1+2+3": "pct_of_scopes123",
    "% renewable electricity by 2025": "pct_re_2025",
    "% renewable electricity by 2030": "pct_re_2030",
    "earliest base year": "earliest_base_year",
    "years before the submission year": "years_before_submission",
    "years earlier for a first-half submission": "years_earlier_first_half",
    "years from submission": "years_from_submission",
    "base years from this year on: the official tool counted pathway years from it": "official_tool_from_year",
    "% weight per dimension": "pct_weight_per_dimension",
    "dimensions weighted by the industry factor": "dimensions_weighted_by_industry",
    "% scope 1+2 : % upstream scope 3": "pct_s12_to_upstream_s3",
    "points": "points",
    "hours/year": "hours_per_year",
}
CLAUSE_WORDS: dict[str, str] = {
    "CATI 2.0 indicator table": "cati_indicator_table",
    "评分权重说明": "cati_weighting",
    "Executive summary": "executive_summary",
    "Endnote": "endnote",
    "Table": "table",
}
_CLAUSE_RE = re.compile("|".join(re.escape(w) for w in CLAUSE_WORDS))
_PAGES_RE = re.compile(r"\bpp\. ?(\d+)\s*[–-]\s*(\d+)")
_PAGE_RE = re.compile(r"\bp\. ?(\d+)")
_LINE_RE = re.compile(r"^line (\d+)$")


def ui(key: str, lang: str, **values: object) -> str:
    return t(f"ui.{key}", lang, **values)


def field_label(name: str, lang: str, fallback: str) -> str:
    key = f"ui.field.{name}"
    return t(key, lang) if catalog().has(key) else fallback


def calculator_name(name: str, lang: str) -> str:
    return t(f"ui.calculator.{name}", lang)


def calculator_description(name: str, lang: str) -> str:
    key = f"ui.description.{name}"
    return t(key, lang) if catalog().has(key) else ""


def verdict_word(code: str, lang: str) -> str:
    key = f"ui.verdict_word.{code}"
    return t(key, lang) if catalog().has(key) else code


def verdict_tone(code: str) -> Tone:
    return VERDICT_TONE.get(code, "info")


def unit_text(unit: str, lang: str) -> str:
    """A rule's unit in ``lang`` (the rule table writes them in English); unknown units as written."""
    key = UNIT_KEYS.get(unit.strip())
    if key is None:
        return unit
    return t(f"ui.unit.{key}", lang)


def clause_text(clause: str, lang: str) -> str:
    """A rule's clause ("Executive summary; Table 4") with its words in ``lang``; ids (C16, §3.2) kept."""
    return _CLAUSE_RE.sub(lambda m: t(f"ui.clause.{CLAUSE_WORDS[m.group(0)]}", lang), clause)


def locator_text(locator: str, lang: str) -> str:
    """Where in a document ("p. 24, C16", "pp. 3–4", "line 12") with its words in ``lang``."""
    text = _PAGES_RE.sub(lambda m: t("ui.pages", lang, a=m.group(1), b=m.group(2)), locator)
    text = _PAGE_RE.sub(lambda m: t("ui.page", lang, n=m.group(1)), text)
    text = _LINE_RE.sub(lambda m: t("ui.line", lang, n=m.group(1)), text)
    return clause_text(text, lang)


def choice_label(field: str, value: str, lang: str) -> str:
    """How a choice reads in ``lang`` (ambition, scope, rule set, coverage basis, industry)."""
    if field == "ambition":
        try:
            return ambition_name(normal_ambition(value), lang)
        except LocalizedError:
            return value
    if field == "rule_set":
        try:
            return rules.rule_set_name(value, lang)
        except KeyError:
            return value
    for key in (f"calc.scope.{value}", f"calc.coverage_basis.{value}", f"ui.industry.{value}"):
        if field in key and catalog().has(key):
            return t(key, lang)
    return value


def examples(lang: str) -> list[str]:
    return [t(f"ui.example.{i}", lang) for i in range(1, EXAMPLE_COUNT + 1)]
