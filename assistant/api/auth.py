"""Who is calling (API key from ``Authorization: Bearer`` or ``X-API-Key``) and what they may do."""

import hmac
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from assistant.access.keys import Principal, identify
from assistant.access.roles import Permission, allows
from assistant.api.middleware import request_language
from assistant.config import Settings
from assistant.storage.database import DatabaseUnavailableError
from assistant.workflows.errors import WorkflowError
from assistant.workflows.registry import Workflows

# Manufacturer-facing routes: open unless ASSISTANT_CHAT_KEY is set.
CHAT_PATHS = ("/v1/ask", "/v1/chat/completions", "/v1/models", "/v1/retrieve", "/v1/tools/")


def presented_key(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-api-key", "").strip()


def workflows_of(request: Request) -> Workflows:
    wf = request.app.state.workflows
    if isinstance(wf, DatabaseUnavailableError):
        raise wf
    return wf


def principal(request: Request) -> Principal | None:
    settings: Settings = request.app.state.settings
    key = presented_key(request)
    if not key:
        return None
    admin = settings.admin_key.get_secret_value() if settings.admin_key else None
    wf = request.app.state.workflows
    if isinstance(wf, DatabaseUnavailableError):
        if admin and hmac.compare_digest(key.encode(), admin.encode()):
            return Principal(name="admin", role="admin")
        raise wf  # keys cannot be checked: a 503 that says why, not a misleading 401
    return identify(wf.db, key, admin)


def require(permission: Permission) -> Callable[[Request], Principal]:
    """A route dependency: the caller, if their role allows ``permission``; else 401 or 403."""

    def dependency(request: Request) -> Principal:
        who = principal(request)
        lang = request_language(request)
        if who is None:
            raise WorkflowError(401, "auth_required", lang)
        if not allows(who.role, permission):
            raise WorkflowError(403, "forbidden", lang)
        return who

    return dependency


def ensure_manufacturer(who: Principal, manufacturer_id: int, lang: str) -> None:
    """Manufacturer keys see their own records only."""
    if who.role == "manufacturer" and who.manufacturer_id != manufacturer_id:
        raise WorkflowError(403, "forbidden", lang)


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
            err = WorkflowError(401, "auth_required", request_language(request))
            return JSONResponse(status_code=401, content={"error": err.code, "message": err.message()})
        return await call_next(request)
