"""The answer object of the contract (``ask --json``, ``POST /v1/ask``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from assistant.answer.trace import StageTrace


class Citation(BaseModel):
    id: int
    doc: str
    title: str
    locator: str
    quote: str
    chunk_id: str | None = None
    language: str | None = None
    # the quote in the reader's language, from the project's translations (the quote stays the original)
    translation: str | None = None
    translation_lang: str | None = None


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
    # a question back for a missing or unclear input (never a guess); the answer text asks it
    clarify: bool = False
    # a criteria check's yes / no, stated first in the answer
    verdict: str | None = None
    # the parts of a several-part question the documents do not state (the others are answered)
    not_stated: list[str] = Field(default_factory=list)
    # each stage's decision and scores, with --explain (``explain=True``)
    trace: list[StageTrace] | None = None

    def contract_json(self) -> dict[str, Any]:
        """The ``ask --json`` object: the contract's fields, extensions, and the trace only when asked for."""
        data = self.model_dump(exclude={"trace"} if self.trace is None else set())
        for c in data["citations"]:
            if c.get("translation") is None:
                c.pop("translation", None)
                c.pop("translation_lang", None)
        return data
