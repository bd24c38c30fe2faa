"""Who is calling (API key from ``Authorization: Bearer`` or ``X-API-Key``) and what they may do."""

import hmac
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from assistant.access.keys import Principal, identify
from assistant.access.roles import Permission, allows
from assistant.api.errors import asker_language, request_language
from assistant.config import Settings
from assistant.storage.database import DatabaseUnavailableError
from assistant.workflows.registry import Workflows, WorkflowsUnavailable
from tools.errors import LocalizedError

# Manufacturer-facing routes: open unless ASSISTANT_CHAT_KEY is set.
CHAT_PATHS = ("/v1/ask", "/v1/chat/completions", "/v1/models", "/v1/retrieve", "/v1/tools/")


def presented_key(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-api-key", "").strip()


def workflows_of(request: Request) -> Workflows:
    wf = request.app.state.workflows
    if isinstance(wf, WorkflowsUnavailable):
        raise wf.error()
    return wf


def principal(request: Request) -> Principal | None:
    settings: Settings = request.app.state.settings
    key = presented_key(request)
    if not key:
        return None
    admin = settings.admin_key.get_secret_value() if settings.admin_key else None
    wf = request.app.state.workflows
    if isinstance(wf, WorkflowsUnavailable):
        if admin and hmac.compare_digest(key.encode(), admin.encode()):
            return Principal(name="admin", role="admin")
        raise wf.error()  # keys cannot be checked: a 503 that says why, not a misleading 401
    return identify(wf.db, key, admin)


def require(permission: Permission) -> Callable[[Request], Principal]:
    """A route dependency: the caller, if their role allows ``permission``; else 401 or 403."""

    def dependency(request: Request) -> Principal:
        who = principal(request)
        lang = request_language(request)
        if who is None:
            raise LocalizedError("auth_required", lang=lang, status=401)
        if not allows(who.role, permission):
            raise LocalizedError("forbidden", lang=lang, status=403)
        return who

    return dependency


def ensure_manufacturer(who: Principal, manufacturer_id: int, lang: str) -> None:
    """Manufacturer keys see their own records only."""
    if who.role == "manufacturer" and who.manufacturer_id != manufacturer_id:
        raise LocalizedError("forbidden", lang=lang, status=403)


def chat_allowed(request: Request) -> bool:
    """The manufacturer-facing routes: open, or the chat key, or any valid API key."""
    settings: Settings = request.app.state.settings
    if not settings.chat_key:
        return True
    key = presented_key(request)
    if key and hmac.compare_digest(key.encode(), settings.chat_key.get_secret_value().encode()):
        return True
    try:
        return principal(request) is not None
    except DatabaseUnavailableError:
        return False  # keys cannot be checked; the chat key above still works


def install_chat_gate(app: FastAPI, settings: Settings) -> None:
    if not settings.chat_key:
        return

    @app.middleware("http")
    async def chat_gate(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        path = request.url.path
        gated = any(path == p or (p.endswith("/") and path.startswith(p)) for p in CHAT_PATHS)
        if gated and not chat_allowed(request):
            # refused before any route runs: the language from ?lang=, Accept-Language or the body, as everywhere
            err = LocalizedError("auth_required", status=401)
            return JSONResponse(status_code=401, content=err.payload(await asker_language(request)))
        return await call_next(request)
