"""What each answer stage decided, and with which scores, so a wrong answer can be diagnosed from its
JSON alone (``assistant ask --json --explain``; the eval report's per-question rows)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

Score = float | int | str | bool | None


class StageTrace(BaseModel):
    stage: str
    decision: str
    scores: dict[str, Score] = Field(default_factory=dict)
    detail: dict[str, Any] = Field(default_factory=dict)


class Trace:
    """Collects the stages of one answer, in the order they ran."""

    def __init__(self) -> None:
        self.stages: list[StageTrace] = []

    def add(self, stage: str, decision: str, detail: dict[str, Any] | None = None, **scores: Score) -> None:
        rounded = {k: round(v, 4) if isinstance(v, float) else v for k, v in scores.items()}
        self.stages.append(StageTrace(stage=stage, decision=decision, scores=rounded, detail=detail or {}))
