"""Helpdesk: draft a reply to a manufacturer's message, edit it, approve it, find approved answers."""

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from assistant.access.keys import Principal
from assistant.api.auth import require, workflows_of
from assistant.api.errors import request_language
from assistant.api.ids import BodyId, PathId
from assistant.storage.models import DraftReply
from assistant.workflows.helpdesk import MAX_MESSAGE_CHARS

Lang = Literal["vi", "zh", "en"]
router = APIRouter(tags=["helpdesk"])


class DraftRequest(BaseModel):
    message: str = Field(max_length=MAX_MESSAGE_CHARS, description="The manufacturer's message, as received")
    staff_lang: Lang = Field(default="en", description="Language of the internal note")
    lang: Lang | None = Field(default=None, description="Language of the reply; detected from the message if unset")
    manufacturer_id: BodyId | None = None


class DraftEdit(BaseModel):
    reply: str | None = Field(default=None, max_length=50_000)
    internal_note: str | None = Field(default=None, max_length=50_000)


class Approval(BaseModel):
    reply: str | None = Field(default=None, max_length=50_000, description="Final text, if edited at approval")


def draft_json(row: DraftReply) -> dict[str, Any]:
    return {
        "id": row.id,
        "status": row.status,
        "language": row.language,
        "staff_lang": row.staff_lang,
        "manufacturer_id": row.manufacturer_id,
        "message": row.message,
        "questions": row.questions,
        "reply": row.reply,
        "internal_note": row.internal_note,
        "needs_human": row.needs_human,
        "citations": row.citations,
        "tool_calls": row.tool_calls,
        "reused_from": row.reused_from,
        "created_by": row.created_by,
        "approved_by": row.approved_by,
        "approved_at": row.approved_at.isoformat() if row.approved_at else None,
    }


@router.post("/v1/draft-reply")
def draft_reply(
    body: DraftRequest, request: Request, who: Annotated[Principal, Depends(require("draft.write"))]
) -> dict[str, Any]:
    row, match = workflows_of(request).helpdesk.draft(
        body.message, who, staff_lang=body.staff_lang, lang=body.lang, manufacturer_id=body.manufacturer_id
    )
    answers = getattr(row, "answers", None)
    return {**draft_json(row), "approved_match": match.as_json() if match else None, "answers": answers}


@router.get("/v1/drafts")
def list_drafts(
    request: Request,
    _: Annotated[Principal, Depends(require("draft.read"))],
    status: Literal["draft", "approved"] | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[dict[str, Any]]:
    return [draft_json(r) for r in workflows_of(request).helpdesk.list_drafts(status, limit)]


@router.get("/v1/drafts/{draft_id}")
def get_draft(
    draft_id: PathId, request: Request, _: Annotated[Principal, Depends(require("draft.read"))]
) -> dict[str, Any]:
    return draft_json(workflows_of(request).helpdesk.get(draft_id, request_language(request)))


@router.put("/v1/drafts/{draft_id}")
def edit_draft(
    draft_id: PathId, body: DraftEdit, request: Request, _: Annotated[Principal, Depends(require("draft.write"))]
) -> dict[str, Any]:
    row = workflows_of(request).helpdesk.edit(draft_id, body.reply, body.internal_note, request_language(request))
    return draft_json(row)


@router.post("/v1/drafts/{draft_id}/approve")
def approve_draft(
    draft_id: PathId, body: Approval, request: Request, who: Annotated[Principal, Depends(require("draft.write"))]
) -> dict[str, Any]:
    return draft_json(workflows_of(request).helpdesk.approve(draft_id, who, body.reply, request_language(request)))


@router.get("/v1/approved-answers")
def approved_answers(
    request: Request,
    _: Annotated[Principal, Depends(require("draft.read"))],
    q: Annotated[str, Query(min_length=1, max_length=4000)],
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> list[dict[str, Any]]:
    """Approved replies closest to a question, in whatever language they were approved in."""
    return [m.as_json() for m in workflows_of(request).helpdesk.search_text(q, limit)]
