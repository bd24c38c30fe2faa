"""FastAPI application: the HTTP interface of the contract.

No `from __future__ import annotations` here: FastAPI reads the route annotations at runtime.
"""

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from assistant.answer.conversations import DatabaseConversations
from assistant.answer.service import AnswerService
from assistant.api import (
    admin_routes,
    advisory_routes,
    document_routes,
    errors,
    feedback_routes,
    helpdesk_routes,
    middleware,
)
from assistant.api.auth import install_chat_gate
from assistant.api.chat_completions import ChatRequest, completion, split_conversation, stream_chunks
from assistant.api.memory import cap_malloc_arenas
from assistant.config import Settings, get_settings
from assistant.retrieval.retriever import HybridRetriever
from assistant.workflows.registry import Workflows, open_workflows
from tools.errors import LocalizedError
from tools.registry import CALCULATORS
from tools.schema import CalculatorSpec, calculator_specs


class AskRequest(BaseModel):
    question: str = Field(max_length=100_000)
    lang: Literal["vi", "zh", "en"] | None = None
    session_id: str | None = Field(default=None, max_length=128, description="Keeps follow-up questions in context")
    explain: bool = Field(default=False, description="Add each answer stage's decision and scores (trace)")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    cap_malloc_arenas(settings.malloc_arenas)
    app = FastAPI(
        title="Climate target assistant",
        description="Science-based climate targets for apparel and footwear manufacturers (vi / zh / en).",
        version="0.1.0",
    )
    retriever = HybridRetriever(settings)
    service = AnswerService(settings, retriever)
    app.state.retriever = retriever
    app.state.service = service
    app.state.settings = settings
    app.state.workflows = open_workflows(service)
    if isinstance(app.state.workflows, Workflows):
        # follow-up questions keep their context in every worker: turns live in the workflow database
        service.conversations = DatabaseConversations(
            app.state.workflows.db, settings.conversation_ttl_s, settings.conversation_turns
        )
    install_chat_gate(app, settings)
    middleware.install(app, settings.max_request_bytes, settings.max_upload_bytes)
    origins = [o.strip() for o in settings.cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"], allow_headers=["*"])
    errors.install(app)

    @app.post("/v1/ask")
    def ask(body: AskRequest) -> dict[str, Any]:
        return service.ask(
            body.question, lang=body.lang, session_id=body.session_id, explain=body.explain
        ).contract_json()

    @app.post("/v1/chat/completions", response_model=None)
    def chat_completions(body: ChatRequest) -> dict[str, Any] | StreamingResponse:
        lang = body.lang or "en"
        question, history = split_conversation(body.messages, lang)
        answer = service.ask(question, lang=body.lang, history=history)
        model = body.model or "climate-target-assistant"
        if body.stream:
            return StreamingResponse(stream_chunks(answer, model), media_type="text/event-stream")
        return completion(answer, model)

    @app.get("/v1/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": "climate-target-assistant", "object": "model", "owned_by": "local"}]}

    for spec in calculator_specs().values():
        _add_tool_route(app, spec)

    @app.post("/v1/tools/{name}", include_in_schema=False)
    def unknown_tool(name: str) -> None:
        """Known calculators have their own typed routes above; only unknown names reach this one."""
        raise LocalizedError("unknown_calculator", status=404, name=name, known=", ".join(CALCULATORS))

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz() -> JSONResponse:
        ok = retriever.ready()
        return JSONResponse(status_code=200 if ok else 503, content={"ready": ok})

    @app.get("/v1/retrieve")
    def retrieve(
        q: Annotated[str, Query(min_length=1, max_length=settings.max_question_chars)],
        k: Annotated[int, Query(ge=1, le=50)] = 5,
    ) -> list[dict[str, Any]]:
        return [p.contract_json() for p in retriever.retrieve(q, k=k)]

    for router in (
        helpdesk_routes.router,
        advisory_routes.router,
        feedback_routes.router,
        admin_routes.router,
        document_routes.router,
    ):
        app.include_router(router)

    if settings.ui_enabled:
        from assistant.ui.app import mount_ui

        mount_ui(app, service)
    return app


def _add_tool_route(app: FastAPI, spec: CalculatorSpec) -> None:
    """``POST /v1/tools/<name>`` with the calculator's own argument model as the body: the OpenAPI
    schema is the typed function's, and bad input is a 422 before the calculator runs."""
    func: Callable[..., Any] = spec.function
    schema: type[BaseModel] = spec.arguments

    def endpoint(body: schema) -> dict[str, Any]:  # type: ignore[valid-type]
        return dict(func(**body.model_dump(exclude_unset=True)).model_dump())  # type: ignore[attr-defined]

    app.post(
        f"/v1/tools/{spec.name}",
        name=f"tool_{spec.name}",
        summary=spec.description.split(".")[0],
        tags=["calculators"],
    )(endpoint)
