"""Advisory: manufacturers, sessions against the yearly allowance, session summaries."""

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from pydantic import BaseModel, Field

from assistant.access.keys import Principal
from assistant.api.auth import ensure_manufacturer, require, workflows_of
from assistant.api.errors import request_language
from assistant.api.ids import PathId
from assistant.workflows.advisory import manufacturer_json, session_json
from assistant.workflows.session_summary import summary_html, summary_markdown

Lang = Literal["vi", "zh", "en"]
router = APIRouter(tags=["advisory"])


class ManufacturerIn(BaseModel):
    name: str = Field(min_length=1, max_length=300)
    country: str = Field(default="", max_length=100)
    contact_lang: Lang


class SessionIn(BaseModel):
    date: date
    duration_hours: float = Field(gt=0, le=24)
    advisor: str = Field(default="", max_length=200)
    topics: list[str] = Field(default_factory=list, max_length=20)
    notes: str = Field(default="", max_length=20_000)
    questions: list[str] = Field(
        default_factory=list, max_length=20, description="Asked during the session; answered now"
    )
    confirm_over_allowance: bool = Field(default=False, description="Log it even past the yearly allowance")


class QuestionIn(BaseModel):
    question: str = Field(min_length=1, max_length=4000)


@router.post("/v1/manufacturers")
def add_manufacturer(
    body: ManufacturerIn, request: Request, _: Annotated[Principal, Depends(require("manufacturer.write"))]
) -> dict[str, Any]:
    return manufacturer_json(
        workflows_of(request).advisory.add_manufacturer(body.name, body.country, body.contact_lang)
    )


@router.get("/v1/manufacturers")
def list_manufacturers(
    request: Request, who: Annotated[Principal, Depends(require("manufacturer.read"))]
) -> list[dict[str, Any]]:
    only = who.manufacturer_id if who.role == "manufacturer" else None
    return [manufacturer_json(m) for m in workflows_of(request).advisory.manufacturers(only)]


@router.get("/v1/manufacturers/{manufacturer_id}")
def get_manufacturer(
    manufacturer_id: PathId, request: Request, who: Annotated[Principal, Depends(require("manufacturer.read"))]
) -> dict[str, Any]:
    lang = request_language(request)
    ensure_manufacturer(who, manufacturer_id, lang)
    advisory = workflows_of(request).advisory
    row = advisory.manufacturer(manufacturer_id, lang)
    year = date.today().year
    return {**manufacturer_json(row), "allowance": advisory.allowance(manufacturer_id, year).model_dump()}


@router.get("/v1/manufacturers/{manufacturer_id}/allowance")
def allowance(
    manufacturer_id: PathId,
    request: Request,
    who: Annotated[Principal, Depends(require("manufacturer.read"))],
    year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
    planned_hours: Annotated[float, Query(ge=0, le=24)] = 0,
) -> dict[str, Any]:
    """Hours used and left this year (or ``year``); with ``planned_hours``, whether a session fits."""
    lang = request_language(request)
    ensure_manufacturer(who, manufacturer_id, lang)
    advisory = workflows_of(request).advisory
    advisory.manufacturer(manufacturer_id, lang)
    return advisory.allowance(manufacturer_id, year or date.today().year, planned_hours).model_dump()


@router.get("/v1/manufacturers/{manufacturer_id}/sessions")
def list_sessions(
    manufacturer_id: PathId, request: Request, who: Annotated[Principal, Depends(require("session.read"))]
) -> list[dict[str, Any]]:
    ensure_manufacturer(who, manufacturer_id, request_language(request))
    return [session_json(s) for s in workflows_of(request).advisory.sessions(manufacturer_id)]


@router.post("/v1/manufacturers/{manufacturer_id}/sessions")
def log_session(
    manufacturer_id: PathId,
    body: SessionIn,
    request: Request,
    who: Annotated[Principal, Depends(require("session.write"))],
) -> dict[str, Any]:
    """Log a session; 409 with the figures if it would go past the allowance, unless confirmed."""
    row, after = workflows_of(request).advisory.log_session(
        manufacturer_id,
        who,
        held_on=body.date,
        duration_hours=body.duration_hours,
        advisor=body.advisor,
        topics=body.topics,
        notes=body.notes,
        questions=body.questions,
        confirm_over_allowance=body.confirm_over_allowance,
        lang=request_language(request),
    )
    return {**session_json(row), "allowance": after.model_dump()}


def _readable_session(request: Request, who: Principal, session_id: int) -> Any:
    lang = request_language(request)
    row = workflows_of(request).advisory.session(session_id, lang)
    ensure_manufacturer(who, row.manufacturer_id, lang)
    return row


@router.get("/v1/sessions/{session_id}")
def get_session(
    session_id: PathId, request: Request, who: Annotated[Principal, Depends(require("session.read"))]
) -> dict[str, Any]:
    return session_json(_readable_session(request, who, session_id))


@router.post("/v1/sessions/{session_id}/questions")
def ask_in_session(
    session_id: PathId, body: QuestionIn, request: Request, _: Annotated[Principal, Depends(require("session.write"))]
) -> dict[str, Any]:
    """Ask during a session: answered in the manufacturer's language and kept in the session record."""
    workflows_of(request).advisory.ask_in_session(session_id, body.question, request_language(request))
    return session_json(workflows_of(request).advisory.session(session_id))


@router.get("/v1/sessions/{session_id}/summary", response_model=None)
def session_summary(
    session_id: PathId,
    request: Request,
    who: Annotated[Principal, Depends(require("session.read"))],
    format: Literal["md", "html"] = "md",
) -> PlainTextResponse | HTMLResponse:
    """The session summary in the manufacturer's language, with every answer's sources."""
    row = _readable_session(request, who, session_id)
    allowance = workflows_of(request).advisory.allowance(row.manufacturer_id, row.held_on.year)
    if format == "html":
        return HTMLResponse(summary_html(row, allowance))
    return PlainTextResponse(summary_markdown(row, allowance), media_type="text/markdown; charset=utf-8")
