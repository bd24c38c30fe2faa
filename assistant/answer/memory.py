"""Bounded conversation memory for follow-up questions ("and for scope 3?")."""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from typing import Any


class ConversationMemory:
    """The last ``turns`` exchanges of at most ``sessions`` conversations (least recently used dropped)."""

    def __init__(self, sessions: int = 1000, turns: int = 6) -> None:
        self._data: OrderedDict[str, deque[tuple[str, Any, str]]] = OrderedDict()
        self._sessions = sessions
        self._turns = turns
        self._lock = threading.Lock()

    def get(self, session_id: str) -> list[tuple[str, Any, str]]:
        with self._lock:
            turns = self._data.get(session_id)
            if turns is None:
                return []
            self._data.move_to_end(session_id)
            return list(turns)

    def add(self, session_id: str, turn: tuple[str, Any, str]) -> None:
        with self._lock:
            turns = self._data.setdefault(session_id, deque(maxlen=self._turns))
            turns.append(turn)
            self._data.move_to_end(session_id)
            while len(self._data) > self._sessions:
                self._data.popitem(last=False)
