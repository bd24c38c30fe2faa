"""Request ids, structured access logs and the request size limit."""

import json
import logging
import time
import uuid
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from assistant.api.errors import request_language
from tools.errors import LocalizedError

log = logging.getLogger("assistant.access")


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
            # the body is not read (that is the point), so ?lang= and Accept-Language choose the language
            err = LocalizedError("request_too_large", status=413, limit=limit)
            response: Response = JSONResponse(status_code=413, content=err.payload(request_language(request)))
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
