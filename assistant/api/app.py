"""FastAPI application: the HTTP interface of the contract.

No `from __future__ import annotations` here: FastAPI reads the route annotations at runtime.
"""

from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse

from assistant.config import Settings, get_settings
from assistant.index.vector_store import IndexUnavailableError
from assistant.retrieval.retriever import HybridRetriever
from assistant.text.language import detect_language


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="Climate target assistant",
        description="Science-based climate targets for apparel and footwear manufacturers (vi / zh / en).",
        version="0.1.0",
    )
    retriever = HybridRetriever(settings)
    app.state.retriever = retriever

    @app.exception_handler(IndexUnavailableError)
    async def _index_unavailable(request: Request, exc: IndexUnavailableError) -> JSONResponse:
        lang = request.query_params.get("lang") or detect_language(request.query_params.get("q", ""))
        return JSONResponse(
            status_code=503,
            content={"error": "index_unavailable", "message": exc.messages.get(lang, exc.messages["en"])},
        )

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
