"""Feedback on answers, and its export as eval question-file items (JSON Lines)."""

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from assistant.access.keys import Principal
from assistant.api.auth import chat_allowed, require, workflows_of
from assistant.api.errors import request_language
from assistant.workflows.feedback import as_question_item
from tools.errors import LocalizedError

router = APIRouter(tags=["feedback"])


class FeedbackIn(BaseModel):
    question: str = Field(min_length=1, max_length=4000)
    answer: str = Field(default="", max_length=50_000)
    lang: Literal["vi", "zh", "en"]
    rating: Literal["up", "down"]
    correction: str | None = Field(default=None, max_length=20_000)
    refused: bool = False
    citations: list[dict[str, Any]] = Field(default_factory=list, max_length=50)
    tool_calls: list[dict[str, Any]] = Field(default_factory=list, max_length=20)


@router.post("/v1/feedback")
def give_feedback(body: FeedbackIn, request: Request) -> dict[str, Any]:
    """Open like the chat (behind ASSISTANT_CHAT_KEY when that is set)."""
    if not chat_allowed(request):
        raise LocalizedError("auth_required", lang=request_language(request), status=401)
    row = workflows_of(request).feedback.add(
        body.question,
        body.answer,
        body.lang,
        body.rating,
        correction=body.correction,
        refused=body.refused,
        citations=body.citations,
        tool_calls=body.tool_calls,
    )
    return {"id": row.id, "stored": True}


@router.get("/v1/feedback")
def list_feedback(
    request: Request,
    _: Annotated[Principal, Depends(require("feedback.read"))],
    rating: Literal["up", "down"] | None = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> list[dict[str, Any]]:
    rows = workflows_of(request).feedback.list_feedback(rating, limit)
    return [
        {
            "id": r.id,
            "question": r.question,
            "answer": r.answer,
            "lang": r.language,
            "rating": r.rating,
            "correction": r.correction,
            "channel": r.channel,
            "created_at": r.created_at.isoformat(),
        }
        for r in rows
    ]


@router.get("/v1/feedback/export", response_class=PlainTextResponse)
def export_feedback(
    request: Request,
    _: Annotated[Principal, Depends(require("feedback.read"))],
    rating: Literal["up", "down"] | None = None,
) -> PlainTextResponse:
    """Question-file items (the eval's JSON Lines format), marked ``needs_review``."""
    rows = workflows_of(request).feedback.list_feedback(rating, 100_000)
    lines = "".join(json.dumps(as_question_item(r), ensure_ascii=False) + "\n" for r in rows)
    return PlainTextResponse(lines, media_type="application/x-ndjson; charset=utf-8")
