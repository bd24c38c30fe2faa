"""Request ids, structured access logs and the request size limit."""

import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from assistant.answer.templates import t

log = logging.getLogger("assistant.access")


def request_language(request: Request) -> str:
    """The language to write errors in: ``?lang=``, then Accept-Language, else English."""
    lang = request.query_params.get("lang") or request.headers.get("accept-language", "")[:2].lower()
    return lang if lang in ("vi", "zh", "en") else "en"


UPLOAD_PATHS = ("/v1/documents",)


def install(app: FastAPI, max_request_bytes: int, max_upload_bytes: int | None = None) -> None:
    @app.middleware("http")
    async def request_context(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        rid = request.headers.get("x-request-id") or uuid.uuid4().hex[:16]
        started = time.perf_counter()
        length = request.headers.get("content-length")
        limit = max_request_bytes
        if max_upload_bytes is not None and request.url.path in UPLOAD_PATHS:
            limit = max_upload_bytes + 64_000  # room for the multipart envelope
        if length and length.isdigit() and int(length) > limit:
            lang = request_language(request)
            response: Response = JSONResponse(
                status_code=413,
                content={
                    "error": "request_too_large",
                    "message": t("request_too_large", lang, limit=limit),
                },
            )
        else:
            response = await call_next(request)
        response.headers["x-request-id"] = rid
        log.info(
            json.dumps(
                {
                    "request_id": rid,
                    "method": request.method,
                    "path": request.url.path,
                    "status": response.status_code,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                }
            )
        )
        return response
