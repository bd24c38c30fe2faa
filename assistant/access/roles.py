"""The one table of who may do what. Manufacturer keys are bound to one manufacturer and see only
its own records; advisors see every manufacturer they may be assigned; staff run the helpdesk."""

from __future__ import annotations

from typing import Literal

Role = Literal["admin", "staff", "advisor", "manufacturer"]
ROLES: tuple[Role, ...] = ("admin", "staff", "advisor", "manufacturer")

Permission = Literal[
    "chat",  # ask, chat, retrieve, calculators (when ASSISTANT_CHAT_KEY closes them)
    "feedback.give",
    "feedback.read",  # list and export feedback as eval items
    "draft.write",  # draft, edit and approve helpdesk replies
    "draft.read",  # approved answers, drafts
    "manufacturer.read",
    "manufacturer.write",
    "session.read",
    "session.write",
    "documents.ingest",
    "keys.manage",
]

PERMISSIONS: dict[Permission, frozenset[Role]] = {
    "chat": frozenset(ROLES),
    "feedback.give": frozenset(ROLES),
    "feedback.read": frozenset({"admin", "staff"}),
    "draft.write": frozenset({"admin", "staff"}),
    "draft.read": frozenset({"admin", "staff", "advisor"}),
    "manufacturer.read": frozenset({"admin", "staff", "advisor", "manufacturer"}),
    "manufacturer.write": frozenset({"admin", "staff", "advisor"}),
    "session.read": frozenset({"admin", "advisor", "manufacturer"}),
    "session.write": frozenset({"admin", "advisor"}),
    "documents.ingest": frozenset({"admin"}),
    "keys.manage": frozenset({"admin"}),
}


def allows(role: str, permission: Permission) -> bool:
    return role in PERMISSIONS[permission]
