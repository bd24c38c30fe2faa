"""Typed access to ``rules.toml`` (read once at import; no I/O at call time)."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any, Literal

from tools.result import RuleRef

RuleSet = Literal["sbti-apparel-2019", "sbti-current-floor"]
RULE_SETS: tuple[RuleSet, ...] = ("sbti-apparel-2019", "sbti-current-floor")
DEFAULT_RULE_SET: RuleSet = "sbti-apparel-2019"

_DATA: dict[str, Any] = tomllib.loads(resources.files("tools").joinpath("rules.toml").read_text(encoding="utf-8"))
_ROWS: dict[tuple[str, str], dict[str, Any]] = {(r["rule_set"], r["id"]): r for r in _DATA["rule"]}


def other(rule_set: str) -> RuleSet:
    return "sbti-current-floor" if rule_set == "sbti-apparel-2019" else "sbti-apparel-2019"


def ref(rule_set: str, rule_id: str) -> RuleRef:
    """The rule row; the current floor inherits 2019 rows it does not restate."""
    row = _ROWS.get((rule_set, rule_id))
    inherited = False
    if row is None and rule_set == "sbti-current-floor":
        row = _ROWS.get(("sbti-apparel-2019", rule_id))
        inherited = True
    if row is None:
        raise KeyError(f"no rule {rule_id!r} in {rule_set!r}")
    note = row.get("note", "")
    if inherited:
        note = (note + " " if note else "") + "Not restated in the current floor: the 2019 value applies."
    return RuleRef(
        id=rule_id,
        rule_set=rule_set,
        value=row.get("value"),
        unit=row.get("unit", ""),
        document=row.get("document", ""),
        clause=row.get("clause", ""),
        quote=row.get("quote", ""),
        source=row.get("source", ""),
        note=note,
    )


def value(rule_set: str, rule_id: str) -> Any:
    return ref(rule_set, rule_id).value


def extra(rule_set: str, rule_id: str, name: str) -> Any:
    """A further field of a rule row (e.g. ``by_year``), inherited like the row itself."""
    row = _ROWS.get((rule_set, rule_id))
    if row is None and rule_set == "sbti-current-floor":
        row = _ROWS.get(("sbti-apparel-2019", rule_id))
    if row is None or name not in row:
        raise KeyError(f"no field {name!r} for rule {rule_id!r} in {rule_set!r}")
    return row[name]


def has(rule_set: str, rule_id: str) -> bool:
    return (rule_set, rule_id) in _ROWS


def rule_set_name(rule_set: str, lang: str) -> str:
    names = _DATA["rule_set_names"][rule_set]
    return str(names.get(lang, names["en"]))


def rule_set_names(rule_set: str) -> dict[str, str]:
    """The rule set's name in each language (names are part of the rules table, beside the rules)."""
    return {lang: rule_set_name(rule_set, lang) for lang in ("vi", "zh", "en")}


def cati() -> dict[str, Any]:
    return dict(_DATA["cati"])


def cati_industry_row(key: str, lang: str) -> str:
    """The industry's row in 003's weighting table of that language ("zh" or "en"), from the names and
    factors in the rules table; tests check every such row is in the document."""
    data = _DATA["cati"]
    row = data["industries"][key]
    return str(data["industry_row"][lang]).format(name=row[lang], s12=row["s12"], s3=row["s3"])


def current_rules_note() -> dict[str, Any]:
    """Which quoted passages get the "today's rules differ" note: document, rate rules, keywords."""
    return dict(_DATA["current_rules_note"])


def mcap() -> dict[str, Any]:
    return dict(_DATA["mcap"])


def mcap_advisory_ref() -> RuleRef:
    """The yearly MCAP advisory allowance (hours a year, "Cascale support")."""
    data = mcap()
    return RuleRef(
        id="mcap.advisory_hours",
        rule_set="mcap",
        value=data["advisory_hours_per_year"],
        unit="hours/year",
        document=data["document"],
        clause="Cascale support",
        quote=data["advisory_quote"],
    )


def all_rows() -> list[dict[str, Any]]:
    return list(_DATA["rule"])
