"""FastAPI application: the HTTP interface of the contract.

No `from __future__ import annotations` here: FastAPI reads the route annotations at runtime.
"""

from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from assistant.answer.errors import QuestionError
from assistant.answer.service import AnswerService
from assistant.config import Settings, get_settings
from assistant.index.vector_store import IndexUnavailableError
from assistant.retrieval.retriever import HybridRetriever
from assistant.text.language import detect_language
from tools.errors import CalculatorInputError
from tools.registry import CALCULATORS, UnknownCalculatorError, get_calculator


class AskRequest(BaseModel):
    question: str = Field(max_length=100_000)
    lang: Literal["vi", "zh", "en"] | None = None
    session_id: str | None = Field(default=None, max_length=128, description="Keeps follow-up questions in context")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="Climate target assistant",
        description="Science-based climate targets for apparel and footwear manufacturers (vi / zh / en).",
        version="0.1.0",
    )
    retriever = HybridRetriever(settings)
    service = AnswerService(settings, retriever)
    app.state.retriever = retriever
    app.state.service = service

    def request_lang(request: Request) -> str:
        lang = request.query_params.get("lang") or request.headers.get("accept-language", "")[:2]
        return lang if lang in ("vi", "zh", "en") else "en"

    @app.exception_handler(IndexUnavailableError)
    async def _index_unavailable(request: Request, exc: IndexUnavailableError) -> JSONResponse:
        lang = request.query_params.get("lang") or detect_language(request.query_params.get("q", ""))
        return JSONResponse(
            status_code=503,
            content={"error": "index_unavailable", "message": exc.messages.get(lang, exc.messages["en"])},
        )

    @app.exception_handler(QuestionError)
    async def _bad_question(request: Request, exc: QuestionError) -> JSONResponse:
        return JSONResponse(
            status_code=422, content={"error": exc.code, "message": exc.message(), "messages": exc.messages}
        )

    @app.exception_handler(CalculatorInputError)
    async def _bad_calc_input(request: Request, exc: CalculatorInputError) -> JSONResponse:
        return JSONResponse(
            status_code=422,
            content={
                "error": exc.code,
                "field": exc.field,
                "message": exc.message(request_lang(request)),
                "messages": exc.messages,
            },
        )

    @app.post("/v1/ask")
    def ask(body: AskRequest) -> dict[str, Any]:
        return service.ask(body.question, lang=body.lang, session_id=body.session_id).model_dump()

    @app.post("/v1/tools/{name}")
    def run_tool(name: str, request: Request, arguments: Annotated[dict[str, Any], Body()]) -> JSONResponse:
        try:
            func = get_calculator(name)
        except UnknownCalculatorError:
            return JSONResponse(status_code=404, content={"error": "unknown_calculator", "known": list(CALCULATORS)})
        try:
            result = func(**arguments)
        except TypeError as exc:
            return JSONResponse(status_code=422, content={"error": "bad_arguments", "message": str(exc)})
        return JSONResponse(content=result.model_dump())

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

    return app
