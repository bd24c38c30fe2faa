"""API keys: random tokens shown once, stored as SHA-256 hashes.

A fast hash is enough for 256-bit random tokens (nothing to brute-force, unlike passwords), and
lets a key be looked up by its hash on every request.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select

from assistant.access.roles import ROLES
from assistant.storage.database import Database
from assistant.storage.models import ApiKey, Manufacturer, utcnow
from tools.errors import LocalizedError

PREFIX = "cta_"


@dataclass(frozen=True)
class Principal:
    """Who is calling: a role, a name for the records, and for manufacturer keys, which one."""

    name: str
    role: str
    manufacturer_id: int | None = None
    key_id: int | None = None


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(db: Database, name: str, role: str, manufacturer_id: int | None = None) -> tuple[ApiKey, str]:
    """A new key; the returned plain key is never stored."""
    if role not in ROLES:
        raise LocalizedError(
            "invalid_key_request", status=422, detail=f"unknown role {role!r}; one of {', '.join(ROLES)}"
        )
    if (role == "manufacturer") != (manufacturer_id is not None):
        raise LocalizedError(
            "invalid_key_request",
            status=422,
            detail="a manufacturer key needs manufacturer_id, and only a manufacturer key takes one",
        )
    plain = PREFIX + secrets.token_urlsafe(32)
    with db.session() as s:
        if manufacturer_id is not None and s.get(Manufacturer, manufacturer_id) is None:
            raise LocalizedError("invalid_key_request", status=422, detail=f"no manufacturer {manufacturer_id}")
        row = ApiKey(
            name=name.strip()[:200] or role,
            role=role,
            key_hash=hash_key(plain),
            prefix=plain[:10],
            manufacturer_id=manufacturer_id,
        )
        s.add(row)
        s.flush()
    return row, plain


def revoke_key(db: Database, key_id: int) -> bool:
    with db.session() as s:
        row = s.get(ApiKey, key_id)
        if row is None or row.revoked_at is not None:
            return False
        row.revoked_at = utcnow()
        return True


def list_keys(db: Database) -> list[ApiKey]:
    with db.session() as s:
        return list(s.scalars(select(ApiKey).order_by(ApiKey.id)))


def identify(db: Database, presented: str, admin_key: str | None) -> Principal | None:
    """The caller behind a presented key, or None for an unknown or revoked key."""
    if not presented:
        return None
    if admin_key and hmac.compare_digest(presented.encode(), admin_key.encode()):
        return Principal(name="admin", role="admin")
    with db.session() as s:
        row = s.scalar(select(ApiKey).where(ApiKey.key_hash == hash_key(presented)))
        if row is None or row.revoked_at is not None:
            return None
        return Principal(name=row.name, role=row.role, manufacturer_id=row.manufacturer_id, key_id=row.id)
