"""Thumbs up/down and corrections, and their export as eval question-file items.

An exported item is a starting point for a reviewer, not a finished test: figures are taken from
the correction (thumbs down) or the approved answer (thumbs up) as ``must_include``, and
``needs_review`` is set so nobody mistakes it for a hand-checked item.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from sqlalchemy import select

from assistant.storage.database import Database
from assistant.storage.models import Feedback

Rating = Literal["up", "down"]
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s*%?")


class FeedbackStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        question: str,
        answer: str,
        language: str,
        rating: Rating,
        correction: str | None = None,
        refused: bool = False,
        citations: list[dict[str, Any]] | None = None,
        tool_calls: list[dict[str, Any]] | None = None,
        channel: str = "api",
    ) -> Feedback:
        row = Feedback(
            question=question,
            answer=answer,
            language=language,
            rating=rating,
            correction=(correction or "").strip() or None,
            refused=refused,
            citations=citations or [],
            tool_calls=tool_calls or [],
            channel=channel,
        )
        with self.db.session() as s:
            s.add(row)
        return row

    def list_feedback(self, rating: str | None = None, limit: int = 1000) -> list[Feedback]:
        with self.db.session() as s:
            q = select(Feedback).order_by(Feedback.id).limit(limit)
            if rating:
                q = q.where(Feedback.rating == rating)
            return list(s.scalars(q))


def as_question_item(row: Feedback) -> dict[str, Any]:
    """The contract's question-file format (unknown fields are kept and ignored by the eval)."""
    reference = row.correction if row.rating == "down" else row.answer
    figures = [] if row.refused and row.rating == "up" else _figures(reference or "")
    # citations and tool calls come from clients as free-form objects: read them defensively
    first = row.citations[0] if row.citations and isinstance(row.citations[0], dict) else {}
    tools = [t for t in row.tool_calls if isinstance(t, dict) and isinstance(t.get("name"), str)]
    tool = tools[0] if tools and row.rating == "up" else None
    kind = "refusal" if row.refused and row.rating == "up" else ("calc" if tool else "fact")
    return {
        "id": f"fb-{row.id}",
        "lang": row.language,
        "question": row.question,
        "kind": kind,
        "must_include": figures[:3],
        "any_of": [],
        "must_not_include": [],
        "expect_refusal": bool(row.refused and row.rating == "up"),
        "source_doc": first.get("doc") if row.rating == "up" else None,
        "source_quote": first.get("quote") if row.rating == "up" else None,
        "expected_tool": tool["name"] if tool else None,
        "expected_value": None,
        "needs_review": True,
        "feedback": {"rating": row.rating, "correction": row.correction, "answer": row.answer, "channel": row.channel},
    }


def _figures(text: str) -> list[str]:
    seen: list[str] = []
    for m in _FIGURE.finditer(text):
        f = re.sub(r"\s+", "", m.group(0))
        if len(f.rstrip("%")) >= 2 and f not in seen and not re.fullmatch(r"\[?\d\]?", f):
            seen.append(f)
    return seen
