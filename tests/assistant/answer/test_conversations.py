"""Follow-up questions keep their context whichever worker answers them: the turns live in the workflow
database, so a second process (here a second service on the same database) sees the first one's turns;
turns older than the expiry are forgotten."""

from __future__ import annotations

from assistant.answer.conversations import DatabaseConversations
from assistant.answer.service import AnswerService
from assistant.config import Settings
from assistant.storage.database import Database


def _worker(settings: Settings, ttl_s: float = 3600) -> AnswerService:
    db = Database.from_settings(settings)
    db.upgrade()
    return AnswerService(settings, conversations=DatabaseConversations(db, ttl_s, settings.conversation_turns))


def test_a_follow_up_answered_by_another_worker_keeps_the_context(corpus_settings: Settings) -> None:
    first, second = _worker(corpus_settings), _worker(corpus_settings)
    a = first.ask("Giảm 30% từ 2020 đến 2030 có đạt 1,5°C không?", session_id="two-workers")
    assert a.tool_calls and a.tool_calls[0].arguments["base_year"] == 2020
    b = second.ask("còn 2°C thì sao?", session_id="two-workers")
    assert b.tool_calls, b.answer
    args = b.tool_calls[0].arguments
    assert (args["base_year"], args["target_year"], args["ambition"]) == (2020, 2030, "2c")
    lone = second.ask("còn 2°C thì sao?", session_id="another-session")  # no turns: nothing to follow
    assert not lone.tool_calls


def test_expired_turns_are_forgotten(corpus_settings: Settings) -> None:
    worker = _worker(corpus_settings, ttl_s=0)
    worker.ask("Giảm 30% từ 2020 đến 2030 có đạt 1,5°C không?", session_id="expired")
    assert worker.conversations.recent("expired") == []
