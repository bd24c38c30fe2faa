"""What every calculator returns: inputs, outputs, verdict, the rules applied with their sources,
warnings and a short explanation in three languages."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

Number = float | int


class RuleRef(BaseModel):
    id: str
    rule_set: str
    value: Any = None
    unit: str = ""
    document: str = ""
    clause: str = ""
    quote: str = ""
    source: str = ""
    note: str = ""


class Message(BaseModel):
    code: str
    text: dict[str, str]


class OtherRuleSet(BaseModel):
    rule_set: str
    verdict: str | None
    differs: bool
    note: dict[str, str] = Field(default_factory=dict)


class CalcResult(BaseModel):
    calculator: str
    rule_set: str
    inputs: dict[str, Any]
    outputs: dict[str, Any]
    verdict: str | None = None
    rules: list[RuleRef] = Field(default_factory=list)
    warnings: list[Message] = Field(default_factory=list)
    explanation: dict[str, str] = Field(default_factory=dict)
    other_rule_set: OtherRuleSet | None = None
