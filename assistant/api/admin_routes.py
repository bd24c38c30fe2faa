"""Admin: API keys for staff, advisors and manufacturers (shown once, stored hashed)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from assistant.access.keys import KeyRequestError, Principal, create_key, list_keys, revoke_key
from assistant.access.roles import Role
from assistant.api.auth import require, workflows_of
from assistant.api.ids import BodyId, PathId
from assistant.api.middleware import request_language
from assistant.workflows.errors import WorkflowError

router = APIRouter(tags=["admin"])


class KeyIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    role: Role
    manufacturer_id: BodyId | None = None


@router.post("/v1/admin/keys")
def new_key(body: KeyIn, request: Request, _: Annotated[Principal, Depends(require("keys.manage"))]) -> dict[str, Any]:
    try:
        row, plain = create_key(workflows_of(request).db, body.name, body.role, body.manufacturer_id)
    except KeyRequestError as exc:
        raise WorkflowError(422, "invalid_key_request", request_language(request), detail=str(exc)) from exc
    return {"id": row.id, "name": row.name, "role": row.role, "manufacturer_id": row.manufacturer_id, "key": plain}


@router.get("/v1/admin/keys")
def keys(request: Request, _: Annotated[Principal, Depends(require("keys.manage"))]) -> list[dict[str, Any]]:
    return [
        {
            "id": k.id,
            "name": k.name,
            "role": k.role,
            "prefix": k.prefix,
            "manufacturer_id": k.manufacturer_id,
            "revoked": k.revoked_at is not None,
        }
        for k in list_keys(workflows_of(request).db)
    ]


@router.delete("/v1/admin/keys/{key_id}")
def revoke(
    key_id: PathId, request: Request, _: Annotated[Principal, Depends(require("keys.manage"))]
) -> dict[str, Any]:
    if not revoke_key(workflows_of(request).db, key_id):
        raise WorkflowError(404, "not_found", request_language(request), what="key", id=key_id)
    return {"id": key_id, "revoked": True}
