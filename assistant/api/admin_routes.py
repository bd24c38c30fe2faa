"""Admin: API keys for staff, advisors and manufacturers (shown once, stored hashed)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from assistant.access.keys import Principal, create_key, list_keys, revoke_key
from assistant.access.roles import Role
from assistant.api.auth import require, workflows_of
from assistant.api.errors import request_language
from assistant.api.ids import BodyId, PathId
from assistant.messages import texts
from tools.errors import LocalizedError

router = APIRouter(tags=["admin"])


class KeyIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    role: Role
    manufacturer_id: BodyId | None = None


@router.post("/v1/admin/keys")
def new_key(body: KeyIn, request: Request, _: Annotated[Principal, Depends(require("keys.manage"))]) -> dict[str, Any]:
    row, plain = create_key(workflows_of(request).db, body.name, body.role, body.manufacturer_id)
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
        raise LocalizedError(
            "not_found", lang=request_language(request), status=404, what=texts("workflow.record.key"), id=key_id
        )
    return {"id": key_id, "revoked": True}
