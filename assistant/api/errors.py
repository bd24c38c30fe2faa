"""One exception handler for every error a user sees, in the asker's language.

The language, in the order the README documents: ``?lang=``, the ``Accept-Language`` header, the body's
``lang`` field, the language of the question in the request (``?q=``, the body's ``question`` or
``message``, or the last chat message), then the language the error was raised with. A route has usually read
the body already; Starlette caches it, so reading it here costs nothing.
"""

import json
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.text.language import detect_language
from tools.errors import LocalizedError
from tools.i18n import LANGS, Lang, as_lang


def header_language(request: Request) -> Lang | None:
    """The first supported language of ``Accept-Language`` (``vi-VN,vi;q=0.9,en;q=0.8`` → vi)."""
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";", 1)[0].strip()
        if code and as_lang(code, "xx") in LANGS:  # type: ignore[arg-type]
            return as_lang(code)
    return None


def request_language(request: Request) -> Lang:
    """What a route can know before reading the body: ``?lang=``, then Accept-Language, else English."""
    return as_lang(request.query_params.get("lang"), header_language(request) or "en")


async def _body(request: Request) -> dict[str, Any]:
    if request.method not in ("POST", "PUT", "PATCH"):
        return {}
    try:
        data = json.loads(await request.body() or b"null")
    except (ValueError, RuntimeError):
        return {}
    return data if isinstance(data, dict) else {}


async def asker_language(request: Request, fallback: str | None = None) -> Lang:
    query = request.query_params.get("lang")
    if query and as_lang(query, "xx") in LANGS:  # type: ignore[arg-type]
        return as_lang(query)
    if header := header_language(request):
        return header
    body = await _body(request)
    if isinstance(body.get("lang"), str) and as_lang(body["lang"], "xx") in LANGS:  # type: ignore[arg-type]
        return as_lang(body["lang"])
    chat = body.get("messages")
    last = chat[-1] if isinstance(chat, list) and chat and isinstance(chat[-1], dict) else {}
    for text in (request.query_params.get("q"), body.get("question"), body.get("message"), last.get("content")):
        if isinstance(text, str) and text.strip():
            return detect_language(text)
    return as_lang(fallback)


# The router's own errors (no such path, a method the path does not take), by their Starlette detail.
_ROUTER_ERRORS = {(404, "Not Found"): "route_not_found", (405, "Method Not Allowed"): "method_not_allowed"}


def error_response(
    exc: LocalizedError, lang: Lang, headers: Mapping[str, str] | None = None, **extra: Any
) -> JSONResponse:
    return JSONResponse(status_code=exc.status, content={**exc.payload(lang), **extra}, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(LocalizedError)
    async def _localized(request: Request, exc: LocalizedError) -> JSONResponse:
        extra = {"field": exc.field} if hasattr(exc, "field") else {}
        return error_response(exc, await asker_language(request, exc.lang), **extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        detail = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg', '')}" for e in errors[:5])
        err = LocalizedError("invalid_request", status=422, detail=detail)
        shown = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]
        return error_response(err, await asker_language(request), detail=json.loads(json.dumps(shown, default=str)))

    @app.exception_handler(StarletteHTTPException)
    async def _router(request: Request, exc: StarletteHTTPException) -> Response:
        code = _ROUTER_ERRORS.get((exc.status_code, str(exc.detail)))
        if code is None:  # an HTTPException a route raised with its own detail
            return await http_exception_handler(request, exc)
        err = LocalizedError(code, status=exc.status_code, path=request.url.path, method=request.method)
        return error_response(err, await asker_language(request), headers=exc.headers)

    @app.exception_handler(ValidationError)
    async def _bad_value(request: Request, exc: ValidationError) -> JSONResponse:
        # pydantic errors raised inside a calculator's own models land here, not in the route's validation
        err = LocalizedError("invalid_request", status=422, detail=str(exc).splitlines()[0][:300])
        return error_response(err, await asker_language(request))
