"""Conversation memory for follow-up questions ("and for scope 3?").

With a workflow database the turns live there, so every ``serve --workers N`` process sees the same
conversation; without one (the CLI, a database that cannot be opened) a bounded in-process memory is used.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from datetime import timedelta
from typing import Protocol

from sqlalchemy import delete, select

from assistant.storage.database import Database
from assistant.storage.models import ConversationTurn, utcnow

Turn = tuple[str, str]  # (question, answer)


class Conversations(Protocol):
    def recent(self, session_id: str) -> list[Turn]: ...

    def add(self, session_id: str, question: str, answer: str) -> None: ...


class MemoryConversations:
    """The last ``turns`` exchanges of at most ``sessions`` conversations (least recently used dropped)."""

    def __init__(self, sessions: int = 1000, turns: int = 6) -> None:
        self._data: OrderedDict[str, deque[Turn]] = OrderedDict()
        self._sessions = sessions
        self._turns = turns
        self._lock = threading.Lock()

    def recent(self, session_id: str) -> list[Turn]:
        with self._lock:
            turns = self._data.get(session_id)
            if turns is None:
                return []
            self._data.move_to_end(session_id)
            return list(turns)

    def add(self, session_id: str, question: str, answer: str) -> None:
        with self._lock:
            turns = self._data.setdefault(session_id, deque(maxlen=self._turns))
            turns.append((question, answer))
            self._data.move_to_end(session_id)
            while len(self._data) > self._sessions:
                self._data.popitem(last=False)


class DatabaseConversations:
    """Turns in the workflow database; those older than ``ttl_s`` are neither read nor kept."""

    def __init__(self, db: Database, ttl_s: float, turns: int = 6) -> None:
        self.db = db
        self.ttl = timedelta(seconds=ttl_s)
        self.turns = turns

    def recent(self, session_id: str) -> list[Turn]:
        since = utcnow() - self.ttl
        with self.db.session() as s:
            rows = s.scalars(
                select(ConversationTurn)
                .where(ConversationTurn.session_id == session_id, ConversationTurn.created_at >= since)
                .order_by(ConversationTurn.id.desc())
                .limit(self.turns)
            ).all()
            return [(r.question, r.answer) for r in reversed(rows)]

    def add(self, session_id: str, question: str, answer: str) -> None:
        with self.db.session() as s:
            s.add(ConversationTurn(session_id=session_id, question=question, answer=answer))
            s.execute(delete(ConversationTurn).where(ConversationTurn.created_at < utcnow() - self.ttl))
