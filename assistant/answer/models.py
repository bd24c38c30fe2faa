"""The answer object of the contract (``ask --json``, ``POST /v1/ask``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Citation(BaseModel):
    id: int
    doc: str
    title: str
    locator: str
    quote: str
    chunk_id: str | None = None
    language: str | None = None


class ToolCall(BaseModel):
    name: str
    arguments: dict[str, Any]
    result: dict[str, Any]


class Grounding(BaseModel):
    passed: bool
    numbers: list[str] = Field(default_factory=list)
    unsupported: list[str] = Field(default_factory=list)
    repaired: bool = False


class Answer(BaseModel):
    question: str
    language: str
    answer: str
    refused: bool
    citations: list[Citation] = Field(default_factory=list)
    tool_calls: list[ToolCall] = Field(default_factory=list)
    mode: str = "no-llm"
    timings_ms: dict[str, float] = Field(default_factory=dict)
    grounding: Grounding | None = None
    notes: list[str] = Field(default_factory=list)
